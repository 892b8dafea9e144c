"""Helpers of the encrypted-database window tests: an encrypted demo file, a modal dialog
answered from inside its own event loop, and the content of a closed file."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from fieldlog import app
from fieldlog.store.cipher import encrypt

PASSWORD = "correct-horse-42"
WRONG = "wrong-password-7"
#: How often the helper looks for the dialog before giving up (each look 20 ms apart).
LOOKS = 500


def encrypted_demo(demo_database_file: Path, folder: Path) -> Path:
    """A closed copy of the demo, encrypted with PASSWORD (no backups beside it)."""
    plain = folder / "plain.db"
    shutil.copyfile(demo_database_file, plain)
    path = folder / "encrypted demo.db"
    encrypt(plain, path, PASSWORD)
    plain.unlink()
    return path


def file_hash(path: Path) -> str:
    """The bytes of a closed database file (nothing of this process holds it)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


class DialogAnswers:
    """Answers the first modal dialog named `name` that opens, with `answer(dialog)`; a dialog
    that `answer` leaves open is cancelled, so a failing test never hangs in its event loop."""

    def __init__(self, name: str, answer: Callable[[QDialog], object]) -> None:
        self.name, self._answer = name, answer
        self.seen: list[QDialog] = []
        self.notes: list[object] = []
        self._looks = 0
        self._stopped = False
        QTimer.singleShot(0, self._look)

    def _look(self) -> None:
        if self._stopped:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.objectName() == self.name:
            self.seen.append(dialog)
            self._stopped = True  # one dialog answered: the next one is the test's to see
            try:
                self.notes.append(self._answer(dialog))
            finally:
                if dialog.isVisible():
                    dialog.reject()
            return
        self._looks += 1
        if self._looks < LOOKS:
            QTimer.singleShot(20, self._look)

    def stop(self) -> None:
        self._stopped = True


def start(path: Path) -> int:
    """`fieldlog --db path` in this process (the test's QApplication: returns at once)."""
    return app.main(["--db", str(path), "--lang", "en"])
