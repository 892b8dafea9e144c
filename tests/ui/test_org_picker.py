"""The organization picker: type-ahead by Chinese fragment, pinyin initials and credit code, and
creating an organization inline with its credit code checked as it is typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from fieldlog.domain import messages
from fieldlog.domain.messages import use_language
from fieldlog.services.orgs import orgs
from fieldlog.services.orgs.org_search import search_orgs
from fieldlog.store.database import Database
from fieldlog.ui.widgets.org_create_form import OrgCreateForm
from fieldlog.ui.widgets.org_picker import ORG_ROLE, OrgPicker

from ..field_dump import db_digest

HUAWEI_CODE = "914403001922038216"


def type_chinese(widget: QWidget, text: str) -> None:
    """Type as an input method does: one commit of the composed text."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def directory(db: Database) -> Database:
    for name, code, kind in (
        ("深圳市华为技术有限公司", HUAWEI_CODE, "企业"),
        ("华侨城集团有限公司", None, "企业"),
        ("深圳市铜仁商会", None, "商协会"),
    ):
        orgs.save_org(db, orgs.OrgInput(name, kind=kind, credit_code=code))
    return db


@pytest.fixture
def picker(qtbot, directory: Database) -> OrgPicker:
    widget = OrgPicker(directory)
    qtbot.addWidget(widget)
    widget.resize(500, 40)
    widget.show()
    widget.edit.setFocus()
    return widget


def rows(picker: OrgPicker) -> list[str]:
    return [picker.popup.item(i).text() for i in range(picker.popup.count())]


@pytest.mark.parametrize(
    ("typed", "found"),
    [("华为", "深圳市华为技术有限公司"), ("hw", "深圳市华为技术有限公司"), ("914403", None)],
)
def test_type_ahead_then_down_and_enter_picks(qtbot, picker: OrgPicker, typed, found) -> None:
    if typed.isascii():
        qtbot.keyClicks(picker.edit, typed)
    else:
        type_chinese(picker.edit, typed)
    with qtbot.waitSignal(picker.org_changed) as picked:
        qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
        assert picker.popup.isVisible()
        assert rows(picker)[0] == "深圳市华为技术有限公司"
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picked.args[0] == search_orgs(picker.db, "华为")[0].id
    assert picker.edit.text() == "深圳市华为技术有限公司" and not picker.popup.isVisible()


def test_the_list_opens_while_typing_and_enter_picks_the_first(qtbot, picker: OrgPicker) -> None:
    type_chinese(picker.edit, "华")
    qtbot.waitUntil(picker.popup.isVisible)
    assert rows(picker)[:2] == ["华侨城集团有限公司", "深圳市华为技术有限公司"]
    assert rows(picker)[-1] == "Create “华”…"
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.org_name() == "深圳市华为技术有限公司"
    # Typing again drops the pick; Esc closes the list and leaves the text alone.
    type_chinese(picker.edit, "集团")
    assert picker.org_id() is None
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Escape)
    assert not picker.popup.isVisible() and picker.org_id() is None


def test_a_popup_row_can_be_clicked(qtbot, picker: OrgPicker) -> None:
    qtbot.keyClicks(picker.edit, "szstr")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    item = picker.popup.item(0)
    assert item.data(ORG_ROLE) is not None
    picker.popup.itemClicked.emit(item)
    assert picker.org_name() == "深圳市铜仁商会"


def test_create_inline_refuses_an_invalid_code_then_creates(qtbot, picker: OrgPicker) -> None:
    type_chinese(picker.edit, "深圳市新创科技有限公司")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    assert rows(picker) == ["Create “深圳市新创科技有限公司”…"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    form = picker.create_form
    assert form.isVisible() and form.name_edit.text() == "深圳市新创科技有限公司"
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Tab)
    assert form.kind_combo.hasFocus()
    qtbot.keyClick(form.kind_combo, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.code_edit, "91350100M000100Y44")
    assert form.code_error.isVisible()
    assert form.code_error.text().startswith("check character should be 3, not 4")
    qtbot.keyClick(form.code_edit, Qt.Key.Key_Return)
    assert form.isVisible() and picker.org_id() is None
    assert search_orgs(picker.db, "新创") == []
    qtbot.keyClick(form.code_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(form.code_edit, "3")
    assert not form.code_error.isVisible()
    with qtbot.waitSignal(picker.org_changed):
        qtbot.keyClick(form.code_edit, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert picker.org_name() == "深圳市新创科技有限公司"
    assert [h.credit_code for h in search_orgs(picker.db, "新创")] == ["91350100M000100Y43"]


def open_create_form(qtbot, picker: OrgPicker, name: str) -> OrgCreateForm:
    type_chinese(picker.edit, name)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Up)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    return picker.create_form


def test_a_code_on_file_names_its_holder_and_the_user_picks_it(qtbot, picker: OrgPicker) -> None:
    before = db_digest(picker.db)
    form = open_create_form(qtbot, picker, "华为深圳")
    qtbot.keyClicks(form.code_edit, HUAWEI_CODE)
    note = "This credit code is already on file for 深圳市华为技术有限公司."
    assert form.holder_note.isVisible() and form.holder_note.text() == note
    assert form.use_holder_button.isVisible()
    assert form.use_holder_button.text() == "&Use 深圳市华为技术有限公司"
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    # Create does not silently switch: the form stays, the typed name too, nothing picked.
    assert form.isVisible() and form.name_edit.text() == "华为深圳"
    assert picker.org_id() is None and form.code_edit.hasFocus()
    with qtbot.waitSignal(picker.org_changed):
        qtbot.mouseClick(form.use_holder_button, Qt.MouseButton.LeftButton)
    assert picker.org_name() == "深圳市华为技术有限公司" and not form.isVisible()
    assert db_digest(picker.db) == before


def test_a_code_on_file_can_be_corrected_and_the_typed_name_created(
    qtbot, picker: OrgPicker
) -> None:
    form = open_create_form(qtbot, picker, "华为深圳")
    qtbot.keyClicks(form.code_edit, HUAWEI_CODE)
    assert form.holder_note.isVisible()
    form.code_edit.clear()
    assert not form.holder_note.isVisible() and not form.use_holder_button.isVisible()
    qtbot.keyClicks(form.code_edit, "91350100M000100Y43")
    with qtbot.waitSignal(picker.org_changed):
        qtbot.keyClick(form.code_edit, Qt.Key.Key_Return)
    assert picker.org_name() == "华为深圳"
    assert [h.credit_code for h in search_orgs(picker.db, "华为深圳")] == ["91350100M000100Y43"]
    assert len(search_orgs(picker.db, HUAWEI_CODE)) == 1


def test_create_form_needs_a_name_and_esc_closes_it(qtbot, picker: OrgPicker) -> None:
    type_chinese(picker.edit, "无此单位")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    form = picker.create_form
    assert form.isVisible()
    form.name_edit.clear()
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert form.name_error.isVisible() and form.name_error.text()
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Escape)
    assert not form.isVisible() and picker.edit.hasFocus()


def test_a_mistyped_code_is_told_in_one_short_chinese_line(qtbot, picker: OrgPicker) -> None:
    try:
        use_language("zh_CN")
        form = open_create_form(qtbot, picker, "深圳市新创科技有限公司")
        qtbot.keyClicks(form.code_edit, "91350100M000100Y44")
        label = form.code_error
        qtbot.waitUntil(label.isVisible)
        assert label.text() == "校验位应为3而不是4，代码可能输错了"
        # Whole on one line: nothing of it is cut off at the form's width.
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
        assert search_orgs(picker.db, "新创") == []
    finally:
        messages._current.clear()
