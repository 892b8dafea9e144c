"""The headline panel: the team, its dispatch period and the figures the home bureau asks for."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain import indicators
from fieldlog.domain.counting import Stats
from fieldlog.domain.indicators import AMOUNT_METRICS, HEADLINE_METRICS
from fieldlog.domain.money import format_yi
from fieldlog.domain.period import Period

COLUMNS = 4
CARD_MIN_WIDTH = 190
STYLE = """
#headlinePanel { background: palette(window); }
#teamNameLabel { font-size: 20pt; font-weight: 600; }
#periodLabel { font-size: 11pt; color: #5f6368; }
#figuresCaption { color: #5f6368; }
QFrame[role="card"] {
    background: palette(base); border: 1px solid #d0d4da; border-radius: 10px;
}
QLabel[role="caption"] { font-size: 10.5pt; color: #3c4043; }
QLabel[role="value"] { font-size: 28pt; font-weight: 600; color: #1a5fb4; }
QLabel[role="all"] { color: #5f6368; }
QLabel[role="assessed"] { font-size: 11pt; color: #1e5a2b; }
"""
#: The figures shown under the team's assessment scope too (考核口径), by their key there.
ASSESSED_METRICS = ("projects_signed", "contract_amount_yuan", "funds_in_place_yuan")


def format_figure(stats: Stats, metric: str) -> str:
    """A metric as shown: a count, or an amount in 亿元 as a bureau writes it (29.14, 4.389)."""
    value = stats.value(metric)
    return format_yi(value) if metric in AMOUNT_METRICS else str(value)


def _label(text: str, role: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    return label


class _Card(NamedTuple):
    """The widgets of one figure's card that change with the figures."""

    frame: QFrame
    caption: str
    value: QLabel
    all_caption: QLabel
    all_value: QLabel
    assessed: QLabel | None  # the 考核口径 line of a signed figure


class HeadlinePanel(QWidget):
    """The team's headline figures: a period large, all time small below each.

    Each figure sits in a QLabel named `figure_<metric>` (the period shown, or all time when no
    period is set) and `figure_<metric>_all` (all time); the signed figures also under the
    team's assessment scope in `figure_<metric>_assessed` (the period shown). `show_figures`
    refills them in place.
    """

    def __init__(
        self,
        team_name: str | None,
        dispatch: Period | None,
        primary: Stats,
        overall: Stats,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("headlinePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(STYLE)
        self.cards: dict[str, _Card] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.team_label = _label("", "title", "teamNameLabel")
        self.period_label = _label("", "subtitle", "periodLabel")
        layout.addWidget(self.team_label)
        layout.addWidget(self.period_label)
        layout.addSpacing(8)
        layout.addLayout(self._grid())
        self.caption_label = _label("", "note", "figuresCaption")
        layout.addWidget(self.caption_label)
        layout.addStretch(1)
        self.show_figures(
            team_name,
            self.dispatch_text(dispatch),
            primary,
            overall if dispatch is not None else None,  # all time twice says nothing
            self.dispatch_caption(dispatch),
        )

    def _grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(12)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        for index, (metric, caption) in enumerate(self._figures()):
            grid.addWidget(self._card(metric, caption), index // COLUMNS, index % COLUMNS)
        return grid

    def show_figures(
        self,
        team_name: str | None,
        period_text: str,
        primary: Stats,
        overall: Stats | None,
        caption: str,
    ) -> None:
        """Show these figures; `overall` None hides the small all-time figures."""
        self.team_label.setText(team_name or self.tr("No team set up yet"))
        self.period_label.setText(period_text)
        self.caption_label.setText(caption)
        for metric, card in self.cards.items():
            card.value.setText(format_figure(primary, metric))
            card.all_value.setText(format_figure(overall, metric) if overall else "")
            card.all_caption.setVisible(overall is not None)
            card.all_value.setVisible(overall is not None)
            shown = card.value.text()
            if card.assessed is not None:
                card.assessed.setText(self.assessed_text(primary, metric))
                shown = f"{shown}, {card.assessed.text()}"
            card.frame.setAccessibleName(
                self.tr("{caption}: {value}").format(caption=card.caption, value=shown)
            )

    def assessed_text(self, stats: Stats, metric: str) -> str:
        """The line under a signed figure: its value under the assessment scope, with a unit."""
        value = stats.figure(f"assessment.{metric}")
        if metric in AMOUNT_METRICS:
            text = self.tr("Assessment scope: {amount} (100M yuan)")
            return text.format(amount=format_yi(value))
        return self.tr("Assessment scope: {count}").format(count=value)

    def _figures(self) -> list[tuple[str, str]]:
        # The window's language, as the weekly return names them; a count's caption needs no
        # unit, an amount's says 亿元 (走访企业, 合同投资额（亿元）).
        return [(metric, indicators.caption(metric)) for metric in HEADLINE_METRICS]

    def dispatch_text(self, dispatch: Period | None) -> str:
        """What the figures of the dispatch period cover, for the period line."""
        if dispatch is None:
            return self.tr("No dispatch period set: figures cover all recorded work")
        if dispatch.days is None:
            return self.tr("Dispatch period: {period}").format(period=dispatch)
        text = self.tr("Dispatch period: {period} ({days} days)")
        return text.format(period=dispatch, days=dispatch.days)

    def dispatch_caption(self, dispatch: Period | None) -> str:
        """The note under the figures when they show the dispatch period."""
        if dispatch is None:
            return self.tr("Counted by the rules of the weekly return, over all recorded work.")
        return self.tr(
            "Large figures: the dispatch period. Small figures: all time. "
            "Counted by the rules of the weekly return."
        )

    def _card(self, metric: str, caption: str) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        card.setObjectName(f"card_{metric}")
        # Equal columns whatever the caption lengths; long captions wrap instead.
        card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        card.setMinimumWidth(CARD_MIN_WIDTH)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(6)
        caption_label = _label(caption, "caption")
        caption_label.setWordWrap(True)
        layout.addWidget(caption_label)
        value = _label("", "value", f"figure_{metric}")
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(value)
        all_row = QHBoxLayout()
        all_caption = _label(self.tr("All time"), "all")
        all_value = _label("", "all", f"figure_{metric}_all")
        all_row.addWidget(all_caption)
        all_row.addWidget(all_value)
        all_row.addStretch(1)
        assessed = None
        if metric in ASSESSED_METRICS:
            # Between the large figure and the all-time one: both are the period shown.
            assessed = _label("", "assessed", f"figure_{metric}_assessed")
            assessed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(assessed)
        layout.addLayout(all_row)
        self.cards[metric] = _Card(card, caption, value, all_caption, all_value, assessed)
        return card
