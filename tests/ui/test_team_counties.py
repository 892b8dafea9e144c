"""The team form's home counties and the weekly return's signatories, driven as a user does on a
real database: counties added (typed in Chinese), renamed, removed and moved; the members' county
lists follow; bad lists are refused with the message shown and nothing changed."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QPushButton, QTableWidgetItem

from fieldlog.domain import messages
from fieldlog.services.team import team
from fieldlog.services.team.counties import County, county_list
from fieldlog.services.team.setup import NewMember, TeamSetup, set_up_team
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.team_setup_dialog import TeamSetupDialog
from fieldlog.ui.widgets.combo_values import index_of
from fieldlog.ui.widgets.county_list import CountyList
from fieldlog.ui.widgets.team_tables import COUNTY
from tests.field_dump import db_digest, field_diff, field_dump, history_count
from tests.ui.catalog_editors import choose, member_row, save, team_editor, type_text


@pytest.fixture
def tongren(db: Database) -> Database:
    """A team of two: 李娜 from 碧江区, 王强 from 万山区."""
    members = [NewMember("李娜", "碧江区", "物流组"), NewMember("王强", "万山区", "物流组")]
    data = team.TeamInput("铜仁市驻深招商工作队", dispatch_start=date(2026, 3, 1))
    set_up_team(db, TeamSetup(data, members))
    return db


def click(qtbot, editor: CountyList, name: str) -> None:
    button = editor.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_in_list(qtbot, counties: QListWidget, text: str) -> None:
    """Type into the line being edited (an input method's commit), then Enter."""
    row = counties.currentRow()

    def open_editor() -> QLineEdit | None:
        # The line edit of an earlier edit may linger hidden until Qt deletes it: take the open one.
        shown = [e for e in counties.viewport().findChildren(QLineEdit) if e.isVisible()]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: open_editor() is not None)
    editor = open_editor()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counties.item(row).text() == text)


def add_county(qtbot, editor: CountyList, name: str) -> None:
    click(qtbot, editor, "addCountyButton")
    type_in_list(qtbot, editor.list, name)


def choose_county(editor: CountyList, name: str) -> None:
    editor.list.setCurrentRow([c.name for c in editor.counties()].index(name))


