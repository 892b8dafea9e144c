"""The project list's table model: row snapshots of the pipeline, with a sort role per column."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from fieldlog.domain.catalogs import display_kind_name, display_link_name
from fieldlog.domain.money import format_wan
from fieldlog.domain.stages import ALL_STAGES
from fieldlog.domain.warnings import severity
from fieldlog.services.projects.pipeline import ProjectListRow
from fieldlog.services.reports.warnings import ProjectMark
from fieldlog.ui.widgets.project_card import BADGE_COLORS, badge_text, colour_name, stage_name

#: The project's id (uuid.UUID).
ProjectIdRole = Qt.ItemDataRole.UserRole + 1
#: The value a column sorts by: a number, a QDate or text; None (no value) sorts last.
SortRole = Qt.ItemDataRole.UserRole + 2
#: The whole row snapshot (ProjectListRow).
RowRole = Qt.ItemDataRole.UserRole + 3

(
    NAME,
    INVESTOR,
    CHAIN,
    LINK,
    STAGE,
    DAYS,
    WARNING,
    ASSESSMENT,
    PLANNED,
    CONTRACT,
    FUNDS,
    RATE,
    OWNER,
    GROUP,
    COUNTY,
    SIGNED,
    FOLLOW_UP,
) = range(17)
COLUMN_COUNT = 17
NUMERIC_COLUMNS = frozenset({DAYS, PLANNED, CONTRACT, FUNDS, RATE})
OVERDUE_COLOR = QColor("#c62828")

Index = QModelIndex | QPersistentModelIndex


def _wan(yuan: int | None) -> str:
    return "" if yuan is None else format_wan(yuan)


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""


def _qdate(day: date | None) -> QDate | None:
    return QDate(day.year, day.month, day.day) if day else None


def _number(value: object) -> float | None:
    # One numeric type for every cell of a column: Qt compares sort values by the left one's type,
    # so a 32-bit int beside a 64-bit one (amounts beyond 2^31 yuan) would compare wrongly.
    # Floats hold every yuan amount exactly (MAX_YUAN is far below 2^53).
    return None if value is None else float(value)  # type: ignore[arg-type]


class ProjectTableModel(QAbstractTableModel):
    """Projects as rows, one column per figure; the view sorts through a proxy on SortRole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProjectListRow] = []
        self._marks: dict[uuid.UUID, ProjectMark] = {}

    def set_rows(
        self, rows: list[ProjectListRow], marks: dict[uuid.UUID, ProjectMark] | None = None
    ) -> None:
        """Show these rows instead of the current ones, with each project's colour and
        assessment verdict (`marks`; a project without one shows blank there)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._marks = dict(marks or {})
        self.endResetModel()

    def mark(self, project_id: uuid.UUID) -> ProjectMark | None:
        """A listed project's colour and verdict, if known."""
        return self._marks.get(project_id)

    def rows(self) -> list[ProjectListRow]:
        """Every row shown, in the model's (unsorted) order."""
        return list(self._rows)

    def row_snapshot(self, row: int) -> ProjectListRow | None:
        """The row at `row`, if any."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, project_id: uuid.UUID) -> int | None:
        """The model row of a project, or None when it is not listed."""
        return next((n for n, row in enumerate(self._rows) if row.id == project_id), None)

    # Qt's API.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._headers()[section]
        return None

    def _headers(self) -> list[str]:
        return [
            self.tr("Project"),
            self.tr("Investor"),
            self.tr("Chain"),
            self.tr("Link"),
            self.tr("Stage"),
            self.tr("Days in stage"),
            self.tr("Warning"),
            self.tr("Assessment"),
            self.tr("Planned (10k yuan)"),
            self.tr("Contract (10k yuan)"),
            self.tr("Funds in place (10k yuan)"),
            self.tr("Funds rate"),
            self.tr("Owner"),
            self.tr("Work group"),
            self.tr("County"),
            self.tr("Signed on"),
            self.tr("Next follow-up"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_snapshot(index.row()) if index.isValid() else None
        column = index.column()
        if row is None or not 0 <= column < COLUMN_COUNT:
            return None
        if column in (WARNING, ASSESSMENT):
            return self._mark_data(row, column, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _display(row, column)
        if role == SortRole:
            return _sort_value(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            return _overdue_look(role) if column == FOLLOW_UP and row.overdue else None
        return {ProjectIdRole: row.id, RowRole: row}.get(role)

    def _mark_data(self, row: ProjectListRow, column: int, role: int) -> Any:
        """The Warning (预警) and Assessment (考核) cells: words, with the colour or the
        verdict's reason as a tooltip."""
        if role in (ProjectIdRole, RowRole):
            return {ProjectIdRole: row.id, RowRole: row}[role]
        mark = self._marks.get(row.id)
        if mark is None:
            return None
        if column == WARNING:
            return _warning_data(mark, role)
        # A project never signed is not judged: blank, its reason ("not signed") on hover.
        signed = row.signed_on is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if not signed:
                return ""
            return self.tr("Counted") if mark.verdict.counts else self.tr("Not counted")
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(mark.verdict.reason)
        if role == SortRole:
            return _number(int(mark.verdict.counts)) if signed else None
        return None


