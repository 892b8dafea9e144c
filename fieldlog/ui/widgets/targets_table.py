"""Targets against actuals: 完成率 and whether the team is ahead of or behind the time pace."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from fieldlog.domain.catalogs import display_kind_name
from fieldlog.domain.indicators import AMOUNT_METRICS, BY_KEY, caption
from fieldlog.domain.money import format_yi
from fieldlog.services.reports.targets import TargetProgress
from fieldlog.ui.widgets.combo_values import unknown_text

AHEAD = QColor("#1e7b34")
BEHIND = QColor("#c01c28")


def percent(share: float | None) -> str:
    """A share as a percentage with one decimal, or a dash when there is none."""
    return "—" if share is None else f"{share * 100:.1f}%"


def signed_percent(share: float | None) -> str:
    """An ahead/behind share with its sign: +15.3% ahead, −4.0% behind."""
    return "—" if share is None else f"{share * 100:+.1f}%"


def metric_label(metric: str) -> str:
    """The metric's caption in the window's language, as the headline panel names it."""
    # A metric of a newer FieldLog: its code, marked as unknown in the window's language.
    return caption(metric) if metric in BY_KEY else unknown_text(metric)


def fit_columns(table: QTableWidget) -> None:
    """Columns as wide as their contents, the last one taking the rest, after every refill."""
    # A one-off resizeColumnsToContents() leaves the stretched last column narrow after a refill.
    header = table.horizontalHeader()
    for column in range(table.columnCount() - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)


def fit_to_rows(table: QTableWidget) -> None:
    """Make the table as tall as its rows, so the page scrolls instead of the table."""
    # The header's size hint is right even before the table is first shown.
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setFixedHeight(height + 2)


class TargetsTable(QTableWidget):
    """One row per running target: metric, scope, target, actual, rate, time elapsed, ahead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setObjectName("targetsTable")
        self.setAccessibleName(self.tr("Targets against actuals"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Metric"),
                self.tr("Scope"),
                self.tr("Target"),
                self.tr("Actual"),
                self.tr("Completion"),
                self.tr("Time elapsed"),
                self.tr("Ahead / behind"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        fit_columns(self)

    def show_progress(self, rows: list[TargetProgress]) -> None:
        """Replace the rows with these targets."""
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            texts = [
                metric_label(row.metric),
                self._scope_text(row),
                self._amount(row.metric, row.target),
                self._amount(row.metric, row.actual),
                percent(row.rate),
                percent(row.elapsed),
                signed_percent(row.ahead),
            ]
            items = [QTableWidgetItem(text) for text in texts]
            for c, item in enumerate(items):
                if c >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, item)
            self._colour(items, row.ahead)
        fit_to_rows(self)

    def _scope_text(self, row: TargetProgress) -> str:
        texts = {
            "team": self.tr("Team: {name}"),
            "group": self.tr("Group: {name}"),
            "member": self.tr("Member: {name}"),
            "county": self.tr("County: {name}"),
        }
        name = row.scope_name
        if row.scope == "county":
            name = display_kind_name("county", name)
        return texts[row.scope].format(name=name)

    @staticmethod
    def _amount(metric: str, value: int) -> str:
        return format_yi(value) if metric in AMOUNT_METRICS else str(value)

    def _colour(self, items: list[QTableWidgetItem], ahead: float | None) -> None:
        # Red draws the eye to the targets falling behind the pace; green says all is well.
        if ahead is None:
            return
        colour = BEHIND if ahead < 0 else AHEAD
        for item in (items[4], items[6]):
            item.setForeground(QBrush(colour))
        items[6].setToolTip(
            self.tr("Behind the time pace") if ahead < 0 else self.tr("Ahead of the time pace")
        )
