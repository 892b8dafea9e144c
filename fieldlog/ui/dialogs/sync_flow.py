"""The window's sync actions: Send my work, Receive (chosen or dropped files), Team passphrase.

Nothing here blocks: the passphrase is asked in a window-modal dialog the first time, and the
action the user asked for goes on once it is saved (or is dropped if the dialog is cancelled).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from fieldlog.store.database import Database

# The sync modules (and the cryptography under them, half a second to load) are imported when
# the user first sends or receives, not while the window opens.


def _open(dialog: QDialog) -> QDialog:
    """Show a window-modal dialog that frees itself when closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class SyncFlow(QObject):
    """Runs the sync actions over one database, with `window` as the parent of its dialogs."""

    #: The user wants to review conflicts and look-alikes (the window shows the Sync page).
    review_requested = Signal()

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self.db, self.window = db, window
        self.stages: list[str] = []  # the import stages last shown (tests read them)

    def with_passphrase(self, then: Callable[[], object]) -> None:
        """Run `then` now if the team passphrase is known, else after the user has typed it."""
        from fieldlog.services.exchange.sync import has_passphrase
        from fieldlog.ui.dialogs.passphrase_dialog import PassphraseDialog

        if has_passphrase(self.db):
            then()
            return
        dialog = PassphraseDialog(self.db, self.window)
        dialog.accepted.connect(then)
        _open(dialog)

    def change_passphrase(self) -> None:
        """File ▸ Sync ▸ Team passphrase…"""
        from fieldlog.services.exchange.sync import has_passphrase
        from fieldlog.ui.dialogs.passphrase_dialog import PassphraseDialog

        _open(PassphraseDialog(self.db, self.window, changing=has_passphrase(self.db)))

    def send(self) -> None:
        """Send my work (Ctrl+Shift+S): the send dialog, once the passphrase is known."""
        from fieldlog.ui.dialogs.sync_send_dialog import SyncSendDialog

        self.with_passphrase(lambda: _open(SyncSendDialog(self.db, self.window)))

    def receive(self, paths: Sequence[Path] | None = None) -> None:
        """Receive (Ctrl+Shift+R) the chosen packages, or `paths` (dropped on the window)."""
        chosen = list(paths) if paths is not None else None
        self.with_passphrase(lambda: self._receive(chosen))

    def _choose(self) -> list[Path]:
        from fieldlog.ui.dialogs.sync_send_dialog import last_folder

        names, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Receive sync packages"),
            str(last_folder()),
            self.tr("FieldLog sync packages (*.fieldsync);;All files (*)"),
        )
        return [Path(name) for name in names]

    def _receive(self, paths: list[Path] | None) -> None:
        from fieldlog.ui.dialogs.sync_progress import receive_packages
        from fieldlog.ui.dialogs.sync_report_dialog import SyncReportDialog
        from fieldlog.ui.dialogs.sync_send_dialog import remember_folder

        if paths is None:
            paths = self._choose()
        if not paths:
            return
        remember_folder(paths[0].parent)
        outcome, self.stages = receive_packages(self.window, self.db, paths)
        if not outcome.ok or outcome.value is None:
            reason = outcome.error.rstrip(".") + "."
            QMessageBox.warning(
                self.window,
                self.tr("Receive"),
                self.tr("Nothing was received; the data on this laptop is unchanged.")
                + "\n\n"
                + reason,
            )
            return
        dialog = SyncReportDialog(outcome.value, self.window)
        dialog.review_requested.connect(self.review_requested)
        _open(dialog)
