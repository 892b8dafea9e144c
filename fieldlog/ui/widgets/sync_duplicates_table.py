"""Look-alike organizations found by sync: two records side by side, left the earlier one, and
why they were paired (the same name, or similar names with their score)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from fieldlog.services.exchange.sync_review import DuplicateView, OrgBrief
from fieldlog.ui.models.org_table_model import kind_labels
from fieldlog.ui.widgets.combo_values import named

PairRole = Qt.ItemDataRole.UserRole + 1


class SyncDuplicatesTable(QTableWidget):
    """Left organization, its code and visits; right organization, its code and visits; why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setObjectName("syncDuplicatesTable")
        self.setAccessibleName(self.tr("Look-alike organizations"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Left"),
                self.tr("Credit code"),
                self.tr("Visits (last)"),
                self.tr("Right"),
                self.tr("Credit code"),
                self.tr("Visits (last)"),
                self.tr("Why"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)

    def _side(self, org: OrgBrief) -> list[str]:
        kind = named(kind_labels(), org.kind)
        visits = str(org.visits)
        if org.last_visit is not None:
            visits = self.tr("{count} (last {day})").format(
                count=org.visits, day=org.last_visit.isoformat()
            )
        code = org.credit_code or self.tr("(none)")
        return [self.tr("{name} ({kind})").format(name=org.name, kind=kind), code, visits]

    def _why(self, pair: DuplicateView) -> tuple[str, str]:
        """The reason cell and its tooltip."""
        if pair.reason == "name":
            return self.tr("Same name"), self.tr(
                "The names differ only in spaces, letter width or brackets."
            )
        return self.tr("Similar names ({score}%)").format(score=round(pair.score)), self.tr(
            "The names are alike once places and legal forms are set aside. "
            "Check that they are one organization before merging."
        )

    def show_pairs(self, pairs: list[DuplicateView]) -> None:
        """Replace the lines, keeping the cursor on the same line number."""
        row = max(self.currentRow(), 0)
        self.setRowCount(len(pairs))
        for number, pair in enumerate(pairs):
            why, explained = self._why(pair)
            cells = [*self._side(pair.first), *self._side(pair.second), why]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(explained if column == len(cells) - 1 else text)
                item.setData(PairRole, pair)
                self.setItem(number, column, item)
        self.resizeColumnsToContents()
        if pairs:
            self.selectRow(min(row, len(pairs) - 1))

    def current_pair(self) -> DuplicateView | None:
        """The pair on the selected line."""
        item = self.item(self.currentRow(), 0)
        value = item.data(PairRole) if item is not None else None
        return value if isinstance(value, DuplicateView) else None
