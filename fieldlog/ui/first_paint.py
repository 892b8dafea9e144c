"""The window's first paint: the visit log's first page, on screen before the database layer loads.

Importing SQLAlchemy's ORM and the models, opening the database and building the window take
most of a start (docs/PERFORMANCE.md). Where the log's first page can be read with sqlite3 alone
(`store.first_page`: a plain FieldLog file at the current schema, not a bureau's, with visits),
`app.main` shows it in this window first, laid out as the main window lays out the visit log,
paints it, and only then builds the main window, which takes this one's place and geometry.
Nothing here can be clicked into: the search box and the menus come with the main window.
Imports only Qt, the domain and those two store modules (no SQLAlchemy).
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldlog.store.first_page import read_first_page
from fieldlog.store.visit_rows import VisitListRow
from fieldlog.ui.models.visit_cells import (
    COLUMN_COUNT,
    DATE,
    PAGE_SIZE,
    cell,
    headers,
    size_columns,
)
from fieldlog.ui.pages import navigation_list

#: The main window's first size (main_window.DEFAULT_SIZE).
DEFAULT_SIZE = (1240, 780)
#: How long the start waits for the window system to paint the first page, at most.
PAINT_WAIT_S = 2.0


class FirstPageModel(QAbstractTableModel):
    """The rows of the first page, shown as the log's model shows them."""

    def __init__(self, rows: list[VisitListRow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows, self._today = rows, date.today()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return headers()[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return cell(self.rows[index.row()], index.column(), role, self._today)


class FirstPaint(QMainWindow):
    """The visit log's first page, laid out as in the main window, until that window is built."""

    def __init__(self, location: str, rows: list[VisitListRow]) -> None:
        super().__init__()
        self.setObjectName("firstPaint")
        title = QCoreApplication.translate("MainWindow", "FieldLog — {name}")
        self.setWindowTitle(title.format(name=str(Path(location).expanduser())))
        self.resize(*DEFAULT_SIZE)
        search = QLineEdit(enabled=False)
        search.setPlaceholderText(
            QCoreApplication.translate(
                "VisitLogView", "Search organization, summary, pinyin initials or credit code"
            )
        )
        self.model = FirstPageModel(rows, self)
        self.table = QTableView(objectName="firstPageTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        size_columns(self.table, [])
        self.table.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        log = QWidget()
        column = QVBoxLayout(log)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)
        column.addWidget(search)
        column.addWidget(self.table, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 6, 6, 6)
        row.addWidget(navigation_list())
        row.addWidget(log, 1)
        self.setCentralWidget(central)


def show_first_page(location: str) -> FirstPaint | None:
    """Show and paint the visit log's first page of the database file at `location`, where it
    can be read without the database layer (else None: the window opens the normal way)."""
    if "://" in location:  # a server: read through its driver, by the normal open
        return None
    rows = read_first_page(Path(location).expanduser(), PAGE_SIZE)
    if rows is None:
        return None
    window = FirstPaint(location, rows)
    window.show()
    # Painted now: the rest of the start runs before the application's event loop does.
    painted = _PaintSeen(window.table.viewport())
    deadline = time.monotonic() + PAINT_WAIT_S
    while not painted.seen and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    window.table.viewport().removeEventFilter(painted)
    return window


class _PaintSeen(QObject):
    """Notes that a widget has been painted."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False
