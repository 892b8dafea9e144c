"""The pieces of the attachments strip: one file as shown (`Shown`), its thumbnail or
badge, its size in words, the private folder opened files go to, and the list that takes
dropped files."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
)

from fieldlog.domain.file_kinds import BY_MEDIA_TYPE
from fieldlog.ui.dialogs.attachment_viewer import read_picture
from fieldlog.ui.file_drop import local_files

THUMB = 96
#: How long a file opened from an attachment stays in the private folder it was written to.
OPENED_KEPT_SECONDS = 24 * 3600
#: The badge a file's icon carries, by the start of its media type's name, and its colour.
BADGES = (
    ("application/pdf", "PDF", "#d93025"),
    ("application/msword", "DOC", "#2b579a"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml", "DOC", "#2b579a"),
    ("application/vnd.ms-excel", "XLS", "#217346"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml", "XLS", "#217346"),
    ("application/vnd.ms-powerpoint", "PPT", "#c43e1c"),
    ("application/vnd.openxmlformats-officedocument.presentationml", "PPT", "#c43e1c"),
    ("image/", "IMG", "#5f6368"),
)
_thumbnails: OrderedDict[str, QImage] = OrderedDict()  # by sha256; a null image: undecodable
_THUMBNAILS_KEPT = 400


@dataclass(frozen=True)
class Shown:
    """One file the strip shows: a stored attachment (`id`), or a pending one (`data`)."""

    name: str
    media_type: str
    size: int
    sha256: str
    caption: str = ""
    id: uuid.UUID | None = None
    data: bytes | None = None
    #: The contact whose card it is (an organization's strip shows its contacts' too).
    contact: str = ""

    @property
    def picture(self) -> bool:
        kind = BY_MEDIA_TYPE.get(self.media_type)
        return kind is not None and kind.picture


def size_text(size: int) -> str:
    """A file size as a file manager shows it."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def file_icon(media_type: str) -> QIcon:
    """A page with a coloured badge saying what the file is (PDF, DOC, XLS, PPT, IMG)."""
    text, colour = next(
        ((t, c) for start, t, c in BADGES if media_type.startswith(start)), ("FILE", "#5f6368")
    )
    pixmap = QPixmap(THUMB, THUMB)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#9aa0a6"))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(18, 6, 60, 84, 4, 4)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(10, 52, 60, 24, 3, 3)
    painter.setPen(QColor("#ffffff"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(14)
    painter.setFont(font)
    painter.drawText(10, 52, 60, 24, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


def thumbnail(sha256: str, load: Callable[[], bytes]) -> QImage:
    """The picture's thumbnail, decoded once per content (a null image when Qt cannot read it)."""
    found = _thumbnails.get(sha256)
    if found is None:
        found = read_picture(load(), THUMB)
        _thumbnails[sha256] = found
        while len(_thumbnails) > _THUMBNAILS_KEPT:
            _thumbnails.popitem(last=False)
    else:
        _thumbnails.move_to_end(sha256)
    return found


def square_icon(image: QImage) -> QIcon:
    """A thumbnail centred on a square, so that the names under a row of photos line up."""
    pixmap = QPixmap(THUMB, THUMB)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.drawImage((THUMB - image.width()) // 2, (THUMB - image.height()) // 2, image)
    painter.end()
    return QIcon(pixmap)


def safe_name(name: str) -> str:
    """A stored name as a file name: no folders, nothing a file system refuses."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join("_" if ch in '<>:"|?*' or ord(ch) < 32 else ch for ch in base)
    return base.strip(" .") or "attachment"


def opened_folder() -> Path:
    """A new private folder (0700) under the app's cache folder for one file to open; folders
    written more than a day ago are removed (the program that opened them is done by then)."""
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    base = Path(cache or tempfile.gettempdir()) / "opened-attachments"
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(base, 0o700)
    for old in base.iterdir():
        try:
            if time.time() - old.stat().st_mtime > OPENED_KEPT_SECONDS:
                for inner in old.iterdir():
                    inner.unlink()
                old.rmdir()
        except OSError:
            continue  # still open elsewhere, or not ours: left for the next time
    return Path(tempfile.mkdtemp(dir=base))


class AttachmentList(QListWidget):
    """The thumbnails; takes dropped files, and the keys of a file list (Enter opens, Delete
    deletes, Ctrl+V pastes, Ctrl+Z takes the last deletion back)."""

    files_dropped = Signal(list)
    key_action = Signal(str)

    def __init__(self) -> None:
        super().__init__(objectName="attachmentList")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 44, THUMB + 46))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setAcceptDrops(True)
        self.setMinimumHeight(THUMB + 56)
        self.empty_text = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.viewport().rect().adjusted(12, 0, -12, 0), flags, self.empty_text)
            painter.end()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._take(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._take(event)

    def _take(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if local_files(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.files_dropped.emit(paths)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        for standard, action in (
            (QKeySequence.StandardKey.Paste, "paste"),
            (QKeySequence.StandardKey.Delete, "delete"),
            (QKeySequence.StandardKey.Undo, "undo"),
        ):
            if event.matches(standard):
                self.key_action.emit(action)
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.key_action.emit("open")
            return
        super().keyPressEvent(event)


def png_bytes(image: QImage) -> bytes:
    """A picture as PNG bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())
