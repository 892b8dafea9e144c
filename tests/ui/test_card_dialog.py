"""The business-card dialog: the photo beside the contact it proposes, corrected and saved (with the
photo attached) only on Save; typing by hand where the OCR engine is not installed."""

from __future__ import annotations

import random
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from bench.cards import make_cards, render, render_set
from fieldlog.domain.credit_code import make_credit_code
from fieldlog.services.attachments.attachments import Owner, attachments_of, file_of
from fieldlog.services.orgs import card_ocr, orgs
from fieldlog.services.orgs.card_reading import propose
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.store.models import Contact, Organization
from fieldlog.ui.dialogs import card_folder_dialog
from fieldlog.ui.dialogs.card_dialog import CardDialog, open_card_dialog
from fieldlog.ui.main_window import MainWindow
from tests.field_dump import db_digest

needs_engine = pytest.mark.skipif(
    not card_ocr.engine_installed(), reason="the OCR engine is not installed"
)
COMPANY = "深圳市德润物流有限公司"


def type_chinese(widget: QWidget, text: str) -> None:
    """Type as an input method does: one commit of the composed text."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def retype(edit: QLineEdit, text: str) -> None:
    """Clear a field and type `text` into it as the user would."""
    edit.setFocus()
    edit.selectAll()
    edit.del_()
    type_chinese(edit, text)


def chinese_fonts() -> bool:
    """Whether this machine draws Chinese (else the synthetic cards show boxes for it)."""
    return any("CJK" in family for family in QFontDatabase.families())


@pytest.fixture
def photo(tmp_path: Path, qapp) -> Path:
    """A synthetic card (no OCR needed to make it)."""
    path = tmp_path / "card.png"
    render(make_cards(1, 11)[0], path, random.Random(3))
    return path


@pytest.fixture
def known(db: Database) -> uuid.UUID:
    return orgs.save_org(db, orgs.OrgInput(COMPANY)).id


@pytest.fixture
def no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The OCR engine is not installed (as `pip install fieldlog` without `[cards]` leaves it)."""
    monkeypatch.setattr(card_ocr, "engine_installed", lambda: False)


def contacts(db: Database) -> list[Contact]:
    with db.read() as session:
        found = list(session.query(Contact).filter(Contact.deleted.is_(False)))
        session.expunge_all()
        return found


def opened(qtbot, dialog: CardDialog) -> CardDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def edit(dialog: CardDialog, name: str) -> QLineEdit:
    found = dialog.findChild(QLineEdit, name)
    assert found is not None, name
    return found


@needs_engine
@pytest.mark.timeout(120)
def test_a_card_is_read_corrected_and_saved_with_its_photo(
    qtbot, db: Database, tmp_path: Path
) -> None:
    [(card, photo)] = render_set(1, 5, tmp_path)
    org_id = orgs.save_org(db, orgs.OrgInput(card.company)).id
    dialog = opened(qtbot, CardDialog(db, photo))
    assert dialog.busy.isVisible() and not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy.isVisible(), timeout=60_000)
    assert edit(dialog, "cardMobile").text() == card.mobile
    assert edit(dialog, "cardEmail").text() == card.email
    if chinese_fonts():
        assert edit(dialog, "cardName").text() == card.name
        assert dialog.picker.org_id() == org_id
        assert dialog.match.text() == "Found by its exact name."
    dialog.picker.set_org(org_id, card.company)  # the user picks it where the card was unclear
    retype(edit(dialog, "cardName"), "司马光明")
    retype(edit(dialog, "cardTitle"), "常务副会长")
    assert dialog.on_file.isChecked()
    phones = [edit(dialog, name).text() for name in ("cardMobile", "cardPhone")]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == CardDialog.DialogCode.Accepted
    [saved] = contacts(db)
    assert (saved.org_id, saved.name, saved.title) == (org_id, "司马光明", "常务副会长")
    assert saved.phone == ", ".join(phone for phone in phones if phone)
    assert saved.email == card.email
    [attached] = attachments_of(db, Owner("contact", saved.id))
    assert file_of(db, attached.id)[1] == photo.read_bytes()


