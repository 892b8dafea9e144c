"""登记工作队: a package of a team the bureau does not know yet, and that team's passphrase.

The passphrase is typed once, masked; the core opens the package with it before anything is
kept, so a wrong one registers nothing. A refusal stays in the dialog as one red sentence.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.bureau.bureau import Registration, register_team
from fieldlog.services.exchange.passphrase import MAX_PASSPHRASE
from fieldlog.store.database import Database
from fieldlog.ui.changes import EVERYTHING
from fieldlog.ui.dialogs.passphrase_dialog import ERROR_STYLE
from fieldlog.ui.operations import Operation


class RegisterTeamDialog(QDialog):
    """Registers the team that made `path` with the passphrase typed, and receives the package."""

    def __init__(self, db: Database, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.path = db, path
        self.registration: Registration | None = None
        self.setObjectName("registerTeamDialog")
        self.setWindowTitle(self.tr("Register a team"))
        intro = self.tr(
            "The package {file} comes from a team this bureau does not receive yet. Type that "
            "team's passphrase (the team leader gives it): it is kept on this computer for this "
            "bureau only, and the team's later packages are received with it."
        )
        self.intro = QLabel(intro.format(file=path.name), objectName="registerIntro")
        self.intro.setWordWrap(True)
        self.passphrase = QLineEdit(objectName="teamPassphraseEdit")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMaxLength(MAX_PASSPHRASE + 1)
        self.passphrase.setAccessibleName(self.tr("The team's passphrase"))
        self.message = QLabel(objectName="registerMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.passphrase.textChanged.connect(lambda _text: self.message.clear())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.register_button = self.buttons.addButton(
            self.tr("&Register and receive"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.register_button.setObjectName("registerButton")
        self.buttons.accepted.connect(self.register)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Team &passphrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()
        self.resize(480, self.sizeHint().height())

    def register(self) -> None:
        """Register the team and receive its package; a refusal is said here."""
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.setText(self.tr("Type the team's passphrase."))
            return
        work = Operation(
            self, lambda: register_team(self.db, self.path, passphrase), changes=EVERYTHING
        )
        work.success(self._registered).failure(self._refused).run()

    def _registered(self, registration: Registration) -> None:
        self.registration = registration
        self.accept()

    def _refused(self, sentence: str) -> None:
        nothing = self.tr("Nothing was registered or received.")
        self.message.setText(f"{sentence.rstrip('.')}. {nothing}")
        self.passphrase.selectAll()
        self.passphrase.setFocus()
