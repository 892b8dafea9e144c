"""Undo and redo of the user's changes, as service calls that reverse each other.

An `operations.Operation` marked `.undoable(text, undo)` is put on the application's QUndoStack
once it has succeeded, as a `StepCommand` whose undo and redo are operations of their own: they
are announced, sync and appear in the history like any other change.

The stack belongs to one database: its commands call the services on that `Database`, so the
window binds the stack to its database and any other database taking its place clears it. An
undo or redo the service refuses (the record was deleted meanwhile, say) leaves the stack where it
was: QUndoStack moves its index whatever the command did, so the service runs first and the stack
moves only after it succeeded.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from fieldlog.store.database import Database


class StepCommand(QUndoCommand):
    """A change already made once; `undo` and `redo` make the reverse (or the change again)
    and say whether they succeeded (a refusal has been shown to the user by then)."""

    def __init__(self, text: str, *, redo: Callable[[], bool], undo: Callable[[], bool]) -> None:
        super().__init__(text)
        self._redo, self._undo = redo, undo
        # Set when the service call QUndoStack is about to ask for has already been made.
        self._made = True  # QUndoStack.push calls redo; the change was made just before

    def attempt(self, *, undoing: bool) -> bool:
        """Make the undo (or redo) now; False if it failed."""
        ok = self._undo() if undoing else self._redo()
        self._made = ok
        return ok

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._redo()

    def undo(self) -> None:
        if self._made:
            self._made = False
            return
        self._undo()


class _UndoStack(QUndoStack):
    """A QUndoStack that moves only once the service call behind the step has succeeded."""

    def undo(self) -> None:
        if self._attempt(self.index() - 1, undoing=True):
            super().undo()

    def redo(self) -> None:
        if self._attempt(self.index(), undoing=False):
            super().redo()

    def _attempt(self, position: int, *, undoing: bool) -> bool:
        if not 0 <= position < self.count():
            return False
        command = self.command(position)
        return not isinstance(command, StepCommand) or command.attempt(undoing=undoing)

    # The actions QUndoStack makes call its own C++ slots, which would skip the check above.
    def createUndoAction(self, parent: QObject, prefix: str = "") -> QAction:
        action = super().createUndoAction(parent, prefix)
        action.triggered.disconnect()
        action.triggered.connect(lambda _checked=False: self.undo())
        return action

    def createRedoAction(self, parent: QObject, prefix: str = "") -> QAction:
        action = super().createRedoAction(parent, prefix)
        action.triggered.disconnect()
        action.triggered.connect(lambda _checked=False: self.redo())
        return action


_stack: _UndoStack | None = None
_owner: Database | None = None


def undo_stack() -> QUndoStack:
    """The application-wide undo stack (Edit ▸ Undo / Redo are its actions)."""
    global _stack
    if _stack is None:
        _stack = _UndoStack()
    return _stack


def bind_to(db: Database) -> None:
    """Make the stack the one of `db`: the commands of any other database are dropped (the same
    database, as when the window is rebuilt in another language, keeps them)."""
    global _owner
    if _owner is not db:
        undo_stack().clear()
        _owner = db


def release(db: Database) -> None:
    """`db` is closed or replaced (damage found, a backup restored over it): drop its commands."""
    global _owner
    if _owner is db:
        undo_stack().clear()
        _owner = None
