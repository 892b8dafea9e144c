"""The dashboard's warnings (三色预警): stale projects per colour for the team and each work group,
leads answered late, and each member's complete leads of the week against the quota."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_name
from fieldlog.domain.period import IsoWeek
from fieldlog.domain.warnings import COLOURS, StaleColour
from fieldlog.services.reports import warnings
from fieldlog.services.reports.warnings import QuotaRow, WarningCounts
from fieldlog.store.database import Database
from fieldlog.ui.widgets.project_card import BADGE_COLORS, colour_name
from fieldlog.ui.widgets.targets_table import fit_to_rows

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Behind the quota's verdict: the words say it, the colour only repeats them.
MET_COLOR, SHORT_COLOR = QColor("#1b5e20"), BADGE_COLORS[StaleColour.RED][1]


def _table(name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def _fit(table: QTableWidget) -> None:
    """As tall as its rows and as wide as its columns: two narrow tables side by side, not a
    coloured column stretched across the page."""
    table.resizeColumnsToContents()
    width = sum(table.columnWidth(c) for c in range(table.columnCount()))
    table.setFixedWidth(width + 2 * table.frameWidth() + 2)
    fit_to_rows(table)


def _item(text: str, right: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(RIGHT)
    return item


class WarningsPanel(QWidget):
    """Counts per colour (team, then each group), late leads, and the week's lead quota."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warnings_panel")
        self.title = QLabel(objectName="warningsTitle")
        self.late_label = QLabel(objectName="lateLeadsLabel")
        self.counts_table = _table(
            "warning_counts_table",
            self.tr("Stale projects per colour"),
            [self.tr("Who"), *(colour_name(colour) for colour in COLOURS)],
        )
        for column, colour in enumerate(COLOURS, start=1):
            header = self.counts_table.horizontalHeaderItem(column)
            header.setBackground(BADGE_COLORS[colour][0])
            header.setForeground(BADGE_COLORS[colour][1])
        self.quota_title = QLabel(objectName="quotaTitle")
        self.quota_table = _table(
            "lead_quota_table",
            self.tr("Complete leads of the week against the quota"),
            [
                self.tr("Member"),
                self.tr("New leads"),
                self.tr("Complete leads"),
                self.tr("Weekly quota"),
                self.tr("Quota met"),
            ],
        )
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.counts_table)
        left.addWidget(self.late_label)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.quota_title)
        right.addWidget(self.quota_table)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addSpacing(24)
        layout.addLayout(right)
        layout.addStretch(1)

    def show_warnings(self, db: Database, as_of: date) -> None:
        """Read and show the warnings as they stand on `as_of`, and the quota of its week."""
        week = IsoWeek.of(as_of)
        self.title.setText(
            self.tr("<b>Warnings</b> as at {day}: projects without activity").format(
                day=as_of.isoformat()
            )
        )
        figures = warnings.panel_figures(db, as_of, week.period)
        self._show_counts(figures.counts)
        self.late_label.setText(self.tr("Leads answered late: %n", "", len(figures.late)))
        self.quota_title.setText(
            self.tr("<b>Complete leads</b> of the week {week} ({period})").format(
                week=week, period=week.period
            )
        )
        self._show_quota(figures.quota)

    def _show_counts(self, counts: WarningCounts) -> None:
        rows = [(self.tr("Whole team"), counts.team)]
        rows += [(display_name(gid, name), tally) for gid, name, tally in counts.groups]
        self.counts_table.setRowCount(len(rows))
        for r, (who, tally) in enumerate(rows):
            self.counts_table.setItem(r, 0, _item(who, right=False))
            for c, colour in enumerate(COLOURS, start=1):
                item = _item(str(tally[colour]))
                if tally[colour]:
                    item.setBackground(BADGE_COLORS[colour][0])
                    item.setForeground(BADGE_COLORS[colour][1])
                self.counts_table.setItem(r, c, item)
        _fit(self.counts_table)

    def _show_quota(self, rows: list[QuotaRow]) -> None:
        self.quota_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            met = _item(self.tr("Met") if row.met else self.tr("Not met"), right=False)
            met.setForeground(MET_COLOR if row.met else SHORT_COLOR)
            cells = [
                _item(row.name, right=False),
                _item(str(row.leads)),
                _item(str(row.complete)),
                _item(str(row.quota)),
                met,
            ]
            for c, item in enumerate(cells):
                self.quota_table.setItem(r, c, item)
        _fit(self.quota_table)
