"""A project's card on the pipeline board: drag it, or move it from its context menu."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QMenu, QVBoxLayout, QWidget

from fieldlog.domain.catalogs import display_kind_name
from fieldlog.domain.stages import ALL_STAGES, Stage
from fieldlog.domain.warnings import StaleColour
from fieldlog.services.projects.pipeline import ProjectCard
from fieldlog.ui.amounts import wan
from fieldlog.ui.widgets.combo_values import named

#: The mime type a dragged card carries; the data is the project id.
PROJECT_MIME = "application/x-fieldlog-project"
OVERDUE_COLOR = QColor("#c62828")
BORDER_COLOR, FOCUS_COLOR = QColor("#c8ccd2"), QColor("#1e6fd9")
#: A stale colour's badge: (background, text). Dark text on a pale ground reads on any card; the
#: badge names the colour in words, so it never rests on the colour alone.
BADGE_COLORS: dict[StaleColour, tuple[QColor, QColor]] = {
    StaleColour.YELLOW: (QColor("#fff1b8"), QColor("#5c4300")),
    StaleColour.RED: (QColor("#fcdcdc"), QColor("#9b1c1c")),
    StaleColour.RETIRE: (QColor("#dfe3e8"), QColor("#263238")),
}


def stage_name(stage: Stage | str) -> str:
    """The stage's name in the user's language (translated from English, 线索 … 终止 in Chinese);
    a stage this version does not know (a newer FieldLog's) as "Unknown (code)"."""
    names = {
        Stage.LEAD: QCoreApplication.translate("stages", "Lead"),
        Stage.NEGOTIATING: QCoreApplication.translate("stages", "Negotiating"),
        Stage.INSPECTED: QCoreApplication.translate("stages", "Inspected"),
        Stage.SIGNED: QCoreApplication.translate("stages", "Signed"),
        Stage.REGISTERED: QCoreApplication.translate("stages", "Registered"),
        Stage.STARTED: QCoreApplication.translate("stages", "Started"),
        Stage.PRODUCING: QCoreApplication.translate("stages", "Producing"),
        Stage.PAUSED: QCoreApplication.translate("stages", "Paused"),
        Stage.DROPPED: QCoreApplication.translate("stages", "Dropped"),
    }
    return named(names, stage)


def colour_name(colour: StaleColour) -> str:
    """The stale colour's name in the user's language (黄色预警, 红色预警, 建议退库 in Chinese)."""
    names = {
        StaleColour.YELLOW: QCoreApplication.translate("warnings", "Yellow warning"),
        StaleColour.RED: QCoreApplication.translate("warnings", "Red warning"),
        StaleColour.RETIRE: QCoreApplication.translate("warnings", "Suggest retiring"),
    }
    return names[colour]


def badge_text(colour: StaleColour, idle_days: int) -> str:
    """What a stale project's badge says: its colour and the days without activity."""
    text = QCoreApplication.translate("warnings", "%1 · %2 days idle")
    return text.replace("%1", colour_name(colour)).replace("%2", str(idle_days))


def colour_badge(colour: StaleColour, idle_days: int) -> QLabel:
    """The badge of a stale project: words on a pale ground of its colour."""
    label = QLabel(badge_text(colour, idle_days))
    label.setObjectName("stale_colour_label")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setContentsMargins(4, 1, 4, 1)
    background, text = BADGE_COLORS[colour]
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Window, background)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    label.setPalette(palette)
    label.setAutoFillBackground(True)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def project_mime(project_id: uuid.UUID) -> QMimeData:
    """Mime data naming a project, as a dragged card carries it."""
    mime = QMimeData()
    mime.setData(PROJECT_MIME, str(project_id).encode())
    return mime


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ProjectCardWidget(QFrame):
    """One card; `move_requested(id, stage)` from the menu, `open_requested(id)` on double-click.

    `stale`: the project's colour and days idle when it has one (a badge above its name).
    """

    move_requested = Signal(object, object)
    open_requested = Signal(object)

    def __init__(
        self,
        card: ProjectCard,
        stage: Stage,
        parent: QWidget | None = None,
        stale: tuple[StaleColour, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.card, self.stage, self.stale = card, stage, stale
        self._press: QPoint | None = None
        self.setObjectName("projectCard")
        self.setAccessibleName(card.name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Painted, not styled: style sheets make a board of hundreds of cards slow to build.
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._fill()

    def _fill(self) -> None:
        # Three labels, not one a line: a board builds hundreds of cards.
        card = self.card
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(1)
        if self.stale is not None:
            self.colour_label = colour_badge(*self.stale)
            layout.addWidget(self.colour_label, 0, Qt.AlignmentFlag.AlignLeft)
            self.setAccessibleName(f"{card.name} ({self.colour_label.text()})")
        title = _wrapped(card.name)
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        amounts = self.tr("Planned %1 / contract %2")
        amounts = amounts.replace("%1", wan(card.planned_yuan))
        days = self.tr("%1 · %2 days in stage").replace("%1", card.owner_name or "—")
        lines = [card.investor_name, display_kind_name("chain", card.chain_name)]
        lines += [amounts.replace("%2", wan(card.contract_yuan))]
        lines += [days.replace("%2", str(card.days_in_stage))]
        layout.addWidget(_wrapped("\n".join(line for line in lines if line)))
        self.follow_up_label = _wrapped(self._follow_up_text())
        self.follow_up_label.setObjectName("cardFollowUp")
        if card.overdue:
            palette = self.follow_up_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, OVERDUE_COLOR)
            self.follow_up_label.setPalette(palette)
            self.follow_up_label.setFont(font)
        layout.addWidget(self.follow_up_label)

    def _follow_up_text(self) -> str:
        day = self.card.next_follow_up
        if day is None:
            return self.tr("No follow-up set")
        if self.card.overdue:
            return self.tr("Follow-up overdue: %1").replace("%1", day.isoformat())
        return self.tr("Next follow-up: %1").replace("%1", day.isoformat())

    def move_menu(self) -> QMenu:
        """The context menu: Move to ▸ every other stage, and Open."""
        menu = QMenu(self)
        menu.setObjectName("cardMenu")
        open_action = menu.addAction(self.tr("Open"))
        open_action.triggered.connect(lambda: self.open_requested.emit(self.card.id))
        sub = menu.addMenu(self.tr("Move to"))
        sub.setObjectName("moveToMenu")
        for stage in ALL_STAGES:
            if stage != self.stage:
                action = sub.addAction(stage_name(stage))
                action.setData(stage.value)
                action.triggered.connect(lambda _=False, s=stage: self._request(s))
        return menu

    def _request(self, stage: Stage) -> None:
        self.move_requested.emit(self.card.id, stage)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = self.hasFocus()
        painter.setPen(QPen(FOCUS_COLOR if focused else BORDER_COLOR, 2 if focused else 1))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # The Menu key and Shift+F10 arrive here too, so the menu is keyboard-reachable.
        self.move_menu().exec(event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit(self.card.id)
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.open_requested.emit(self.card.id)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        moved = (event.position().toPoint() - self._press).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(project_mime(self.card.id))
        drag.setPixmap(self.grab())
        drag.exec(Qt.DropAction.MoveAction)
