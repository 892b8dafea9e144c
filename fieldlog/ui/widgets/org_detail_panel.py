"""One organization at a glance: its fields, contacts, visit history and projects."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_kind_name, display_name, display_tags
from fieldlog.domain.money import format_wan
from fieldlog.domain.stages import Stage
from fieldlog.services.orgs import org_directory, org_edits, orgs
from fieldlog.services.orgs.org_directory import OrgDetail
from fieldlog.services.orgs.orgs import ContactInput
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.merge_dialog import MergeDialog
from fieldlog.ui.dialogs.org_dialog import ContactDialog, button_row, fill_table, row_table
from fieldlog.ui.models.org_table_model import kind_labels
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.combo_values import named


def stage_labels() -> dict[str, str]:
    """Stage code → the label people read."""
    translate = QCoreApplication.translate
    return {
        Stage.LEAD: translate("Stage", "Lead"),
        Stage.NEGOTIATING: translate("Stage", "Negotiating"),
        Stage.INSPECTED: translate("Stage", "Inspected"),
        Stage.SIGNED: translate("Stage", "Signed"),
        Stage.REGISTERED: translate("Stage", "Registered"),
        Stage.STARTED: translate("Stage", "Started"),
        Stage.PRODUCING: translate("Stage", "Producing"),
        Stage.PAUSED: translate("Stage", "Paused"),
        Stage.DROPPED: translate("Stage", "Dropped"),
    }


#: Contacts belong to their organization.
CONTACTS = Changes.of(Kind.ORG)


class OrgDetailPanel(QWidget):
    """The selected organization; contacts are added and edited here, the record deleted or
    merged (every change undoable but the merge)."""

    #: Another organization should be shown (the kept one after a merge).
    show_requested = Signal(object)
    #: A project in the Projects tab was activated (double-click or Enter): its id.
    open_project_requested = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orgDetail")
        self.setAccessibleName(self.tr("Organization details"))
        self.db = db
        self.detail: OrgDetail | None = None
        self.empty_label = QLabel(self.tr("Select an organization to see its details."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self._build_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_page(self) -> QWidget:
        page = QWidget()
        self.name_label = QLabel(objectName="orgDetailName")
        self.name_label.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind_label = QLabel(objectName="orgDetailKind")
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in self._field_labels().items():
            value = QLabel(objectName=f"orgDetail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        self.tabs = QTabWidget(objectName="orgDetailTabs")
        self.tabs.addTab(self._contacts_tab(), "")
        self.visits_table = row_table(
            "orgDetailVisits",
            [self.tr("Date"), self.tr("Kind"), self.tr("Visitors"), self.tr("Summary")],
        )
        self.tabs.addTab(self.visits_table, "")
        self.projects_table = row_table(
            "orgDetailProjects",
            [self.tr("Project"), self.tr("Stage"), self.tr("Contract (10k yuan)")],
        )
        self.tabs.addTab(self.projects_table, "")
        self._project_ids: list[object] = []
        self.projects_table.cellActivated.connect(
            lambda row, _column: self.open_project_requested.emit(self._project_ids[row])
        )
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.name_label)
        layout.addWidget(self.kind_label)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        return page

    def _field_labels(self) -> dict[str, str]:
        return {
            "credit_code": self.tr("Credit code:"),
            "region": self.tr("Region:"),
            "address": self.tr("Address:"),
            "chain": self.tr("Chain:"),
            "tags": self.tr("Tags:"),
            "phone": self.tr("Phone:"),
            "notes": self.tr("Notes:"),
        }

    def _contacts_tab(self) -> QWidget:
        tab = QWidget()
        self.contacts_table = row_table(
            "orgDetailContacts",
            [self.tr("Name"), self.tr("Title"), self.tr("Phone"), self.tr("E-mail")],
        )
        self.contacts_table.activated.connect(lambda _index: self.edit_contact())
        self.add_contact_button = QPushButton(self.tr("&Add contact…"))
        self.add_contact_button.setObjectName("orgDetailAddContact")
        self.add_contact_button.clicked.connect(self.add_contact)
        self.edit_contact_button = QPushButton(self.tr("Edit &contact…"))
        self.edit_contact_button.setObjectName("orgDetailEditContact")
        self.edit_contact_button.clicked.connect(self.edit_contact)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.contacts_table)
        layout.addLayout(button_row(self.add_contact_button, self.edit_contact_button))
        return tab

    @property
    def org_id(self) -> uuid.UUID | None:
        """The organization shown, if any."""
        return self.detail.id if self.detail else None

    def show_org(self, org_id: uuid.UUID | None) -> None:
        """Show this organization (None, or a deleted one: the empty state)."""
        self.detail = org_directory.org_detail(self.db, org_id) if org_id else None
        if self.detail is None:
            self.stack.setCurrentIndex(0)
            return
        self._show(self.detail)
        self.stack.setCurrentIndex(1)

    def refresh(self) -> None:
        """Read the shown organization again."""
        self.show_org(self.org_id)

    def _show(self, detail: OrgDetail) -> None:
        data = detail.data
        self.name_label.setText(data.name)
        kind = named(kind_labels(), data.kind)
        target = self.tr("On the target list") if data.is_target else ""
        self.kind_label.setText(" · ".join(t for t in (kind, target) if t))
        shown = (
            display_name(data.chain_id, detail.chain or ""),
            display_name(data.link_id, detail.link or ""),
        )
        chain = " / ".join(t for t in shown if t)
        values = {
            "credit_code": data.credit_code or "",
            "region": data.region,
            "address": data.address,
            "chain": chain,
            "tags": display_tags(data.tags),
            "phone": data.phone,
            "notes": data.notes,
        }
        for key, label in self.fields.items():
            label.setText(html.escape(values[key]) if values[key] else "—")
        self._show_lists(detail)

    def _show_lists(self, detail: OrgDetail) -> None:
        contacts = [
            [c.data.name, c.data.title, c.data.phone, c.data.email] for c in detail.contacts
        ]
        fill_table(self.contacts_table, contacts)
        self.edit_contact_button.setEnabled(bool(contacts))
        visits = [
            [
                v.visited_on.isoformat(),
                display_kind_name("visit_kind", v.kind),
                "、".join(v.visitors),
                v.summary,
            ]
            for v in detail.visits
        ]
        fill_table(self.visits_table, visits)
        stages = stage_labels()
        projects = [
            [
                p.name,
                named(stages, p.stage),
                format_wan(p.contract_yuan) if p.contract_yuan is not None else "",
            ]
            for p in detail.projects
        ]
        fill_table(self.projects_table, projects)
        self._project_ids = [p.id for p in detail.projects]
        self.tabs.setTabText(0, self.tr("Contacts ({n})").format(n=len(contacts)))
        self.tabs.setTabText(1, self.tr("Visits ({n})").format(n=len(visits)))
        self.tabs.setTabText(2, self.tr("Projects ({n})").format(n=len(projects)))

    def add_contact(self) -> ContactDialog | None:
        """Add a contact to the shown organization (undoable)."""
        if self.detail is None:
            return None
        dialog = ContactDialog(parent=self)
        dialog.accepted.connect(lambda: self._save_new_contact(dialog.value()))
        dialog.open()
        return dialog

    def edit_contact(self) -> ContactDialog | None:
        """Edit the selected contact (undoable)."""
        row = self.contacts_table.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.contacts):
            return None
        contact = self.detail.contacts[row]
        dialog = ContactDialog(contact.data, parent=self)
        dialog.accepted.connect(
            lambda: self._save_contact(contact.id, contact.data, dialog.value())
        )
        dialog.open()
        return dialog

    def _save_new_contact(self, data: ContactInput) -> None:
        org_id, made = self.org_id, []
        assert org_id is not None

        def do() -> uuid.UUID:
            if made:  # redo brings back the same record
                org_edits.restore_contact(self.db, made[0])
            else:
                made.append(orgs.save_contact(self.db, org_id, data))
            return made[0]

        add = Operation(self, do, changes=CONTACTS)
        add.undoable(self.tr("Add contact"), lambda: org_edits.delete_contact(self.db, made[0]))
        add.run()

    def _save_contact(
        self, contact_id: uuid.UUID, before: ContactInput, after: ContactInput
    ) -> None:
        org_id = self.org_id
        assert org_id is not None

        # Only what the dialog changed is written, over what another user saved meanwhile;
        # undo is the same edit back.
        def saving(loaded: ContactInput, saved: ContactInput) -> Callable[[], bool]:
            return lambda: org_edits.edit_contact(self.db, org_id, contact_id, saved, loaded)

        edit = Operation(self, saving(before, after), changes=CONTACTS)
        edit.undoable(self.tr("Edit contact"), saving(after, before)).run()

    def merge_org(self) -> MergeDialog | None:
        """Open the merge dialog for the shown organization."""
        if self.detail is None:
            return None
        dialog = MergeDialog(self.db, self.detail.id, self.detail.data.name, parent=self)
        dialog.accepted.connect(lambda: self.show_requested.emit(dialog.kept_id))
        dialog.open()
        return dialog

    def delete_org(self) -> None:
        """Delete the shown organization after asking (undoable)."""
        detail = self.detail
        if detail is None:
            return
        question = self.tr(
            "Delete {name}? Its visits ({visits}) will no longer be counted; its projects "
            "({projects}) stay. Edit ▸ Undo brings it back."
        )
        counts = {"visits": len(detail.visits), "projects": len(detail.projects)}
        answer = QMessageBox.question(
            self, self.tr("Delete organization"), question.format(name=detail.data.name, **counts)
        )
        if answer == QMessageBox.StandardButton.Yes:
            delete = Operation(
                self, lambda: orgs.delete_org(self.db, detail.id), changes=Changes.of(Kind.ORG)
            )
            delete.undoable(
                self.tr("Delete organization"), lambda: org_edits.restore_org(self.db, detail.id)
            ).run()
