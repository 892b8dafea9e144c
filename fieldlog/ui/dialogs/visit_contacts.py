"""Contacts met on a visit: the organization's contacts to check, and adding one inline."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from fieldlog.services.orgs.orgs import ContactInput, save_contact
from fieldlog.services.visits.visit_entry import contacts_of
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.member_picker import ContactPicker
from fieldlog.ui.widgets.org_create_form import error_label, plain_buttons, show_error

LIST_HEIGHT = 84


class ContactsBox(QWidget):
    """The check list of the organization's contacts, refilled when the organization changes."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.org_id: uuid.UUID | None = None
        self.picker = ContactPicker()
        self.picker.setMinimumHeight(LIST_HEIGHT)
        self.picker.setMaximumHeight(LIST_HEIGHT + 20)
        self.name_edit = QLineEdit(objectName="newContactName")
        self.name_edit.setPlaceholderText(self.tr("New contact's name"))
        self.name_edit.setAccessibleName(self.tr("New contact's name"))
        self.title_edit = QLineEdit(objectName="newContactTitle")
        self.title_edit.setPlaceholderText(self.tr("Title"))
        self.title_edit.setAccessibleName(self.tr("New contact's title"))
        self.add_button = QPushButton(self.tr("Add contact"), objectName="addContactButton")
        self.error = error_label("contactError")
        plain_buttons(self.add_button)
        self._build_layout()
        # Extra height goes to the visitors above, not into gaps inside this box.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.picker.changed.connect(self.changed)
        self.add_button.clicked.connect(self.add_contact)
        for edit in (self.name_edit, self.title_edit):
            edit.returnPressed.connect(self.add_contact)
        self.set_org(None)

    def _build_layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.picker, 0, 0, 1, 3)
        grid.addWidget(self.name_edit, 1, 0)
        grid.addWidget(self.title_edit, 1, 1)
        grid.addWidget(self.add_button, 1, 2)
        grid.addWidget(self.error, 2, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def set_org(self, org_id: uuid.UUID | None, checked: list[uuid.UUID] | None = None) -> None:
        """Show the contacts of this organization; keep the checks that still apply."""
        keep = self.picker.checked_ids() if checked is None else checked
        self.org_id = org_id
        self.picker.fill(contacts_of(self.db, org_id), keep)
        for widget in (self.picker, self.name_edit, self.title_edit, self.add_button):
            widget.setEnabled(org_id is not None)
        show_error(self.error, "")

    def checked_ids(self) -> list[uuid.UUID]:
        """The contacts met."""
        return self.picker.checked_ids()

    def add_contact(self) -> None:
        """Save the typed contact for the organization and check it."""
        if self.org_id is None:
            return
        data = ContactInput(self.name_edit.text(), title=self.title_edit.text())
        if not data.name.strip():
            show_error(self.error, self.tr("Enter the contact's name."))
            self.name_edit.setFocus()
            return
        org = self.org_id
        show_error(self.error, "")
        add = Operation(
            self, lambda: save_contact(self.db, org, data), changes=Changes.of(Kind.ORG)
        )
        add.success(lambda contact_id: self._added(org, contact_id))
        add.failure(lambda sentence: show_error(self.error, sentence))
        add.run()

    def _added(self, org: uuid.UUID, contact_id: uuid.UUID) -> None:
        self.set_org(org, [*self.picker.checked_ids(), contact_id])
        self.name_edit.clear()
        self.title_edit.clear()
        self.changed.emit()
