"""Reading a business card (名片): the photo beside the contact it proposes, corrected by the
user and saved (with the photo attached to the contact) only when Save is pressed.

The OCR engine runs on a worker thread (a card takes a second or two); the proposal, which asks
the database which organization the card names, is made back on the GUI thread, since the
window's database connection must not be used from another thread.
"""

from __future__ import annotations

import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.card_fields import CardFields, CardLine
from fieldlog.domain.messages import code_of
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import card_ocr
from fieldlog.services.orgs.card_reading import CardProposal, KnownOrganization, propose
from fieldlog.services.orgs.card_saving import NewOrganization, SavedCard, save_card, unsave_card
from fieldlog.services.visits.visit_entry import org_name
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.operations import Operation, failure_sentence
from fieldlog.ui.widgets.org_create_form import error_label, plain_buttons, show_error
from fieldlog.ui.widgets.org_picker import OrgPicker
from fieldlog.ui.widgets.wrapping_label import WrappingLabel

#: One card at a time: the engine is loaded once and is not shared between threads.
_ocr_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldlog-card")
POLL_MS = 40
PHOTO_SIDE = 440
#: The line edits of the proposal, by the field they hold (their objectNames are card + Field).
FIELD_NAMES = ("name", "title", "mobile", "phone", "email", "company")


class CardReader(QObject):
    """Reads one card photo at a time off the GUI thread and proposes its contact."""

    proposed = Signal(object, object)  # the photo's path, its CardProposal
    failed = Signal(object, str)  # the photo's path, why it could not be read
    engine_missing = Signal(str)  # how to install the engine

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._path: Path | None = None
        self._future: Future[list[CardLine]] | None = None
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)

    def busy(self) -> bool:
        """Whether a photo is being read."""
        return self._future is not None

    def read(self, path: Path) -> None:
        """Start reading `path`; one of the signals tells how it went."""
        self.stop()
        if not card_ocr.engine_installed():
            self.engine_missing.emit(str(card_ocr.engine_missing()))
            return
        self._path = path
        self._future = _ocr_pool.submit(card_ocr.recognise, path)
        self._timer.start()

    def stop(self) -> None:
        """Forget the photo being read (its result, when it comes, is dropped)."""
        self._timer.stop()
        if self._future is not None:
            self._future.cancel()
        self._future = None

    def _poll(self) -> None:
        future, path = self._future, self._path
        if future is None or path is None or not future.done():
            return
        self.stop()
        try:
            proposal = propose(self.db, future.result())
        except InvalidInput as exc:
            if exc.args and code_of(exc.args[0]) == "card.no_engine":
                self.engine_missing.emit(str(exc))
            else:
                self.failed.emit(path, str(exc))
            return
        except Exception as exc:  # a defect is logged; the user reads one sentence
            self.failed.emit(path, failure_sentence(exc))
            return
        self.proposed.emit(path, proposal)


