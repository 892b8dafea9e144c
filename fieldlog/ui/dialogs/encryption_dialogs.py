"""File ▸ Encrypt database… and File ▸ Remove encryption…: the password, what becomes of the
backups, and why; a refusal stays in the dialog as one red sentence and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.admin import database_password
from fieldlog.services.admin.encryption import Backups, plain_backups
from fieldlog.store.database import Database
from fieldlog.ui.encryption_flow import (
    Reopen,
    convert,
    decrypted_note,
    encrypted_note,
    first_upper,
    keep_password,
)
from fieldlog.ui.widgets.new_password import NewPasswordFields, password_edit

ERROR_STYLE = "color: #c5221f;"


def _label(text: str, name: str, style: str = "") -> QLabel:
    label = QLabel(text, objectName=name)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


class EncryptDialog(QDialog):
    """A new password for the database (twice), and the existing plain backups: encrypted too,
    or deleted; `converted` carries what the app reopens."""

    converted = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert db.path is not None
        self.db = db
        self.setObjectName("encryptDialog")
        self.setWindowTitle(self.tr("Encrypt database"))
        why = _label(
            self.tr(
                "Encryption protects the visits and contacts if this laptop or a copy of the "
                "file is lost or stolen: without the password nobody can read them.\nNobody can "
                "recover a forgotten password, not FieldLog and not your team leader: without it "
                "the data is lost."
            ),
            "encryptExplanation",
        )
        self.fields = NewPasswordFields()
        self.fields.edited.connect(lambda: self.message.clear())
        plain = plain_backups(db.path)
        self.convert_backups = QRadioButton(
            self.tr("Encrypt the {count} existing backups too").format(count=len(plain)),
            objectName="encryptBackups",
        )
        self.remove_backups = QRadioButton(self.tr("Delete them"), objectName="deleteBackups")
        self.convert_backups.setChecked(True)
        self.message = _label("", "encryptMessage", ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.encrypt_button = buttons.addButton(
            self.tr("&Encrypt"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.encrypt_button.setObjectName("encryptButton")
        buttons.accepted.connect(self.encrypt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(self.fields)
        if plain:
            layout.addWidget(
                _label(
                    self.tr("This database has backups that are not encrypted:"),
                    "plainBackupsLabel",
                )
            )
            layout.addWidget(self.convert_backups)
            layout.addWidget(self.remove_backups)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self.fields.first.setFocus()

    def backups(self) -> Backups:
        return Backups.REMOVE if self.remove_backups.isChecked() else Backups.CONVERT

    def encrypt(self) -> None:
        """Encrypt the database and its backups; a refusal is said here."""
        problem = self.fields.problem()
        if problem:
            self.message.setText(problem)
            return
        password = self.fields.password()
        outcome = convert(self, self.db, password, encrypt=True, backups=self.backups())
        if not outcome.ok or outcome.value is None:
            self.message.setText(first_upper(outcome.error))
            return
        assert self.db.path is not None
        keep_password(self.db.path, password, self.fields.remember.isChecked())
        self.accept()
        self.converted.emit(Reopen(password, encrypted_note(outcome.value)))


class DecryptDialog(QDialog):
    """The current password, checked, before the encryption is taken off the database and its
    backups; the password remembered for it is forgotten."""

    converted = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert db.path is not None
        self.db = db
        self.setObjectName("decryptDialog")
        self.setWindowTitle(self.tr("Remove encryption"))
        why = _label(
            self.tr(
                "Without encryption, anyone who has this laptop or a copy of the file can read "
                "the visits and contacts. The backups are decrypted too."
            ),
            "decryptExplanation",
        )
        self.password = password_edit("databasePassword", self.tr("Current password"))
        self.password.textChanged.connect(lambda _text: self.message.clear())
        self.message = _label("", "decryptMessage", ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.decrypt_button = buttons.addButton(
            self.tr("&Remove encryption"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.decrypt_button.setObjectName("decryptButton")
        buttons.accepted.connect(self.decrypt)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Current &password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        self.password.setFocus()

    def decrypt(self) -> None:
        """Decrypt the database and its backups with the typed password; a wrong one is said."""
        typed = self.password.text()
        if not typed:
            self.message.setText(self.tr("Type the database's current password."))
            return
        outcome = convert(self, self.db, typed, encrypt=False, backups=Backups.CONVERT)
        if not outcome.ok or outcome.value is None:
            self.message.setText(first_upper(outcome.error))
            self.password.selectAll()
            return
        assert self.db.path is not None
        database_password.forget(self.db.path)
        self.accept()
        self.converted.emit(Reopen(None, decrypted_note(outcome.value)))
