"""A chain link's tile on the chain map: its figures, and a status word the colour repeats."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldlog.domain.catalogs import display_name
from fieldlog.domain.money import format_yi
from fieldlog.services.reports.chain_map import LinkTile
from fieldlog.ui.amounts import wan
from fieldlog.ui.widgets.combo_values import unknown_text

#: Status → (tile background, border, badge colour). The badge word says the same as the colour.
GAP, OPEN, SIGNED, NONE = "gap", "open", "signed", "none"
COLOURS = {
    GAP: ("#fdecea", "#c62828", "#c62828"),
    OPEN: ("#fff8e1", "#e0a800", "#8a6100"),
    SIGNED: ("#e8f5e9", "#2e7d32", "#2e7d32"),
    NONE: ("#f4f5f7", "#9aa0a6", "#5f6368"),
}
INDENT = 14  # pixels per level of a sub-link


def yi(yuan: int) -> str:
    """Yuan as 亿元, the number alone (29.14, 4.389, 0): the caption names the unit."""
    return format_yi(yuan)


def position_names() -> dict[str, str]:
    """Position code → the word people read."""
    translate = QCoreApplication.translate
    return {
        "upstream": translate("chainMap", "Upstream"),
        "midstream": translate("chainMap", "Midstream"),
        "downstream": translate("chainMap", "Downstream"),
    }


def status_of(tile: LinkTile) -> str:
    """gap (a link with no open and no signed project), signed, open, or none (unassigned)."""
    if tile.gap:
        return GAP
    if tile.figures.signed_projects:
        return SIGNED
    if tile.figures.open_projects:
        return OPEN
    return NONE


def status_word(status: str) -> str:
    """The badge word of a status, in the user's language."""
    words = {
        GAP: QCoreApplication.translate("chainMap", "GAP — to fill"),
        OPEN: QCoreApplication.translate("chainMap", "In talks"),
        SIGNED: QCoreApplication.translate("chainMap", "Signed"),
        NONE: "",
    }
    return words[status]


def figure_lines(tile: LinkTile) -> list[str]:
    """The tile's lines: organizations, open projects, signed projects with their amounts.

    The unassigned tile leaves out the lines with nothing to say.
    """
    f = tile.figures
    translate = QCoreApplication.translate
    orgs = translate("chainMap", "Organizations %1 · visited %2")
    lines = [orgs.replace("%1", str(f.orgs)).replace("%2", str(f.visited))]
    if f.open_projects:
        text = translate("chainMap", "Open projects %1 · planned %2")
        lines.append(text.replace("%1", str(f.open_projects)).replace("%2", wan(f.planned_yuan)))
    elif tile.id is not None:
        lines.append(translate("chainMap", "No open project"))
    if f.signed_projects:
        text = translate("chainMap", "Signed %1 · contract %2 · funds %3")
        text = text.replace("%1", str(f.signed_projects)).replace("%2", wan(f.contract_yuan))
        lines.append(text.replace("%3", wan(f.funds_yuan)))
    elif tile.id is not None:
        lines.append(translate("chainMap", "No signed project"))
    if tile.id is None and not f.orgs:
        lines = lines[1:]
    return lines


class ChainLinkTile(QFrame):
    """One link; a click, Enter or Space selects it: `chosen(link id, None for unassigned)`."""

    chosen = Signal(object)

    def __init__(self, tile: LinkTile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tile, self.status = tile, status_of(tile)
        self.setObjectName("chainLinkTile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = self._title_text()
        self.setAccessibleName(self._accessible_text())
        self.lines = figure_lines(tile)
        self._build()
        self.set_current(False)

    def _title_text(self) -> str:
        if self.tile.id is None:
            return self.tr("Not tied to a link")
        name = display_name(self.tile.id, self.tile.name)
        if self.tile.position not in position_names():
            return f"{name} · {unknown_text(self.tile.position)}"
        return name

    def _accessible_text(self) -> str:
        word = status_word(self.status)
        return f"{self.title}: {word}" if word else self.title

    def _build(self) -> None:
        badge_colour = COLOURS[self.status][2]  # background and border: set_current
        top = QHBoxLayout()
        name = QLabel(self.title)
        name.setObjectName("tileName")
        name.setWordWrap(True)
        name.setStyleSheet("font-weight: bold; font-size: 14px;")
        top.addWidget(name, 1)
        self.badge = QLabel(status_word(self.status))
        self.badge.setObjectName("tileStatus")
        self.badge.setStyleSheet(f"color: {badge_colour}; font-weight: bold;")
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8 + INDENT * self.tile.depth, 6, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        if self.tile.parent_name:
            under = QLabel(self.tr("under %1").replace("%1", self.tile.parent_name))
            under.setStyleSheet("color: #5f6368;")
            layout.addWidget(under)
        for text in self.lines:
            label = QLabel(text)
            label.setObjectName("tileFigures")
            label.setWordWrap(True)
            layout.addWidget(label)
        self.setToolTip("\n".join([self._accessible_text(), *self.lines]))

    def set_current(self, current: bool) -> None:
        """Mark the tile as the one whose organizations and projects are listed."""
        background, border, _badge = COLOURS[self.status]
        style = "dashed" if self.status == GAP else "solid"
        width = 3 if current else 2
        frame = "#1e6fd9" if current else border
        self.setStyleSheet(
            f"#chainLinkTile {{ background: {background}; border: {width}px {style} {frame};"
            " border-radius: 5px; }"
            "#chainLinkTile:focus { border: 3px solid #1e6fd9; }"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self.tile.id)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.chosen.emit(self.tile.id)
            return
        super().mousePressEvent(event)
