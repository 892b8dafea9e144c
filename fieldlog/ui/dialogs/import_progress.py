"""How far an import is, with a Cancel button that stops it before anything is stored.

The import runs on the GUI thread (the window's database connection is not shared with another
thread); the service tells this dialog how far it is every few hundred rows, and each time the
dialog lets the event loop run, so that it repaints and a click on Cancel arrives. The service
then rolls the whole import back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


class ImportProgressDialog(QProgressDialog):
    """A window-modal progress dialog the import service reports to (`imports.Progress`)."""

    def __init__(self, parent: QWidget | None, label: str) -> None:
        super().__init__(label, "", 0, 0, parent)
        self.setCancelButtonText(self.tr("Cancel"))
        self.setObjectName("importProgressDialog")
        self.setWindowTitle(self.tr("Import from Excel"))
        self.setAccessibleName(label)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self._file_label = label

    def __call__(self, step: str, done: int, total: int) -> bool:
        """Show how far the import is; False once the user has asked to cancel."""
        if step == "reading":
            self.setRange(0, 0)
            text = self.tr("Read {rows} rows.").format(rows=format(done, ","))
        else:
            self.setRange(0, max(total, 1))
            self.setValue(done)
            text = self.tr("Stored {done} of {total} rows.").format(
                done=format(done, ","), total=format(total, ",")
            )
        self.setLabelText(f"{self._file_label}\n{text}")
        QCoreApplication.processEvents()
        return not self.wasCanceled()
