"""The first-start panel: what FieldLog is, and a way to try it with the demo dispatch."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

STYLE = """
#welcomeCard { background: palette(base); border: 1px solid palette(mid); border-radius: 10px; }
#welcomeTitle { font-size: 22pt; font-weight: 600; }
#welcomeText { font-size: 12pt; }
#welcomeNote { color: #5f6368; }
#loadDemoButton { font-size: 12pt; padding: 8px 22px; }
"""


class WelcomePanel(QWidget):
    """Shown while the database holds no team and no visits."""

    load_demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setStyleSheet(STYLE)
        card = QFrame(objectName="welcomeCard")
        card.setMaximumWidth(640)
        title = QLabel(self.tr("Welcome to FieldLog"), objectName="welcomeTitle")
        text = QLabel(
            self.tr(
                "FieldLog is an offline logbook for investment-promotion teams dispatched to "
                "another city.\nIt records visits to enterprises and associations, follows leads "
                "to signed projects and funds in place, and writes the weekly return."
            ),
            objectName="welcomeText",
        )
        text.setWordWrap(True)
        self.load_demo_button = QPushButton(
            self.tr("Load the demo dispatch"), objectName="loadDemoButton"
        )
        self.load_demo_button.setAccessibleName(self.tr("Load the demo dispatch"))
        self.load_demo_button.clicked.connect(self.load_demo_requested)
        note = QLabel(
            self.tr("Setting up your own team comes with the next version of FieldLog."),
            objectName="welcomeNote",
        )
        note.setWordWrap(True)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 32, 36, 32)
        inner.setSpacing(16)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addSpacing(8)
        inner.addWidget(self.load_demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(note)
        outer = QVBoxLayout(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
