"""Conflicts waiting for review: the record and field, the kept and the other value, who, when."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from fieldlog.services.admin.history import AUTOMATIC
from fieldlog.services.exchange.sync_review import ConflictView
from fieldlog.ui.amounts import wan
from fieldlog.ui.models.org_table_model import kind_labels
from fieldlog.ui.widgets.combo_values import named

ConflictRole = Qt.ItemDataRole.UserRole + 1
#: Longest value shown in a cell; the tooltip holds all of it.
CELL_CHARS = 60


def table_label(table: str) -> str:
    """What kind of record a table holds, for people."""
    translate = QCoreApplication.translate
    labels = {
        "organization": translate("SyncConflictsTable", "Organization"),
        "contact": translate("SyncConflictsTable", "Contact"),
        "visit": translate("SyncConflictsTable", "Visit"),
        "project": translate("SyncConflictsTable", "Project"),
        "member": translate("SyncConflictsTable", "Member"),
        "team": translate("SyncConflictsTable", "Team"),
        "work_group": translate("SyncConflictsTable", "Work group"),
        "funds_tranche": translate("SyncConflictsTable", "Funds in place"),
        "stage_event": translate("SyncConflictsTable", "Stage change"),
        "coordination_matter": translate("SyncConflictsTable", "Matter to coordinate"),
        "attachment": translate("SyncConflictsTable", "Attachment"),
        "target": translate("SyncConflictsTable", "Target"),
    }
    return labels.get(table, table)


def field_label(field: str) -> str:
    """A column name as people say it (the common ones; others as they are)."""
    translate = QCoreApplication.translate
    labels = {
        "name": translate("SyncConflictsTable", "Name"),
        "notes": translate("SyncConflictsTable", "Notes"),
        "phone": translate("SyncConflictsTable", "Phone"),
        "address": translate("SyncConflictsTable", "Address"),
        "kind": translate("SyncConflictsTable", "Kind"),
        "credit_code": translate("SyncConflictsTable", "Credit code"),
        "title": translate("SyncConflictsTable", "Title"),
        "summary": translate("SyncConflictsTable", "Summary"),
        "intent": translate("SyncConflictsTable", "Intent"),
        "next_follow_up": translate("SyncConflictsTable", "Next follow-up"),
        "progress": translate("SyncConflictsTable", "Progress"),
        "problems": translate("SyncConflictsTable", "Problems"),
        "next_step": translate("SyncConflictsTable", "Next step"),
        "planned_yuan": translate("SyncConflictsTable", "Planned investment"),
        "contract_yuan": translate("SyncConflictsTable", "Contract amount"),
        "amount_yuan": translate("SyncConflictsTable", "Amount"),
        "deleted": translate("SyncConflictsTable", "Deleted"),
        "is_target": translate("SyncConflictsTable", "On the target list"),
    }
    return labels.get(field, field)


def value_text(field: str, value: Any) -> str:
    """A logged value as people read it."""
    translate = QCoreApplication.translate
    if value is None or value == "":
        return translate("SyncConflictsTable", "(empty)")
    if isinstance(value, bool):
        yes, no = translate("SyncConflictsTable", "Yes"), translate("SyncConflictsTable", "No")
        return yes if value else no
    if field.endswith("_yuan") and isinstance(value, int):
        return wan(value)
    if field == "kind" and isinstance(value, str):
        return named(kind_labels(), value)
    if field.endswith("_id") and isinstance(value, str):
        return translate("SyncConflictsTable", "record {id}…").format(id=value[:8])
    return " ".join(str(value).split())


def who_text(who: str, me: str = "") -> str:
    """Who wrote a value: a member, this laptop (with its user's name) or the automatic merge."""
    translate = QCoreApplication.translate
    if who == AUTOMATIC:
        return translate("SyncConflictsTable", "automatic merge")
    if who == "this laptop":
        if me:
            return translate("SyncConflictsTable", "{name} (this laptop)").format(name=me)
        return translate("SyncConflictsTable", "this laptop")
    if who.startswith("laptop "):  # a laptop never met through sync: its node id's start
        return translate("SyncConflictsTable", "laptop {node}").format(node=who[7:])
    return who


def when_text(moment: datetime, now: datetime) -> str:
    """A stamp in local time; the year only when it is not this year's."""
    local = moment.astimezone()
    pattern = "%m-%d %H:%M" if local.year == now.astimezone().year else "%Y-%m-%d %H:%M"
    return local.strftime(pattern)


def _short(text: str) -> str:
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"


class SyncConflictsTable(QTableWidget):
    """Record, field, kept value, kept by, other value, other by, package."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setObjectName("syncConflictsTable")
        self.setAccessibleName(self.tr("Conflicts to review"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Kept value"),
                self.tr("Kept (who, when)"),
                self.tr("Other value"),
                self.tr("Other (who, when)"),
                self.tr("Package"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self._me = ""

    def show_conflicts(self, found: list[ConflictView], me: str = "") -> None:
        """Replace the lines, keeping the cursor on the same line number (review goes on);
        `me` names this laptop's user."""
        row, self._me = max(self.currentRow(), 0), me
        self.setRowCount(len(found))
        for number, conflict in enumerate(found):
            for column, text in enumerate(self._cells(conflict)):
                item = QTableWidgetItem(_short(text))
                item.setToolTip(text)
                item.setData(ConflictRole, conflict)
                self.setItem(number, column, item)
        self.resizeColumnsToContents()
        for column, widest in ((0, 200), (2, 170), (4, 170)):
            self.setColumnWidth(column, min(self.columnWidth(column), widest))
        if found:
            self.selectRow(min(row, len(found) - 1))

    def _cells(self, c: ConflictView) -> list[str]:
        record = self.tr("{kind}: {record}").format(kind=table_label(c.table), record=c.record)
        when, now = "{who}, {at}", datetime.now(UTC)
        return [
            record,
            field_label(c.field),
            value_text(c.field, c.winner_value),
            when.format(who=who_text(c.winner_who, self._me), at=when_text(c.winner_at, now)),
            value_text(c.field, c.loser_value),
            when.format(who=who_text(c.loser_who, self._me), at=when_text(c.loser_at, now)),
            str(c.package_id)[:8] if c.package_id else "",
        ]

    def current_conflict(self) -> ConflictView | None:
        """The conflict on the selected line."""
        item = self.item(self.currentRow(), 0)
        value = item.data(ConflictRole) if item is not None else None
        return value if isinstance(value, ConflictView) else None
