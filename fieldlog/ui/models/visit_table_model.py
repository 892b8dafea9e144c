"""The visit log's table model: row snapshots fetched page by page, filtered and sorted in SQL.

The first page is read at once; how many visits match is counted on a worker thread over a
connection of its own (`store.visit_count`) and arrives later (`total_known`): exact, never
capped. A count made stale by a new filter or a refresh is stopped and its figure dropped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)

from fieldlog.services.visits import visit_log
from fieldlog.services.visits.visit_log import VisitFilter, VisitListRow, VisitSort
from fieldlog.store.database import Database
from fieldlog.store.visit_count import VisitCount
from fieldlog.ui.models import visit_cells
from fieldlog.ui.models.visit_cells import CHAIN, COLUMN_COUNT, DATE, INTENT, KIND, cell, headers

# The columns as the log's readers have always found them here.
from fieldlog.ui.models.visit_cells import FOLLOW_UP as FOLLOW_UP
from fieldlog.ui.models.visit_cells import ORGANIZATION as ORGANIZATION
from fieldlog.ui.models.visit_cells import OVERDUE_COLOR as OVERDUE_COLOR
from fieldlog.ui.models.visit_cells import SUMMARY as SUMMARY
from fieldlog.ui.models.visit_cells import VISITORS as VISITORS

#: The visit's id (uuid.UUID).
VisitIdRole = Qt.ItemDataRole.UserRole + 1
#: The visited organization's id (uuid.UUID).
OrgIdRole = Qt.ItemDataRole.UserRole + 2
#: The whole row snapshot (VisitListRow).
RowRole = Qt.ItemDataRole.UserRole + 3

PAGE_SIZE = visit_cells.PAGE_SIZE
#: The sort key of each sortable column; visitors and summary do not sort.
SORT_KEY_OF_COLUMN = {
    DATE: "date",
    ORGANIZATION: "organization",
    KIND: "kind",
    CHAIN: "chain",
    INTENT: "intent",
    FOLLOW_UP: "follow_up",
}
Index = QModelIndex | QPersistentModelIndex


def today() -> date:
    """Today's date (a function so tests can fix it)."""
    return date.today()


class _CountRelay(QObject):
    """Brings a worker's count to the model's thread (a queued signal)."""

    counted = Signal(object, object)  # the VisitCount, its figure (None: cancelled or failed)


class _Counting:
    """The count running for a model (a plain object, so the model's end can still stop it)."""

    def __init__(self) -> None:
        self.current: VisitCount | None = None

    def cancel(self, *_args: object) -> None:
        if self.current is not None:
            self.current.cancel()
            self.current = None