def test_cancel_stores_nothing(qtbot, db: Database, known: uuid.UUID, photo: Path) -> None:
    proposal = propose(db, [COMPANY, "张伟", "总经理", "138 0013 8000"])
    dialog = opened(qtbot, CardDialog(db, photo, proposal=proposal))
    assert (edit(dialog, "cardName").text(), edit(dialog, "cardMobile").text()) == (
        "张伟",
        "13800138000",
    )
    assert dialog.picker.org_id() == known and dialog.on_file.isChecked()
    before = db_digest(db)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == CardDialog.DialogCode.Rejected
    assert db_digest(db) == before


def test_an_empty_name_is_refused_beside_the_fields(
    qtbot, db: Database, known: uuid.UUID, photo: Path
) -> None:
    proposal = propose(db, [COMPANY, "138 0013 8000"])
    dialog = opened(qtbot, CardDialog(db, photo, proposal=proposal))
    assert edit(dialog, "cardName").text() == ""
    before = db_digest(db)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Type the person's name before saving the card."
    assert dialog.isVisible() and db_digest(db) == before


def test_a_look_alike_is_proposed_as_one_and_another_organization_can_be_picked(
    qtbot, db: Database, known: uuid.UUID, photo: Path
) -> None:
    other = orgs.save_org(db, orgs.OrgInput("华侨城集团有限公司")).id
    proposal = propose(db, ["德润物流（深圳）有限公司", "王伟", "13800138000"])
    dialog = opened(qtbot, CardDialog(db, photo, proposal=proposal))
    assert dialog.picker.org_id() == known
    assert dialog.match.text().startswith("A look-alike of the card's company")
    retype(dialog.picker.edit, "华侨")
    dialog.picker.refresh()
    assert [dialog.picker.popup.item(i).text() for i in range(dialog.picker.popup.count())] == [
        "华侨城集团有限公司"
    ]  # no "Create…" row: a new organization is made only by saving the card
    qtbot.keyClick(dialog.picker.edit, Qt.Key.Key_Return)
    assert dialog.picker.org_id() == other and dialog.match.text() == "Chosen by you."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [saved] = contacts(db)
    assert (saved.org_id, saved.name) == (other, "王伟")


def test_a_new_organization_is_made_from_the_company_and_the_card_s_credit_code(
    qtbot, db: Database, photo: Path
) -> None:
    code = make_credit_code("91440300MA5F00001")
    proposal = propose(db, ["深圳市鼎盛科技有限公司", "李娜", f"统一社会信用代码 {code}"])
    dialog = opened(qtbot, CardDialog(db, photo, proposal=proposal))
    assert dialog.new_org.isChecked() and dialog.credit_code.text() == code
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [saved] = contacts(db)
    with db.read() as session:
        org = session.get(Organization, saved.org_id)
        assert org is not None and (org.name, org.credit_code) == ("深圳市鼎盛科技有限公司", code)


def test_without_the_engine_the_dialog_says_how_to_install_it_and_takes_typing(
    qtbot, db: Database, photo: Path, no_engine: None
) -> None:
    dialog = opened(qtbot, CardDialog(db, photo))
    qtbot.waitUntil(lambda: "pip install" in dialog.status.text())
    assert dialog.status.text().startswith("Reading business cards needs the OCR engine")
    assert not dialog.busy.isVisible() and dialog.save_button.isEnabled()
    assert dialog.photo_label.pixmap() is not None and not dialog.photo_label.pixmap().isNull()
    type_chinese(edit(dialog, "cardName"), "欧阳明")
    qtbot.keyClicks(edit(dialog, "cardMobile"), "139 2233 4455")
    type_chinese(edit(dialog, "cardCompany"), "深圳市铜仁商会")
    before = db_digest(db)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert db_digest(db) != before
    [saved] = contacts(db)
    assert (saved.name, saved.phone, saved.title) == ("欧阳明", "13922334455", "")
    with db.read() as session:
        org = session.get(Organization, saved.org_id)
        assert org is not None and (org.name, org.kind) == ("深圳市铜仁商会", "association")


def test_a_visit_s_organization_is_chosen_for_its_card(
    qtbot, db: Database, known: uuid.UUID, photo: Path, no_engine: None
) -> None:
    dialog = open_card_dialog(None, db, org_id=known, photos=[photo])
    assert isinstance(dialog, CardDialog)
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # freed once saved
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert dialog.picker.org_id() == known and dialog.picker.text() == COMPANY
    assert dialog.on_file.isChecked()
    type_chinese(edit(dialog, "cardName"), "张伟")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [saved] = contacts(db)
    assert saved.org_id == known


