"""The save step the export dialogs share (the briefing, the follow-ups calendar): write on a
worker with a progress label, remember the folder, and say where the file went or why not."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QLabel, QWidget

from fieldlog.ui import tasks

# The folder the export dialogs offer first: the one the last export went to.
FOLDER_KEY = "export/folder"


class WrittenFile:
    """Writes a file for `dialog` and reports it in its two labels: `result` says where the file
    went, `error` why it was not written (one sentence, in the dialog, nothing else changed)."""

    def __init__(self, dialog: QWidget, result: QLabel, error: QLabel) -> None:
        self.dialog, self.result, self.error = dialog, result, error
        self.written: Path | None = None

    def write(self, target: Path, write: Callable[[Path], Path]) -> Path | None:
        """`write(target)` on a worker; the path written, or None (the error is shown)."""
        label = QCoreApplication.translate("WrittenFile", "Writing {file}…")
        outcome = tasks.run_task(self.dialog, label.format(file=target.name), write, target)
        if not outcome.ok or outcome.value is None:
            self.show_error(outcome.error)
            return None
        self.written = outcome.value
        QSettings().setValue(FOLDER_KEY, str(self.written.parent))
        self.show_error("")
        shown = html.escape(str(self.written))
        written = QCoreApplication.translate("WrittenFile", "<b>Written:</b> {path}")
        self.result.setText(written.format(path=shown))
        self.result.show()
        return self.written

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if message:
            self.result.hide()