def photo_pixmap(path: Path, side: int = PHOTO_SIDE) -> QPixmap | None:
    """The photo turned upright as its EXIF says and scaled to fit `side`; None when it cannot
    be shown."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    stored = reader.size()
    if stored.isValid() and max(stored.width(), stored.height()) > 2 * side:
        # A phone's 50-megapixel photo is decoded at the size shown, not whole.
        reader.setScaledSize(stored.scaled(2 * side, 2 * side, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    fitted = image.scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return QPixmap.fromImage(fitted)


class _OnFilePicker(OrgPicker):
    """The org picker without its inline "Create" row: a new organization is made by the card's
    own choice, only when the card is saved."""

    def _add_create_row(self, text: str) -> None:
        return

    def refresh(self) -> None:
        super().refresh()
        if self.popup.count() == 0:
            self.popup.hide()


class CardDialog(QDialog):
    """One card: its photo on the left, the contact it proposes on the right, saved on Save."""

    saved = Signal(object)  # the SavedCard

    def __init__(
        self,
        db: Database,
        photo: Path,
        parent: QWidget | None = None,
        *,
        org_id: uuid.UUID | None = None,
        proposal: CardProposal | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.db, self.photo = db, photo
        self._preset = org_id
        self._made: list[SavedCard] = []
        self.setObjectName("cardDialog")
        self.setWindowTitle(self.tr("Business card — {file}").format(file=photo.name))
        self.reader = CardReader(db, self)
        self.reader.proposed.connect(lambda _path, found: self.show_proposal(found))
        self.reader.failed.connect(lambda _path, reason: self._read_failed(reason))
        self.reader.engine_missing.connect(self._engine_missing)
        self._build()
        if org_id is not None:
            self._pick(
                org_id,
                org_name(db, org_id) or "",
                self.tr("The organization this card is read for."),
            )
        else:
            self.new_org.setChecked(True)
        if proposal is not None:
            self.show_proposal(proposal)
        elif problem:
            self._read_failed(problem)
        else:
            self._set_busy(True)
            QTimer.singleShot(0, self, lambda: self.reader.read(photo))

    def _build(self) -> None:
        self.photo_label = QLabel(objectName="cardPhoto")
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setMinimumSize(PHOTO_SIDE // 2, PHOTO_SIDE // 2)
        pixmap = photo_pixmap(self.photo)
        if pixmap is None:
            self.photo_label.setText(self.tr("This photo cannot be shown."))
        else:
            self.photo_label.setPixmap(pixmap)
        self.photo_label.setAccessibleName(self.photo.name)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key, label in self._labels().items():
            edit = QLineEdit(objectName="card" + key.capitalize())
            edit.setAccessibleName(label.replace("&", ""))
            self.edits[key] = edit
            form.addRow(label, edit)
        self.credit_code = QLineEdit(objectName="cardCreditCode")
        self.credit_code.setAccessibleName(self.tr("Credit code"))
        self.credit_code.setPlaceholderText(self.tr("As on the card, if it shows one"))
        form.addRow(self.tr("Organization:"), self._org_choice())
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        self.busy = QProgressBar(objectName="cardBusy", minimum=0, maximum=0, textVisible=False)
        self.busy.setAccessibleName(self.tr("Reading the card"))
        self.status = WrappingLabel(objectName="cardStatus")
        self.error = error_label("cardError")
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("cardSaveButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cardCancelButton")
        plain_buttons(self.save_button, self.cancel_button)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.photo_label, 1)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(1000, 520)
        chain = [*self.edits.values(), self.on_file, self.picker.edit, self.new_org]
        for first, second in zip(chain, [*chain[1:], self.credit_code], strict=True):
            QWidget.setTabOrder(first, second)

    def _labels(self) -> dict[str, str]:
        return {
            "name": self.tr("&Name:"),
            "title": self.tr("&Title:"),
            "mobile": self.tr("&Mobile:"),
            "phone": self.tr("&Phone:"),
            "email": self.tr("&Email:"),
            "company": self.tr("&Company:"),
        }

    def _org_choice(self) -> QWidget:
        box = QWidget(objectName="cardOrgChoice")
        self.on_file = QRadioButton(self.tr("On file:"), objectName="cardExistingOrg")
        self.new_org = QRadioButton(
            self.tr("A new organization named as the company"), objectName="cardNewOrg"
        )
        self.org_group = QButtonGroup(box)
        self.org_group.addButton(self.on_file)
        self.org_group.addButton(self.new_org)
        self.new_org.toggled.connect(self.credit_code.setEnabled)
        self.credit_code.setEnabled(False)
        self.picker = _OnFilePicker(self.db, box)
        self.picker.setObjectName("cardOrgPicker")
        self.picker.org_changed.connect(self._on_org_picked)
        self.match = WrappingLabel(objectName="cardOrgMatch")
        code_row = QHBoxLayout()
        code_row.setContentsMargins(24, 0, 0, 0)
        code_row.addWidget(QLabel(self.tr("Credit code:")))
        code_row.addWidget(self.credit_code, 1)
        picked = QHBoxLayout()
        picked.addWidget(self.on_file)
        picked.addWidget(self.picker, 1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(picked)
        layout.addWidget(self.match)
        layout.addWidget(self.new_org)
        layout.addLayout(code_row)
        return box

    # -- what was read ----------------------------------------------------------------------

    def show_proposal(self, proposal: CardProposal) -> None:
        """Put a card's proposal in the fields (the user corrects them before saving)."""
        self._set_busy(False)
        for key, value in proposal.fields.as_dict().items():
            self.edits[key].setText(value)
        self.credit_code.setText(proposal.credit_code)
        known = proposal.organization
        if self._preset is not None:
            other = known is not None and known.id != self._preset
            self.status.setText(
                self.tr("The card names {name}, another organization on file.").format(
                    name=known.name
                )
                if other and known is not None
                else self.tr("Check the fields against the photo, then save.")
            )
            return
        if known is not None:
            self._pick(known.id, known.name, self._how_found(known))
        self.status.setText(self.tr("Check the fields against the photo, then save."))

    def _how_found(self, known: KnownOrganization) -> str:
        if known.matched_by == "credit_code":
            return self.tr("Found by the credit code on the card.")
        if known.matched_by == "name":
            return self.tr("Found by its exact name.")
        return self.tr("A look-alike of the card's company: check it is the same organization.")

    def _pick(self, org_id: uuid.UUID, name: str, how: str) -> None:
        self.picker.set_org(org_id, name)
        self.on_file.setChecked(True)
        self.match.setText(how)

    def _on_org_picked(self, org_id: object) -> None:
        if org_id is not None:
            self.on_file.setChecked(True)
            self.match.setText(self.tr("Chosen by you."))
        else:
            self.match.setText("")

    def _read_failed(self, reason: str) -> None:
        self._set_busy(False)
        self.status.setText(
            reason + "\n" + self.tr("You can type the contact from the photo by hand.")
        )
        self.edits["name"].setFocus()

    def _engine_missing(self, sentence: str) -> None:
        self._set_busy(False)
        self.status.setText(sentence + "\n" + self.tr("Meanwhile, type the contact by hand."))
        self.edits["name"].setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        if busy:
            self.status.setText(self.tr("Reading the card…"))
        for edit in (*self.edits.values(), self.credit_code):
            edit.setReadOnly(busy)
        self.save_button.setEnabled(not busy)

    # -- saving -----------------------------------------------------------------------------

    def fields(self) -> CardFields:
        """The contact as the fields hold it now."""
        return CardFields(**{key: edit.text() for key, edit in self.edits.items()})

    def save(self) -> None:
        """Save the card as the fields say (one operation, undoable); a refusal shows below."""
        show_error(self.error, "")
        if self.on_file.isChecked():
            org_id = self.picker.org_id()
            if org_id is None:
                show_error(
                    self.error,
                    self.tr("Choose an organization on file, or a new organization."),
                )
                return
            into: uuid.UUID | NewOrganization = org_id
        else:
            into = NewOrganization(self.edits["company"].text(), self.credit_code.text())
        fields, photo, db, made = self.fields(), self.photo, self.db, self._made

        def action() -> SavedCard:
            made.append(save_card(db, photo, fields, into))
            return made[-1]

        Operation(self, action, changes=Changes.of(Kind.ORG)).success(self._on_saved).failure(
            lambda sentence: show_error(self.error, sentence)
        ).undoable(
            self.tr("Save business card of {name}").format(name=fields.name.strip()),
            lambda: unsave_card(db, made[-1]),
        ).run()

    def _on_saved(self, saved: SavedCard) -> None:
        self.saved.emit(saved)
        self.accept()

    def done(self, result: int) -> None:
        self.reader.stop()
        super().done(result)


def open_card_dialog(
    parent: QWidget | None,
    db: Database,
    *,
    org_id: uuid.UUID | None = None,
    photos: list[Path] | None = None,
) -> QDialog | None:
    """Read business cards: one photo in the card dialog, several in the review list (asked
    for when `photos` is None); with `org_id`, that organization is chosen for each card.
    The dialog is open (window-modal) when this returns; None when no photo was chosen."""
    from fieldlog.ui.dialogs.card_folder_dialog import CardFolderDialog, choose_photos

    chosen = choose_photos(parent) if photos is None else list(photos)
    if not chosen:
        return None
    dialog: QDialog
    if len(chosen) == 1:
        dialog = CardDialog(db, chosen[0], parent, org_id=org_id)
    else:
        dialog = CardFolderDialog(db, chosen, parent, org_id=org_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
