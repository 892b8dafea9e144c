"""Rankings: each work group, member or home county with its figures, best first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from fieldlog.domain.catalogs import display_name
from fieldlog.domain.indicators import BREAKDOWN_METRICS, label
from fieldlog.domain.money import format_yi
from fieldlog.services.reports.dashboard import RankingRow
from fieldlog.ui.widgets.targets_table import fit_columns, fit_to_rows


class RankingsTable(QTableWidget):
    """One row per group, member or county, in the order the service ranks them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        self.setObjectName("rankingsTable")
        self.setAccessibleName(self.tr("Rankings"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Rank"),
                self.tr("Name"),
                *(label(metric) for metric in BREAKDOWN_METRICS),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        fit_columns(self)

    def show_rows(self, rows: list[RankingRow]) -> None:
        """Replace the rows with these, keeping their order."""
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            texts = [
                str(r + 1),
                display_name(row.id, row.name),
                str(row.enterprises_visited),
                str(row.associations_visited),
                str(row.visits),
                str(row.projects_signed),
                format_yi(row.contract_amount_yuan),
                format_yi(row.funds_in_place_yuan),
            ]
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if c != 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, item)
        fit_to_rows(self)