class VisitTableModel(QAbstractTableModel):
    """Visits matching a filter, in a sort order; pages of PAGE_SIZE arrive as the view scrolls."""

    #: `total` is now exact: the count arrived, or the end of the log was reached.
    total_known = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._filter = VisitFilter()
        self._sort = VisitSort()
        self._rows: list[VisitListRow] = []
        self._counted = 0
        #: Whether more visits than `_counted` may match (the count is not in yet).
        self._more = False
        #: The count running on a worker for the filter in force, if any.
        self._counting = _Counting()
        self._relay = _CountRelay(self)
        self._relay.counted.connect(self._on_counted)
        self.destroyed.connect(self._counting.cancel)  # a plain object: it outlives the model
        #: Whether the rows are the log's last ones (read from its end) rather than its first.
        self._tail = False
        #: In the tail window: whether rows before the first loaded one are still unread.
        self._earlier = False
        self._load_first_page()

    # Our API.

    @property
    def total(self) -> int:
        """How many visits match the filter (loaded or not); a lower bound when
        `total_is_lower_bound`."""
        return max(self._counted, len(self._rows))

    @property
    def total_is_lower_bound(self) -> bool:
        """Whether more visits than `total` may match (the count is not in yet)."""
        return self._more

    @property
    def counting(self) -> bool:
        """Whether the count of the filter in force is still running."""
        return self._counting.current is not None

    def cancel_count(self) -> None:
        """Stop the count running for the model, if any (its figure is dropped)."""
        self._counting.cancel()

    def visit_filter(self) -> VisitFilter:
        """The filter in force."""
        return self._filter

    def visit_sort(self) -> VisitSort:
        """The order in force."""
        return self._sort

    def sort_column(self) -> int:
        """The column of the order in force."""
        return next(c for c, key in SORT_KEY_OF_COLUMN.items() if key == self._sort.key)

    def sort_order(self) -> Qt.SortOrder:
        """The direction of the order in force, as Qt says it."""
        if self._sort.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    @property
    def is_tail(self) -> bool:
        """Whether the rows shown are the end of the log (read from the end), not its head."""
        return self._tail

    def set_filter(self, wanted: VisitFilter) -> None:
        """Show the visits matching `wanted`; a new filter starts from the head of the log."""
        if wanted != self._filter:
            self._filter, self._tail = wanted, False
        self.refresh()

    def show_tail(self) -> None:
        """Show the last page of the log at once; earlier pages load on `fetch_earlier`."""
        self._tail = True
        self.refresh(recount=False)

    def show_head(self) -> None:
        """Show the first page of the log again."""
        self._tail = False
        self.refresh(recount=False)

    def refresh(self, *, recount: bool = True) -> None:
        """Read the rows again (after a change in the database), keeping the window's kind."""
        self.beginResetModel()
        self._load_first_page(recount=recount)
        self.endResetModel()

    def row_snapshot(self, row: int) -> VisitListRow | None:
        """The loaded row at `row`, if any."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, visit_id: uuid.UUID) -> int | None:
        """The row of a loaded visit, or None."""
        return next((n for n, row in enumerate(self._rows) if row.id == visit_id), None)

    def _load_first_page(self, *, recount: bool = True) -> None:
        if recount:
            self.cancel_count()
            self._counted, self._more = 0, True
        if self._tail:
            self._load_tail()
        else:
            self._rows = visit_log.visit_page(self._db, self._filter, self._sort, 0, PAGE_SIZE)
            if len(self._rows) < PAGE_SIZE:
                self._known(len(self._rows))
        if self._more and self._counting.current is None:
            self._start_count()

    def _start_count(self) -> None:
        """Count the visits matching the filter on a worker thread; `_on_counted` gets it. The
        thread starts from the event loop, once the first page has been laid out and painted
        (a count started meanwhile would compete with it for the processor)."""
        count = self._counting.current = VisitCount(self._db, self._filter)
        relay = self._relay

        def start() -> None:
            if not count.cancelled:  # not already replaced by another filter's count
                # Not a daemon: the interpreter waits for it before it ends (closing the
                # database stops the count), so no thread touches Qt while Python shuts down.
                threading.Thread(target=work, name="visit-count").start()

        def work() -> None:
            try:
                figure = count.run()
            except Exception:
                logging.getLogger(__name__).warning("Visits not counted", exc_info=True)
                figure = None
            if count.cancelled or count.db.closed:
                return  # nobody waits for its figure (and the application may be ending)
            with contextlib.suppress(RuntimeError):  # the model is gone meanwhile
                relay.counted.emit(count, figure)

        QTimer.singleShot(0, self._relay, start)

    @Slot(object, object)
    def _on_counted(self, count: VisitCount, figure: int | None) -> None:
        if count is not self._counting.current:
            return  # a stale count: another filter, or a refresh, since it started
        self._counting.current = None
        if figure is None or not self._more:
            return  # failed (the rows stay countable by scrolling), or already known
        self._known(figure)
        self.total_known.emit()

    def _known(self, total: int) -> None:
        """`total` visits match, exactly: any count still running is not needed."""
        self.cancel_count()
        self._counted, self._more = total, False

    def _load_tail(self) -> None:
        # As many rows as were shown, so a refresh keeps the place the person scrolled to.
        wanted = min(max(len(self._rows), PAGE_SIZE), visit_log.MAX_PAGE)
        self._rows = visit_log.visit_page(
            self._db, self._filter, self._sort, limit=wanted, from_end=True
        )
        self._earlier = len(self._rows) == wanted
        if not self._earlier:
            self._known(len(self._rows))

    def can_fetch_earlier(self) -> bool:
        """Whether the tail window has rows before its first one still to load."""
        return self._tail and self._earlier

    def fetch_earlier(self) -> int:
        """Load the page before the tail window's first row (inserted at the top); its length."""
        if not self.can_fetch_earlier() or not self._rows:
            return 0
        page = visit_log.visit_page(
            self._db, self._filter, self._sort, limit=PAGE_SIZE, after=self._rows[0], from_end=True
        )
        if page:
            self.beginInsertRows(QModelIndex(), 0, len(page) - 1)
            self._rows[:0] = page
            self.endInsertRows()
        if len(page) < PAGE_SIZE:
            # The head is met: every matching visit is loaded, so the count is exact.
            self._earlier = False
            self._known(len(self._rows))
            self.total_known.emit()
        return len(page)

    # Qt's API.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: Index) -> bool:
        # The tail window ends with the log's last row: it grows at its top instead.
        more = self._more or len(self._rows) < self._counted
        return not parent.isValid() and more and not self._tail

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        # The page after the last loaded row: one seek, however deep the log is scrolled.
        page = visit_log.visit_page(
            self._db, self._filter, self._sort, limit=PAGE_SIZE, after=self._rows[-1]
        )
        if len(page) < PAGE_SIZE:
            # The end: what was counted may differ if visits were added or deleted since.
            self._known(start + len(page))
        if page:
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        if len(page) < PAGE_SIZE:
            self.total_known.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEY_OF_COLUMN.get(column)
        if key is None:
            return
        self._sort = VisitSort(key, order == Qt.SortOrder.DescendingOrder)
        self._tail = False
        self.refresh(recount=False)  # the same visits in another order: counting again is waste

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        # Headers keep Qt's alignment: the style draws the sort arrow over right-aligned titles.
        return self._headers()[section] if role == Qt.ItemDataRole.DisplayRole else None

    def _headers(self) -> list[str]:
        return headers()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_snapshot(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < COLUMN_COUNT:
            return None
        if role in (VisitIdRole, OrgIdRole, RowRole):
            return {VisitIdRole: row.id, OrgIdRole: row.org_id, RowRole: row}[role]
        return cell(row, index.column(), role, today())
