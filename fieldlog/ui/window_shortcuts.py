"""The window's shortcuts work from any focus inside it.

A text field claims some Ctrl keys for itself before any shortcut sees them (on Linux a line
edit takes Ctrl+E to move to the end of the line), so Ctrl+E did nothing while the search box
had the focus, which is where it usually is. This filter answers Qt's "does the focused widget
want this key?" question (ShortcutOverride) with "no" for the keys of the window's own actions,
so the action runs. Text editing keys (copy, paste, undo, select all…) are left to the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

# Keys a text field must keep even where an action of the window has them too.
_EDITING = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Delete,
)


def window_keys(window: QMainWindow) -> set[QKeySequence]:
    """The key sequences of the window's actions that no text field may keep for itself."""
    editing = {key for standard in _EDITING for key in QKeySequence.keyBindings(standard)}
    keys = set()
    for action in window.findChildren(QAction):
        if action.parent() is not window:
            continue  # a page's own actions keep their page-wide scope
        for key in action.shortcuts():
            if not key.isEmpty() and key not in editing:
                keys.add(key)
    return keys


class WindowShortcuts(QObject):
    """Installed on the application for one main window; see the module's docstring."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._keys: set[QKeySequence] | None = None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def forget(self) -> None:
        """Read the actions' keys again at the next key press (after actions change)."""
        self._keys = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window or not isinstance(event, QKeyEvent):
            return False  # a dialog's fields keep every key
        if self._keys is None:
            self._keys = window_keys(self._window)
        # Returning True leaves the event unaccepted: the field does not take the key, the
        # window's shortcut runs.
        return QKeySequence(event.keyCombination()) in self._keys
