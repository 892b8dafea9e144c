"""The window's sync actions: Send my work, Receive (chosen, dropped or opened files), Join the
team (a new laptop, from the team leader's package), Team passphrase.

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
        from fieldlog.services.exchange.passphrase import has_passphrase
        from fieldlog.ui.dialogs.passphrase_dialog import PassphraseDialog

        self.move_clear_passphrase()
        if has_passphrase(self.db):
            then()
            return
        dialog = PassphraseDialog(self.db, self.window)
        dialog.accepted.connect(then)
        _open(dialog)

    def move_clear_passphrase(self) -> None:
        """The upgrade: a passphrase an earlier FieldLog kept in the database file goes to the
        password store (or, with none, is kept until FieldLog closes), said once."""
        from fieldlog.services.exchange.passphrase import move_clear_passphrase
        from fieldlog.services.secrets import Kept
        from fieldlog.ui.changes import NOTHING
        from fieldlog.ui.operations import Operation

        move = Operation(self.window, lambda: move_clear_passphrase(self.db), changes=NOTHING)
        outcome = move.failure(lambda _sentence: None).run()
        if not outcome.ok or outcome.value is None:
            return  # could not be moved (a busy file): used where it is, moved next time
        if outcome.value is Kept.STORE:
            told = self.tr(
                "The team passphrase is no longer kept in the database file: it was moved to "
                "this computer's password store."
            )
        else:
            told = self.tr(
                "The team passphrase is no longer kept in the database file. This computer has "
                "no password store, and FieldLog will not keep the passphrase in a file: it is "
                "kept until FieldLog is closed, and asked again next time."
            )
        older = self.tr("Backups made before today still hold it.")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Team passphrase"),
            f"{told}\n\n{older}",
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("passphraseMovedBox")
        box.exec()

    def change_passphrase(self) -> None:
        """File ▸ Sync ▸ Team passphrase…"""
        from fieldlog.services.exchange.passphrase import has_passphrase
        from fieldlog.ui.dialogs.passphrase_dialog import PassphraseDialog

        self.move_clear_passphrase()
        _open(PassphraseDialog(self.db, self.window, changing=has_passphrase(self.db)))

    def send(self) -> None:
        """Send my work (Ctrl+Shift+S): the send dialog, once the passphrase is known."""
        from fieldlog.ui.dialogs.sync_send_dialog import SyncSendDialog

        self.with_passphrase(lambda: _open(SyncSendDialog(self.db, self.window)))

    def receive(self, paths: Sequence[Path] | None = None) -> None:
        """Receive (Ctrl+Shift+R) the chosen packages, or `paths` (dropped on the window)."""
        from fieldlog.services.exchange.bureau_receive import is_bureau

        chosen = list(paths) if paths is not None else None
        if is_bureau(self.db):  # each team's package opens with that team's kept passphrase
            self._receive(chosen)
            return
        self.with_passphrase(lambda: self._receive(chosen))

    def join(self, path: Path | None = None) -> None:
        """Join the team with the team leader's package (chosen here, or `path`): the join
        dialog names the package and its team first, and the package is received once the
        user says Join."""
        from fieldlog.ui.dialogs.join_dialog import JoinDialog

        if path is None:
            chosen = self._choose(several=False)
            if not chosen:
                return
            path = chosen[0]
        if not self._is_package(path):
            return
        dialog = JoinDialog(self.db, path, self.window)
        dialog.accepted.connect(lambda: self._receive([path]))
        _open(dialog)

    def open_file(self, path: Path, *, joining: bool) -> None:
        """A package opened with the app (a double-click, `fieldlog PACKAGE`): joining the
        team on an empty database, else received like a dropped one."""
        if joining:
            self.join(path)
        elif self._is_package(path):
            self.receive([path])

    def _is_package(self, path: Path) -> bool:
        """Whether `path` looks like a package (said once, before any passphrase is asked);
        False after telling the user why not."""
        from fieldlog.services.exchange.join import check_package_file
        from fieldlog.ui.changes import NOTHING
        from fieldlog.ui.operations import Operation

        check = Operation(self.window, lambda: check_package_file(self.db, path), changes=NOTHING)
        return check.failure(self._refused).run().ok

    def _refused(self, reason: str) -> None:
        QMessageBox.warning(
            self.window,
            self.tr("Receive"),
            self.tr("Nothing was received; the data on this laptop is unchanged.")
            + "\n\n"
            + reason.rstrip(".")
            + ".",
        )

    def _choose(self, *, several: bool = True) -> list[Path]:
        from fieldlog.ui.dialogs.sync_send_dialog import last_folder

        kinds = self.tr("FieldLog sync packages (*.fieldsync);;All files (*)")
        if several:
            title = self.tr("Receive sync packages")
            names, _ = QFileDialog.getOpenFileNames(self.window, title, str(last_folder()), kinds)
            return [Path(name) for name in names]
        title = self.tr("The package from your team leader")
        name, _ = QFileDialog.getOpenFileName(self.window, title, str(last_folder()), kinds)
        return [Path(name)] if name else []

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
            self._refused(outcome.error)
            return
        dialog = SyncReportDialog(outcome.value, self.window)
        dialog.review_requested.connect(self.review_requested)
        _open(dialog)
