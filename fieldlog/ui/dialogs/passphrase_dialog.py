"""The team passphrase that protects sync packages: typed twice, masked, kept in this
computer's password store — or, where there is none, for as long as FieldLog runs (it never
writes it to a file), which the dialog then says."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.exchange.passphrase import (
    MAX_PASSPHRASE,
    MIN_PASSPHRASE,
    set_passphrase,
    store_available,
)
from fieldlog.services.secrets import Kept
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.operations import Operation

ERROR_STYLE = "color: #c5221f;"
SYNC = Changes.of(Kind.SYNC)


def no_store_sentence() -> str:
    """Why the passphrase is asked again in each run (said where it is asked)."""
    return QCoreApplication.translate(
        "PassphraseDialog",
        "This computer has no password store, and FieldLog will not keep the passphrase in a "
        "file: it is kept only until FieldLog is closed, and asked again next time.",
    )


class PassphraseDialog(QDialog):
    """Asks for the team passphrase twice; a refusal stays in the dialog as a red message."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, changing: bool = False):
        super().__init__(parent)
        self.db = db
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Team passphrase"))
        if changing:
            intro = self.tr(
                "Type the new team passphrase. Packages made with the old one can no longer be "
                "received here, so change it on every laptop of the team at the same time."
            )
        else:
            intro = self.tr(
                "Sync packages are encrypted with the team passphrase. Type the one the team "
                "leader gave you; it is asked only once and kept in this computer's password "
                "store."
            )
        self.intro = QLabel(intro, objectName="passphraseIntro")
        self.intro.setWordWrap(True)
        self.no_store = QLabel(no_store_sentence(), objectName="passphraseNoStore")
        self.no_store.setWordWrap(True)
        self.no_store.setVisible(not store_available())
        self.first = self._edit("passphraseEdit", self.tr("Team passphrase"))
        self.second = self._edit("passphraseRepeatEdit", self.tr("Repeat the team passphrase"))
        self.rule = QLabel(
            self.tr(
                "{low}–{high} characters, no spaces at the start or end; the same on every "
                "laptop of the team."
            ).format(low=MIN_PASSPHRASE, high=MAX_PASSPHRASE),
            objectName="passphraseRule",
        )
        self.rule.setWordWrap(True)
        self.message = QLabel(objectName="passphraseMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("savePassphraseButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.resize(460, self.sizeHint().height())

    def _edit(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(MAX_PASSPHRASE + 1)  # one more, so that "too long" can be said
        edit.setAccessibleName(accessible)
        edit.textChanged.connect(lambda _text: self.message.clear())
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Repeat:"), self.second)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.no_store)
        layout.addLayout(form)
        layout.addWidget(self.rule)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.first.setFocus()

    def _problem(self, text: str) -> str:
        """What is wrong with `text` in the user's language (the service checks it again)."""
        if len(text) < MIN_PASSPHRASE:
            return self.tr("The passphrase is too short: at least {n} characters.").format(
                n=MIN_PASSPHRASE
            )
        if len(text) > MAX_PASSPHRASE:
            return self.tr("The passphrase is too long: at most {n} characters.").format(
                n=MAX_PASSPHRASE
            )
        if text != text.strip():
            return self.tr("The passphrase must not start or end with a space.")
        return ""

    def save(self) -> None:
        """Keep the passphrase if both entries agree and the service accepts it."""
        if self.first.text() != self.second.text():
            self.message.setText(self.tr("The two entries differ; type the passphrase again."))
            self.second.selectAll()
            self.second.setFocus()
            return
        problem = self._problem(self.first.text())
        if problem:
            self.message.setText(problem)
            self.first.setFocus()
            return
        passphrase = self.first.text()
        keep = Operation(self, lambda: set_passphrase(self.db, passphrase), changes=SYNC)
        keep.success(self._kept)
        keep.failure(self._refused)
        keep.run()

    def _kept(self, kept: Kept) -> None:
        """Accept; a store that exists but did not keep it (locked, refused) is said."""
        if kept is Kept.MEMORY and self.no_store.isHidden():
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Team passphrase"),
                self.tr(
                    "This computer's password store did not keep the passphrase (it may be "
                    "locked): FieldLog keeps it only until it is closed, and asks again next "
                    "time."
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("passphraseNotKeptBox")
            box.exec()
        self.accept()

    def _refused(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.first.setFocus()
