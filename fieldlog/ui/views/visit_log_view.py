"""The visit log (走访记录): search, filters and a lazy table over every live visit."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_kind_name
from fieldlog.domain.period import Period
from fieldlog.services.team.team import current_team
from fieldlog.services.visits import visit_log, visits
from fieldlog.services.visits.visit_entry import visit_kinds
from fieldlog.services.visits.visit_log import VisitFilter
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.models.visit_cells import DATE, size_columns
from fieldlog.ui.models.visit_table_model import SORT_KEY_OF_COLUMN, VisitTableModel
from fieldlog.ui.operations import Operation
from fieldlog.ui.views.shown_refresh import RefreshWhenShown
from fieldlog.ui.widgets.filter_bar import VisitFilterBar

if TYPE_CHECKING:  # loaded when a history is opened, not with the log
    from fieldlog.ui.dialogs.history_dialog import HistoryDialog

SEARCH_DELAY_MS = 250


#: How many more pages `select_visit` reads to find a visit the log has not loaded yet.
SELECT_PAGES = 5

#: What the log shows: visits, their organizations, visitors and groups, kinds and chains.
SHOWN = (Kind.VISIT, Kind.ORG, Kind.TEAM, Kind.CATALOG)


class VisitLogView(RefreshWhenShown, QWidget):
    """Every live visit, newest first; search and filters run in the database as you type."""

    new_visit_requested = Signal()
    edit_visit_requested = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("visitLogView")
        self._build_widgets()
        self._build_table()
        self._build_layout()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.filter_bar.changed.connect(self.apply_filter)
        operations.changes().changes_applied.connect(self._on_changes)
        # The count arrives from its worker thread (or scrolling to the end learns it).
        self.model.total_known.connect(self._show_count)
        # A new order returns to the head of the log: the label stops saying "the end".
        self.model.modelReset.connect(self._show_count)
        self._load_choices()
        self._show_count()

    def _build_widgets(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("visitsSearch")
        self.search_edit.setPlaceholderText(
            self.tr("Search organization, summary, pinyin initials or credit code")
        )
        self.search_edit.setAccessibleName(self.tr("Search visits"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.new_button = QPushButton(self.tr("&New visit…"))
        self.new_button.setObjectName("newVisitButton")
        self.new_button.clicked.connect(self.new_visit_requested)
        self.filter_bar = VisitFilterBar()
        self.count_label = QLabel()
        self.count_label.setObjectName("visitsCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        find = QAction(self.tr("Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        self.history_action = QAction(self.tr("&History…"), self, objectName="actionVisitHistory")
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.history_action.triggered.connect(self.show_history)
        self.addAction(self.history_action)

    def _build_table(self) -> None:
        self.model = VisitTableModel(self.db, self)
        self.table = QTableView()
        self.table.setObjectName("visitsTable")
        self.table.setAccessibleName(self.tr("Visits"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._size_columns()
        header = self.table.horizontalHeader()
        header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_sortable_indicator)
        self.table.activated.connect(self._on_activated)
        self.table.installEventFilter(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        bar = self.table.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.sliderMoved.connect(self._on_slider_moved)
        bar.sliderReleased.connect(lambda: self._on_slider_moved(bar.value()))

    def _size_columns(self) -> None:
        # The kind as this window's language names them: the widest kind, since the English
        # names of the shipped ones differ in length.
        kinds = [display_kind_name("visit_kind", kind) for kind in visit_kinds(self.db)]
        size_columns(self.table, kinds)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_bar, 1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.search_edit, self.filter_bar)
        QWidget.setTabOrder(self.filter_bar.kind_combo, self.table)
        QWidget.setTabOrder(self.table, self.new_button)

    # Public API.

    def refresh(self) -> None:
        """Read the log again, keeping the filter, the order and (if it is still there) the row."""
        visit_id, row = self.current_visit_id(), self.table.currentIndex().row()
        self._load_choices()
        self.model.set_filter(self.current_filter())
        self._show_count()
        self._select(visit_id, row)

    def current_filter(self) -> VisitFilter:
        """The filter the search box and the filter bar say."""
        bar = self.filter_bar
        return VisitFilter(
            text=self.search_edit.text().strip(),
            period=bar.period(),
            member_id=bar.member_id(),
            group_id=bar.group_id(),
            chain_id=bar.chain_id(),
            org_kind=bar.org_kind(),
        )

    def apply_filter(self) -> None:
        """Show the visits the search box and filters ask for (now, without waiting)."""
        self._search_timer.stop()
        wanted = self.current_filter()
        if wanted != self.model.visit_filter():
            self.model.set_filter(wanted)
        self._show_count()

    def current_visit_id(self) -> uuid.UUID | None:
        """The id of the selected visit, or None."""
        rows = self.table.selectionModel().selectedRows()
        snapshot = self.model.row_snapshot(rows[0].row()) if rows else None
        return snapshot.id if snapshot else None

    def select_visit(self, visit_id: uuid.UUID) -> bool:
        """Select and show a visit (reading a few more pages if need be); False when the
        filter hides it."""
        found = self.model.row_of(visit_id)
        for _page in range(SELECT_PAGES):
            if found is not None or not self.model.canFetchMore(QModelIndex()):
                break
            self.model.fetchMore(QModelIndex())
            found = self.model.row_of(visit_id)
        if found is None:
            return False
        self.table.selectRow(found)
        self.table.scrollTo(self.model.index(found, 0))
        return True

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def delete_current(self) -> None:
        """Ask, then delete the selected visit (undoable)."""
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_snapshot(rows[0].row()) if rows else None
        if row is None:
            return
        question = self.tr("Delete the visit to {org} on {date}?").format(
            org=row.org_name, date=row.visited_on.isoformat()
        )
        answer = QMessageBox.question(self, self.tr("Delete visit"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, visit_id = self.db, row.id  # the undo stack may outlive this view
        Operation(
            self, lambda: visits.delete_visit(db, visit_id), changes=Changes.of(Kind.VISIT)
        ).undoable(self.tr("Delete visit"), lambda: visits.restore_visit(db, visit_id)).run()

    def show_history(self) -> HistoryDialog | None:
        """Open the change history of the selected visit."""
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_snapshot(rows[0].row()) if rows else None
        if row is None:
            return None
        label = f"{row.visited_on.isoformat()} {row.org_name}"
        from fieldlog.ui.dialogs.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.db, "visit", row.id, label, self)
        dialog.open()
        return dialog

    def show_end(self) -> None:
        """Show the end of the log at once (read from its end), with its last row selected."""
        if not self.model.is_tail and self.model.canFetchMore(QModelIndex()):
            self.model.show_tail()
            self.table.scrollToBottom()  # lays the rows out, so the scroll bar's range is current
            self._fill_tail()
        last = self.model.rowCount() - 1
        if last >= 0:
            self.table.selectRow(last)
        self.table.scrollToBottom()

    def show_start(self) -> None:
        """Show the head of the log again, with its first row selected."""
        if self.model.is_tail:
            self.model.show_head()
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.scrollToTop()

    def edit_current(self) -> None:
        """Ask for the selected visit to be edited."""
        visit_id = self.current_visit_id()
        if visit_id is not None:
            self.edit_visit_requested.emit(visit_id)

    # Internals.

    def _load_choices(self) -> None:
        team = current_team(self.db)
        dispatch = None
        if team is not None and (team.dispatch_start or team.dispatch_end):
            dispatch = Period(team.dispatch_start, team.dispatch_end)
        self.filter_bar.set_choices(visit_log.filter_choices(self.db), dispatch)

    def _show_count(self) -> None:
        total = self.model.total
        if self.model.counting:
            # The count arrives from a worker thread (total_known): no figure until it is exact.
            text = self.tr("Counting visits…")
        elif self.model.total_is_lower_bound:
            # The count failed: say "at least" what is loaded rather than a wrong exact figure.
            text = self.tr("{count}+ visits").format(count=f"{total:,}")
        elif total == 0:
            text = self.tr("No visits")
        elif total == 1:
            text = self.tr("1 visit")
        else:
            text = self.tr("{count} visits").format(count=f"{total:,}")
        if self.model.is_tail:
            text = self.tr("{visits} · showing the end of the log").format(visits=text)
        self.count_label.setText(text)

    def _select(self, visit_id: uuid.UUID | None, old_row: int) -> None:
        """Select the visit again, or the row that took its place."""
        if visit_id is None:
            return
        found = self.model.row_of(visit_id)
        while (
            found is None
            and self.model.rowCount() <= old_row
            and self.model.canFetchMore(QModelIndex())
        ):
            self.model.fetchMore(QModelIndex())
            found = self.model.row_of(visit_id)
        row = found if found is not None else min(old_row, self.model.rowCount() - 1)
        if row >= 0:
            self.table.selectRow(row)

    def _on_scrolled(self, value: int) -> None:
        bar = self.table.verticalScrollBar()
        if value == bar.minimum() and self.model.can_fetch_earlier():
            self._load_earlier()

    def _load_earlier(self) -> None:
        """Load the page before the tail window, keeping the rows on screen where they were."""
        bar = self.table.verticalScrollBar()
        value = bar.value()
        added = self.model.fetch_earlier()
        if self.table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel:
            added *= self.table.verticalHeader().defaultSectionSize()
        # The view widens the range on its next layout; widen it now so the value can follow.
        bar.setMaximum(bar.maximum() + added)
        bar.setValue(value + added)

    def _fill_tail(self) -> None:
        # With no scroll bar, scrolling up cannot ask for earlier rows: load until one shows.
        row_height = self.table.verticalHeader().defaultSectionSize()
        while self.model.can_fetch_earlier() and (
            self.model.rowCount() * row_height <= self.table.viewport().height()
        ):
            self._load_earlier()

    def _on_slider_moved(self, position: int) -> None:
        # Dragged to the bottom while more rows follow: jump to the end rather than read every
        # page on the way. Deferred: the slider is still reporting its move.
        at_bottom = position == self.table.verticalScrollBar().maximum()
        if at_bottom and not self.model.is_tail and self.model.canFetchMore(QModelIndex()):
            QTimer.singleShot(0, self.show_end)

    def _on_changes(self, made: Changes) -> None:
        if made.touches(*SHOWN):
            self.refresh_when_shown()

    def _on_activated(self, index: QModelIndex) -> None:
        snapshot = self.model.row_snapshot(index.row())
        if snapshot is not None:
            self.edit_visit_requested.emit(snapshot.id)

    def _keep_sortable_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        # Visitors and summary do not sort: put the indicator back on the order in force.
        if column not in SORT_KEY_OF_COLUMN:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
            header.blockSignals(False)

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        edit = menu.addAction(self.tr("&Edit…"), self.edit_current)
        edit.setShortcut(QKeySequence(Qt.Key.Key_Return))
        delete = menu.addAction(self.tr("&Delete"), self.delete_current)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        shown = menu.addAction(self.tr("&History…"), self.show_history)
        shown.setShortcut(self.history_action.shortcut())
        for act in (edit, delete, shown):
            act.setEnabled(index.isValid())
        menu.addSeparator()
        menu.addAction(self.tr("&New visit…"), self.new_visit_requested.emit)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.table and self._table_key(event):
                return True
            if watched is self.search_edit and self._search_key(event):
                return True
        return super().eventFilter(watched, event)

    def _table_key(self, event: QKeyEvent) -> bool:
        """Delete deletes; Ctrl+End and Ctrl+Home jump to the end and the head of the log."""
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_current()
        elif event.matches(QKeySequence.StandardKey.MoveToEndOfDocument):
            self.show_end()
        elif event.matches(QKeySequence.StandardKey.MoveToStartOfDocument):
            self.show_start()
        else:
            return False
        return True

    def _search_key(self, event: QKeyEvent) -> bool:
        """Down goes to the table, Enter filters at once, Esc clears the search."""
        key = event.key()
        if key == Qt.Key.Key_Down and self.model.rowCount() > 0:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.apply_filter()
            return True
        if key == Qt.Key.Key_Escape and self.search_edit.text():
            self.search_edit.clear()
            self.apply_filter()
            return True
        return False
