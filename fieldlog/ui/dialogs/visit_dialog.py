"""Logging a visit, or editing one: by keyboard alone, checked inline, never losing a draft."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.attachments import attachments
from fieldlog.services.attachments.file_checks import CheckedFile
from fieldlog.services.team.identity import get_me
from fieldlog.services.visits.drafts import visit_draft_key
from fieldlog.services.visits.visit_entry import (
    EntryChange,
    EntryResult,
    LoadedVisit,
    load_visit,
)
from fieldlog.services.visits.visits import VisitInput
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.visit_fields import DEFAULT_KIND
from fieldlog.ui.dialogs.visit_form import VisitForm, visit_state
from fieldlog.ui.drafts import DraftKeeper
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.attachment_strip import AttachmentStrip
from fieldlog.ui.widgets.org_create_form import error_label, plain_buttons, show_error

DEFAULT_SIZE = (980, 800)
ATTACHMENTS_HEIGHT = 160
#: Opens the file picker of the visit's attachments from any field of the dialog.
ATTACH_KEYS = "Ctrl+Shift+A"
#: Read a business card met on this visit (the card dialog, the visit's organization chosen).
CARD_KEYS = "Ctrl+Shift+K"
# On the note alone: a style sheet on the dialog would restyle every field (and slow its opening).
DRAFT_NOTE_STYLE = (
    "background: #fff4ce; border: 1px solid #e8d48a; border-radius: 4px; padding: 4px 8px;"
)


def _new_state(me: uuid.UUID | None) -> dict[str, Any]:
    return {
        "visitors": [str(me)] if me else [],
        "kind": DEFAULT_KIND,
        "date": date.today().isoformat(),
    }


def _same(entered: VisitInput, saved: VisitInput) -> bool:
    """Whether the form holds exactly the saved visit (visitors and contacts in any order)."""

    def plain(data: VisitInput) -> VisitInput:
        return replace(
            data, visitor_ids=sorted(data.visitor_ids), contact_ids=sorted(data.contact_ids)
        )

    return plain(entered) == plain(saved)


class EntryWithFiles:
    """A new visit's save with the files chosen before it: the visit and its attachments are
    stored in one transaction (all or nothing). Undo takes the visit back (its attachments go
    with it, hidden with their visit); redo brings both back."""

    def __init__(self, db: Database, change: EntryChange, files: list[CheckedFile]) -> None:
        self.db, self.change, self.files = db, change, files

    def do(self) -> EntryResult:
        if self.change.result is not None or not self.files:
            return self.change.do()
        try:
            with self.db.begin():
                result = self.change.do()
                owner = attachments.Owner("visit", result.visit_id)
                attachments.add_checked(self.db, owner, self.files)
        except BaseException:
            self.change.result = None  # rolled back: the next attempt records it afresh
            raise
        return result


class VisitDialog(QDialog):
    """New visit (no `visit_id`) or edit of a visit; Ctrl+Enter saves; Esc asks whether to
    discard what was entered or keep it as a draft."""

    saved = Signal(object)  # the visit's id

    def __init__(
        self, db: Database, parent: QWidget | None = None, visit_id: uuid.UUID | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.visit_id = db, visit_id
        self.setObjectName("visitDialog")
        self._loaded: LoadedVisit | None = load_visit(db, visit_id) if visit_id else None
        self.form = VisitForm(db, get_me(db))
        self.message = error_label("visitMessage")
        self.draft_note = QLabel(objectName="draftNote", styleSheet=DRAFT_NOTE_STYLE)
        self.draft_note.hide()
        self.save_button = QPushButton(self.tr("&Save"), objectName="saveButton")
        self.save_button.setToolTip(self.tr("Save the visit (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancelVisitButton")
        self.attachments = AttachmentStrip(db, "visit", self)
        self.attachments.list.setMaximumHeight(ATTACHMENTS_HEIGHT)  # the form keeps the room
        if visit_id is not None:
            self.attachments.set_owner(visit_id)
        else:
            self.attachments.allow_pending()
        self._build_layout()
        self._set_title()
        key = visit_draft_key(visit_id.hex if visit_id else None)
        self.drafts = DraftKeeper(db, key, self.form.state, self)
        self._initial = visit_state(self._loaded) if self._loaded else _new_state(self.form.me)
        self.form.apply_state(self._initial)
        self._baseline = self.form.state()  # what Esc may close without asking
        self.close_box: QMessageBox | None = None
        self._restore_draft()
        self._connect()
        self.resize(*DEFAULT_SIZE)
        self.form.org_picker.edit.setFocus()

    def _build_layout(self) -> None:
        self.draft_note.setTextFormat(Qt.TextFormat.RichText)
        self.draft_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 4)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        # Enter in a field must not save half a visit: only a focused Save button takes Enter.
        plain_buttons(self.save_button, self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.attachments)
        layout.addLayout(buttons)
        chain = [
            self.form.lead_name,
            self.save_button,
            self.cancel_button,
            *self.attachments.tab_chain(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _set_title(self) -> None:
        if self._loaded is None:
            self.setWindowTitle(self.tr("New visit"))
        else:
            title = self.tr("Edit visit — {org}").format(org=self._loaded.org_name)
            self.setWindowTitle(title)

    def _connect(self) -> None:
        self.form.changed.connect(self._on_changed)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.draft_note.linkActivated.connect(lambda _link: self.discard_draft())
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        QShortcut(QKeySequence(ATTACH_KEYS), self, activated=self.attach_files)
        QShortcut(QKeySequence(CARD_KEYS), self, activated=self.read_cards)
        self.attachments.add_button.setToolTip(
            self.tr(
                "Attach photos, PDFs or Office files ({keys}); read a business card met on "
                "this visit ({card})"
            ).format(keys=ATTACH_KEYS, card=CARD_KEYS)
        )
        app = QCoreApplication.instance()
        if app is not None:  # the window may close with the dialog open: keep what was typed
            app.aboutToQuit.connect(self.drafts.keep)

    def attach_files(self) -> None:
        """Ctrl+Shift+A: the file picker of the visit's attachments; the focus goes to them."""
        self.attachments.list.setFocus()
        self.attachments.choose_files()

    def read_cards(self) -> QDialog | None:
        """Ctrl+Shift+K: read business cards met on this visit; the visit's organization is
        chosen for them (the cards are saved as its contacts, each with its photo)."""
        from fieldlog.ui.dialogs.card_dialog import open_card_dialog

        return open_card_dialog(self, self.db, org_id=self.form.org_picker.org_id())

    def _touched(self) -> bool:
        """Whether anything was entered since the form was shown (files waiting count)."""
        return self.form.state() != self._baseline or bool(self.attachments.pending_files())

    def _on_changed(self) -> None:
        show_error(self.message, "")
        self.drafts.changed()

    def _restore_draft(self) -> None:
        draft = self.drafts.load()
        if draft is None:
            return
        self.form.apply_state(draft)
        text = self.tr("Draft restored: this entry was not saved last time.")
        link = self.tr("Discard")
        self.draft_note.setText(f'{text} <a href="discard">{link}</a>')
        self.draft_note.show()

    def discard_draft(self) -> None:
        """Delete the draft and show the form as it was before it."""
        self.drafts.discard()
        self.form.apply_state(self._initial)
        self.draft_note.hide()
        self.form.org_picker.edit.setFocus()

    def _input(self) -> VisitInput:
        data = self.form.visit_input()
        if self._loaded is not None and self._loaded.data.org_id == data.org_id:
            data = replace(data, chain_id=self._loaded.data.chain_id)  # keep a chain set by hand
        return data

    def save(self) -> None:
        """Check the form, then save the visit (and open its lead) as one undoable change."""
        if not self.form.check():
            return
        data, lead = self._input(), self.form.lead()
        if self._loaded is not None and _same(data, self._loaded.data) and not lead:
            self._close_saved(self.visit_id)  # nothing changed: no write, nothing to undo
            return
        previous = self._loaded.data if self._loaded else None
        change = EntryChange(
            self.db, data, visit_id=self.visit_id, previous=previous, lead_name=lead
        )
        show_error(self.message, "")
        entry = EntryWithFiles(self.db, change, self.attachments.pending_files())
        save = Operation(self, entry.do, changes=Changes.of(Kind.VISIT, Kind.PROJECT))  # a lead
        save.undoable(self._undo_text(), change.undo)
        save.success(lambda result: self._close_saved(result.visit_id))
        save.failure(lambda sentence: show_error(self.message, sentence))
        save.run()

    def _close_saved(self, visit_id: uuid.UUID | None) -> None:
        self.drafts.discard()
        self.saved.emit(visit_id)
        self.accept()

    def _undo_text(self) -> str:
        org = self.form.org_picker.org_name()
        if self.visit_id is None:
            return self.tr("New visit to {org}").format(org=org)
        return self.tr("Edit of the visit to {org}").format(org=org)

    def reject(self) -> None:
        """Esc, Cancel or the close button: close at once when nothing was entered, else ask
        whether to discard the entry or keep it as a draft."""
        if not self._touched():
            self.drafts.discard()
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close without saving"),
            self.tr(
                "This visit is not saved. Discard what was entered, or keep it as a draft "
                "that this form shows again next time?"
            ),
            parent=self,
            objectName="closeVisitBox",
        )
        for name, text, role in (
            ("discardButton", self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole),
            ("keepDraftButton", self.tr("&Keep as draft"), QMessageBox.ButtonRole.AcceptRole),
            ("continueButton", self.tr("&Continue editing"), QMessageBox.ButtonRole.RejectRole),
        ):
            box.addButton(text, role).setObjectName(name)
        back = box.findChild(QPushButton, "continueButton")
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._close_with(button.objectName()))
        self.close_box = box
        box.open()

    def _close_with(self, choice: str) -> None:
        self.close_box = None
        if choice == "discardButton":
            self.drafts.discard()
            super().reject()
        elif choice == "keepDraftButton":
            super().reject()

    def done(self, result: int) -> None:
        # Closing with "Keep as draft" writes what was typed since the last pause.
        if result != QDialog.DialogCode.Accepted:
            self.drafts.keep()
        super().done(result)


def open_visit_dialog(
    db: Database, parent: QWidget | None = None, visit_id: uuid.UUID | None = None
) -> VisitDialog:
    """Open the dialog window-modal without blocking; it deletes itself once closed."""
    dialog = VisitDialog(db, parent, visit_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