def _warning_data(mark: ProjectMark, role: int) -> Any:
    colour = mark.colour
    if colour is None:
        return "" if role == Qt.ItemDataRole.DisplayRole else None
    if role == Qt.ItemDataRole.DisplayRole:
        return colour_name(colour)
    if role == Qt.ItemDataRole.ToolTipRole:
        return badge_text(colour, mark.idle_days or 0)
    if role == SortRole:
        return _number(severity(colour))
    if role == Qt.ItemDataRole.BackgroundRole:
        return BADGE_COLORS[colour][0]
    if role == Qt.ItemDataRole.ForegroundRole:
        return BADGE_COLORS[colour][1]
    return None


def _overdue_look(role: int) -> Any:
    if role == Qt.ItemDataRole.ForegroundRole:
        return OVERDUE_COLOR
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    return None


def _funds(row: ProjectListRow) -> int | None:
    # A project never signed has no funds in place to speak of: blank rather than a row of zeros.
    return None if row.signed_on is None and not row.funds_yuan else row.funds_yuan


class ProjectSortProxy(QSortFilterProxyModel):
    """Sorts on SortRole; rows without a value (no contract, no date) stay last in either order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setSortLocaleAware(True)

    def lessThan(self, left: Index, right: Index) -> bool:
        left_empty, right_empty = left.data(SortRole) is None, right.data(SortRole) is None
        if left_empty or right_empty:
            # The view reverses the comparison for a descending order; undo that for blanks.
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return right_empty != left_empty and (left_empty == descending)
        return super().lessThan(left, right)


def _display(row: ProjectListRow, column: int) -> str:
    if column == STAGE:
        return stage_name(row.stage)
    if column == DAYS:
        return str(row.days_in_stage)
    if column == RATE:
        return f"{row.funds_rate * 100:.1f}%" if row.funds_rate is not None else ""
    amounts = {PLANNED: row.planned_yuan, CONTRACT: row.contract_yuan, FUNDS: _funds(row)}
    if column in amounts:
        return _wan(amounts[column])
    if column in (SIGNED, FOLLOW_UP):
        return _day(row.signed_on if column == SIGNED else row.next_follow_up)
    texts = {
        NAME: row.name,
        INVESTOR: row.investor_name,
        CHAIN: display_kind_name("chain", row.chain_name),
        LINK: display_link_name(row.chain_name, row.link_name),
        OWNER: row.owner_name,
        GROUP: row.group_name,
        COUNTY: display_kind_name("county", row.county),
    }
    return texts[column]


def _sort_value(row: ProjectListRow, column: int) -> object:
    if column == STAGE:
        # The pipeline's order, not the alphabet's; a newer FieldLog's stage last.
        return ALL_STAGES.index(row.stage) if row.stage in ALL_STAGES else len(ALL_STAGES)
    numbers = {
        DAYS: row.days_in_stage,
        PLANNED: row.planned_yuan,
        CONTRACT: row.contract_yuan,
        FUNDS: _funds(row),
        RATE: row.funds_rate,
    }
    if column in numbers:
        return _number(numbers[column])
    if column in (SIGNED, FOLLOW_UP):
        return _qdate(row.signed_on if column == SIGNED else row.next_follow_up)
    return _display(row, column)
