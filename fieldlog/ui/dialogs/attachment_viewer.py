"""Looking at the pictures attached to a record: fitted to the window, zoomed, stepped through
with the arrow keys, turned upright as the camera meant (EXIF orientation).

`read_picture` is the one way a stored picture becomes a QImage, here and for the thumbnails of
the attachment strip: it asks the decoder for the size wanted, so a 12-megapixel JPEG is decoded
at a fraction of its pixels for a thumbnail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0


def read_picture(data: bytes, side: int | None = None) -> QImage:
    """The picture in `data`, upright, decoded at no more than `side` pixels on its longer side
    (a null QImage when Qt cannot read it: a HEIC photo without a plug-in, damaged bytes).

    The box is square, so it holds the picture whichever way EXIF turns it afterwards.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if side is not None and size.isValid() and max(size.width(), size.height()) > side:
        scaled = size.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio)
        reader.setScaledSize(scaled.expandedTo(QSize(1, 1)))
    image = reader.read()
    buffer.close()
    return image


@dataclass(frozen=True)
class Picture:
    """One picture the viewer can show: its name and how to fetch its bytes."""

    name: str
    load: Callable[[], bytes]


class AttachmentViewer(QDialog):
    """The pictures of one record, one at a time: Left/Right (or PageUp/PageDown) step,
    + and − zoom, 0 fits to the window, Esc closes."""

    def __init__(
        self, pictures: Sequence[Picture], start: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="attachmentViewer")
        self.pictures = list(pictures)
        self.index = max(0, min(start, len(self.pictures) - 1))
        self.zoom: float | None = None  # None: fit to the window
        self._image = QImage()
        self.canvas = QLabel(objectName="viewerCanvas", alignment=Qt.AlignmentFlag.AlignCenter)
        self.canvas.setBackgroundRole(self.canvas.backgroundRole())
        self.scroll = QScrollArea(objectName="viewerScroll", widgetResizable=False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(self.canvas)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows step, not scroll
        self.caption = QLabel(objectName="viewerCaption")
        self.buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        row = QHBoxLayout()
        row.addWidget(self.caption, 1)
        for button in self.buttons:
            row.addWidget(button)
        layout.addLayout(row)
        self.resize(960, 720)
        self.show_picture(self.index)

    def _buttons(self) -> list[QPushButton]:
        made = []
        for name, text, tip, slot in (
            ("viewerPrevious", "◀", self.tr("Previous picture (Left)"), self.previous),
            ("viewerNext", "▶", self.tr("Next picture (Right)"), self.next),
            ("viewerZoomOut", "−", self.tr("Zoom out (−)"), self.zoom_out),
            ("viewerZoomIn", "+", self.tr("Zoom in (+)"), self.zoom_in),
            ("viewerFit", self.tr("Fit"), self.tr("Fit to the window (0)"), self.fit),
        ):
            button = QPushButton(text, objectName=name, toolTip=tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            made.append(button)
        return made

    def show_picture(self, index: int) -> None:
        """Show the picture at `index`, fitted to the window."""
        if not self.pictures:
            return
        self.index = index % len(self.pictures)
        picture = self.pictures[self.index]
        self._image = read_picture(picture.load())
        self.zoom = None
        self.setWindowTitle(picture.name)
        self._update_caption()
        self._render()

    def _update_caption(self) -> None:
        picture = self.pictures[self.index]
        where = self.tr("{n} of {count}").format(n=self.index + 1, count=len(self.pictures))
        if self._image.isNull():
            shown = self.tr("{name} cannot be shown here; use Open or Save a copy.")
            self.caption.setText(f"{where} · {shown.format(name=picture.name)}")
        else:
            size = f"{self._image.width()} × {self._image.height()}"
            self.caption.setText(f"{where} · {picture.name} · {size}")

    def shown_scale(self) -> float:
        """The scale the picture is drawn at (1.0: one image pixel per screen pixel)."""
        if self._image.isNull():
            return 1.0
        if self.zoom is not None:
            return self.zoom
        room = self.scroll.viewport().size()
        scale = min(room.width() / self._image.width(), room.height() / self._image.height())
        return min(1.0, max(MIN_ZOOM, scale))  # a small picture is not blown up

    def _render(self) -> None:
        if self._image.isNull():
            self.canvas.setPixmap(QPixmap())
            self.canvas.setText(self.tr("This picture cannot be shown."))
            self.canvas.adjustSize()
            return
        scale = self.shown_scale()
        size = self._image.size() * scale
        pixmap = QPixmap.fromImage(
            self._image.scaled(
                size.expandedTo(QSize(1, 1)),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.canvas.setPixmap(pixmap)
        self.canvas.resize(pixmap.size())

    def next(self) -> None:
        """The next picture of the record (after the last, the first)."""
        self.show_picture(self.index + 1)

    def previous(self) -> None:
        """The previous picture of the record (before the first, the last)."""
        self.show_picture(self.index - 1)

    def zoom_in(self) -> None:
        self.zoom = min(MAX_ZOOM, self.shown_scale() * ZOOM_STEP)
        self._render()

    def zoom_out(self) -> None:
        self.zoom = max(MIN_ZOOM, self.shown_scale() / ZOOM_STEP)
        self._render()

    def fit(self) -> None:
        self.zoom = None
        self._render()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        actions = {
            Qt.Key.Key_Right: self.next,
            Qt.Key.Key_PageDown: self.next,
            Qt.Key.Key_Space: self.next,
            Qt.Key.Key_Left: self.previous,
            Qt.Key.Key_PageUp: self.previous,
            Qt.Key.Key_Backspace: self.previous,
            Qt.Key.Key_Plus: self.zoom_in,
            Qt.Key.Key_Equal: self.zoom_in,
            Qt.Key.Key_Minus: self.zoom_out,
            Qt.Key.Key_0: self.fit,
        }
        action = actions.get(Qt.Key(key))
        if action is None:
            super().keyPressEvent(event)  # Esc closes
            return
        action()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom is None:
            self._render()