def test_counties_edited_and_signatories_saved(qtbot, tongren: Database) -> None:
    shown = county_list(tongren)
    li, wang = team.member_by_name(tongren, "李娜"), team.member_by_name(tongren, "王强")
    assert li is not None and wang is not None
    before = field_dump(tongren)
    dialog = team_editor(qtbot, tongren)
    editor = dialog.counties
    assert editor.counties() == shown and len(shown) == 12
    add_county(qtbot, editor, "汇川区")
    added = editor.counties()[-1]
    # The new county is offered in every member's list at once, and 李娜 takes it.
    li_row, wang_row = member_row(dialog, li.id), member_row(dialog, wang.id)
    li_combo = dialog.members.combo(li_row, COUNTY)
    assert li_combo.itemText(index_of(li_combo, added.id)) == "汇川区"
    choose(li_combo, added.id)
    click(qtbot, editor, "countyUpButton")  # 汇川区 above 铜仁高新区
    choose_county(editor, "松桃苗族自治县")
    click(qtbot, editor, "renameCountyButton")
    type_in_list(qtbot, editor.list, "松桃县")
    choose_county(editor, "万山区")  # 王强's: he keeps it, shown by name
    click(qtbot, editor, "removeCountyButton")
    wang_combo = dialog.members.combo(wang_row, COUNTY)
    assert (wang_combo.currentData(), wang_combo.currentText()) == (
        wang.county_id,
        "万山区 (removed)",
    )
    assert index_of(li_combo, wang.county_id) < 0 and li_combo.currentData() == added.id
    assert dialog.members.combo(wang_row, COUNTY).findText("松桃县") > 0
    type_text(dialog.preparer, "李娜")
    type_text(dialog.reviewer, "欧阳明")
    qtbot.keyClicks(dialog.phone, "0856-5221234")
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.message.text()

    changed = field_diff(before, field_dump(tongren))
    songtao = next(c for c in shown if c.name == "松桃苗族自治县")
    wanshan = next(c for c in shown if c.name == "万山区")
    team_id = str(team.current_team(tongren).id)  # type: ignore[union-attr]
    assert {k: v for k, v in changed.items() if k[2] != "sort_order"} == {
        ("team", team_id, "return_preparer"): ("", "李娜"),
        ("team", team_id, "return_reviewer"): ("", "欧阳明"),
        ("team", team_id, "return_phone"): ("", "0856-5221234"),
        ("member", str(li.id), "county_id"): (str(li.county_id), str(added.id)),
        ("catalog_item", str(songtao.id), "name"): ("松桃苗族自治县", "松桃县"),
        ("catalog_item", str(wanshan.id), "deleted"): (False, True),
        ("catalog_item", str(added.id), "kind"): (None, "county"),
        ("catalog_item", str(added.id), "name"): (None, "汇川区"),
        ("catalog_item", str(added.id), "deleted"): (None, False),
        ("catalog_item", str(added.id), "assess_excluded"): (None, False),
    }
    # No other county took a new order number (汇川区 comes between two of them).
    assert {k[1] for k in changed if k[2] == "sort_order"} == {str(added.id)}
    names = [c.name for c in county_list(tongren)]
    expected = [*[c.name for c in shown if c != wanshan][:-1], "汇川区", shown[-1].name]
    assert names == [n.replace("松桃苗族自治县", "松桃县") for n in expected]
    assert team.member_by_name(tongren, "王强").county_id == wang.county_id  # type: ignore[union-attr]

    # Opened again, the form shows what was saved; 王强's removed county still by name.
    again = team_editor(qtbot, tongren)
    assert [c.name for c in again.counties.counties()] == names
    combo = again.members.combo(member_row(again, wang.id), COUNTY)
    assert combo.currentText() == "万山区 (removed)"
    assert (again.preparer.text(), again.reviewer.text(), again.phone.text()) == (
        "李娜",
        "欧阳明",
        "0856-5221234",
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "the home county in row 13 has no name"),
        ("碧江区", "two home counties are named 碧江区"),
        ("黔东南苗族侗族自治州凯里经济开发区" * 3, "has a name of 51 characters, at most 40"),
    ],
    ids=["empty", "duplicate", "too-long"],
)
def test_a_bad_county_list_is_refused_and_changes_nothing(
    qtbot, tongren: Database, name: str, message: str
) -> None:
    digest, history = db_digest(tongren), history_count(tongren)
    dialog = team_editor(qtbot, tongren)
    type_text(dialog.preparer, "李娜")  # refused with the rest
    click(qtbot, dialog.counties, "addCountyButton")
    if name:
        type_in_list(qtbot, dialog.counties.list, name)
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert message in dialog.message.text()
    assert (db_digest(tongren), history_count(tongren)) == (digest, history)


def test_the_refusal_reads_in_chinese(qtbot, tongren: Database) -> None:
    digest = db_digest(tongren)
    messages.use_language("zh_CN")
    try:
        dialog = team_editor(qtbot, tongren)
        add_county(qtbot, dialog.counties, "万山区")
        save(qtbot, dialog)
        assert dialog.message.text() == "有两个派出区县都叫“万山区”"
    finally:
        messages._current.clear()
    assert db_digest(tongren) == digest


