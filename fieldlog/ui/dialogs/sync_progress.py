"""Receiving packages behind a progress dialog that names each stage of the import.

Like fieldlog/ui/tasks.py the work runs on the GUI thread (the window's SQLite connection must
not move to another thread); the service's progress callback repaints the dialog as it goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from fieldlog.services.exchange.sync import import_packages
from fieldlog.services.exchange.sync_report import SyncImportReport
from fieldlog.store.database import Database
from fieldlog.ui.changes import EVERYTHING
from fieldlog.ui.operations import Operation
from fieldlog.ui.tasks import TaskOutcome

#: Where the packages' checking and merging (which alternate, package by package) and each later
#: stage start and end on a 0–1000 bar; the backup, taken once before the first merge, only
#: names itself.
PACKAGES_SPAN = (0, 860)
STAGE_SPANS = {
    "files": (860, 900),
    "dedupe": (900, 940),
    "check": (940, 980),
    "commit": (980, 1000),
}


def stage_text(stage: str, done: int, total: int) -> str:
    """What the import is doing, as the progress dialog says it."""
    translate = QCoreApplication.translate
    texts = {
        "verify": translate("SyncProgress", "Checking package {n} of {total}…"),
        "backup": translate("SyncProgress", "Backing up this laptop's data…"),
        "apply": translate("SyncProgress", "Merging records: {done} of {total}…"),
        "files": translate("SyncProgress", "Storing attached files…"),
        "dedupe": translate("SyncProgress", "Looking for duplicate organizations…"),
        "check": translate("SyncProgress", "Checking the database…"),
        "commit": translate("SyncProgress", "Saving…"),
    }
    return texts.get(stage, stage).format(n=min(done + 1, total), done=done, total=total)


class ImportProgress(QProgressDialog):
    """A window-modal progress dialog without Cancel (one transaction cannot stop halfway)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(stage_text("verify", 0, 1), "", 0, 1000, parent)
        self.setObjectName("syncProgressDialog")
        self.setWindowTitle(QCoreApplication.translate("SyncProgress", "Receiving packages"))
        self.setCancelButton(None)  # type: ignore[arg-type]
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(400)
        self.stages: list[str] = []  # the stages seen, in order (tests read them)
        self._package = (0, 1)  # the package being checked or merged, of how many

    def report(self, stage: str, done: int, total: int) -> None:
        """The service's progress callback: name the stage, move the bar, repaint."""
        if not self.stages or self.stages[-1] != stage:
            self.stages.append(stage)
        share = min(done / total, 1.0) if total > 0 else 1.0
        if stage == "verify":
            self._package = (done, max(total, 1))
            stage_share: float | None = 0.0
        else:
            stage_share = share if stage == "apply" else None
        self.setLabelText(stage_text(stage, done, total))
        self.setAccessibleName(self.labelText())
        if stage_share is not None:  # within the package being checked or merged
            index, count = self._package
            start, end = PACKAGES_SPAN
            self.setValue(start + int((end - start) * (index + stage_share) / count))
        elif stage in STAGE_SPANS:
            start, end = STAGE_SPANS[stage]
            self.setValue(start + int((end - start) * share))
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def receive_packages(
    parent: QWidget | None, db: Database, paths: Sequence[Path]
) -> tuple[TaskOutcome[SyncImportReport], list[str]]:
    """Import `paths` with the progress dialog; the outcome and the stages that were shown.

    A refusal (wrong passphrase, damaged file, newer FieldLog …) or a failure of the file or the
    database is a failed outcome with its sentence; the database is then as it was. A success
    changes anything a package can carry: it is announced as EVERYTHING.
    """
    dialog = ImportProgress(parent)
    dialog.show()
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        operation = Operation(
            parent,
            lambda: import_packages(db, list(paths), progress=dialog.report),
            changes=EVERYTHING,
        )
        outcome = operation.failure(lambda _sentence: None).run()
    finally:
        dialog.close()
        dialog.deleteLater()
    return outcome, dialog.stages
