"""The choice offered at first start and in the team set-up: encrypt this (still empty) database
with a password, on by default; unchecking it says in one line what that means."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from fieldlog.ui.widgets.new_password import QUIET_STYLE, NewPasswordFields


class EncryptNewBox(QWidget):
    """The box "Encrypt this database with a password" (checked) and the password, twice."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encryptNewBox")
        self.check = QCheckBox(
            self.tr("Encrypt this database with a password"), objectName="encryptNewDatabase"
        )
        self.check.setChecked(True)
        self.fields = NewPasswordFields()
        self.note = QLabel(objectName="encryptNewNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(QUIET_STYLE)
        self.check.toggled.connect(self._toggled)
        self.check.toggled.connect(lambda _on: self.edited.emit())
        self.fields.edited.connect(self.edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.fields)
        layout.addWidget(self.note)
        self._toggled(True)

    def _toggled(self, on: bool) -> None:
        self.fields.setEnabled(on)
        if on:
            self.note.setText(
                self.tr(
                    "A lost laptop then shows nothing without the password; nobody can recover "
                    "a forgotten one."
                )
            )
        else:
            self.note.setText(
                self.tr(
                    "Not encrypted: anyone who has this laptop or a copy of the file can read it "
                    "(File ▸ Encrypt database… can do it later)."
                )
            )

    def wanted(self) -> bool:
        """Whether the database is to be encrypted."""
        return self.check.isChecked()

    def problem(self) -> str:
        """Why the typed password cannot be used ("" when encryption is off or it can)."""
        return self.fields.problem() if self.wanted() else ""

    def copy_from(self, other: EncryptNewBox) -> None:
        """Take the choice and the password typed in `other` (the welcome screen's)."""
        self.check.setChecked(other.check.isChecked())
        self.fields.copy_from(other.fields)
