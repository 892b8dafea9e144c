"""A word-wrapped label that a layout never makes shorter than its text.

A wrapped QLabel tells layouts it can shrink to one short line, so in a dialog at its smallest
size a two-line message (the credit-code check under a new organization) was cut in half. This
one asks for the height its text needs at its current width.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappingLabel(QLabel):
    """A QLabel with word wrap whose minimum height is that of its text at its width."""

    def __init__(self, text: str = "", parent: QWidget | None = None, **kwargs: object) -> None:
        super().__init__(text, parent, **kwargs)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if not self.text():
            return hint
        needed = self.heightForWidth(max(self.width(), hint.width()))
        return QSize(hint.width(), max(hint.height(), needed))

    def setText(self, text: str) -> None:
        super().setText(text)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # a new width: another height may be needed
