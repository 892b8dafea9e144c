"""Creating and editing an organization (with its contacts), and the contact form."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_name
from fieldlog.domain.text import normalize_phone
from fieldlog.services.orgs import org_directory
from fieldlog.services.orgs.org_edits import ContactEdit, OrgEdit
from fieldlog.services.orgs.orgs import ContactInput, OrgInput
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.models.org_table_model import kind_labels
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.attachment_strip import AttachmentStrip
from fieldlog.ui.widgets.combo_values import select_value
from fieldlog.ui.widgets.credit_code_edit import ERROR_STYLE, CreditCodeEdit

TAG_COLUMNS = 3
ATTACHMENTS_HEIGHT = 160


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox(objectName=name)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def row_table(name: str, headers: list[str]) -> QTableWidget:
    """A read-only table of whole rows (contacts, visits, projects)."""
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    """Put these texts in the table, one list per row."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons side by side, flush left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def save_cancel(dialog: QDialog) -> QDialogButtonBox:
    """Save and Cancel buttons wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _notes_edit(name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the form
    return edit


def _same(entered: OrgInput, saved: OrgInput | None) -> bool:
    """Whether the form holds exactly the saved organization (tags in any order)."""
    return saved is not None and replace(entered, tags=sorted(entered.tags)) == replace(
        saved, tags=sorted(saved.tags)
    )


class ContactDialog(QDialog):
    """A person at an organization: name, title, phone, e-mail, notes."""

    def __init__(self, data: ContactInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("Edit contact") if data else self.tr("New contact"))
        data = data or ContactInput("")
        self.name_edit = QLineEdit(data.name, objectName="contactName")
        self.title_edit = QLineEdit(data.title, objectName="contactTitle")
        self.phone_edit = QLineEdit(data.phone, objectName="contactPhone")
        self.email_edit = QLineEdit(data.email, objectName="contactEmail")
        self.notes_edit = _notes_edit("contactNotes")
        self.notes_edit.setPlainText(data.notes)
        self.message = QLabel(objectName="contactMessage", styleSheet=ERROR_STYLE)
        self.message.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Phone:"), self.phone_edit)
        form.addRow(self.tr("E-&mail:"), self.email_edit)
        form.addRow(self.tr("N&otes:"), self.notes_edit)
        form.addRow(self.message)
        self.buttons = save_cancel(self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveContactButton")
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.name_edit.text().strip()))

    def value(self) -> ContactInput:
        """The contact as entered."""
        return ContactInput(
            self.name_edit.text(),
            self.title_edit.text(),
            self.phone_edit.text(),
            self.email_edit.text(),
            self.notes_edit.toPlainText(),
        )

    def accept(self) -> None:
        try:
            normalize_phone(self.phone_edit.text())
        except ValueError:
            self.message.setText(self.tr("This is not a phone number."))
            self.message.show()
            self.phone_edit.setFocus()
            return
        super().accept()


class OrgDialog(QDialog):
    """Create an organization (`org_id` None) or edit one; Save runs as one undoable change."""

    def __init__(
        self, db: Database, org_id: uuid.UUID | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orgDialog")
        self.db, self.org_id, self.saved_id = db, org_id, None
        saved = org_directory.org_form(db, org_id) if org_id else None
        self._before = saved[0] if saved else None
        self._choices = org_directory.choices(db)
        self._drafts = [ContactEdit(c.data, c.data, c.id) for c in saved[1]] if saved else []
        self.setWindowTitle(self.tr("Edit organization") if saved else self.tr("New organization"))
        self._loading = True  # one check of the code once loaded, not one per field filled
        self._build()
        self._load(self._before or OrgInput(""))
        self._loading = False
        self._update()

    def _build(self) -> None:
        side = QVBoxLayout()
        side.addWidget(self._tags_box())
        side.addWidget(self._contacts_box(), 1)
        columns = QHBoxLayout()
        columns.addLayout(self._form(), 3)
        columns.addLayout(side, 2)
        self.attachments = AttachmentStrip(self.db, "org", self)
        self.attachments.set_owner(self.org_id)
        self.attachments.list.setMaximumHeight(ATTACHMENTS_HEIGHT)
        self.buttons = save_cancel(self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.attachments)
        layout.addWidget(self.buttons)
        self.resize(880, 700)

    def _form(self) -> QFormLayout:
        self.name_edit = QLineEdit(objectName="orgName")
        self.name_edit.textChanged.connect(self._update)
        self.kind_combo = _combo(
            "orgKind", [(label, code) for code, label in kind_labels().items()]
        )
        self.code_edit = CreditCodeEdit()
        self.code_edit.textChanged.connect(self._update)
        self.holder_label = QLabel(
            objectName="orgCodeHolder", styleSheet=ERROR_STYLE, visible=False
        )
        code_box = self.code_edit.with_message()
        code_box.layout().addWidget(self.holder_label)
        self.region_edit = QLineEdit(objectName="orgRegion")
        self.address_edit = QLineEdit(objectName="orgAddress")
        none = self.tr("(none)")
        self.chain_combo = _combo(
            "orgChain", [(none, None), *((display_name(i, n), i) for i, n in self._choices.chains)]
        )
        self.chain_combo.currentIndexChanged.connect(self._fill_links)
        self.link_combo = _combo("orgLink", [])
        self.phone_edit = QLineEdit(objectName="orgPhone")
        self.target_box = QCheckBox(self.tr("On the &target list"), objectName="orgTarget")
        self.notes_edit = _notes_edit("orgNotes")
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Credit code:"), code_box)
        form.addRow(self.tr("&Region:"), self.region_edit)
        form.addRow(self.tr("&Address:"), self.address_edit)
        form.addRow(self.tr("C&hain:"), self.chain_combo)
        form.addRow(self.tr("&Link:"), self.link_combo)
        form.addRow(self.tr("&Phone:"), self.phone_edit)
        form.addRow("", self.target_box)
        form.addRow(self.tr("N&otes:"), self.notes_edit)
        return form

    def _tags_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tags"), objectName="orgTags")
        grid = QGridLayout(box)
        self.tag_boxes: dict[str, QCheckBox] = {}
        for n, (tag_id, name) in enumerate(self._choices.tags):
            check = QCheckBox(display_name(tag_id, name), objectName="orgTag")
            grid.addWidget(check, n // TAG_COLUMNS, n % TAG_COLUMNS)
            self.tag_boxes[name] = check
        return box

    def _contacts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contacts"))
        headers = [self.tr("Name"), self.tr("Title"), self.tr("Phone")]
        self.contacts_table = row_table("orgContacts", headers)
        self.contacts_table.activated.connect(lambda _index: self.edit_contact())
        self.add_contact_button = QPushButton(self.tr("Add contact…"), objectName="orgAddContact")
        self.add_contact_button.clicked.connect(self.add_contact)
        self.edit_contact_button = QPushButton(
            self.tr("Edit contact…"), objectName="orgEditContact"
        )
        self.edit_contact_button.clicked.connect(self.edit_contact)
        layout = QVBoxLayout(box)
        layout.addWidget(self.contacts_table)
        layout.addLayout(button_row(self.add_contact_button, self.edit_contact_button))
        self._show_contacts()
        return box

    def _load(self, data: OrgInput) -> None:
        self.name_edit.setText(data.name)
        select_value(self.kind_combo, data.kind)
        self.code_edit.setText(data.credit_code or "")
        self.region_edit.setText(data.region)
        self.address_edit.setText(data.address)
        select_value(self.chain_combo, data.chain_id)
        self._fill_links()
        select_value(self.link_combo, data.link_id)
        self.phone_edit.setText(data.phone)
        self.target_box.setChecked(data.is_target)
        self.notes_edit.setPlainText(data.notes)
        for name, check in self.tag_boxes.items():
            check.setChecked(name in data.tags)

    def _fill_links(self) -> None:
        self.link_combo.clear()
        self.link_combo.addItem(self.tr("(none)"), None)
        for link_id, name in self._choices.links.get(self.chain_combo.currentData(), ()):
            self.link_combo.addItem(display_name(link_id, name), link_id)

    def _update(self) -> None:
        if self._loading:
            return
        holder = None
        if self.code_edit.is_valid() and self.code_edit.code():
            holder = org_directory.code_holder(self.db, self.code_edit.code())
        taken = holder is not None and holder[0] != self.org_id
        if taken and holder is not None:
            self.holder_label.setText(
                self.tr("This code already belongs to {name}.").format(name=holder[1])
            )
        self.holder_label.setVisible(taken)
        valid = self.code_edit.is_valid() and not taken
        self.save_button.setEnabled(bool(self.name_edit.text().strip()) and valid)

    def value(self) -> OrgInput:
        """The organization as entered."""
        return OrgInput(
            name=self.name_edit.text(),
            kind=self.kind_combo.currentData(),
            credit_code=self.code_edit.code() or None,
            region=self.region_edit.text(),
            address=self.address_edit.text(),
            chain_id=self.chain_combo.currentData(),
            link_id=self.link_combo.currentData(),
            is_target=self.target_box.isChecked(),
            phone=self.phone_edit.text(),
            notes=self.notes_edit.toPlainText(),
            tags=[name for name, check in self.tag_boxes.items() if check.isChecked()],
        )

    def _show_contacts(self) -> None:
        rows = [[d.after.name, d.after.title, d.after.phone] for d in self._drafts]
        fill_table(self.contacts_table, rows)
        self.edit_contact_button.setEnabled(bool(rows))

    def add_contact(self) -> ContactDialog:
        """Open the contact form for a new contact, saved with the organization."""
        return self._open_contact(ContactEdit(ContactInput("")))

    def edit_contact(self) -> ContactDialog | None:
        """Open the contact form for the selected contact."""
        row = self.contacts_table.currentRow()
        return self._open_contact(self._drafts[row]) if 0 <= row < len(self._drafts) else None

    def _open_contact(self, draft: ContactEdit) -> ContactDialog:
        dialog = ContactDialog(draft.after if draft.after.name else None, parent=self)
        dialog.accepted.connect(lambda: self._keep_contact(draft, dialog.value()))
        dialog.open()
        return dialog

    def _keep_contact(self, draft: ContactEdit, data: ContactInput) -> None:
        draft.after = data
        if draft not in self._drafts:  # identity: drafts compare as objects
            self._drafts.append(draft)
        self._show_contacts()

    def accept(self) -> None:
        changed = [d for d in self._drafts if d.after != d.before]
        if self.org_id is not None and not changed and _same(self.value(), self._before):
            self.saved_id = self.org_id  # nothing changed: no write, nothing to undo
            super().accept()
            return
        edit = OrgEdit(self.value(), self._before, self.org_id, changed)
        text = self.tr("Edit organization") if self.org_id else self.tr("New organization")
        save = Operation(self, lambda: edit.apply(self.db), changes=Changes.of(Kind.ORG))
        save.undoable(text, lambda: edit.revert(self.db))
        save.success(self._saved)
        save.run()

    def _saved(self, org_id: uuid.UUID) -> None:
        self.saved_id = org_id
        super().accept()
