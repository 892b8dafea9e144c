"""Changing one field in an editor, as a user does, changes exactly that field of that record:
funds tranches, chains and links, targets, the team, members and work groups, on a few records
of the demo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select, update

from fieldlog.domain.indicators import AMOUNT_METRICS
from fieldlog.domain.period import Period
from fieldlog.services.projects.project_detail import fund_origin_choices, project_detail
from fieldlog.services.team import chains, identity, team
from fieldlog.services.team.team_edit import team_sheet
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, FundsTranche, Target
from fieldlog.ui.widgets.team_tables import COUNTY, GROUP, NAME, SYSTEM
from tests.field_dump import field_diff, field_dump
from tests.ui.catalog_editors import (
    NEWER_POSITION,
    TODAY,
    Changes,
    chain_editor,
    choose,
    link_form,
    member_row,
    prepare,
    rename_form,
    save,
    targets_editor,
    team_editor,
    tranche_editor,
    type_in_cell,
    type_text,
)
from tests.ui.conftest import open_copy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Path:
    return prepare(demo_database_file, tmp_path_factory.mktemp("one_field_prepared"))


@pytest.fixture
def demo(tmp_path: Path, prepared: Path) -> Iterator[Database]:
    database = open_copy(prepared, tmp_path)
    yield database
    database.close()


def tranches(db: Database, count: int = 3) -> list[tuple]:
    """A few live tranches: (project id, row in its table, tranche id)."""
    with db.read() as session:
        found = session.execute(
            select(FundsTranche.project_id, FundsTranche.id)
            .where(FundsTranche.deleted.is_(False))
            .order_by(FundsTranche.id)
        ).all()
    picked = found[:: max(1, len(found) // count)][:count]
    result = []
    for project_id, tranche_id in picked:
        rows = project_detail(db, project_id, today=TODAY).tranches
        result.append((project_id, [t.id for t in rows].index(tranche_id), tranche_id))
    return result


def edit_tranche_field(qtbot, db: Database, field: str) -> None:
    changes = Changes(db)
    for project_id, row, tranche_id in tranches(db):
        project_dialog, editor = tranche_editor(qtbot, db, project_id, row)
        fields = editor.fields
        if field == "received_on":
            fields.received.setDate(fields.received.date().addDays(1))
        elif field == "amount_yuan":
            type_text(fields.amount, "1234.5")
        elif field == "origin_id":
            other = next(i for _, i in fund_origin_choices(db) if i != fields.origin.currentData())
            choose(fields.origin, other)
        else:
            type_text(fields.evidence if field == "evidence" else fields.note, "银行回单 补录")
        save(qtbot, editor)
        assert not editor.isVisible(), editor.message.text()
        project_dialog.close()
        assert set(changes()) == {("funds_tranche", str(tranche_id), field)}


@pytest.mark.parametrize("field", ["received_on", "amount_yuan", "origin_id", "evidence", "note"])
def test_one_tranche_field(qtbot, demo: Database, field: str) -> None:
    edit_tranche_field(qtbot, demo, field)


def test_a_tranche_keeps_an_origin_removed_from_the_catalog(qtbot, demo: Database) -> None:
    project_id, row, tranche_id = tranches(demo, 1)[0]
    with demo.begin() as session:
        origin_id = session.get_one(FundsTranche, tranche_id).origin_id
        assert origin_id is not None
        session.execute(update(CatalogItem).where(CatalogItem.id == origin_id).values(deleted=True))
    before = field_dump(demo)
    _project_dialog, editor = tranche_editor(qtbot, demo, project_id, row)
    assert editor.fields.origin.currentData() == origin_id
    type_text(editor.fields.amount, "777")
    save(qtbot, editor)
    assert not editor.isVisible(), editor.message.text()
    assert set(field_diff(before, field_dump(demo))) == {
        ("funds_tranche", str(tranche_id), "amount_yuan")
    }


def test_a_sub_link_saved_unchanged_keeps_its_parent(qtbot, demo: Database) -> None:
    chain = next(c for c in chains.chain_tree(demo) if any(x.parent_id for x in c.links))
    link = next(x for x in chain.links if x.parent_id)
    before = field_dump(demo)
    form = link_form(chain_editor(qtbot, demo), chain.id, link.id)
    assert form.parent_combo.currentData() == link.parent_id
    save(qtbot, form)
    assert field_diff(before, field_dump(demo)) == {}


def test_a_link_keeps_a_position_this_version_does_not_know(qtbot, demo: Database) -> None:
    chain = next(
        c for c in chains.chain_tree(demo) if any(x.position == NEWER_POSITION for x in c.links)
    )
    link = next(x for x in chain.links if x.position == NEWER_POSITION)
    before = field_dump(demo)
    form = link_form(chain_editor(qtbot, demo), chain.id, link.id)
    assert form.position_combo.currentText() == "Unknown (core)"
    type_text(form.name_edit, link.name + "（新）")
    save(qtbot, form)
    assert not form.isVisible()
    assert set(field_diff(before, field_dump(demo))) == {("chain_link", str(link.id), "name")}


def test_rename_a_chain(qtbot, demo: Database) -> None:
    dialog, changes = chain_editor(qtbot, demo), Changes(demo)
    for chain in chains.chain_tree(demo)[::5]:
        form = rename_form(dialog, chain.id)
        type_text(form.name_edit, chain.name + "（新）")
        save(qtbot, form)
        assert set(changes()) == {("chain", str(chain.id), "name")}


@pytest.mark.parametrize("field", ["name", "position", "parent_id"])
def test_one_link_field(qtbot, demo: Database, field: str) -> None:
    dialog, changes = chain_editor(qtbot, demo), Changes(demo)
    for chain in chains.chain_tree(demo)[:3]:
        for link in (chain.links[0], chain.links[1], chain.links[-1]):
            form = link_form(dialog, chain.id, link.id)
            if field == "name":
                type_text(form.name_edit, link.name + "环节")
            elif field == "position":
                other = "upstream" if link.position != "upstream" else "downstream"
                choose(form.position_combo, other)
            else:
                options = [form.parent_combo.itemData(i) for i in range(form.parent_combo.count())]
                choose(form.parent_combo, next(p for p in options if p != link.parent_id))
            save(qtbot, form)
            assert not form.isVisible()
            diff = changes()
            assert set(diff) == {("chain_link", str(link.id), field)}, diff


def test_one_target_value(qtbot, demo: Database) -> None:
    with demo.read() as session:
        found = session.execute(select(Target).where(Target.deleted.is_(False))).scalars().all()
    changes = Changes(demo)
    for target in found[::7]:
        period = Period(target.period_start, target.period_end)
        dialog = targets_editor(qtbot, demo, target.scope, target.scope_id, period)
        type_text(dialog.fields[target.metric], "1234" if target.metric in AMOUNT_METRICS else "77")
        save(qtbot, dialog)
        assert not dialog.isVisible(), dialog.message.text()
        diff = changes()
        assert set(diff) == {("target", str(target.id), "value")}, diff


def test_the_period_alone_changes_nothing(qtbot, demo: Database) -> None:
    """Choosing another period shows its targets; saving it with none entered writes none."""
    with demo.read() as session:
        target = session.execute(select(Target).limit(1)).scalars().one()
    before = field_dump(demo)
    dialog = targets_editor(
        qtbot, demo, target.scope, target.scope_id, Period(date(2020, 5, 1), date(2020, 5, 31))
    )
    dialog.period_edit.to_edit.setDate(QDate(2020, 5, 30))
    assert not any(edit.text() for edit in dialog.fields.values())
    qtbot.mouseClick(dialog.findChild(object, "saveButton"), Qt.MouseButton.LeftButton)
    assert field_diff(before, field_dump(demo)) == {}


TEAM_TEXTS = ("name", "reporting_unit", "return_preparer", "return_reviewer", "return_phone")


@pytest.mark.parametrize("field", [*TEAM_TEXTS, "dispatch_start", "dispatch_end"])
def test_one_team_field(qtbot, demo: Database, field: str) -> None:
    sheet = team_sheet(demo)
    before = field_dump(demo)
    dialog = team_editor(qtbot, demo)
    if field in TEAM_TEXTS:
        edits = (dialog.team_name, dialog.reporting_unit, dialog.preparer, dialog.reviewer)
        edit = dict(zip(TEAM_TEXTS, (*edits, dialog.phone), strict=True))[field]
        text = "138 0851 0000" if field == "return_phone" else "铜仁市驻深招商工作队（二期）"
        type_text(edit, text)
    else:
        edit = dialog.start if field == "dispatch_start" else dialog.end
        edit.setDate(edit.date().addDays(-1))
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.message.text()
    assert set(field_diff(before, field_dump(demo))) == {("team", str(sheet.team_id), field)}


@pytest.mark.parametrize("field", ["name", "county_id", "group_id", "from_promotion_system"])
def test_one_member_field(qtbot, demo: Database, field: str) -> None:
    sheet = team_sheet(demo)
    changes = Changes(demo)
    for member in sheet.members[::9]:
        dialog = team_editor(qtbot, demo)
        table, row = dialog.members, member_row(dialog, member.id)
        if field == "name":
            type_in_cell(qtbot, table, row, NAME, member.name + "（碧江）")
        elif field == "from_promotion_system":
            qtbot.keyClick(table.cellWidget(row, SYSTEM), Qt.Key.Key_Space)
        else:
            combo = table.combo(row, COUNTY if field == "county_id" else GROUP)
            now = combo.currentData()
            choose(
                combo,
                next(
                    combo.itemData(i) for i in range(1, combo.count()) if combo.itemData(i) != now
                ),
            )
        save(qtbot, dialog)
        assert not dialog.isVisible(), dialog.message.text()
        diff = changes()
        assert set(diff) == {("member", str(member.id), field)}, diff


@pytest.mark.parametrize("field", ["name", "chain_id"])
def test_one_group_field(qtbot, demo: Database, field: str) -> None:
    sheet = team_sheet(demo)
    changes = Changes(demo)
    for row, group in list(enumerate(sheet.groups))[::5]:
        dialog = team_editor(qtbot, demo)
        if field == "name":
            type_in_cell(qtbot, dialog.groups, row, 0, group.name + "二组")
            shown = dialog.members.combo(0, GROUP)
            assert group.name + "二组" in [shown.itemText(i) for i in range(shown.count())]
        else:
            combo = dialog.groups.cellWidget(row, 1)
            choose(
                combo,
                next(
                    combo.itemData(i)
                    for i in range(1, combo.count())
                    if combo.itemData(i) != group.chain_id
                ),
            )
        save(qtbot, dialog)
        assert not dialog.isVisible(), dialog.message.text()
        diff = changes()
        assert set(diff) == {("work_group", str(group.id), field)}, diff


def test_a_member_added_in_the_team_form(qtbot, demo: Database) -> None:
    sheet = team_sheet(demo)
    changes = Changes(demo)
    dialog = team_editor(qtbot, demo)
    saved = dialog.members.rowCount()
    dialog.members.setCurrentCell(0, NAME)
    assert not dialog.remove_button.isEnabled()  # a saved member is not removed here
    qtbot.mouseClick(dialog.findChild(QPushButton, "addMemberButton"), Qt.MouseButton.LeftButton)
    assert dialog.remove_button.isEnabled()
    type_in_cell(qtbot, dialog.members, saved, NAME, "欧阳娜")
    choose(dialog.members.combo(saved, GROUP), sheet.groups[0].id)
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.message.text()
    added = {key[1] for key in changes()}
    new = team.member_by_name(demo, "欧阳娜")
    assert new is not None and added == {str(new.id)}
    assert (new.group_id, new.team_id) == (sheet.groups[0].id, sheet.team_id)


def test_choosing_who_i_am_changes_no_record(qtbot, demo: Database) -> None:
    sheet = team_sheet(demo)
    changes = Changes(demo)
    dialog = team_editor(qtbot, demo)
    choose(dialog.me, member_row(dialog, sheet.members[3].id))
    save(qtbot, dialog)
    assert identity.get_me(demo) == sheet.members[3].id
    assert changes() == {}


def test_a_duplicate_member_name_is_refused_in_the_form(qtbot, demo: Database) -> None:
    sheet = team_sheet(demo)
    changes = Changes(demo)
    dialog = team_editor(qtbot, demo)
    type_in_cell(qtbot, dialog.members, 1, NAME, sheet.members[0].name)
    save(qtbot, dialog)
    assert dialog.isVisible() and "same name" in dialog.message.text()
    assert changes() == {}
