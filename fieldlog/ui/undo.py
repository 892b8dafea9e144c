"""Undo and redo of the user's changes, as service calls that reverse each other.

Every undoable change runs through `run_undoable`: the change is made (and announced) through
`operations`, and only once it has succeeded is it put on the application's QUndoStack, so undo
and redo are changes like any other (they sync, and appear in the history).

The stack belongs to one database: its commands call the services on that `Database`, so the
window binds the stack to its database and any other database taking its place clears it. An
undo or redo the service refuses (the record was deleted meanwhile, say) leaves the stack where it
was: QUndoStack moves its index whatever the command did, so the service runs first and the stack
moves only after it succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from fieldlog.store.database import Database
from fieldlog.ui import operations

T = TypeVar("T")


class _ServiceCommand(QUndoCommand):
    """A change already made once; undo and redo call the services again."""

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo
        # Set when the service call QUndoStack is about to ask for has already been made.
        self._made = True  # QUndoStack.push calls redo; the change was made just before

    def attempt(self, *, undoing: bool) -> bool:
        """Make the undo (or redo) now; False, after one message saying why, if refused."""
        ok, _ = operations.attempt(None, self._explained(undoing))
        self._made = ok
        return ok

    def _explained(self, undoing: bool) -> Callable[[], object]:
        action = self._undo if undoing else self._do

        def run() -> object:
            try:
                return action()
            except ValueError as exc:
                if undoing:
                    text = QCoreApplication.translate("undo", "“{change}” was not undone: {reason}")
                else:
                    text = QCoreApplication.translate("undo", "“{change}” was not redone: {reason}")
                raise ValueError(text.format(change=self.text(), reason=exc)) from exc

        return run

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        operations.run(None, self._explained(False))

    def undo(self) -> None:
        if self._made:
            self._made = False
            return
        operations.run(None, self._explained(True))


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
        return not isinstance(command, _ServiceCommand) or command.attempt(undoing=undoing)

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


def run_undoable(
    parent: QWidget | None, text: str, do: Callable[[], T], undo: Callable[[], object]
) -> tuple[bool, T | None]:
    """Make a change through `operations`; on success it can be undone as `text`."""
    ok, result = operations.attempt(parent, do)
    if ok:
        undo_stack().push(_ServiceCommand(text, do, undo))
    return ok, result
