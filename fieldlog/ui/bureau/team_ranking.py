"""The ranking of a bureau's teams on the all-teams dashboard: signed projects, contract amount and
funds in place, each against the team's own target with time-pace; the total below, counting an
enterprise several teams visited once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from fieldlog.domain.counting import Stats
from fieldlog.domain.indicators import AMOUNT_METRICS
from fieldlog.domain.money import format_yi
from fieldlog.services.bureau.window_support import RANKED_METRICS, RankedTeam
from fieldlog.services.reports.targets import TargetProgress
from fieldlog.ui.widgets.targets_table import (
    AHEAD,
    BEHIND,
    fit_columns,
    fit_to_rows,
    metric_label,
    percent,
    signed_percent,
)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _figure(metric: str, value: int) -> str:
    return format_yi(value) if metric in AMOUNT_METRICS else str(value)


class TeamRankingTable(QTableWidget):
    """One row per team, largest contract amount first, and the de-duplicated total last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 1 + 2 * len(RANKED_METRICS), parent)
        self.setObjectName("teamRanking")
        self.setAccessibleName(self.tr("Teams ranked against their targets"))
        headers = [self.tr("Team")]
        for metric in RANKED_METRICS:
            headers += [metric_label(metric), self.tr("Target completion (pace)")]
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        fit_columns(self)

    def total_text(self) -> str:
        """The total row's label: it says an enterprise is counted once."""
        return self.tr("Total of all teams (an enterprise several teams visited counts once)")

    def show_ranking(self, ranked: list[RankedTeam], total: Stats) -> None:
        """Replace the rows: the teams in the order given, then the total."""
        self.setRowCount(len(ranked) + 1)
        for row, team in enumerate(ranked):
            self._fill(row, team.team.name, team.stats, team.targets)
        self._fill(len(ranked), self.total_text(), total, None)
        bold = QFont(self.font())
        bold.setBold(True)
        for column in range(self.columnCount()):
            item = self.item(len(ranked), column)
            if item is not None:
                item.setFont(bold)
        fit_to_rows(self)

    def _fill(
        self, row: int, name: str, figures: Stats, targets: dict[str, TargetProgress] | None
    ) -> None:
        self.setItem(row, 0, QTableWidgetItem(name))
        for index, metric in enumerate(RANKED_METRICS):
            value = QTableWidgetItem(_figure(metric, figures.value(metric)))
            value.setTextAlignment(RIGHT)
            self.setItem(row, 1 + 2 * index, value)
            if targets is not None:
                self.setItem(row, 2 + 2 * index, self._progress(targets.get(metric)))
            else:
                self.setItem(row, 2 + 2 * index, QTableWidgetItem(""))

    def _progress(self, progress: TargetProgress | None) -> QTableWidgetItem:
        if progress is None:
            item = QTableWidgetItem("—")
            item.setToolTip(self.tr("No team target for this figure runs on this day."))
            item.setTextAlignment(RIGHT)
            return item
        text = f"{percent(progress.rate)} ({signed_percent(progress.ahead)})"
        item = QTableWidgetItem(text)
        item.setTextAlignment(RIGHT)
        tip = self.tr(
            "Target {target} from {start} to {end}; done so far {actual}; {elapsed} of the time "
            "has gone by. In brackets: ahead (+) or behind (−) the time pace."
        )
        item.setToolTip(
            tip.format(
                target=_figure(progress.metric, progress.target),
                start=progress.start.isoformat(),
                end=progress.end.isoformat(),
                actual=_figure(progress.metric, progress.actual),
                elapsed=percent(progress.elapsed),
            )
        )
        if progress.ahead is not None:
            item.setForeground(AHEAD if progress.ahead >= 0 else BEHIND)
        return item
