"""The attachment strip in the real dialogs on demo records: files added through the button,
a drop and a paste are stored byte for byte; bad files are refused with one sentence and store
nothing; delete and undo; open, save a copy, caption, the remembered downscale choice."""

from __future__ import annotations

import io
import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from fieldlog.services.attachments import attachments
from fieldlog.store.database import Database
from fieldlog.store.models import Organization, Visit
from fieldlog.ui.dialogs.org_dialog import OrgDialog
from fieldlog.ui.dialogs.visit_dialog import VisitDialog
from fieldlog.ui.undo import undo_stack
from fieldlog.ui.widgets import attachment_items, attachment_strip
from fieldlog.ui.widgets.attachment_strip import AttachmentStrip

from ..field_dump import db_digest
from .edit_driver import live_ids, press


@pytest.fixture(autouse=True)
def no_modal_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture(autouse=True)
def _downscale_forgotten() -> Iterator[None]:
    """The choice is remembered in (the suite's own, temporary) settings: each test starts
    with originals kept."""
    QSettings().remove(attachment_strip.DOWNSCALE_KEY)
    yield
    QSettings().remove(attachment_strip.DOWNSCALE_KEY)


def jpeg(path: Path, colour: str, size: tuple[int, int] = (320, 240), **save: object) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=90, **save)
    return path


def pdf(path: Path) -> Path:
    Image.new("RGB", (200, 280), "white").save(path, "PDF")
    return path


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """Three photos and a PDF, as a phone and a scanner leave them."""
    folder = tmp_path / "files"
    folder.mkdir()
    return [
        jpeg(folder / "门头照.jpg", "red"),
        jpeg(folder / "会谈现场.jpg", "green", (480, 360)),
        jpeg(folder / "展厅.jpeg", "blue", (240, 320)),
        pdf(folder / "合作意向书.pdf"),
    ]