def test_a_team_from_another_city_sets_up_its_counties(qtbot, db: Database) -> None:
    dialog = TeamSetupDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.counties
    while editor.list.count():
        editor.list.setCurrentRow(0)
        click(qtbot, editor, "removeCountyButton")
    add_county(qtbot, editor, "红花岗区")
    add_county(qtbot, editor, "汇川区")
    type_text(dialog.team_name, "遵义市驻深招商工作队")
    dialog.members.setItem(0, 0, QTableWidgetItem("张伟"))
    zunyi = editor.counties()
    choose(dialog.members.combo(0, COUNTY), zunyi[1].id)
    qtbot.keyClicks(dialog.phone, "0851-28221234")
    qtbot.mouseClick(dialog.findChild(QPushButton, "createTeamButton"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.message.text()
    assert county_list(db) == [County(zunyi[0].id, "红花岗区"), County(zunyi[1].id, "汇川区")]
    zhang = team.member_by_name(db, "张伟")
    assert zhang is not None and zhang.county_id == zunyi[1].id
    created = team.current_team(db)
    assert created is not None and created.return_phone == "0851-28221234"


def test_a_project_keeps_its_landing_county_once_removed_from_the_list(
    qtbot, tongren: Database
) -> None:
    from fieldlog.services.projects import projects
    from fieldlog.ui.dialogs.project_dialog import ProjectDialog

    data = projects.ProjectInput("冷链仓储项目", landing_county="万山区", progress="初步接触")
    pid = projects.open_project(tongren, data, on=date(2026, 3, 25))
    dialog = team_editor(qtbot, tongren)
    choose_county(dialog.counties, "万山区")
    click(qtbot, dialog.counties, "removeCountyButton")
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.message.text()
    before = field_dump(tongren)
    shown = ProjectDialog(tongren, pid, today=date(2026, 4, 1))
    qtbot.addWidget(shown)
    shown.show()
    assert "万山区" in shown.county.currentText()
    type_text(shown.progress, "已实地考察")
    save(qtbot, shown)
    assert shown.message.isHidden(), shown.message.text()
    # The progress note is dated on the day it is written; the county stays.
    changed = {("project", str(pid), field) for field in ("progress", "progress_on")}
    assert set(field_diff(before, field_dump(tongren))) == changed


def test_a_new_member_cannot_take_a_county_removed_in_the_same_form(
    qtbot, tongren: Database
) -> None:
    digest = db_digest(tongren)
    dialog = team_editor(qtbot, tongren)
    row = dialog.members.add_row()
    dialog.members.item(row, 0).setText("张伟")
    wanshan = next(c for c in dialog.counties.counties() if c.name == "万山区")
    choose(dialog.members.combo(row, COUNTY), wanshan.id)
    choose_county(dialog.counties, "万山区")
    click(qtbot, dialog.counties, "removeCountyButton")
    # The English window names a shipped county in English, removed or not.
    assert dialog.members.combo(row, COUNTY).currentText() == "Wanshan District (removed)"
    save(qtbot, dialog)
    assert dialog.isVisible()
    expected = "张伟's home county 万山区 is not on the list of home counties"
    assert dialog.message.text() == expected
    assert db_digest(tongren) == digest


def test_the_county_list_moves_and_offers_only_what_applies(qtbot) -> None:
    counties = [County(uuid.uuid4(), name) for name in ("红花岗区", "汇川区", "播州区")]
    editor = CountyList(counties)
    qtbot.addWidget(editor)
    changes: list[None] = []
    editor.changed.connect(lambda: changes.append(None))
    buttons = ("renameCountyButton", "removeCountyButton", "countyUpButton", "countyDownButton")

    def enabled() -> list[bool]:
        return [editor.findChild(QPushButton, name).isEnabled() for name in buttons]

    assert enabled() == [False] * 4  # nothing chosen
    editor.list.setCurrentRow(0)
    assert enabled() == [True, True, False, True]
    click(qtbot, editor, "countyDownButton")
    click(qtbot, editor, "countyDownButton")
    assert [c.name for c in editor.counties()] == ["汇川区", "播州区", "红花岗区"]
    assert enabled() == [True, True, True, False] and len(changes) == 2
    click(qtbot, editor, "removeCountyButton")
    assert editor.counties() == counties[1:] and len(changes) == 3
