"""Several business cards at once: read one by one in the background, each listed with what it
proposes or why it cannot be read, and saved only from its own card dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from bench.cards import render_set
from fieldlog.services.orgs import card_ocr
from fieldlog.store.database import Database
from fieldlog.store.models import Contact
from fieldlog.ui.dialogs.card_dialog import CardDialog, open_card_dialog
from fieldlog.ui.dialogs.card_folder_dialog import (
    COMPANY,
    FOLDER_KEY,
    MOBILE,
    NAME,
    PHOTO,
    STATUS,
    CardFolderDialog,
    choose_photos,
    photos_in,
)
from tests.field_dump import db_digest

needs_engine = pytest.mark.skipif(
    not card_ocr.engine_installed(), reason="the OCR engine is not installed"
)


def type_chinese(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def cell(dialog: CardFolderDialog, row: int, column: int) -> str:
    return dialog.table.item(row, column).text()


def contacts(db: Database) -> list[Contact]:
    with db.read() as session:
        found = list(session.query(Contact).filter(Contact.deleted.is_(False)))
        session.expunge_all()
        return found


def bad_photos(folder: Path) -> tuple[Path, Path]:
    """A PDF named as a photo, and a JPEG cut short."""
    renamed = folder / "a_contract.jpg"
    renamed.write_bytes(b"%PDF-1.7\n" + b"x" * 2000)
    whole = folder / "whole.jpg"
    Image.new("RGB", (800, 500), (200, 10, 10)).save(whole)
    cut = folder / "b_cut.jpg"
    cut.write_bytes(whole.read_bytes()[:300])
    whole.unlink()
    return renamed, cut


def open_card(qtbot, dialog: CardFolderDialog, row: int) -> CardDialog:
    """Select a row and press Enter, as the user does; the card dialog opens over the list."""
    dialog.table.setCurrentCell(row, 0)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    cards = [d for d in dialog.findChildren(CardDialog) if d.isVisible()]
    assert len(cards) == 1
    return cards[0]


@needs_engine
@pytest.mark.timeout(120)
def test_a_folder_is_read_listed_and_each_card_saved_on_its_own(
    qtbot, db: Database, tmp_path: Path
) -> None:
    [(card, _photo)] = render_set(1, 8, tmp_path)
    bad_photos(tmp_path)
    photos = photos_in(tmp_path)
    assert [p.name for p in photos] == ["a_contract.jpg", "b_cut.jpg", "card_000.png"]
    before = db_digest(db)
    dialog = open_card_dialog(None, db, photos=photos)
    assert isinstance(dialog, CardFolderDialog) and dialog.objectName() == "cardFolderDialog"
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.reading() and cell(dialog, 2, STATUS) != "Waiting",
                    timeout=60_000)  # fmt: skip
    assert cell(dialog, 0, STATUS) == (
        "Unreadable: a_contract.jpg is not a photo FieldLog can read (JPEG, PNG, BMP or WebP)."
    )
    assert cell(dialog, 1, STATUS).startswith("Unreadable: b_cut.jpg is not a photo")
    assert (cell(dialog, 2, PHOTO), cell(dialog, 2, MOBILE)) == ("card_000.png", card.mobile)
    assert cell(dialog, 2, STATUS) == "Read: check and save"
    assert dialog.progress.value() == 3 and not dialog.stop_button.isEnabled()
    assert db_digest(db) == before  # reading stored nothing
    card_dialog = open_card(qtbot, dialog, 2)
    assert card_dialog.edits["mobile"].text() == card.mobile
    card_dialog.edits["name"].clear()
    type_chinese(card_dialog.edits["name"], "周敏静")
    card_dialog.edits["company"].clear()
    type_chinese(card_dialog.edits["company"], "东莞市鼎盛实业有限公司")
    card_dialog.new_org.setChecked(True)
    qtbot.mouseClick(card_dialog.save_button, Qt.MouseButton.LeftButton)
    assert cell(dialog, 2, STATUS) == "Saved"
    assert (cell(dialog, 2, NAME), cell(dialog, 2, COMPANY)) == ("周敏静", "东莞市鼎盛实业有限公司")
    [saved] = contacts(db)
    assert (saved.name, saved.phone.split(", ")[0]) == ("周敏静", card.mobile)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # a saved card does not open again
    assert not [d for d in dialog.findChildren(CardDialog) if d.isVisible()]


@needs_engine
@pytest.mark.timeout(120)
def test_cancel_stops_reading_and_a_photo_not_read_is_read_when_opened(
    qtbot, db: Database, tmp_path: Path
) -> None:
    made = render_set(2, 9, tmp_path)
    dialog = CardFolderDialog(db, [path for _card, path in made])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reading() and cell(dialog, 0, STATUS) == "Reading…"
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert not dialog.reading() and not dialog.stop_button.isEnabled()
    assert [cell(dialog, row, STATUS) for row in (0, 1)] == ["Not read: open it to read it"] * 2
    card_dialog = open_card(qtbot, dialog, 1)
    qtbot.waitUntil(lambda: not card_dialog.busy.isVisible(), timeout=60_000)
    assert card_dialog.edits["mobile"].text() == made[1][0].mobile
    before = db_digest(db)
    qtbot.mouseClick(card_dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert db_digest(db) == before and cell(dialog, 1, STATUS) == "Not read: open it to read it"


def test_without_the_engine_each_photo_says_so_and_opens_for_typing(
    qtbot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(card_ocr, "engine_installed", lambda: False)
    photos = list(bad_photos(tmp_path))
    good = tmp_path / "c_card.png"
    Image.new("RGB", (1050, 600), (240, 240, 230)).save(good)
    dialog = CardFolderDialog(db, [*photos, good])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.reading()
    assert all(
        cell(dialog, row, STATUS).startswith(
            "Unreadable: Reading business cards needs the OCR engine"
        )
        for row in range(3)
    )
    card_dialog = open_card(qtbot, dialog, 2)
    assert "pip install" in card_dialog.status.text()
    type_chinese(card_dialog.edits["name"], "王伟")
    type_chinese(card_dialog.edits["company"], "深圳市恒达物流有限公司")
    qtbot.mouseClick(card_dialog.save_button, Qt.MouseButton.LeftButton)
    assert cell(dialog, 2, STATUS) == "Saved" and cell(dialog, 2, NAME) == "王伟"
    # A file that is not a photo can be typed by hand but not attached: nothing is stored.
    before = db_digest(db)
    card_dialog = open_card(qtbot, dialog, 0)
    assert card_dialog.photo_label.text() == "This photo cannot be shown."
    type_chinese(card_dialog.edits["name"], "李娜")
    type_chinese(card_dialog.edits["company"], "深圳市新锐科技有限公司")
    qtbot.mouseClick(card_dialog.save_button, Qt.MouseButton.LeftButton)
    assert card_dialog.error.text().startswith("a_contract.jpg is named as a JPEG photo")
    assert db_digest(db) == before and cell(dialog, 0, STATUS).startswith("Unreadable")
    card_dialog.reject()


def test_a_folder_is_asked_for_and_its_photos_listed_by_name(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("b.JPG", "a.png", "notes.txt", "c.webp"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "d.jpg").mkdir()  # a folder named as a photo is no photo

    def pick_folder(box: QMessageBox) -> int:
        [button] = [b for b in box.buttons() if b.text() == "A &folder…"]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", pick_folder)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(tmp_path))
    assert [path.name for path in choose_photos(None)] == ["a.png", "b.JPG", "c.webp"]
    assert QSettings().value(FOLDER_KEY) == str(tmp_path)


def test_a_row_opens_on_double_click(qtbot, db: Database, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(card_ocr, "engine_installed", lambda: False)
    photo = tmp_path / "card.png"
    Image.new("RGB", (1050, 600), (240, 240, 230)).save(photo)
    dialog = CardFolderDialog(db, [photo, photo])
    qtbot.addWidget(dialog)
    dialog.show()
    rect = dialog.table.visualItemRect(dialog.table.item(1, NAME))
    viewport = dialog.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # Qt's order
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    [card_dialog] = [d for d in dialog.findChildren(CardDialog) if d.isVisible()]
    assert card_dialog.photo == photo
    card_dialog.reject()
