"""The fields a database password is chosen with: typed twice, masked, and a box to remember it
on this computer (disabled, with the reason, where the computer has no password store)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from fieldlog.services import secrets
from fieldlog.services.admin.encryption import MIN_PASSWORD_LENGTH, check_new_password
from fieldlog.services.errors import InvalidInput

QUIET_STYLE = "color: #5f6368;"
FIELD_WIDTH = 360


def password_edit(name: str, accessible: str) -> QLineEdit:
    """A masked line edit for a password."""
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible)
    return edit


def remember_box() -> tuple[QCheckBox, QLabel]:
    """The box "Remember on this computer" (unchecked), and the line saying why it cannot be offered
    (shown only where the computer has no password store)."""
    translate = QCoreApplication.translate
    box = QCheckBox(
        translate("NewPassword", "Remember on this computer"), objectName="rememberDatabasePassword"
    )
    box.setChecked(False)
    why = QLabel(
        translate(
            "NewPassword",
            "This computer has no password store, and FieldLog never keeps the password in a "
            "file: it will be asked at each start.",
        ),
        objectName="noPasswordStore",
    )
    why.setWordWrap(True)
    why.setStyleSheet(QUIET_STYLE)
    available = secrets.store_available()
    box.setEnabled(available)
    why.setVisible(not available)
    return box, why


class NewPasswordFields(QWidget):
    """A new database password, typed twice; `problem()` says what is wrong with it."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = password_edit("newDatabasePassword", self.tr("Database password"))
        self.second = password_edit("repeatDatabasePassword", self.tr("Repeat the password"))
        for edit in (self.first, self.second):
            edit.textChanged.connect(lambda _text: self.edited.emit())
            edit.setMaximumWidth(FIELD_WIDTH)  # a password, not a paragraph, in a wide form
        self.remember, self.no_store = remember_box()
        self.rule = QLabel(
            self.tr("At least {count} characters.").format(count=MIN_PASSWORD_LENGTH),
            objectName="passwordRule",
        )
        self.rule.setStyleSheet(QUIET_STYLE)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Password:"), self.first)
        form.addRow(self.tr("&Repeat:"), self.second)
        form.addRow("", self.rule)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.no_store)

    def password(self) -> str:
        return self.first.text()

    def problem(self) -> str:
        """The sentence refusing the typed password (too short, the two differ), or ""."""
        try:
            check_new_password(self.first.text(), self.second.text())
        except InvalidInput as exc:
            return str(exc)
        return ""

    def copy_from(self, other: NewPasswordFields) -> None:
        """Take what was typed in `other` (the welcome screen's fields, into the set-up form)."""
        self.first.setText(other.first.text())
        self.second.setText(other.second.text())
        self.remember.setChecked(other.remember.isChecked())
