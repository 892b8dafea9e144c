"""Undo and redo of the user's changes, as service calls that reverse each other.

Every undoable change runs through `run_undoable`: the change is made (and announced) through
`operations`, and only once it has succeeded is it put on the application's QUndoStack, so undo
and redo are changes like any other (they sync, and appear in the history).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from fieldlog.ui import operations

T = TypeVar("T")

_stack: QUndoStack | None = None


def undo_stack() -> QUndoStack:
    """The application-wide undo stack (Edit ▸ Undo / Redo are its actions)."""
    global _stack
    if _stack is None:
        _stack = QUndoStack()
    return _stack


class _ServiceCommand(QUndoCommand):
    """A change already made once; undo and redo call the services again."""

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._do, self._undo, self._done_once = do, undo, True

    def redo(self) -> None:
        if self._done_once:  # QUndoStack.push calls redo; the change was made just before
            self._done_once = False
            return
        operations.run(None, self._do)

    def undo(self) -> None:
        operations.run(None, self._undo)


def run_undoable(
    parent: QWidget | None, text: str, do: Callable[[], T], undo: Callable[[], object]
) -> tuple[bool, T | None]:
    """Make a change through `operations`; on success it can be undone as `text`."""
    ok, result = operations.attempt(parent, do)
    if ok:
        undo_stack().push(_ServiceCommand(text, do, undo))
    return ok, result
