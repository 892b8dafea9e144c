"""The password of an encrypted database, asked when its window opens.

A password remembered on this computer is tried first (one that no longer opens the file is
forgotten); otherwise the dialog asks. A wrong password is one sentence in the dialog, which
stays open for another try: it is never told as damage, and never answered with a restore.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.admin import database_password
from fieldlog.store.database import Database
from fieldlog.store.errors import PasswordNeeded, WrongPassword, sentence
from fieldlog.store.location import describe
from fieldlog.ui.encryption_flow import first_upper
from fieldlog.ui.operations import busy_cursor
from fieldlog.ui.widgets.new_password import password_edit, remember_box

ERROR_STYLE = "color: #c5221f;"
# Opens the database with the password given (DatabaseError, WrongPassword, … if it cannot).
Opener = Callable[[str], Database]


class DatabasePasswordDialog(QDialog):
    """Asks for the password until it opens the database, or the user cancels.

    `db` is the database opened; `failure` what else went wrong while opening (damage, a busy
    file…: the caller tells it as it would without a password).
    """

    def __init__(self, name: str, opener: Opener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opener = opener
        self.db: Database | None = None
        self.failure: BaseException | None = None
        self.setObjectName("databasePasswordDialog")
        self.setWindowTitle(self.tr("Encrypted database"))
        intro = QLabel(
            self.tr("{name} is encrypted. Type its password to open it.").format(name=name),
            objectName="databasePasswordIntro",
        )
        intro.setWordWrap(True)
        self.password = password_edit("databasePassword", self.tr("Database password"))
        self.password.textChanged.connect(lambda _text: self.message.clear())
        self.remember, self.no_store = remember_box()
        self.message = QLabel(objectName="databasePasswordMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setObjectName("openDatabaseButton")
        buttons.accepted.connect(self.try_password)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.no_store)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(500, self.sizeHint().height())
        self.password.setFocus()

    def try_password(self) -> None:
        """Open the database with the typed password; a wrong one is said here."""
        typed = self.password.text()
        if not typed:
            self.message.setText(self.tr("Type the database's password."))
            return
        try:
            with busy_cursor():  # the key derivation takes a moment, by design
                self.db = self._opener(typed)
        except WrongPassword as exc:
            self.message.setText(first_upper(sentence(exc)))
            self.password.selectAll()
            self.password.setFocus()
            return
        except Exception as exc:  # told by the caller, as the same failure without a password
            self.failure = exc
            self.reject()
            return
        self.accept()


def open_encrypted(
    location: str, opener: Opener, parent: QWidget | None = None, known: str | None = None
) -> Database | None:
    """The database at `location` opened with `known` or the remembered password, else the one
    typed; None when the user cancels. Any failure but a wrong password is raised."""
    path = Path(location).expanduser().resolve()
    remembered = database_password.remembered(path)
    for password in dict.fromkeys(p for p in (known, remembered) if p):
        try:
            return opener(password)
        except WrongPassword:
            if password == remembered:  # changed since: the user is asked instead
                database_password.forget(path)
    dialog = DatabasePasswordDialog(describe(location), opener, parent)
    try:
        accepted = dialog.exec() == int(QDialog.DialogCode.Accepted.value)
        if dialog.failure is not None:
            raise dialog.failure
        if not accepted or dialog.db is None:
            return None
        if dialog.remember.isChecked() and dialog.db.password:
            database_password.remember(path, dialog.db.password)
        return dialog.db
    finally:
        dialog.deleteLater()


def open_asking(
    location: str,
    opener: Callable[[str | None], Database],
    parent: QWidget | None = None,
    password: str | None = None,
) -> Database | None:
    """`opener(None)`, or for an encrypted file `open_encrypted` (None: the user cancelled)."""
    try:
        return opener(None)
    except (PasswordNeeded, WrongPassword):  # WrongPassword: a file encrypted meanwhile
        pass
    return open_encrypted(location, opener, parent, known=password)
