"""The start-up check of a large database, run after the window is shown.

`PRAGMA quick_check` reads the whole file: seconds for a database of a million visits. Such a
file opens at once and is checked on a worker thread over a read-only connection of its own;
damage found then is reported as the check at start would have (the recovery screen).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from fieldlog.services.admin.maintenance import quick_check_in_background


class CheckRelay(QObject):
    """Carries a worker's finding to the GUI thread: (database location, first problem)."""

    damaged = Signal(str, str)
    finished = Signal(str)


_relay: CheckRelay | None = None


def relay() -> CheckRelay:
    """The application's one relay (it lives as long as the application)."""
    global _relay
    if _relay is None:
        _relay = CheckRelay(QCoreApplication.instance())
    return _relay


def start(location: str, path: Path, password: str | None = None) -> threading.Thread:
    """Check `path` on a worker thread (with `password`, the database's when it is encrypted);
    `relay()` announces damage, then the end of the check."""
    messenger = relay()

    def run() -> None:
        problems = quick_check_in_background(path, password)
        if problems:
            first = " ".join(problems[0].replace("*** in database main ***", "").split())
            messenger.damaged.emit(location, first)
        messenger.finished.emit(location)

    worker = threading.Thread(target=run, name="fieldlog-quick-check", daemon=True)
    worker.start()
    return worker
