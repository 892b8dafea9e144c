"""The picture viewer: opened from a record's attachments, stepped with the arrow keys, zoomed,
closed with Esc; photos shown upright as the camera's EXIF orientation says; thumbnails decoded
small."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt

from fieldlog.store.database import Database
from fieldlog.store.models import Visit
from fieldlog.ui.dialogs.attachment_viewer import AttachmentViewer, Picture, read_picture

from .edit_driver import live_ids, press
from .test_attachment_strip import files, jpeg, pick, visit_dialog

__all__ = ["files"]  # the fixture


def test_open_a_photo_then_step_with_the_arrows(
    qtbot, demo_copy: Database, files: list[Path], monkeypatch
) -> None:
    dialog = visit_dialog(qtbot, demo_copy, live_ids(demo_copy, Visit)[0])
    strip = dialog.attachments
    pick(monkeypatch, files)
    press(qtbot, strip.add_button)
    strip.list.setCurrentRow(1)
    press(qtbot, strip.open_button)
    viewer = strip.viewer
    assert viewer is not None and viewer.objectName() == "attachmentViewer"
    qtbot.waitExposed(viewer)
    assert viewer.windowTitle() == "会谈现场.jpg" and viewer.caption.text().startswith("2 of 3")
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.windowTitle() == "展厅.jpeg"  # the PDF is not among the pictures
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.windowTitle() == "门头照.jpg"  # after the last, the first
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.windowTitle() == "展厅.jpeg"
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_enter_on_a_photo_opens_the_viewer(
    qtbot, demo_copy: Database, files: list[Path], monkeypatch
) -> None:
    dialog = visit_dialog(qtbot, demo_copy, live_ids(demo_copy, Visit)[0])
    strip = dialog.attachments
    pick(monkeypatch, files)
    press(qtbot, strip.add_button)
    strip.list.setFocus()
    strip.list.setCurrentRow(0)
    qtbot.keyClick(strip.list, Qt.Key.Key_Return)
    assert strip.viewer is not None and strip.viewer.windowTitle() == "门头照.jpg"


def test_fit_and_zoom(qtbot, tmp_path: Path) -> None:
    data = jpeg(tmp_path / "big.jpg", "red", (3000, 2000)).read_bytes()
    viewer = AttachmentViewer([Picture("big.jpg", lambda: data)])
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    fitted = viewer.shown_scale()
    assert fitted < 1 and viewer.canvas.pixmap().width() <= viewer.scroll.viewport().width()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.shown_scale() > fitted
    qtbot.keyClick(viewer, Qt.Key.Key_0)
    assert viewer.shown_scale() == fitted
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.shown_scale() < fitted


def test_a_photo_is_shown_upright(qtbot, tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was held on its side: turn 90° clockwise to show
    data = jpeg(tmp_path / "side.jpg", "red", (400, 200), exif=exif).read_bytes()
    viewer = AttachmentViewer([Picture("side.jpg", lambda: data)])
    qtbot.addWidget(viewer)
    assert viewer.caption.text().endswith("200 × 400")
    small = read_picture(data, 96)
    assert (small.width(), small.height()) == (48, 96)


def test_a_thumbnail_is_decoded_small_and_garbage_gives_nothing(tmp_path: Path) -> None:
    data = jpeg(tmp_path / "12mp.jpg", "blue", (4000, 3000)).read_bytes()
    small = read_picture(data, 96)
    assert (small.width(), small.height()) == (96, 72)
    assert read_picture(b"not a picture at all", 96).isNull()
