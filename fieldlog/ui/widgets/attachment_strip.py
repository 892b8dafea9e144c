"""The photos, PDFs and Office files of one record, as thumbnails: add (button, drop, paste),
open, save a copy, delete (undoable) and caption them.

Attachments are records of their own: adding or deleting one is written at once, as an
operation (an undo step), whatever the dialog around the strip does later. A record not yet
saved holds no attachments; where its dialog allows it (`allow_pending`), files chosen meanwhile
are checked and kept here until the dialog's save attaches them (`pending_files`).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QIcon,
    QImage,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.attachments import attachments as service
from fieldlog.services.attachments.file_checks import CheckedFile
from fieldlog.services.file_guard import Kind as FileKind
from fieldlog.services.file_guard import guard_output
from fieldlog.store.database import Database
from fieldlog.ui import operations, undo
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.attachment_viewer import AttachmentViewer, Picture, read_picture
from fieldlog.ui.file_dialogs import start_folder
from fieldlog.ui.file_drop import local_files
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.attachment_items import (
    AttachmentList,
    Shown,
    file_icon,
    opened_folder,
    png_bytes,
    safe_name,
    size_text,
    square_icon,
    thumbnail,
)
from fieldlog.ui.widgets.org_create_form import error_label, show_error

DOWNSCALE_KEY = "attachments/downscale"
FOLDER_KEY = "attachments/folder"
CHANGES = {
    "visit": Changes.of(Kind.VISIT),
    "org": Changes.of(Kind.ORG),
    "project": Changes.of(Kind.PROJECT),
    "contact": Changes.of(Kind.ORG),
}


class _Addition:
    """Attaching files as one undoable change: the first `do` checks and stores them, a redo
    puts the same attachments back, undo deletes them."""

    def __init__(
        self, db: Database, owner: service.Owner, files: Callable[[], list[CheckedFile]]
    ) -> None:
        self.db, self.owner, self.files = db, owner, files
        self.made: list[uuid.UUID] | None = None

    def do(self) -> list[uuid.UUID]:
        if self.made is None:
            self.made = service.add_checked(self.db, self.owner, self.files())
            return self.made
        with self.db.begin():
            for attachment in self.made:
                service.restore_attachment(self.db, attachment)
        return self.made

    def undo(self) -> None:
        with self.db.begin():
            for attachment in self.made or ():
                service.delete_attachment(self.db, attachment)


class AttachmentStrip(QWidget):
    """The attachments of one record of `owner_kind` (visit, org, project, contact)."""

    changed = Signal()  # the files shown changed (stored or pending)

    def __init__(self, db: Database, owner_kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="attachmentStrip")
        self.db, self.kind = db, owner_kind
        self.owner: service.Owner | None = None
        self.pending_allowed = False
        self._pending: list[CheckedFile] = []
        self._shown: list[Shown] = []
        self._undo_at: int | None = None  # the undo stack's index after our last deletion
        self.viewer: AttachmentViewer | None = None
        self._build()
        self._connect()
        self.set_owner(None)

    def _build(self) -> None:
        self.title = QLabel(objectName="attachmentTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        # One line, cut to the width (its tooltip holds it all): a wrapped hint would take its
        # height from the form above when the dialog is small.
        self.hint = QLabel(objectName="attachmentHint")
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setStyleSheet("color: #5f6368;")
        self.list = AttachmentList()
        self.list.setAccessibleName(self.tr("Attachments"))
        self.add_button = QPushButton(self.tr("Add files…"), objectName="addAttachmentsButton")
        self.open_button = QPushButton(self.tr("Open"), objectName="openAttachmentButton")
        self.save_button = QPushButton(self.tr("Save a copy…"), objectName="saveAttachmentButton")
        self.delete_button = QPushButton(self.tr("Delete"), objectName="deleteAttachmentButton")
        self.downscale_check = QCheckBox(
            self.tr("Downscale large photos"), objectName="downscaleCheck"
        )
        self.downscale_check.setToolTip(
            self.tr("Store photos larger than 2048 pixels smaller, as JPEG (saves space).")
        )
        self.downscale_check.setChecked(bool(QSettings().value(DOWNSCALE_KEY, False, type=bool)))
        self.caption_edit = QLineEdit(objectName="attachmentCaption")
        self.caption_edit.setPlaceholderText(self.tr("Caption of the selected file"))
        self.caption_edit.setAccessibleName(self.tr("Caption"))
        self.message = error_label("attachmentMessage")
        self.note = QLabel(objectName="attachmentNote", wordWrap=True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.hide()
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.hint, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addWidget(self.caption_edit, 1)
        buttons.addWidget(self.downscale_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.note)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.downscale_check.toggled.connect(
            lambda on: QSettings().setValue(DOWNSCALE_KEY, bool(on))
        )
        self.caption_edit.editingFinished.connect(self._caption_edited)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.files_dropped.connect(self.add_paths)
        self.list.key_action.connect(self._key_action)
        self.note.linkActivated.connect(lambda _link: self.undo_deletion())
        operations.changes().changes_applied.connect(self._on_changes)

    def tab_chain(self) -> list[QWidget]:
        """The strip's fields in the order Tab walks them."""
        return [
            self.list,
            self.add_button,
            self.open_button,
            self.save_button,
            self.delete_button,
            self.caption_edit,
            self.downscale_check,
        ]

    # --- what is shown ---------------------------------------------------------------------

    def set_owner(self, owner_id: uuid.UUID | None) -> None:
        """Show the attachments of this record (None: a record not saved yet)."""
        self.owner = service.Owner(self.kind, owner_id) if owner_id else None
        self.reload()

    def allow_pending(self) -> None:
        """Files chosen before the record's first save are kept for the dialog to attach."""
        self.pending_allowed = True
        self.reload()

    def pending_files(self) -> list[CheckedFile]:
        """The checked files waiting for the record's first save."""
        return list(self._pending)

    def usable(self) -> bool:
        """Whether files can be added now (a saved record, or pending ones allowed)."""
        return self.owner is not None or self.pending_allowed

    def reload(self) -> None:
        """Read the record's attachments again and show them, the selection kept."""
        kept = {self._key(s) for s in self._selected()}
        stored: list[Shown] = []
        if self.owner is not None:
            try:
                rows = service.attachments_of(self.db, self.owner, with_contacts=True)
            except Exception as exc:  # the record was deleted meanwhile: nothing to show
                rows = []
                show_error(self.message, operations.failure_sentence(exc))
            stored = [
                Shown(r.name, r.media_type, r.size, r.sha256, r.caption, r.id, contact=r.contact)
                for r in rows
            ]
        pending = [
            Shown(f.name, f.kind.media_type, f.size, f.sha256, data=f.data) for f in self._pending
        ]
        self._shown = stored + pending
        self._fill(kept)
        self._explain()

    @staticmethod
    def _key(shown: Shown) -> object:
        return shown.id or ("pending", shown.sha256, shown.name)

    def _fill(self, kept: set[object]) -> None:
        self.list.clear()
        for shown in self._shown:
            item = QListWidgetItem(self._icon(shown), self._label(shown))
            tip = f"{shown.name}\n{size_text(shown.size)}"
            if shown.caption:
                tip += f"\n{shown.caption}"
            if shown.id is None:
                tip += "\n" + self.tr("Attached when the visit is saved")
            item.setToolTip(tip)
            item.setSizeHint(self.list.gridSize())
            self.list.addItem(item)
            item.setSelected(self._key(shown) in kept)
        count = len(self._shown)
        self.title.setText(self.tr("Attachments ({n})").format(n=count))
        self._selection_changed()
        self.changed.emit()

    def _label(self, shown: Shown) -> str:
        if shown.contact and not shown.caption:
            return self.tr("Card: {name}").format(name=shown.contact)
        if shown.picture:
            return shown.caption or shown.name
        return f"{shown.name}\n{size_text(shown.size)}"

    def _icon(self, shown: Shown) -> QIcon:
        if shown.picture:
            try:
                image = thumbnail(shown.sha256, lambda: self._bytes(shown))
            except Exception as exc:  # its bytes are missing: the list still shows it
                show_error(self.message, operations.failure_sentence(exc))
                image = QImage()
            if not image.isNull():
                return square_icon(image)
        return file_icon(shown.media_type)

    def _bytes(self, shown: Shown) -> bytes:
        if shown.data is not None:
            return shown.data
        assert shown.id is not None
        return service.file_of(self.db, shown.id)[1]

    def _explain(self) -> None:
        if self.owner is not None:
            hint = self.tr(
                "Saved as soon as they are added or deleted (Cancel does not take them back)."
            )
        elif self.pending_allowed:
            hint = self.tr("Files added now are attached when the visit is saved.")
        else:
            hint = self.tr("Files can be added after the first save.")
        self.hint.setText(hint)
        self.hint.setToolTip(hint)
        if self.usable():
            empty = self.tr(
                "Drop photos, PDFs or Office files here, paste them (Ctrl+V), or use Add files…"
            )
        else:
            empty = ""
        self.list.empty_text = empty
        self.list.viewport().update()
        for widget in (self.add_button, self.list, self.downscale_check):
            widget.setEnabled(self.usable())
        self.list.setAcceptDrops(self.usable())

    def _selected(self) -> list[Shown]:
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return [self._shown[row] for row in rows if 0 <= row < len(self._shown)]

    def _current(self) -> Shown | None:
        row = self.list.currentRow()
        chosen = self._selected()
        if 0 <= row < len(self._shown) and self._shown[row] in chosen:
            return self._shown[row]
        return chosen[0] if chosen else None

    def _selection_changed(self) -> None:
        chosen = self._selected()
        for button in (self.open_button, self.save_button, self.delete_button):
            button.setEnabled(bool(chosen))
        one = chosen[0] if len(chosen) == 1 else None
        self.caption_edit.setEnabled(one is not None and one.id is not None)
        self.caption_edit.setText(one.caption if one is not None else "")

    def _on_changes(self, made: Changes) -> None:
        if self.owner is not None and made.touches(*CHANGES[self.kind].kinds):
            self.reload()

    def _key_action(self, action: str) -> None:
        {
            "paste": self.paste,
            "delete": self.delete_selected,
            "undo": self.undo_deletion,
            "open": self.open_selected,
        }[action]()

    def _tell(self, sentence: str) -> None:
        show_error(self.message, sentence)
        self.note.hide()

    # --- adding ----------------------------------------------------------------------------

    def choose_files(self) -> list[Path]:
        """Ask for files (several at once) and attach them."""
        if not self.usable():
            return []
        filters = ";;".join(
            (
                self.tr("Photos, PDFs and Office files")
                + " (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.heic *.heif *.pdf *.doc *.docx"
                " *.xls *.xlsx *.xlsm *.ppt *.pptx *.wps *.et *.dps)",
                self.tr("Photos") + " (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.heic *.heif)",
                self.tr("PDF documents") + " (*.pdf)",
                self.tr("Office files")
                + " (*.doc *.docx *.xls *.xlsx *.xlsm *.ppt *.pptx *.wps *.et *.dps)",
                self.tr("All files") + " (*)",
            )
        )
        folder = start_folder(QSettings().value(FOLDER_KEY, ""))
        names, _chosen = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), str(folder), filters
        )
        paths = [Path(name) for name in names]
        if paths:
            QSettings().setValue(FOLDER_KEY, str(paths[0].parent))
            self.add_paths(paths)
        return paths

    def add_paths(self, paths: list[Path]) -> bool:
        """Attach files from disk: all of them, or none with one sentence why."""
        db, downscale = self.db, self.downscale_check.isChecked()
        return self._add(
            lambda: service.check_all(service.read_files(paths, db.path), downscale=downscale),
            len(paths),
        )

    def add_data(self, name: str, data: bytes) -> bool:
        """Attach one file held in memory (a pasted picture)."""
        downscale = self.downscale_check.isChecked()
        return self._add(lambda: service.check_all([(name, data)], downscale=downscale), 1)

    def _add(self, files: Callable[[], list[CheckedFile]], count: int) -> bool:
        if not self.usable():
            self._tell(self.tr("Files can be added after the first save."))
            return False
        self._tell("")
        if self.owner is None:  # kept until the record's first save
            try:
                with operations.busy_cursor():
                    self._pending.extend(files())
            except Exception as exc:  # a refusal in one sentence; a defect is logged
                self._tell(operations.failure_sentence(exc))
                return False
            self.reload()
            return True
        addition = _Addition(self.db, self.owner, files)
        add = Operation(self, addition.do, changes=CHANGES[self.kind])
        add.undoable(self.tr("Attach {n} file(s)").format(n=count), addition.undo)
        add.failure(self._tell)
        return add.run().ok

    def paste(self) -> bool:
        """Attach what the clipboard holds: copied files, or a picture (stored as PNG)."""
        mime = QGuiApplication.clipboard().mimeData()
        paths = local_files(mime)
        if paths:
            return self.add_paths(paths)
        if mime is not None and mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                return self.add_data(self.pasted_name(), png_bytes(image))
        self._tell(self.tr("The clipboard holds no file or picture to attach."))
        return False

    def pasted_name(self) -> str:
        """The name a pasted picture is stored under (粘贴图片-20260101-093000.png)."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        name = self.tr("Pasted picture")
        return f"{name}-{stamp}.png"

    # --- the selected files ----------------------------------------------------------------

    def open_selected(self) -> Path | None:
        """Show a picture in the viewer; open any other file with the program the system uses
        for it, from a private copy (returns that copy's path)."""
        shown = self._current()
        if shown is None:
            return None
        try:
            if shown.picture and not read_picture(self._bytes(shown), 1).isNull():
                self.show_viewer(shown)
                return None
            data = self._bytes(shown)
            path = opened_folder() / safe_name(shown.name)
            path.write_bytes(data)
            os.chmod(path, 0o600)
        except Exception as exc:  # a refusal in one sentence; a defect is logged
            self._tell(operations.failure_sentence(exc))
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            text = self.tr("No program on this computer opens {name}; use Save a copy.")
            self._tell(text.format(name=shown.name))
        return path

    def show_viewer(self, shown: Shown) -> AttachmentViewer:
        """The record's pictures in the viewer, starting at `shown`."""
        pictures = [s for s in self._shown if s.picture]
        viewer = AttachmentViewer(
            [Picture(s.name, lambda s=s: self._bytes(s)) for s in pictures],  # type: ignore[misc]
            pictures.index(shown),
            self,
        )
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer = viewer
        viewer.open()
        return viewer

    def save_selected(self) -> Path | None:
        """Write a copy of the selected file where the user says."""
        shown = self._current()
        if shown is None:
            return None
        folder = start_folder(QSettings().value(FOLDER_KEY, ""))
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), str(folder / safe_name(shown.name))
        )
        if not name:
            return None
        path = Path(name)
        try:
            guard_output(path, FileKind.OTHER, self.db.path)
            data = self._bytes(shown)
            partial = path.with_name(f".{path.name}.partial")
            partial.write_bytes(data)
            partial.replace(path)
        except Exception as exc:  # a refusal in one sentence; a defect is logged
            self._tell(operations.failure_sentence(exc))
            return None
        QSettings().setValue(FOLDER_KEY, str(path.parent))
        self._tell("")
        return path

    def delete_selected(self) -> bool:
        """Delete the selected files (one undo step; Ctrl+Z on the list or the note's link
        takes it back)."""
        chosen = self._selected()
        if not chosen:
            return False
        kept = [f for f in self._pending if all(s.data is not f.data for s in chosen)]
        if len(kept) != len(self._pending):
            self._pending = kept
            self.reload()
        stored = [s.id for s in chosen if s.id is not None]
        if not stored:
            return True
        db = self.db

        def delete() -> None:
            with db.begin():
                for attachment in stored:
                    service.delete_attachment(db, attachment)

        def restore() -> None:
            with db.begin():
                for attachment in stored:
                    service.restore_attachment(db, attachment)

        names = ", ".join(s.name for s in chosen if s.id is not None)
        remove = Operation(self, delete, changes=CHANGES[self.kind])
        remove.undoable(self.tr("Delete attachment {names}").format(names=names), restore)
        remove.failure(self._tell)
        if not remove.run().ok:
            return False
        self._undo_at = undo.undo_stack().index()
        text = self.tr("Deleted {names}.").format(names=names)
        link = self.tr("Undo")
        self.note.setText(f'{text} <a href="undo">{link}</a>')
        self.note.show()
        return True

    def undo_deletion(self) -> bool:
        """Take back this strip's last deletion, while it is still the last step made."""
        stack = undo.undo_stack()
        if self._undo_at is None or stack.index() != self._undo_at:
            return False
        self._undo_at = None
        stack.undo()
        self.note.hide()
        return True

    def _caption_edited(self) -> None:
        chosen = self._selected()
        if len(chosen) != 1 or chosen[0].id is None or not self.caption_edit.isModified():
            return
        attachment, text = chosen[0].id, self.caption_edit.text()
        self.caption_edit.setModified(False)
        if text.strip() == chosen[0].caption:
            return
        db = self.db
        caption = Operation(
            self, lambda: service.set_caption(db, attachment, text), changes=CHANGES[self.kind]
        )
        caption.undoable(
            self.tr("Caption of {name}").format(name=chosen[0].name),
            lambda: service.set_caption(db, attachment, chosen[0].caption),
        )
        caption.failure(self._tell)
        caption.run()