def pick(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> list[tuple]:
    """The file picker answers with `paths`; returns the calls it received."""
    calls: list[tuple] = []

    def chosen(*args: object) -> tuple[list[str], str]:
        calls.append(args)
        return [str(p) for p in paths], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", chosen)
    return calls


def stored(db: Database, owner: attachments.Owner) -> list[tuple[str, bytes]]:
    """Each live attachment of `owner`: its name and its bytes, oldest first."""
    return [
        (row.name, attachments.file_of(db, row.id)[1])
        for row in attachments.attachments_of(db, owner)
    ]


def as_files(paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in paths]


def first_live(db: Database, model: type[Visit | Organization]) -> uuid.UUID:
    return live_ids(db, model)[0]


def visit_dialog(qtbot, db: Database, visit_id: uuid.UUID | None = None) -> VisitDialog:
    dialog = VisitDialog(db, visit_id=visit_id)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def drop(widget: QWidget, paths: list[Path]) -> QDropEvent:
    """Drop files from a file manager onto `widget`, as Qt delivers it (enter, then drop)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    at = QPoint(10, 10)
    enter = QDragEnterEvent(
        at, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(at), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)
    return event


def paste(qtbot, strip: AttachmentStrip) -> None:
    strip.list.setFocus()
    qtbot.keyClick(strip.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_files_added_by_button_drop_and_paste_are_stored_whole(
    qtbot, demo_copy: Database, files: list[Path], tmp_path: Path, monkeypatch
) -> None:
    visit = first_live(demo_copy, Visit)
    owner = attachments.Owner("visit", visit)
    dialog = visit_dialog(qtbot, demo_copy, visit)
    strip = dialog.attachments
    assert strip.objectName() == "attachmentStrip" and strip.list.objectName() == "attachmentList"
    assert "as soon as they are added" in strip.hint.text()
    calls = pick(monkeypatch, files)
    press(qtbot, strip.add_button)
    assert len(calls) == 1 and "*.pdf" in calls[0][3] and "*.jpg" in calls[0][3]
    assert stored(demo_copy, owner) == as_files(files)
    assert strip.list.count() == 4
    assert strip.title.text() == "Attachments (4)"
    # Photos show as thumbnails of their own; the PDF as a badge with its name and size.
    photo, document = strip.list.item(0), strip.list.item(3)
    assert photo.icon().pixmap(96, 96).toImage().pixelColor(48, 48).red() > 200
    assert (
        document.text() == f"合作意向书.pdf\n{attachment_items.size_text(files[3].stat().st_size)}"
    )

    dropped = jpeg(tmp_path / "拖进来的.jpg", "yellow")
    event = drop(strip.list.viewport(), [dropped])
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    assert stored(demo_copy, owner)[-1] == (dropped.name, dropped.read_bytes())

    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.magenta)
    QGuiApplication.clipboard().setImage(picture)
    paste(qtbot, strip)
    name, data = stored(demo_copy, owner)[-1]
    assert name.startswith("Pasted picture-") and name.endswith(".png") and len(name) == 34
    pasted = QImage.fromData(data)
    assert (pasted.width(), pasted.height()) == (64, 48)
    assert pasted.pixelColor(5, 5) == picture.pixelColor(5, 5)
    assert data.startswith(b"\x89PNG") and strip.list.count() == 6


def test_copied_files_are_pasted_as_files(qtbot, demo_copy: Database, files: list[Path]) -> None:
    org = first_live(demo_copy, Organization)
    dialog = OrgDialog(demo_copy, org)
    qtbot.addWidget(dialog)
    dialog.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files[:2]])
    QGuiApplication.clipboard().setMimeData(mime)
    paste(qtbot, dialog.attachments)
    assert stored(demo_copy, attachments.Owner("org", org)) == as_files(files[:2])


def damaged(folder: Path) -> Path:
    whole = jpeg(folder / "whole.jpg", "red", (800, 600)).read_bytes()
    path = folder / "断了的照片.jpg"
    path.write_bytes(whole[: len(whole) // 3])
    return path


def renamed(folder: Path) -> Path:
    path = folder / "合同扫描.jpg"
    path.write_bytes(pdf(folder / "real.pdf").read_bytes())
    return path


def oversized(folder: Path) -> Path:
    path = folder / "大视频.jpg"
    with path.open("wb") as handle:  # sparse: costs no disk
        handle.write(b"\xff\xd8\xff\xe0")
        handle.truncate(31 * 1024 * 1024)
    return path


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        (
            renamed,
            "合同扫描.jpg is named as a JPEG photo but holds a PDF document; rename it to .pdf "
            "or attach the right file",
        ),
        (oversized, "大视频.jpg is 31 MB; a file attached may be at most 30 MB"),
        (
            damaged,
            "断了的照片.jpg looks like a JPEG photo but cannot be read (damaged or cut short)",
        ),
    ],
)
def test_a_bad_file_is_refused_in_one_sentence_and_nothing_is_stored(
    qtbot,
    demo_copy: Database,
    files: list[Path],
    tmp_path: Path,
    monkeypatch,
    make,
    sentence,
    no_modal_warnings: list[str],
) -> None:
    visit = first_live(demo_copy, Visit)
    dialog = visit_dialog(qtbot, demo_copy, visit)
    strip = dialog.attachments
    bad = make(tmp_path)
    before = db_digest(demo_copy)
    pick(monkeypatch, [files[0], bad])  # one good file with it: neither is stored
    press(qtbot, strip.add_button)
    assert strip.message.isVisible() and strip.message.text() == sentence
    assert db_digest(demo_copy) == before and strip.list.count() == 0
    drop(strip.list.viewport(), [bad])
    assert strip.message.text() == sentence and db_digest(demo_copy) == before
    assert no_modal_warnings == [] and undo_stack().count() == 0
    # The next good addition clears the message.
    pick(monkeypatch, files[:1])
    press(qtbot, strip.add_button)
    assert not strip.message.isVisible() and strip.list.count() == 1


def test_delete_by_key_then_undo_puts_it_back(
    qtbot, demo_copy: Database, files: list[Path], monkeypatch
) -> None:
    visit = first_live(demo_copy, Visit)
    owner = attachments.Owner("visit", visit)
    dialog = visit_dialog(qtbot, demo_copy, visit)
    strip = dialog.attachments
    pick(monkeypatch, files)
    press(qtbot, strip.add_button)
    with_all = db_digest(demo_copy)
    strip.list.setFocus()
    strip.list.setCurrentRow(1)
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    assert [name for name, _ in stored(demo_copy, owner)] == [
        files[0].name,
        files[2].name,
        files[3].name,
    ]
    assert strip.note.isVisible() and strip.note.text().startswith("Deleted 会谈现场.jpg.")
    assert undo_stack().undoText() == "Delete attachment 会谈现场.jpg"
    qtbot.keyClick(strip.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_copy, owner) == as_files(files) and not strip.note.isVisible()
    assert db_digest(demo_copy) != with_all  # a tombstone and its undo are changes that sync
    undo_stack().redo()
    assert len(stored(demo_copy, owner)) == 3 and strip.list.count() == 3
    undo_stack().undo()
    assert stored(demo_copy, owner) == as_files(files)


def test_the_button_deletes_several_and_the_link_undoes(
    qtbot, demo_copy: Database, files: list[Path], monkeypatch
) -> None:
    org = first_live(demo_copy, Organization)
    owner = attachments.Owner("org", org)
    dialog = OrgDialog(demo_copy, org)
    qtbot.addWidget(dialog)
    dialog.show()
    strip = dialog.attachments
    pick(monkeypatch, files)
    press(qtbot, strip.add_button)
    strip.list.item(0).setSelected(True)
    strip.list.item(3).setSelected(True)
    press(qtbot, strip.delete_button)
    assert [name for name, _ in stored(demo_copy, owner)] == [files[1].name, files[2].name]
    strip.note.linkActivated.emit("undo")
    assert stored(demo_copy, owner) == as_files(files)
    # Undo of the addition itself (Edit ▸ Undo once the dialog is closed) takes all four away.
    undo_stack().undo()
    assert stored(demo_copy, owner) == []


def test_a_new_organization_takes_files_after_its_first_save(qtbot, demo_copy: Database) -> None:
    dialog = OrgDialog(demo_copy)
    qtbot.addWidget(dialog)
    dialog.show()
    strip = dialog.attachments
    assert strip.hint.text() == "Files can be added after the first save."
    assert not strip.add_button.isEnabled() and not strip.list.acceptDrops()


def test_open_writes_a_private_copy_and_hands_it_to_the_system(
    qtbot, demo_copy: Database, files: list[Path], monkeypatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    visit = first_live(demo_copy, Visit)
    dialog = visit_dialog(qtbot, demo_copy, visit)
    strip = dialog.attachments
    pick(monkeypatch, files)
    press(qtbot, strip.add_button)
    strip.list.setCurrentRow(3)
    press(qtbot, strip.open_button)
    assert len(opened) == 1
    path = Path(opened[0].toLocalFile())
    assert path.name == "合作意向书.pdf" and path.read_bytes() == files[3].read_bytes()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
    assert str(path).startswith(os.environ["XDG_CACHE_HOME"])  # the suite's, not the user's
    assert strip.viewer is None  # a PDF is not a picture


def test_save_a_copy(qtbot, demo_copy: Database, files: list[Path], tmp_path, monkeypatch) -> None:
    visit = first_live(demo_copy, Visit)
    dialog = visit_dialog(qtbot, demo_copy, visit)
    strip = dialog.attachments
    pick(monkeypatch, files)
    press(qtbot, strip.add_button)
    target = tmp_path / "out" / "copy.pdf"
    target.parent.mkdir()
    asked: list[str] = []

    def where(_parent, _title, suggested, *_rest) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", where)
    strip.list.setCurrentRow(3)
    press(qtbot, strip.save_button)
    assert asked[0].endswith("合作意向书.pdf")
    assert target.read_bytes() == files[3].read_bytes()
    # The open database is never written over.
    assert demo_copy.path is not None
    before = db_digest(demo_copy)
    target.unlink()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(demo_copy.path), ""))
    press(qtbot, strip.save_button)
    assert strip.message.isVisible() and "choose another file" in strip.message.text()
    assert db_digest(demo_copy) == before and attachments.attachments_of(
        demo_copy, attachments.Owner("visit", visit)
    )


def test_a_caption_is_saved_and_undone(
    qtbot, demo_copy: Database, files: list[Path], monkeypatch
) -> None:
    visit = first_live(demo_copy, Visit)
    owner = attachments.Owner("visit", visit)
    dialog = visit_dialog(qtbot, demo_copy, visit)
    strip = dialog.attachments
    pick(monkeypatch, files[:1])
    press(qtbot, strip.add_button)
    strip.list.setCurrentRow(0)
    strip.caption_edit.setFocus()
    qtbot.keyClicks(strip.caption_edit, "Front gate")
    qtbot.keyClick(strip.caption_edit, Qt.Key.Key_Return)
    assert attachments.attachments_of(demo_copy, owner)[0].caption == "Front gate"
    assert strip.list.item(0).text() == "Front gate"
    undo_stack().undo()
    assert attachments.attachments_of(demo_copy, owner)[0].caption == ""


def test_the_downscale_choice_is_remembered_and_used(
    qtbot, demo_copy: Database, tmp_path: Path, monkeypatch
) -> None:
    visit = first_live(demo_copy, Visit)
    owner = attachments.Owner("visit", visit)
    strip = AttachmentStrip(demo_copy, "visit")
    qtbot.addWidget(strip)
    strip.set_owner(visit)
    assert not strip.downscale_check.isChecked()
    strip.downscale_check.click()
    assert QSettings().value(attachment_strip.DOWNSCALE_KEY, type=bool) is True
    again = AttachmentStrip(demo_copy, "visit")
    qtbot.addWidget(again)
    assert again.downscale_check.isChecked()
    big = jpeg(tmp_path / "大图.jpg", "gray", (3000, 2000))
    pick(monkeypatch, [big])
    press(qtbot, strip.add_button)
    ((name, data),) = stored(demo_copy, owner)
    with Image.open(io.BytesIO(data)) as image:
        assert name == "大图.jpg" and image.size == (2048, 1365)


def test_a_picture_qt_cannot_decode_shows_a_generic_icon(qtbot, db: Database) -> None:
    strip = AttachmentStrip(db, "visit")
    qtbot.addWidget(strip)
    heic = attachment_strip.Shown("IMG_0001.heic", "image/heic", 9, "ab" * 32, data=b"\0" * 9)
    shown = strip._icon(heic).pixmap(96, 96).toImage()
    generic = attachment_strip.file_icon("image/heic").pixmap(96, 96).toImage()
    assert shown == generic
    jpg = attachment_strip.Shown("a.jpg", "image/jpeg", 9, "cd" * 32, data=b"\0" * 9)
    assert strip._icon(jpg).pixmap(96, 96).toImage() == generic  # a damaged one likewise


@pytest.mark.parametrize(
    ("stored_as", "written_as"),
    [
        ("合同.pdf", "合同.pdf"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("a\\b\\c.docx", "c.docx"),
        ('what?<>"|*.pdf', "what______.pdf"),
        ("...", "attachment"),
    ],
)
def test_a_stored_name_becomes_a_safe_file_name(stored_as: str, written_as: str) -> None:
    assert attachment_strip.safe_name(stored_as) == written_as


def test_office_files_show_a_badge_with_name_and_size(
    qtbot, demo_copy: Database, tmp_path: Path, monkeypatch
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "企业名单"
    sheet = tmp_path / "目标企业.xlsx"
    book.save(sheet)
    visit = first_live(demo_copy, Visit)
    dialog = visit_dialog(qtbot, demo_copy, visit)
    strip = dialog.attachments
    pick(monkeypatch, [sheet])
    press(qtbot, strip.add_button)
    (row,) = attachments.attachments_of(demo_copy, attachments.Owner("visit", visit))
    item = strip.list.item(0)
    assert item.text() == f"目标企业.xlsx\n{attachment_items.size_text(sheet.stat().st_size)}"
    badge = attachment_strip.file_icon(row.media_type).pixmap(96, 96).toImage()
    assert item.icon().pixmap(96, 96).toImage() == badge
    assert badge != attachment_strip.file_icon("application/pdf").pixmap(96, 96).toImage()
