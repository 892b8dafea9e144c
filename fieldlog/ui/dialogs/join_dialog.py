"""Joining the team with a package from the team leader: the first screen says which package,
and which team it joins this laptop to, before anything is written.

The team's name travels inside the encrypted part of the package: with the passphrase already
kept here the dialog names the team at once; otherwise it asks for the passphrase, opens the
package with it (a wrong one is said in the dialog, nothing kept) and then names the team.
Join keeps a typed passphrase (in the computer's password store, else until FieldLog is closed:
never in a file) and accepts; the caller receives the package.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.exchange.join import PackageTeam, package_team, stored_passphrase
from fieldlog.services.exchange.passphrase import MAX_PASSPHRASE, set_passphrase, store_available
from fieldlog.store.database import Database
from fieldlog.ui.changes import NOTHING, Changes, Kind
from fieldlog.ui.operations import Operation

ERROR_STYLE = "color: #c5221f;"
TEAM_STYLE = "font-size: 12pt; font-weight: 600;"


class JoinDialog(QDialog):
    """Names the package and its team; Join once the package has opened with the passphrase."""

    def __init__(self, db: Database, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.path = db, path
        self.opened: PackageTeam | None = None
        self._typed: str | None = None  # a passphrase typed here, kept when the user joins
        self.setObjectName("joinTeamDialog")
        self.setWindowTitle(self.tr("Join the team"))
        self.intro = QLabel(
            self.tr(
                "The package “{file}” will join this laptop to its team: everything in it (the "
                "team, its members, organizations, visits and projects) comes into this "
                "database."
            ).format(file=path.name),
            objectName="joinIntro",
        )
        self.intro.setWordWrap(True)
        if store_available():
            ask = self.tr(
                "Type the team passphrase the team leader gave you to open the package. It is "
                "kept in this computer's password store once you join."
            )
        else:
            ask = self.tr(
                "Type the team passphrase the team leader gave you to open the package. This "
                "computer has no password store, and FieldLog will not keep the passphrase in a "
                "file: it is kept only until FieldLog is closed, and asked again next time."
            )
        self.ask = QLabel(ask, objectName="joinAsk")
        self.ask.setWordWrap(True)
        self.team_label = QLabel(objectName="joinTeamLabel")
        self.team_label.setStyleSheet(TEAM_STYLE)
        self.team_label.setWordWrap(True)
        self.details = QLabel(objectName="joinDetails")
        self.details.setWordWrap(True)
        self.passphrase = QLineEdit(objectName="joinPassphraseEdit")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMaxLength(MAX_PASSPHRASE + 1)
        self.passphrase.setAccessibleName(self.tr("Team passphrase"))
        self.passphrase.textChanged.connect(lambda _text: self.message.clear())
        self.open_button = QPushButton(self.tr("&Open the package"), objectName="openPackageButton")
        self.open_button.clicked.connect(self.open_with_typed)
        self.message = QLabel(objectName="joinMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.join_button = self.buttons.addButton(
            self.tr("&Join the team"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.join_button.setObjectName("joinButton")
        self.join_button.setEnabled(False)
        self.buttons.accepted.connect(self.join)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        stored = stored_passphrase(db)
        # A passphrase kept here that does not open the package may be typed again.
        self._ask_passphrase(stored is None or not self._open(stored))
        self.resize(520, self.sizeHint().height())

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.form.addRow(self.tr("Team &passphrase:"), self.passphrase)
        self.form.addRow("", self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.team_label)
        layout.addWidget(self.details)
        layout.addWidget(self.ask)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _ask_passphrase(self, shown: bool = True) -> None:
        asking = (self.ask, self.passphrase, self.open_button)
        for widget in (*asking, self.form.labelForField(self.passphrase)):
            widget.setVisible(shown)
        for label in (self.team_label, self.details):  # empty until the package is open
            label.setVisible(bool(label.text()))
        if shown:
            self.open_button.setDefault(True)
            self.passphrase.setFocus()

    def open_with_typed(self) -> None:
        """Open the package with the passphrase typed here (kept only if the user joins)."""
        typed = self.passphrase.text()
        if typed and self._open(typed):
            self._typed = typed
            self._ask_passphrase(False)
        elif not typed:
            self.message.setText(self.tr("Type the team passphrase the team leader gave you."))

    def _open(self, passphrase: str) -> bool:
        """Open the package and name its team; a refusal is said in red, nothing is kept."""
        outcome = (
            Operation(self, lambda: package_team(self.db, self.path, passphrase), changes=NOTHING)
            .failure(self._refused)
            .run()
        )
        if not outcome.ok or outcome.value is None:
            return False
        self.opened = outcome.value
        self._show_team(outcome.value)
        return True

    def _show_team(self, opened: PackageTeam) -> None:
        if opened.joins:
            headline = self.tr("This package will join this laptop to team {team}.")
        elif opened.team:
            headline = self.tr("This package is from team {team}, which this laptop is in.")
        else:
            headline = self.tr("This package belongs to no team; it joins this laptop to none.")
        self.team_label.setText(headline.format(team=opened.team))
        sender = opened.sender or self.tr("an unnamed member")
        self.details.setText(
            self.tr("Made by {sender}; {records} records.").format(
                sender=sender, records=opened.records
            )
        )
        self.message.clear()
        self.team_label.show()
        self.details.show()
        self.join_button.setEnabled(True)
        self.join_button.setDefault(True)
        self.join_button.setFocus()

    def _refused(self, sentence: str) -> None:
        self.message.setText(sentence.rstrip(".") + ".")
        self.passphrase.selectAll()

    def join(self) -> None:
        """Keep a passphrase typed here, then accept (the caller receives the package)."""
        if self.opened is None:
            return
        if self._typed is None:
            self.accept()
            return
        typed = self._typed
        keep = Operation(
            self, lambda: set_passphrase(self.db, typed), changes=Changes.of(Kind.SYNC)
        )
        keep.success(lambda _result: self.accept())
        keep.failure(self._refused)
        keep.run()
