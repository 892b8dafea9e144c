"""The first-start panel: what FieldLog is, and a way to try it with the demo dispatch."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldlog.ui.widgets.encrypt_new import EncryptNewBox

STYLE = """
#welcomeCard { background: palette(base); border: 1px solid palette(mid); border-radius: 10px; }
#welcomeTitle { font-size: 22pt; font-weight: 600; }
#welcomeText { font-size: 12pt; }
#welcomeNote { color: #5f6368; }
#welcomeMessage { color: #c5221f; }
#loadDemoButton, #setUpTeamButton, #joinTeamButton { font-size: 12pt; padding: 8px 22px; }
"""


class WelcomePanel(QWidget):
    """Shown while the database holds no team and no visits. With `offer_encryption` (a plain
    file that can be written) it offers to encrypt the database first, on by default: the
    choice and the password apply to the team set-up and to the demo alike."""

    load_demo_requested = Signal()
    set_up_requested = Signal()
    #: A new laptop joins its team from the team leader's full package.
    receive_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, offer_encryption: bool = False) -> None:
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
        self.set_up_button = QPushButton(self.tr("Set up my team…"), objectName="setUpTeamButton")
        self.set_up_button.clicked.connect(self.set_up_requested)
        self.set_up_button.setDefault(True)
        self.join_button = QPushButton(
            self.tr("Join with a package from my team leader…"), objectName="joinTeamButton"
        )
        self.join_button.clicked.connect(self.receive_requested)
        note = QLabel(
            self.tr(
                "Set up your team to start logging visits, join your team with the sync package "
                "your team leader sent you (everything, for a new laptop), or look around in the "
                "demo dispatch first (it goes into this database; use a separate one for real "
                "work)."
            ),
            objectName="welcomeNote",
        )
        note.setWordWrap(True)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 32, 36, 32)
        inner.setSpacing(16)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addSpacing(8)
        self.encryption: EncryptNewBox | None = None
        self.message = QLabel(objectName="welcomeMessage")
        self.message.setWordWrap(True)
        if offer_encryption:
            # Above the buttons: the password is chosen before the button that uses it.
            self.encryption = EncryptNewBox()
            self.encryption.edited.connect(self.message.clear)
            inner.addWidget(self.encryption)
        inner.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_up_button)
        buttons.addWidget(self.load_demo_button)
        buttons.addStretch()
        inner.addLayout(buttons)
        inner.addWidget(self.join_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(note)
        if self.encryption is not None:
            self._keyboard_order(self.encryption)
        outer = QVBoxLayout(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)

    def _keyboard_order(self, box: EncryptNewBox) -> None:
        """Tab goes as the eye does: the encryption choice and its password, then the buttons."""
        fields = box.fields
        chain = [box.check, fields.first, fields.second, fields.remember]
        chain += [self.set_up_button, self.load_demo_button, self.join_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
