"""A record's change history as a table, with Restore earlier value (an undoable new change)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldlog.services.admin import history
from fieldlog.services.admin.history import HistoryEntry
from fieldlog.services.team.identity import get_me
from fieldlog.services.team.team import members
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.amounts import wan
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.org_dialog import fill_table, row_table
from fieldlog.ui.models.org_table_model import kind_labels
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.combo_values import named
from fieldlog.ui.widgets.sync_conflicts_table import who_text

VALUE_CHARS = 60


def field_labels() -> dict[str, str]:
    """What people call each field (any table; the same name means the same thing)."""
    translate = QCoreApplication.translate
    return {
        "name": translate("HistoryPanel", "Name"),
        "kind": translate("HistoryPanel", "Kind"),
        "credit_code": translate("HistoryPanel", "Credit code"),
        "region": translate("HistoryPanel", "Region"),
        "address": translate("HistoryPanel", "Address"),
        "chain_id": translate("HistoryPanel", "Chain"),
        "link_id": translate("HistoryPanel", "Link"),
        "is_target": translate("HistoryPanel", "On the target list"),
        "phone": translate("HistoryPanel", "Phone"),
        "notes": translate("HistoryPanel", "Notes"),
        "note": translate("HistoryPanel", "Note"),
        "title": translate("HistoryPanel", "Title"),
        "email": translate("HistoryPanel", "Email"),
        "visited_on": translate("HistoryPanel", "Date"),
        "kind_id": translate("HistoryPanel", "Kind"),
        "project_id": translate("HistoryPanel", "Project"),
        "summary": translate("HistoryPanel", "Summary"),
        "intent": translate("HistoryPanel", "Intent"),
        "next_follow_up": translate("HistoryPanel", "Next follow-up"),
        "investor_id": translate("HistoryPanel", "Investor"),
        "chain_role": translate("HistoryPanel", "Role in the chain"),
        "planned_yuan": translate("HistoryPanel", "Planned investment"),
        "contract_yuan": translate("HistoryPanel", "Contract amount"),
        "sign_form_id": translate("HistoryPanel", "Form of signing"),
        "signed_on": translate("HistoryPanel", "Signed on"),
        "landing_county_id": translate("HistoryPanel", "Landing county"),
        "owner_id": translate("HistoryPanel", "Owner"),
        "group_id": translate("HistoryPanel", "Work group"),
        "progress": translate("HistoryPanel", "Progress"),
        "problems": translate("HistoryPanel", "Problems"),
        "next_step": translate("HistoryPanel", "Next step"),
        "stage": translate("HistoryPanel", "Stage"),
        "occurred_on": translate("HistoryPanel", "Date"),
        "member_id": translate("HistoryPanel", "Member"),
        "received_on": translate("HistoryPanel", "Received on"),
        "amount_yuan": translate("HistoryPanel", "Amount"),
        "origin_id": translate("HistoryPanel", "Origin"),
        "evidence": translate("HistoryPanel", "Evidence"),
        "org_id": translate("HistoryPanel", "Organization"),
        "tag_id": translate("HistoryPanel", "Tag"),
        "contact_id": translate("HistoryPanel", "Contact"),
    }


def part_labels() -> dict[str, str]:
    """What people call the parts of a record."""
    translate = QCoreApplication.translate
    return {
        "visit_visitor": translate("HistoryPanel", "Visitor"),
        "visit_contact": translate("HistoryPanel", "Contact met"),
        "org_tag": translate("HistoryPanel", "Tag"),
        "contact": translate("HistoryPanel", "Contact"),
        "stage_event": translate("HistoryPanel", "Stage"),
        "funds_tranche": translate("HistoryPanel", "Tranche"),
        "coordination_matter": translate("HistoryPanel", "Matter to coordinate"),
        "attachment": translate("HistoryPanel", "Attachment"),
    }


def what(entry: HistoryEntry) -> str:
    """The record or part and field a change touched, e.g. "Tranche 2020-04-01: Amount"."""
    field = field_labels().get(entry.field, entry.field)
    part = part_labels().get(entry.table)
    if part is None:
        return (
            QCoreApplication.translate("HistoryPanel", "Record")
            if entry.field == "deleted"
            else field
        )
    named = f"{part} {entry.part}".strip()
    return named if entry.field == "deleted" else f"{named}: {field}"


def _deletion(entry: HistoryEntry, value: Any) -> str:
    if value is None:
        return ""
    part = entry.table in part_labels()
    if value:
        return (
            QCoreApplication.translate("HistoryPanel", "removed")
            if part
            else QCoreApplication.translate("HistoryPanel", "deleted")
        )
    return (
        QCoreApplication.translate("HistoryPanel", "present")
        if part
        else QCoreApplication.translate("HistoryPanel", "live")
    )


def shown(entry: HistoryEntry, value: Any) -> str:
    """A value as the table shows it."""
    if entry.field == "deleted":
        return _deletion(entry, value)
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("HistoryPanel", "Yes")
            if value
            else QCoreApplication.translate("HistoryPanel", "No")
        )
    if isinstance(value, int) and entry.field.endswith("_yuan"):
        return wan(value)
    if isinstance(value, date):
        return value.isoformat()
    if entry.field == "kind" and entry.table == "organization":
        return named(kind_labels(), str(value))
    text = " ".join(str(value).split())
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 1] + "…"


def how(entry: HistoryEntry) -> str:
    """How the change reached this laptop."""
    return {
        history.EDIT: QCoreApplication.translate("HistoryPanel", "edited here"),
        history.RESTORE: QCoreApplication.translate("HistoryPanel", "restored"),
        history.SYNC: QCoreApplication.translate("HistoryPanel", "received"),
    }.get(entry.source, entry.source)


#: The records that have a history, by the table name the panel is given.
RECORD_KINDS = {"organization": Kind.ORG, "visit": Kind.VISIT, "project": Kind.PROJECT}


class HistoryPanel(QWidget):
    """Every change of one record and its parts seen on this laptop, newest first."""

    def __init__(
        self, db: Database, table: str, record_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="historyPanel")
        self.db, self.table_name, self.record_id = db, table, record_id
        self.entries: list[HistoryEntry] = []
        headers = [self.tr("When"), self.tr("Who"), self.tr("What")]
        headers += [self.tr("From"), self.tr("To"), self.tr("How")]
        self.table = row_table("historyTable", headers)
        self.table.setAccessibleName(self.tr("Change history"))
        self.table.itemSelectionChanged.connect(self._update)
        self.empty = QLabel(self.tr("No changes recorded on this laptop yet."))
        self.empty.setObjectName("historyEmpty")
        self.restore_button = QPushButton(self.tr("&Restore earlier value"))
        self.restore_button.setObjectName("historyRestore")
        self.restore_button.setToolTip(
            self.tr("Write the selected change's earlier value back, as a new change")
        )
        self.restore_button.clicked.connect(self.restore_selected)
        row = QHBoxLayout()
        row.addWidget(self.empty)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.refresh()
        operations.changes().changes_applied.connect(self._on_changes)

    def kind(self) -> Kind:
        """The kind of the record whose history this is."""
        return RECORD_KINDS[self.table_name]

    def _on_changes(self, made: Changes) -> None:
        # Member names read as who made each change.
        if made.touches(self.kind(), Kind.TEAM):
            self.refresh()

    def refresh(self, _result: object = None) -> None:
        """Read the history again (after any change)."""
        self.entries = history.record_history(self.db, self.table_name, self.record_id)
        me = get_me(self.db)
        my_name = next((m.name for m in members(self.db) if m.id == me), "") if me else ""
        rows = [
            [
                e.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                who_text(e.who, my_name),
                what(e),
                shown(e, e.old),
                shown(e, e.new),
                how(e),
            ]
            for e in self.entries
        ]
        fill_table(self.table, rows)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.entries)
        self._update()

    def selected(self) -> HistoryEntry | None:
        """The chosen change, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _update(self) -> None:
        entry = self.selected()
        self.restore_button.setEnabled(entry is not None and entry.restorable)

    def restore_selected(self) -> None:
        """Bring back the chosen change's earlier value (undoable)."""
        entry = self.selected()
        if entry is None or not entry.restorable:
            return
        made: list[int | None] = []

        def do() -> int | None:
            made.append(history.restore_value(self.db, entry.id))
            return made[-1]

        def undo() -> None:
            if made and made[-1] is not None:
                history.restore_value(self.db, made[-1])

        restore = Operation(self, do, changes=Changes.of(self.kind()))
        restore.undoable(self.tr("Restore earlier value"), undo).run()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