def test_the_same_card_saved_twice_is_refused(
    qtbot, db: Database, known: uuid.UUID, photo: Path
) -> None:
    proposal = propose(db, [COMPANY, "张伟", "13800138000"])
    first = opened(qtbot, CardDialog(db, photo, proposal=proposal))
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    second = opened(qtbot, CardDialog(db, photo, proposal=proposal))
    before = db_digest(db)
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert second.error.text() == f"card.png was saved already as 张伟 of {COMPANY}."
    assert db_digest(db) == before


def test_file_menu_reads_business_cards(
    qtbot, db: Database, photo: Path, no_engine: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    team.save_team(db, team.TeamInput("测试工作队", dispatch_start=date(2020, 3, 23)))
    monkeypatch.setattr(card_folder_dialog, "choose_photos", lambda _parent: [photo])
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(QAction, "readCardAction")
    assert action is not None and action.isEnabled()
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    action.trigger()
    [dialog] = window.findChildren(CardDialog)
    assert dialog.objectName() == "cardDialog" and dialog.isVisible()
    dialog.reject()


def test_a_phone_photo_is_shown_upright(qtbot, db: Database, tmp_path: Path, no_engine) -> None:
    """A phone stores a card shot held sideways as turned pixels and an EXIF orientation."""
    from PIL import Image

    turned = tmp_path / "phone.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # shown turned 90° clockwise
    Image.new("RGB", (600, 1050), (240, 240, 230)).save(turned, exif=exif)
    dialog = opened(qtbot, CardDialog(db, turned))
    shown = dialog.photo_label.pixmap()
    assert shown.width() > shown.height()  # landscape, as the card is


def test_a_saved_card_is_undone_in_one_step(qtbot, db: Database, photo: Path) -> None:
    from fieldlog.ui.undo import undo_stack

    before = db_digest(db)
    proposal = propose(db, ["深圳市鼎盛科技有限公司", "李娜", "13800138000"])
    dialog = opened(qtbot, CardDialog(db, photo, proposal=proposal))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(contacts(db)) == 1
    assert undo_stack().undoText() == "Save business card of 李娜"
    undo_stack().undo()
    assert contacts(db) == []
    with db.read() as session:
        assert session.query(Organization).filter(Organization.deleted.is_(False)).count() == 0
    assert db_digest(db) != before  # tombstones, which sync carries


def test_reading_cards_waits_for_a_team_as_importing_does(qtbot, db: Database) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    action = window.findChild(QAction, "readCardAction")
    assert action is not None and not action.isEnabled()
    team.save_team(db, team.TeamInput("测试工作队", dispatch_start=date(2020, 3, 23)))
    window.refresh()
    assert action.isEnabled()


def test_tab_goes_from_field_to_field_then_to_the_organization(
    qtbot, db: Database, photo: Path
) -> None:
    dialog = opened(qtbot, CardDialog(db, photo, proposal=propose(db, ["王伟"])))
    order = ["cardName", "cardTitle", "cardMobile", "cardPhone", "cardEmail", "cardCompany"]
    edit(dialog, order[0]).setFocus()
    for expected in [*order[1:], "cardExistingOrg"]:
        dialog.focusNextChild()  # what Tab does
        assert dialog.focusWidget().objectName() == expected


def test_the_visit_dialog_reads_a_card_for_its_organization(
    qtbot, db: Database, known: uuid.UUID, photo: Path, no_engine: None, monkeypatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from fieldlog.ui.dialogs.visit_dialog import VisitDialog

    monkeypatch.setattr(card_folder_dialog, "choose_photos", lambda _parent: [photo])
    visit = VisitDialog(db)
    qtbot.addWidget(visit)
    with qtbot.waitActive(visit):
        visit.show()
        visit.activateWindow()
    visit.form.org_picker.set_org(known, COMPANY)
    before = db_digest(db)
    visit.form.summary.setFocus()
    qtbot.keyClick(
        visit.form.summary,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    card = visit.findChild(QDialog, "cardDialog")
    assert isinstance(card, CardDialog) and card.isVisible()
    assert card.on_file.isChecked() and card.picker.org_id() == known
    card.reject()
    assert db_digest(db) == before  # nothing is saved without the card's own Save
