"""The organization directory as a lazy table: pages fetched from the database as you scroll."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from fieldlog.domain.catalogs import display_kind_name, display_tags
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.services.orgs.org_directory import SORT_KEYS, OrgFilter, OrgListRow, list_orgs
from fieldlog.store.database import Database
from fieldlog.ui.widgets.combo_values import named

#: The organization id of a row.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex

NAME, KIND, CODE, CHAIN, REGION, TAGS, TARGET, VISITS, LAST_VISIT = range(9)
_RIGHT = {VISITS, LAST_VISIT}


def kind_labels() -> dict[str, str]:
    """Organization kind code → the label people read, in the current language."""
    translate = QCoreApplication.translate
    return {
        OrgKind.ENTERPRISE.value: translate("OrgKind", "Enterprise"),
        OrgKind.ASSOCIATION.value: translate("OrgKind", "Association"),
        OrgKind.PARK.value: translate("OrgKind", "Industrial park"),
        OrgKind.INTERMEDIARY.value: translate("OrgKind", "Intermediary"),
        OrgKind.GOVERNMENT.value: translate("OrgKind", "Government body"),
    }


def _headers() -> list[str]:
    translate = QCoreApplication.translate
    return [
        translate("OrgTableModel", "Name"),
        translate("OrgTableModel", "Kind"),
        translate("OrgTableModel", "Credit code"),
        translate("OrgTableModel", "Chain"),
        translate("OrgTableModel", "Region"),
        translate("OrgTableModel", "Tags"),
        translate("OrgTableModel", "Target"),
        translate("OrgTableModel", "Visits"),
        translate("OrgTableModel", "Last visit"),
    ]


class OrgTableModel(QAbstractTableModel):
    """Live organizations matching a filter; filtering, sorting and paging run in SQL."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._filter = OrgFilter()
        self._sort, self._descending = "name", False
        self._rows: list[OrgListRow] = []
        self._more = True
        self._kinds = kind_labels()
        self._headers = _headers()

    @property
    def filter(self) -> OrgFilter:
        """What the table shows."""
        return self._filter

    def set_filter(self, where: OrgFilter) -> None:
        """Show the organizations matching `where`, from the first page."""
        self._filter = where
        self._reset(PAGE_SIZE)

    def set_text(self, text: str) -> None:
        """Change only the search fragment."""
        self.set_filter(replace(self._filter, text=text))

    def reload(self) -> None:
        """Read again after a change, keeping as many rows as were loaded (the scroll stays)."""
        pages = max(1, -(-len(self._rows) // PAGE_SIZE))
        self._reset(pages * PAGE_SIZE)

    def _reset(self, limit: int) -> None:
        self.beginResetModel()
        self._rows = self._read(0, limit)
        self._more = len(self._rows) == limit
        self.endResetModel()

    def _read(self, offset: int, limit: int) -> list[OrgListRow]:
        return list_orgs(
            self._db,
            self._filter,
            sort=self._sort,
            descending=self._descending,
            offset=offset,
            limit=limit,
        )

    def org_id(self, row: int) -> uuid.UUID | None:
        """The id of the organization on a loaded row."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, org_id: uuid.UUID) -> int | None:
        """The loaded row that shows this organization."""
        return next((n for n, r in enumerate(self._rows) if r.id == org_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SORT_KEYS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more:
            return
        rows = self._read(len(self._rows), PAGE_SIZE)
        self._more = len(rows) == PAGE_SIZE
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        self._sort = SORT_KEYS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._reset(PAGE_SIZE)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: OrgListRow, column: int) -> str:
        values = {
            NAME: row.name,
            KIND: named(self._kinds, row.kind),
            CODE: row.credit_code or "",
            CHAIN: display_kind_name("chain", row.chain or ""),
            REGION: row.region,
            TAGS: display_tags(row.tags),
            TARGET: "✓" if row.is_target else "",
            VISITS: str(row.visits),
            LAST_VISIT: row.last_visit.isoformat() if row.last_visit else "",
        }
        return values.get(column, "")
