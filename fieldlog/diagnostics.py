"""What went wrong, written down: the log file of the window, in the per-user log folder.

An installed FieldLog has no console (on Windows the window's program has no stderr at all), so a
defect's traceback printed to stderr would reach no one. The window logs to a small rotating
file instead — the file a cadre sends with "it said an unexpected error" — and an exception
nothing caught (a slot called by Qt) is logged there too, then told to the user by the window.

Qt-free: the window passes its own way of telling the user to `install_excepthook`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from fieldlog.store.location import APP_NAME
from fieldlog.store.private import private_folder

LOG_NAME = "fieldlog.log"
#: A few hundred tracebacks; three old files are kept beside it.
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("fieldlog")
_handler: RotatingFileHandler | None = None


def log_folder() -> Path:
    """The per-user log folder (~/.local/state/FieldLog/log, %LOCALAPPDATA%\\FieldLog\\Logs)."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path | None:
    """The file the window logs to, once `configure` has set it up."""
    return Path(_handler.baseFilename) if _handler is not None else None


def configure(folder: Path | None = None) -> Path | None:
    """Send FieldLog's warnings and errors to the log file (once per process); returns the
    file, or None when the folder cannot be made (a read-only profile): the app runs anyway."""
    global _handler
    if _handler is not None:
        return log_file()
    target = (folder or log_folder()) / LOG_NAME
    try:
        private_folder(target.parent)  # a traceback may quote a record: the user's only
        handler = RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.WARNING)
    log.addHandler(handler)
    console = _Console()  # a developer's terminal still shows them
    console.setLevel(logging.WARNING)
    log.addHandler(console)
    log.setLevel(logging.INFO)
    _handler = handler
    return target


class _Console(logging.StreamHandler):  # type: ignore[type-arg]
    """Whatever stderr is when a record comes (a windowed program has none; a test framework
    swaps it), not the one there was when logging was set up."""

    @property  # type: ignore[override]
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None:
            super().emit(record)


def install_excepthook(tell_user: Callable[[], None] | None = None) -> None:
    """Log every exception nothing caught (the log's console handler prints it where there is a
    console), then call `tell_user`, which must neither raise nor wait for the user; the program
    goes on, as Qt does after a slot fails. Installing again only replaces `tell_user`."""
    global _tell_user, _previous
    _tell_user = tell_user
    if sys.excepthook is not _hook:
        _previous = sys.excepthook
        sys.excepthook = _hook


_tell_user: Callable[[], None] | None = None
_previous = sys.__excepthook__


def _hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        _previous(kind, error, trace)
        return
    if _previous is not sys.__excepthook__:
        _previous(kind, error, trace)  # a host's or a test's own hook still hears of it
    log.critical("Unexpected error", exc_info=(kind, error, trace))
    if _tell_user is not None:
        _tell_user()
