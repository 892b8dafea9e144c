"""The one way the UI changes data: an `Operation` runs a service call once, reports how it
failed, puts it on the undo stack if asked, and announces what it changed.

    Operation(self, lambda: save_org(db, data), changes=Changes.of(Kind.ORG))
        .success(self.on_saved)
        .failure(self.show_error)  # inline, beside the field; without it a message box
        .undoable(self.tr("New organization"), lambda: delete_org(db, ...))
        .run()

Only `REFUSALS` (the services saying no to the input) show their own text; a database or disk
failure shows its one sentence; anything else is a defect: it is logged with its traceback and
the user reads a generic sentence, never the exception's text. Screens never call each other after
a change; they listen to `changes().changes_applied`, which carries the `Changes` made, and
refresh only when it touches a kind they show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fieldlog.services.errors import InvalidInput
from fieldlog.store.backup import BackupError
from fieldlog.store.files import FileRefused
from fieldlog.store.repositories.common import NotFound
from fieldlog.sync.errors import PackageError
from fieldlog.ui import database_errors, undo
from fieldlog.ui.changes import NOTHING, Changes

T = TypeVar("T")
log = logging.getLogger(__name__)

# What the core raises when it refuses what the user asked, with one sentence for the user:
# bad input (InvalidInput), a sync package it will not import, a backup or restore it will not
# make, a file it will not write or read there, a record deleted meanwhile (an undo, say).
REFUSALS: tuple[type[Exception], ...] = (
    InvalidInput,
    PackageError,
    BackupError,
    FileRefused,
    NotFound,
)


class ChangeBus(QObject):
    """Announces that an operation has committed, with the kinds of record it changed."""

    changes_applied = Signal(Changes)


_bus: ChangeBus | None = None


def changes() -> ChangeBus:
    """The application-wide change announcer."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus


@contextmanager
def busy_cursor() -> Iterator[None]:
    """Show the wait cursor while a synchronous action runs on the GUI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    # Let the cursor (and any status message) reach the screen before the work blocks the loop.
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How an operation ended: its result, or the sentence that says why it failed."""

    ok: bool
    value: T | None = None
    error: str = ""


def defect_sentence() -> str:
    """What the user reads when a call failed by a defect of FieldLog (not a refusal)."""
    return QCoreApplication.translate(
        "operations",
        "FieldLog met an unexpected error and could not finish this.",
    )


def failure_sentence(exc: Exception) -> str:
    """The user's sentence for `exc`: a refusal's own text, a database or disk failure's
    sentence, or (logged with its traceback) the generic one for anything else."""
    if isinstance(exc, REFUSALS):
        return str(exc) or exc.__class__.__name__
    if isinstance(exc, database_errors.FAILURES):
        return database_errors.message(exc)
    log.error("An operation failed unexpectedly", exc_info=exc)
    return defect_sentence()


class Operation(Generic[T]):
    """A change the user asked for: a service call described once and run once by `run()`."""

    def __init__(
        self, parent: QWidget | None, action: Callable[[], T], *, changes: Changes
    ) -> None:
        self._parent, self._action, self._changes = parent, action, changes
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[str], object] | None = None
        self._undo: tuple[str, Callable[[], object]] | None = None

    def success(self, on_success: Callable[[T], object]) -> Operation[T]:
        """Call `on_success(result)` after the change is made and announced."""
        self._on_success = on_success
        return self

    def failure(self, on_failure: Callable[[str], object]) -> Operation[T]:
        """Hand the failure's sentence to `on_failure` instead of a message box."""
        self._on_failure = on_failure
        return self

    def undoable(self, text: str, undo_action: Callable[[], object]) -> Operation[T]:
        """Once made, the change goes on the undo stack as `text`: undo calls `undo_action`,
        redo the action again, each as an operation of its own."""
        self._undo = (text, undo_action)
        return self

    def run(self) -> Outcome[T]:
        """Make the change; while another FieldLog writes, wait behind a dialog the user can
        cancel. The services leave the data as it was when they fail."""
        try:
            with busy_cursor():
                result = database_errors.patiently(self._parent, self._action)
        except Exception as exc:  # every failure is told in one sentence; a defect is logged
            return self._failed(failure_sentence(exc))
        if self._undo is not None:
            text, undo_action = self._undo
            undo.undo_stack().push(self._command(text, undo_action))
        announce(self._changes)
        if self._on_success is not None:
            self._on_success(result)
        return Outcome(True, result)

    def _failed(self, sentence: str) -> Outcome[T]:
        if self._on_failure is not None:
            self._on_failure(sentence)
        else:
            title = QCoreApplication.translate("operations", "FieldLog")
            QMessageBox.warning(self._parent, title, sentence)
        return Outcome(False, error=sentence)

    def _command(self, text: str, undo_action: Callable[[], object]) -> undo.StepCommand:
        def step(action: Callable[[], object], undoing: bool) -> Callable[[], bool]:
            told = _told(action, text, undoing)
            return lambda: Operation(None, told, changes=self._changes).run().ok

        return undo.StepCommand(text, redo=step(self._action, False), undo=step(undo_action, True))


def _told(action: Callable[[], object], text: str, undoing: bool) -> Callable[[], object]:
    """`action`, its refusal saying which change could not be undone (or redone)."""

    def run() -> object:
        try:
            return action()
        except REFUSALS as exc:
            if undoing:
                told = QCoreApplication.translate("undo", "“{change}” was not undone: {reason}")
            else:
                told = QCoreApplication.translate("undo", "“{change}” was not redone: {reason}")
            raise InvalidInput(told.format(change=text, reason=exc)) from exc

    return run


def announce(made: Changes) -> None:
    """Tell every screen what was changed (nothing is announced for NOTHING)."""
    if made != NOTHING:
        changes().changes_applied.emit(made)


def run(
    parent: QWidget | None, made: Changes, action: Callable[..., T], *args: object, **kw: object
) -> T | None:
    """`Operation` in one line: `action(*args, **kw)`, a failure in a message box; the result,
    or None after a failure."""
    return Operation(parent, lambda: action(*args, **kw), changes=made).run().value
