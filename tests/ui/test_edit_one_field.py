"""Changing one field in an edit dialog, as a user does it, changes exactly that field: for each
field of the organization, contact, visit and project dialogs, on demo records (with a chain,
a link, a project set, and without)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from fieldlog.domain.ids import pair_id
from fieldlog.store.database import Database
from fieldlog.store.models import Organization, Project, Visit, VisitContact, VisitVisitor
from fieldlog.ui.dialogs.org_dialog import ContactDialog, OrgDialog
from fieldlog.ui.dialogs.project_dialog import ProjectDialog
from fieldlog.ui.dialogs.visit_dialog import VisitDialog
from fieldlog.ui.widgets.member_picker import ID_ROLE

from ..field_dump import field_diff, field_dump, history_count
from .edit_driver import (
    append_text,
    choose_other,
    copy_demo,
    press,
    replace_text,
    save_button,
    toggle_item,
    type_text,
)

pytestmark = pytest.mark.slow

LIGHTING = "深圳市通汇灯饰科技有限公司"  # chain and link set; its visits link its project
ASSOCIATION = "深圳市跨境电子商务协会"  # an association with a chain and no link
LED = "深圳星越灯饰股份有限公司"
LOGISTICS = "深圳市物流与供应链管理协会"
LIGHTING_PROJECT = "通汇户外照明灯具生产项目"
LED_PROJECT = "星越LED智能照明灯具生产基地项目"
#: Valid codes held by no demo organization, one for each organization the tests recode.
FREE_CODES: dict[uuid.UUID | None, str] = {}

Change = Callable[[Any, Any], set[str]]  # (qtbot, dialog) -> the fields expected to change


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = copy_demo(demo_database_file, tmp_path_factory.mktemp("edit_one_field"))
    yield database
    database.close()


@pytest.fixture(scope="module")
def ids(demo: Database) -> dict[str, uuid.UUID]:
    """The records the tests change, by name as the demo has them (found once: the tests rename
    some of them)."""
    with demo.read() as session:
        found = {
            name: session.execute(select(Organization.id).where(Organization.name == name))
            for name in (LIGHTING, ASSOCIATION, LED, LOGISTICS)
        }
        found |= {
            name: session.execute(select(Project.id).where(Project.name == name))
            for name in (LIGHTING_PROJECT, LED_PROJECT)
        }
        ids = {name: rows.scalar_one() for name, rows in found.items()}
    FREE_CODES.update({ids[LIGHTING]: "91350100M000100Y43", ids[ASSOCIATION]: "91110000600037341L"})
    return ids


def visit_ids(db: Database, org: uuid.UUID) -> list[uuid.UUID]:
    """The live visits to an organization, by date."""
    query = (
        select(Visit.id)
        .where(Visit.org_id == org, Visit.deleted.is_(False))
        .order_by(Visit.visited_on, Visit.id)
    )
    with db.read() as session:
        return list(session.execute(query).scalars())


def changed_by(db: Database, act: Callable[[], None]) -> dict[tuple[str, str, str], tuple]:
    """What `act` changed, field by field; the change history holds each value it replaced,
    and one row ("deleted": none to live) for each record it made."""
    before, history = field_dump(db), history_count(db)
    act()
    diff = field_diff(before, field_dump(db))
    replaced = [key for key in diff if key[:2] in before]
    made = {key[:2] for key in diff if key[:2] not in before}
    assert history_count(db) - history == len(replaced) + len(made)
    return diff


def fields_of(diff: dict, table: str, record: uuid.UUID) -> set[str]:
    assert {(t, r) for t, r, _f in diff} == {(table, str(record))}, diff
    return {field for _t, _r, field in diff}


# -- organizations ------------------------------------------------------------------------


def _name(qtbot, d: OrgDialog) -> set[str]:
    replace_text(qtbot, d.name_edit, "深圳市改名照明科技有限公司")
    return {"name", "name_key", "name_initials"}


def _kind(qtbot, d: OrgDialog) -> set[str]:
    choose_other(qtbot, d.kind_combo)
    return {"kind"}


def _code(qtbot, d: OrgDialog) -> set[str]:
    replace_text(qtbot, d.code_edit, FREE_CODES[d.org_id])
    return {"credit_code"}


def _region(qtbot, d: OrgDialog) -> set[str]:
    replace_text(qtbot, d.region_edit, "深圳市南山区")
    return {"region"}


def _address(qtbot, d: OrgDialog) -> set[str]:
    append_text(qtbot, d.address_edit, "A栋")
    return {"address"}


def _chain(qtbot, d: OrgDialog) -> set[str]:
    had_link = d.link_combo.currentData() is not None
    choose_other(qtbot, d.chain_combo)
    return {"chain_id", "link_id"} if had_link else {"chain_id"}  # a link belongs to its chain


def _link(qtbot, d: OrgDialog) -> set[str]:
    choose_other(qtbot, d.link_combo)
    return {"link_id"}


def _phone(qtbot, d: OrgDialog) -> set[str]:
    replace_text(qtbot, d.phone_edit, "0755-88889999")
    return {"phone"}


def _target(qtbot, d: OrgDialog) -> set[str]:
    qtbot.mouseClick(d.target_box, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    return {"is_target"}


def _notes(qtbot, d: OrgDialog) -> set[str]:
    append_text(qtbot, d.notes_edit, "已约下周再访")
    return {"notes"}


ORG_FIELDS = {
    "name": _name,
    "kind": _kind,
    "credit code": _code,
    "region": _region,
    "address": _address,
    "chain": _chain,
    "link": _link,
    "phone": _phone,
    "target": _target,
    "notes": _notes,
}


def open_org(qtbot, db: Database, org: uuid.UUID) -> OrgDialog:
    dialog = OrgDialog(db, org)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize("org", [LIGHTING, ASSOCIATION], ids=["lighting", "association"])
@pytest.mark.parametrize("field", list(ORG_FIELDS))
def test_one_organization_field(qtbot, demo: Database, ids, org: str, field: str) -> None:
    record = ids[org]
    dialog = open_org(qtbot, demo, record)

    def act() -> None:
        expected.update(ORG_FIELDS[field](qtbot, dialog))
        press(qtbot, save_button(dialog))

    expected: set[str] = set()
    diff = changed_by(demo, act)
    assert not dialog.isVisible()
    assert fields_of(diff, "organization", record) == expected


@pytest.mark.parametrize("org", [LIGHTING, ASSOCIATION], ids=["lighting", "association"])
def test_one_organization_tag(qtbot, demo: Database, ids, org: str) -> None:
    record = ids[org]
    dialog = open_org(qtbot, demo, record)
    name, box = next(iter(dialog.tag_boxes.items()))
    tag_id = next(t for t, n in dialog._choices.tags if n == name)

    def act() -> None:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
        press(qtbot, save_button(dialog))

    diff = changed_by(demo, act)
    tag_row = str(pair_id(record, tag_id))
    assert {(t, r) for t, r, _f in diff} == {("org_tag", tag_row)}


# -- contacts -----------------------------------------------------------------------------


CONTACT_FIELDS = {
    "name": ("name_edit", "李明", "name"),
    "title": ("title_edit", "副总经理", "title"),
    "phone": ("phone_edit", "13800138000", "phone"),
    "email": ("email_edit", "li@example.com", "email"),
    "notes": ("notes_edit", "负责选址", "notes"),
}


@pytest.mark.parametrize("org", [LIGHTING, LED], ids=["lighting", "led"])
@pytest.mark.parametrize("field", list(CONTACT_FIELDS))
def test_one_contact_field(qtbot, demo: Database, ids, org: str, field: str) -> None:
    dialog = open_org(qtbot, demo, ids[org])
    dialog.contacts_table.selectRow(0)
    contact_id = dialog._drafts[0].id
    widget, text, column = CONTACT_FIELDS[field]

    def act() -> None:
        press(qtbot, dialog.edit_contact_button)
        contact = dialog.findChildren(ContactDialog)[-1]
        replace_text(qtbot, getattr(contact, widget), text)
        press(qtbot, contact.save_button)
        press(qtbot, save_button(dialog))

    diff = changed_by(demo, act)
    assert fields_of(diff, "contact", contact_id) == {column}
    assert next(iter(diff.values()))[1] == text


# -- visits -------------------------------------------------------------------------------

Expected = set[tuple[str, str, str]]  # (table, record id, field)


def _link_fields(d: VisitDialog, model: type, link: uuid.UUID, column: str) -> set[str]:
    """A link row that exists changes its tombstone; a new one brings all its fields."""
    with d.db.read() as session:
        exists = session.get(model, link) is not None
    return {"deleted"} if exists else {"visit_id", column, "deleted"}


def _toggle_link(qtbot, d: VisitDialog, picker, model: type, column: str) -> Expected:
    """Toggle a record of a check list (a member, a contact) by keys."""
    visit = d.visit_id
    assert visit is not None
    rows = [r for r in range(picker.count()) if picker.item(r).data(ID_ROLE) is not None]
    unchecked = [r for r in rows if picker.item(r).checkState() == Qt.CheckState.Unchecked]
    row = (unchecked or rows)[0]  # adding keeps the visit valid (a visitor at least)
    record = picker.item(row).data(ID_ROLE)
    before = picker.item(row).checkState()
    toggle_item(qtbot, picker, row)
    assert picker.item(row).checkState() != before
    link = pair_id(visit, record)
    fields = _link_fields(d, model, link, column)
    return {(model.__tablename__, str(link), f) for f in fields}


def _visitor(qtbot, d: VisitDialog, _visit: uuid.UUID) -> Expected:
    return _toggle_link(qtbot, d, d.form.visitors, VisitVisitor, "member_id")


def _contact(qtbot, d: VisitDialog, _visit: uuid.UUID) -> Expected:
    return _toggle_link(qtbot, d, d.form.contacts.picker, VisitContact, "contact_id")


def _visit_field(field: str, change: Callable[[Any, VisitDialog], None]) -> Callable:
    def run(qtbot, d: VisitDialog, visit: uuid.UUID) -> Expected:
        change(qtbot, d)
        return {("visit", str(visit), field)}

    return run


def _date(qtbot, d: VisitDialog) -> None:
    d.form.date_edit.setFocus()
    before = d.form.date_edit.day()
    qtbot.keyClick(d.form.date_edit, Qt.Key.Key_Down)  # the earlier date keeps any follow-up
    assert d.form.date_edit.day() < before


def _follow_up(qtbot, d: VisitDialog) -> None:
    box = d.form.follow_up_check
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))


def _project(qtbot, d: VisitDialog) -> None:
    combo = d.form.project_combo
    if combo.currentData() is None:
        choose_other(qtbot, combo)
    else:
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Home)  # 不关联项目
    assert combo.currentIndex() >= 0


VISIT_FIELDS: dict[str, Callable] = {
    "visitors": _visitor,
    "kind": _visit_field("kind_id", lambda q, d: choose_other(q, d.form.kind_combo)),
    "date": _visit_field("visited_on", _date),
    "contacts": _contact,
    "summary": _visit_field("summary", lambda q, d: append_text(q, d.form.summary, "另议")),
    "intent": _visit_field(
        "intent", lambda q, d: choose_other(q, d.form.intent_combo, skip_empty=False)
    ),
    "follow-up": _visit_field("next_follow_up", _follow_up),
    "project": _visit_field("project_id", _project),
}


def open_visit(qtbot, db: Database, visit: uuid.UUID) -> VisitDialog:
    dialog = VisitDialog(db, visit_id=visit)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save_visit(qtbot, dialog: VisitDialog) -> None:
    press(qtbot, save_button(dialog))
    assert dialog.message.text() == ""
    assert not dialog.isVisible(), [e.text() for e in dialog.findChildren(type(dialog.message))]


@pytest.mark.parametrize("which", ["last visit", "first visit"])
@pytest.mark.parametrize("field", list(VISIT_FIELDS))
def test_one_visit_field(qtbot, demo: Database, ids, which: str, field: str) -> None:
    visits = visit_ids(demo, ids[LIGHTING])
    visit = visits[-1] if which == "last visit" else visits[0]
    dialog = open_visit(qtbot, demo, visit)
    expected: Expected = set()

    def act() -> None:
        expected.update(VISIT_FIELDS[field](qtbot, dialog, visit))
        save_visit(qtbot, dialog)

    diff = changed_by(demo, act)
    assert {(t, r, f) for t, r, f in diff} == expected


def test_another_organization_changes_the_visit_org_and_its_chain(qtbot, demo, ids) -> None:
    visit = visit_ids(demo, ids[ASSOCIATION])[0]
    dialog = open_visit(qtbot, demo, visit)
    assert dialog._loaded is not None and dialog._loaded.data.project_id is None
    met = dialog._loaded.data.contact_ids  # the old organization's people cannot stay

    def act() -> None:
        picker = dialog.form.org_picker
        replace_text(qtbot, picker.edit, "")
        type_text(qtbot, picker.edit, LOGISTICS)
        picker.refresh()
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
        assert picker.org_id() == ids[LOGISTICS]
        save_visit(qtbot, dialog)

    diff = changed_by(demo, act)
    dropped = {("visit_contact", str(pair_id(visit, c)), "deleted") for c in met}
    assert set(diff) - dropped <= {("visit", str(visit), f) for f in ("org_id", "chain_id")}
    assert ("visit", str(visit), "org_id") in diff and dropped <= set(diff)


# -- projects -----------------------------------------------------------------------------


def _tab(d: ProjectDialog, widget: Any) -> Any:
    """Show the tab holding `widget` (a user reaches it so) and hand the widget back."""
    d.tabs.setCurrentWidget(d.assessment)
    return widget


#: The dialog's day: after every demo progress date, so a new progress note is dated anew.
DIALOG_DAY = date(2020, 4, 24)

PROJECT_FIELDS: dict[str, tuple[set[str], Callable[[Any, ProjectDialog], None]]] = {
    "name": ({"name"}, lambda q, d: append_text(q, d.name, "二期")),
    "role": ({"chain_role"}, lambda q, d: choose_other(q, d.role)),
    "planned": ({"planned_yuan"}, lambda q, d: replace_text(q, d.planned, "1234.5")),
    "county": ({"landing_county_id"}, lambda q, d: choose_other(q, d.county)),
    "owner": ({"owner_id"}, lambda q, d: choose_other(q, d.owner)),
    "group": ({"group_id"}, lambda q, d: choose_other(q, d.group)),
    # A new progress note is dated on the day it is written.
    "progress": (
        {"progress", "progress_on"},
        lambda q, d: append_text(q, d.progress, "已完成考察"),
    ),
    "progress date": (
        {"progress_on"},
        lambda q, d: replace_text(q, d.progress_on, "2020-04-01"),
    ),
    "problems": ({"problems"}, lambda q, d: append_text(q, d.problems, "用地指标待定")),
    "next step": ({"next_step"}, lambda q, d: append_text(q, d.next_step, "约谈董事长")),
    "follow-up": ({"next_follow_up"}, lambda q, d: replace_text(q, d.follow_up, "2020-06-01")),
    "kind": ({"kind"}, lambda q, d: choose_other(q, _tab(d, d.assessment.kind))),
    "origin": ({"origin_id"}, lambda q, d: choose_other(q, _tab(d, d.assessment.origin))),
    "contact": (
        {"contact_id"},
        lambda q, d: choose_other(q, _tab(d, d.assessment.contact), skip_empty=False),
    ),
    "content": (
        {"content"},
        lambda q, d: append_text(q, _tab(d, d.assessment.content), "扩建二号厂房"),
    ),
    "demands": (
        {"demands"},
        lambda q, d: append_text(q, _tab(d, d.assessment.demands), "希望协调用电增容"),
    ),
}
#: 入库 and 入规 of the signed, started LED project.
MILESTONE_FIELDS: dict[str, tuple[set[str], Callable[[Any, ProjectDialog], None]]] = {
    "stats": (
        {"stats_on"},
        lambda q, d: replace_text(q, _tab(d, d.assessment.stats_on), "2020-04-21"),
    ),
    "scale": (
        {"above_scale_on"},
        lambda q, d: replace_text(q, _tab(d, d.assessment.above_scale_on), "2020-04-23"),
    ),
}


def _one_project_field(qtbot, demo: Database, record: uuid.UUID, expected, change) -> None:
    dialog = ProjectDialog(demo, record, today=DIALOG_DAY)
    qtbot.addWidget(dialog)
    dialog.show()

    def act() -> None:
        change(qtbot, dialog)
        press(qtbot, save_button(dialog))
        assert dialog.message.text() == ""

    diff = changed_by(demo, act)
    assert fields_of(diff, "project", record) == expected


@pytest.mark.parametrize("project", [LIGHTING_PROJECT, LED_PROJECT], ids=["lighting", "led"])
@pytest.mark.parametrize("field", list(PROJECT_FIELDS))
def test_one_project_field(qtbot, demo: Database, ids, project: str, field: str) -> None:
    _one_project_field(qtbot, demo, ids[project], *PROJECT_FIELDS[field])


@pytest.mark.parametrize("field", list(MILESTONE_FIELDS))
def test_one_milestone_field(qtbot, demo: Database, ids, field: str) -> None:
    _one_project_field(qtbot, demo, ids[LED_PROJECT], *MILESTONE_FIELDS[field])
