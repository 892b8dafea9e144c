"""The dashboard's open matters for the government to coordinate (需协调解决事项): one row per
open matter of every project, as they stand on the dashboard's as-of date, the overdue first
and marked so in words (the colour only repeats them). Double-clicking a row asks for its
project (`open_project_requested`)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.warnings import StaleColour
from fieldlog.services.projects import coordination
from fieldlog.services.projects.coordination import OpenMatter
from fieldlog.store.database import Database
from fieldlog.ui.widgets.project_card import BADGE_COLORS
from fieldlog.ui.widgets.targets_table import fit_to_rows

OVERDUE_COLOR = BADGE_COLORS[StaleColour.RED][1]
# The widest the matter and project columns get (the full text is in the tooltip).
MAX_TEXT_WIDTH = 340
PROJECT, MATTER, OWNER, DEADLINE, STATE = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName="open_matters_table")
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def overdue_first(matters: list[OpenMatter]) -> list[OpenMatter]:
    """The overdue matters first, the longest overdue first, then the rest in their order."""
    return sorted(matters, key=lambda m: -(m.days_overdue or 0))


class MattersPanel(QWidget):
    """A title with the count, and the table of open matters (or a line saying there is none)."""

    open_project_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matters_panel")
        self.title = QLabel(objectName="mattersTitle")
        self.empty = QLabel(self.tr("No matter is waiting to be coordinated."))
        self.empty.setObjectName("mattersEmpty")
        self.table = _table(
            [
                self.tr("Project"),
                self.tr("Matter"),
                self.tr("Owner"),
                self.tr("Deadline"),
                self.tr("Status"),
            ],
        )
        self.table.setAccessibleName(self.tr("Open matters to coordinate"))
        self.table.setToolTip(self.tr("Double-click a matter to open its project."))
        self.table.cellDoubleClicked.connect(self._open)
        self.matters: list[OpenMatter] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)

    def show_matters(self, db: Database, as_of: date) -> None:
        """Read and show the matters open on `as_of`, with the days each is overdue then."""
        self.matters = overdue_first(coordination.open_matters(db, as_of))
        overdue = sum(1 for m in self.matters if m.days_overdue)
        self.title.setText(
            self.tr(
                "<b>Matters to coordinate</b> open on {day}: {count}, {overdue} overdue"
            ).format(day=as_of.isoformat(), count=len(self.matters), overdue=overdue)
        )
        self.table.setVisible(bool(self.matters))
        self.empty.setVisible(not self.matters)
        self.table.setRowCount(len(self.matters))
        for r, matter in enumerate(self.matters):
            for c, item in enumerate(self._cells(matter)):
                item.setData(ID_ROLE, matter.project_id)
                self.table.setItem(r, c, item)
        self._fit()

    def state_text(self, matter: OpenMatter) -> str:
        """Overdue by N days, No deadline or Not yet due, in words."""
        if matter.days_overdue:
            return self.tr("Overdue by %n day(s)", "", matter.days_overdue)
        if matter.due_on is None:
            return self.tr("No deadline")
        return self.tr("Not yet due")

    def _cells(self, matter: OpenMatter) -> list[QTableWidgetItem]:
        project = QTableWidgetItem(matter.project)
        project.setToolTip(
            "\n".join(t for t in (matter.project, matter.investor, matter.group) if t)
        )
        text = QTableWidgetItem(matter.matter)
        text.setToolTip(matter.matter)
        due = matter.due_on.isoformat() if matter.due_on else "—"
        state = QTableWidgetItem(self.state_text(matter))
        if matter.days_overdue:
            state.setForeground(OVERDUE_COLOR)
            font = state.font()
            font.setBold(True)
            state.setFont(font)
        return [project, text, QTableWidgetItem(matter.owner), QTableWidgetItem(due), state]

    def _fit(self) -> None:
        self.table.resizeColumnsToContents()
        for column in (PROJECT, MATTER, OWNER):
            if self.table.columnWidth(column) > MAX_TEXT_WIDTH:
                self.table.setColumnWidth(column, MAX_TEXT_WIDTH)
        width = sum(self.table.columnWidth(c) for c in range(self.table.columnCount()))
        self.table.setFixedWidth(width + 2 * self.table.frameWidth() + 2)
        fit_to_rows(self.table)

    def project_at(self, row: int) -> uuid.UUID | None:
        """The project of the matter shown on `row`."""
        item = self.table.item(row, PROJECT)
        return None if item is None else item.data(ID_ROLE)

    def _open(self, row: int, _column: int) -> None:
        project_id = self.project_at(row)
        if project_id is not None:
            self.open_project_requested.emit(project_id)
