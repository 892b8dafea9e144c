"""Several business cards at once: each photo read in turn in the background and listed with the
contact it proposes; a card is saved only from its own card dialog (double-click or Enter)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.card_fields import CardFields
from fieldlog.services.orgs.card_reading import CardProposal
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.card_dialog import CardDialog, CardReader
from fieldlog.ui.file_dialogs import start_folder
from fieldlog.ui.widgets.org_create_form import plain_buttons

PHOTO, NAME, COMPANY, MOBILE, STATUS = range(5)
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".webp", ".heic", ".heif", ".tif", ".tiff")
#: The setting that remembers the folder card photos were last picked from.
FOLDER_KEY = "cards/folder"


class State(Enum):
    """Where a photo of the list stands."""

    WAITING = "waiting"
    READ = "read"
    UNREADABLE = "unreadable"
    SAVED = "saved"


@dataclass
class CardRow:
    """One photo of the list: what reading it proposed, or why it could not be read."""

    photo: Path
    state: State = State.WAITING
    proposal: CardProposal | None = None
    reason: str = ""
    saved: CardFields | None = None  # the contact as it was saved


class CardFolderDialog(QDialog):
    """The photos of several cards, read one by one, each opened for review and saving."""

    def __init__(
        self,
        db: Database,
        photos: list[Path],
        parent: QWidget | None = None,
        *,
        org_id: uuid.UUID | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.org_id = db, org_id
        self.rows = [CardRow(photo) for photo in photos]
        self._next = 0
        self._stopped = False
        self.setObjectName("cardFolderDialog")
        self.setWindowTitle(self.tr("Business cards"))
        self.reader = CardReader(db, self)
        self.reader.proposed.connect(self._on_proposed)
        self.reader.failed.connect(self._on_failed)
        self.reader.engine_missing.connect(self._on_engine_missing)
        self._build()
        for index in range(len(self.rows)):
            self._show_row(index)
        self._read_next()

    def _build(self) -> None:
        self.table = QTableWidget(len(self.rows), 5, self, objectName="cardFolderList")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Photo"), self.tr("Name"), self.tr("Company"), self.tr("Mobile"),
             self.tr("Status")]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (PHOTO, NAME, MOBILE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COMPANY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Business cards"))
        self.table.cellDoubleClicked.connect(lambda row, _column: self.open_row(row))
        self.table.installEventFilter(self)
        self.progress = QProgressBar(objectName="cardFolderProgress")
        self.progress.setRange(0, len(self.rows))
        self.progress.setFormat(self.tr("%v of %m read"))
        self.stop_button = QPushButton(self.tr("&Cancel reading"), objectName="cardFolderCancel")
        self.stop_button.clicked.connect(self.stop_reading)
        self.hint = QLabel(
            self.tr("Double-click a card (or press Enter) to check it and save it."),
            objectName="cardFolderHint",
        )
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("cardFolderClose")
        buttons.rejected.connect(self.reject)
        plain_buttons(self.stop_button, self.close_button)
        reading = QHBoxLayout()
        reading.addWidget(self.progress, 1)
        reading.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(reading)
        layout.addWidget(buttons)
        self.resize(860, 480)

    # -- reading, one photo after the other -------------------------------------------------

    def reading(self) -> bool:
        """Whether photos are still being read."""
        return self.reader.busy()

    def _read_next(self) -> None:
        waiting = [i for i, row in enumerate(self.rows) if row.state is State.WAITING]
        if not waiting:
            self._finished()
            return
        self._next = waiting[0]
        self.table.item(self._next, STATUS).setText(self.tr("Reading…"))
        self.reader.read(self.rows[self._next].photo)

    def _on_proposed(self, _path: Path, proposal: CardProposal) -> None:
        row = self.rows[self._next]
        row.state, row.proposal = State.READ, proposal
        self._advance()

    def _on_failed(self, _path: Path, reason: str) -> None:
        row = self.rows[self._next]
        row.state, row.reason = State.UNREADABLE, reason
        self._advance()

    def _advance(self) -> None:
        self._show_row(self._next)
        self.progress.setValue(self.progress.value() + 1)
        self._read_next()

    def _on_engine_missing(self, sentence: str) -> None:
        for index, row in enumerate(self.rows):
            if row.state is State.WAITING:
                row.state, row.reason = State.UNREADABLE, sentence
                self._show_row(index)
        self._finished()

    def stop_reading(self) -> None:
        """Stop reading: the photos not read yet stay in the list, each read when opened."""
        self.reader.stop()
        self._stopped = True
        for index, row in enumerate(self.rows):
            if row.state is State.WAITING:
                self._show_row(index)
        self._finished()

    def _finished(self) -> None:
        self.stop_button.setEnabled(False)
        self.progress.setValue(self.progress.maximum())

    # -- the list ---------------------------------------------------------------------------

    def _status(self, row: CardRow) -> str:
        if row.state is State.READ:
            return self.tr("Read: check and save")
        if row.state is State.UNREADABLE:
            return self.tr("Unreadable: {reason}").format(reason=row.reason)
        if row.state is State.SAVED:
            return self.tr("Saved")
        if self._stopped:
            return self.tr("Not read: open it to read it")
        return self.tr("Waiting")

    def _show_row(self, index: int) -> None:
        row = self.rows[index]
        fields = row.saved or (row.proposal.fields if row.proposal is not None else None)
        texts = {
            PHOTO: row.photo.name,
            NAME: fields.name if fields else "",
            COMPANY: fields.company if fields else "",
            MOBILE: fields.mobile if fields else "",
            STATUS: self._status(row),
        }
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(index, column, item)
        self.table.resizeColumnToContents(PHOTO)

    def open_row(self, index: int) -> CardDialog | None:
        """The card dialog of a row, to check and save it (not while it waits to be read, nor
        once saved)."""
        if not 0 <= index < len(self.rows):
            return None
        row = self.rows[index]
        if row.state is State.SAVED or (row.state is State.WAITING and not self._stopped):
            return None
        dialog = CardDialog(
            self.db, row.photo, self, org_id=self.org_id, proposal=row.proposal, problem=row.reason
        )
        dialog.saved.connect(lambda _saved, at=index, d=dialog: self._on_saved(at, d.fields()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_saved(self, index: int, fields: CardFields) -> None:
        row = self.rows[index]
        row.state, row.saved = State.SAVED, fields
        self._show_row(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_row(self.table.currentRow())
            return True
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        self.reader.stop()
        super().done(result)


def photos_in(folder: Path) -> list[Path]:
    """The photos directly in `folder`, by name."""
    try:
        found = [path for path in folder.iterdir() if path.suffix.lower() in PHOTO_SUFFIXES]
    except OSError:
        return []
    return sorted((path for path in found if path.is_file()), key=lambda path: path.name)


def choose_photos(parent: QWidget | None) -> list[Path]:
    """Ask for card photos, or a folder of them; [] when the user cancels."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setObjectName("cardSourceBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("CardDialog", "Read business cards"))
    box.setText(
        translate("CardDialog", "Read the cards in photos you pick, or every photo in a folder?")
    )
    photos = box.addButton(translate("CardDialog", "&Photos…"), QMessageBox.ButtonRole.AcceptRole)
    folder = box.addButton(translate("CardDialog", "A &folder…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    settings = QSettings()
    start = str(start_folder(settings.value(FOLDER_KEY, "")))
    chosen: list[Path] = []
    if box.clickedButton() is photos:
        kinds = translate("CardDialog", "Photos ({patterns})").format(
            patterns=" ".join("*" + suffix for suffix in PHOTO_SUFFIXES)
        )
        title = translate("CardDialog", "Business card photos")
        names, _ = QFileDialog.getOpenFileNames(parent, title, start, kinds)
        chosen = [Path(name) for name in names]
    elif box.clickedButton() is folder:
        title = translate("CardDialog", "A folder of business card photos")
        name = QFileDialog.getExistingDirectory(parent, title, start)
        if name:
            settings.setValue(FOLDER_KEY, name)
            chosen = photos_in(Path(name))
            if not chosen:
                QMessageBox.information(
                    parent,
                    title,
                    translate("CardDialog", "There are no photos in {folder}.").format(folder=name),
                )
    if chosen and box.clickedButton() is photos:
        settings.setValue(FOLDER_KEY, str(chosen[0].parent))
    return chosen
