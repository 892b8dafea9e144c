"""企业与商协会: the organization directory with search, filters and the selected record."""

from __future__ import annotations

import uuid
from itertools import pairwise

from PySide6.QtCore import QItemSelection, QModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_name
from fieldlog.services.orgs import org_directory
from fieldlog.services.orgs.org_directory import OrgFilter
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.history_dialog import HistoryDialog
from fieldlog.ui.dialogs.merge_dialog import MergeDialog
from fieldlog.ui.dialogs.org_dialog import OrgDialog
from fieldlog.ui.models.org_table_model import NAME, OrgTableModel, kind_labels
from fieldlog.ui.widgets.combo_values import select_value
from fieldlog.ui.widgets.list_table import set_up_list_table
from fieldlog.ui.widgets.org_detail_panel import OrgDetailPanel

SEARCH_DELAY_MS = 200
#: How many more pages `show_org` loads to find a record before it gives up.
FIND_PAGES = 25


#: How long the status bar says that a save worked.
SAVED_MESSAGE_MS = 10_000

#: The organizations, and in the detail their contacts, visits and projects.
SHOWN = (Kind.ORG, Kind.VISIT, Kind.PROJECT, Kind.TEAM, Kind.CATALOG)


class OrgsView(QWidget):
    """Search and filter the directory; the selected organization is shown beside the table."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orgsView")
        self.db = db
        self.model = OrgTableModel(db, self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._build_actions()
        self._build()
        self._fill_filters()
        self.apply_filters()
        operations.changes().changes_applied.connect(self._on_changes)

    def _build_actions(self) -> None:
        def action(text: str, name: str, keys: QKeySequence | str, slot: object) -> QAction:
            act = QAction(text, self, objectName=name, shortcut=QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.new_action = action(
            self.tr("&New organization…"), "actionNewOrg", "Ctrl+Shift+N", self.new_org
        )
        # Not "actionEditOrg": that name belongs to the main window's action (found by scripts).
        self.edit_action = action(self.tr("&Edit…"), "actionEditOrgHere", "F2", self.edit_org)
        self.merge_action = action(self.tr("&Merge…"), "actionMergeOrg", "Ctrl+M", self.merge_org)
        self.delete_action = action(self.tr("&Delete"), "actionDeleteOrg", "", self.delete_org)
        self.history_action = action(
            self.tr("&History…"), "actionOrgHistory", "Ctrl+H", self.show_history
        )
        self.find_action = action(
            self.tr("Find"), "actionFindOrg", QKeySequence.StandardKey.Find, self._focus_search
        )

    def _build(self) -> None:
        self.search_edit = QLineEdit(objectName="orgsSearch", clearButtonEnabled=True)
        self.search_edit.setPlaceholderText(self.tr("Search: name, pinyin initials or credit code"))
        self.search_edit.setAccessibleName(self.tr("Search organizations"))
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.kind_filter = self._combo("orgsFilterKind", self.tr("Organization kind"))
        self.tag_filter = self._combo("orgsFilterTag", self.tr("Tag"))
        self.chain_filter = self._combo("orgsFilterChain", self.tr("Chain"))
        self.target_filter = self._combo("orgsFilterTarget", self.tr("Target list"))
        self.filters = [self.kind_filter, self.tag_filter, self.chain_filter, self.target_filter]
        self.count_label = QLabel(objectName="orgsCount")
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 3)
        for combo in self.filters:
            bar.addWidget(combo, 1)
        self.table = self._build_table()
        self.detail = OrgDetailPanel(self.db)
        self.detail.show_requested.connect(self.show_org)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="orgsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([720, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(self._buttons())
        layout.addWidget(self.splitter, 1)
        order = [
            self.search_edit,
            *self.filters,
            self.table,
            *self.action_buttons,
            self.detail.tabs,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(lambda _index: self.apply_filters())
        return combo

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.action_buttons: list[QPushButton] = []
        for act in (
            self.new_action,
            self.edit_action,
            self.merge_action,
            self.delete_action,
            self.history_action,
        ):
            name = act.objectName().replace("action", "button").removesuffix("Here")
            button = QPushButton(act.text(), objectName=name)
            button.setToolTip(act.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            button.clicked.connect(act.trigger)
            act.enabledChanged.connect(button.setEnabled)
            button.setEnabled(act.isEnabled())
            row.addWidget(button)
            self.action_buttons.append(button)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView(objectName="orgsTable")
        header = set_up_list_table(table, self.tr("Organizations"), self.model, NAME)
        header.setStretchLastSection(True)
        for column, width in enumerate((230, 100, 165, 100, 110, 120, 50, 50, 90)):
            table.setColumnWidth(column, width)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        table.activated.connect(lambda _index: self.edit_org())
        # Delete acts on the table only, so the key still deletes text in the search box.
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        table.addAction(self.delete_action)
        return table

    def _fill_filters(self) -> None:
        """(Re)fill the filter lists from the catalogs, keeping what is chosen."""
        choices = org_directory.choices(self.db)
        entries: dict[QComboBox, list[tuple[str, object]]] = {
            self.kind_filter: [(label, code) for code, label in kind_labels().items()],
            self.tag_filter: [(display_name(i, name), i) for i, name in choices.tags],
            self.chain_filter: [(display_name(i, name), i) for i, name in choices.chains],
            self.target_filter: [
                (self.tr("On the target list"), True),
                (self.tr("Not on the target list"), False),
            ],
        }
        everything = [
            self.tr("All kinds"),
            self.tr("All tags"),
            self.tr("All chains"),
            self.tr("Target list or not"),
        ]
        for (combo, items), first in zip(entries.items(), everything, strict=True):
            chosen = combo.currentData()
            with QSignalBlocker(combo):
                combo.clear()
                for text, data in [(first, None), *items]:
                    combo.addItem(text, data)
                select_value(combo, chosen, keep_unknown=False)

    def current_filter(self) -> OrgFilter:
        """The search text and filters as chosen."""
        return OrgFilter(
            self.search_edit.text(),
            self.kind_filter.currentData(),
            self.tag_filter.currentData(),
            self.chain_filter.currentData(),
            self.target_filter.currentData(),
        )

    def apply_filters(self) -> None:
        """Show what the search box and filters ask for (the selection stays when still shown)."""
        self._search_timer.stop()
        selected = self.selected_id()
        self.model.set_filter(self.current_filter())
        self._after_reset(selected)

    def _after_reset(self, selected: uuid.UUID | None) -> None:
        count = org_directory.count_orgs(self.db, self.model.filter)
        self.count_label.setText(self.tr("{n} organizations").format(n=count))
        row = self.model.row_of(selected) if selected else None
        if row is not None:
            self.select_row(row)
        else:
            self._on_selection()

    def select_row(self, row: int) -> None:
        """Select a loaded row and scroll to it."""
        index = self.model.index(row, NAME)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def selected_id(self) -> uuid.UUID | None:
        """The id of the selected organization."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.org_id(rows[0].row()) if rows else None

    def _on_selection(self, *_args: QItemSelection) -> None:
        org_id = self.selected_id()
        if org_id != self.detail.org_id or org_id is None:
            self.detail.show_org(org_id)
        for act in (self.edit_action, self.merge_action, self.delete_action, self.history_action):
            act.setEnabled(org_id is not None)

    def _on_changes(self, made: Changes) -> None:
        if made.touches(*SHOWN):
            self._reload()

    def _reload(self) -> None:
        selected = self.selected_id()
        self._fill_filters()
        self.model.reload()
        self._after_reset(selected)
        self.detail.refresh()

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def merge_org(self) -> MergeDialog | None:
        """Open the merge dialog for the selected organization."""
        return self.detail.merge_org()

    def delete_org(self) -> None:
        """Delete the selected organization after asking (undoable)."""
        self.detail.delete_org()

    def new_org(self) -> OrgDialog:
        """Open the form for a new organization; it is selected once saved."""
        dialog = OrgDialog(self.db, parent=self)
        dialog.accepted.connect(lambda: self.show_org(dialog.saved_id))
        dialog.accepted.connect(self._say_saved)
        dialog.open()
        return dialog

    def edit_org(self) -> OrgDialog | None:
        """Open the form for the selected organization."""
        org_id = self.selected_id()
        if org_id is None:
            return None
        dialog = OrgDialog(self.db, org_id, parent=self)
        dialog.accepted.connect(self._say_saved)
        dialog.open()
        return dialog

    def _say_saved(self) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("Organization saved."), SAVED_MESSAGE_MS)

    def show_history(self) -> HistoryDialog | None:
        """Open the change history of the selected organization."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        org_id = self.model.org_id(rows[0].row())
        name = self.model.index(rows[0].row(), NAME).data()
        dialog = HistoryDialog(self.db, "organization", org_id, str(name), self)
        dialog.open()
        return dialog

    def show_org(self, org_id: uuid.UUID | None) -> None:
        """Select an organization, clearing the search and filters if they hide it."""
        if org_id is None:
            return
        row = self._find_row(org_id)
        if row is None:  # hidden by the search or a filter: show everything
            with QSignalBlocker(self.search_edit):
                self.search_edit.clear()
            for combo in self.filters:
                with QSignalBlocker(combo):
                    combo.setCurrentIndex(0)
            self.apply_filters()
            row = self._find_row(org_id)
        if row is not None:
            self.select_row(row)

    def _find_row(self, org_id: uuid.UUID) -> int | None:
        """The row of an organization, loading a few more pages if needed."""
        row = self.model.row_of(org_id)
        for _page in range(FIND_PAGES):
            if row is not None or not self.model.canFetchMore(QModelIndex()):
                break
            self.model.fetchMore(QModelIndex())
            row = self.model.row_of(org_id)
        return row
