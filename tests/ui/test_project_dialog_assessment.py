"""The project dialog's Assessment and lead tab and its coordination matters, driven on real demo
records: the verdict following kind and origin, refusals inline with nothing changed, an unknown
kind kept, matters added, edited, resolved, reopened and deleted, each undoable."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from fieldlog.services.projects import coordination
from fieldlog.store.database import Database
from fieldlog.store.models import Contact, Project
from fieldlog.ui.dialogs.project_dialog import ProjectDialog
from fieldlog.ui.undo import undo_stack
from fieldlog.ui.widgets.coordination_table import MatterDialog

from ..field_dump import db_digest, field_diff, field_dump, history_count
from ..records import fetch
from .edit_driver import append_text, choose, press, replace_text, save_button, type_text

pytestmark = pytest.mark.slow

LED_PROJECT = "星越LED智能照明灯具生产基地项目"  # signed 5亿元, new, 省外, started
LIGHTING_PROJECT = "通汇户外照明灯具生产项目"  # a lead
DAY = date(2020, 4, 24)


@pytest.fixture(autouse=True)
def no_modal_warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def _id(db: Database, name: str) -> uuid.UUID:
    with db.read() as session:
        return session.execute(select(Project.id).where(Project.name == name)).scalar_one()


def _open(qtbot, db: Database, name: str) -> ProjectDialog:
    dialog = ProjectDialog(db, _id(db, name), today=DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.assessment)
    return dialog


class Unchanged:
    """Every field, the digest and the history as they were."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.dump, self.digest, self.history = field_dump(db), db_digest(db), history_count(db)

    def check(self) -> None:
        assert field_diff(self.dump, field_dump(self.db)) == {}
        assert (db_digest(self.db), history_count(self.db)) == (self.digest, self.history)


def test_the_new_fields_are_found_by_name(qtbot, demo_copy: Database) -> None:
    dialog = _open(qtbot, demo_copy, LED_PROJECT)
    for name in (
        "kind_combo",
        "origin_combo",
        "stats_on_edit",
        "above_scale_on_edit",
        "content_edit",
        "demands_edit",
        "contact_combo",
        "assessment_label",
        "coordination_table",
    ):
        assert dialog.findChild(object, name) is not None, name
    tab = dialog.assessment
    assert (
        tab.kind.currentText() == "New" and tab.origin.currentText() == "From outside the province"
    )
    assert tab.content.toPlainText().startswith("在碧江区建设LED智能照明灯具生产基地")
    assert tab.stats_on.text() == "2020-04-15" and tab.above_scale_on.text() == ""


def test_the_verdict_follows_kind_and_origin(qtbot, demo_copy: Database) -> None:
    dialog = _open(qtbot, demo_copy, LED_PROJECT)
    tab, pid = dialog.assessment, _id(demo_copy, LED_PROJECT)
    assert tab.verdict.text() == "Counted in the assessment"
    choose(qtbot, tab.origin, "Investment by local enterprises")
    expected = "Not counted: funds from Investment by local enterprises are not counted"
    assert tab.verdict.text() == expected
    choose(qtbot, tab.origin, "From outside the province")
    choose(qtbot, tab.kind, "Capital increase")
    assert tab.verdict.text() == "Counted in the assessment"  # 5亿 is over the 5000万 minimum
    press(qtbot, save_button(dialog))
    assert dialog.message.text() == "" and fetch(demo_copy, Project, pid).kind == "capital_increase"
    undo_stack().undo()
    assert fetch(demo_copy, Project, pid).kind == "new" and tab.kind.currentText() == "New"


def test_an_unsigned_lead_is_not_counted(qtbot, demo_copy: Database) -> None:
    dialog = _open(qtbot, demo_copy, LIGHTING_PROJECT)
    assert dialog.assessment.verdict.text() == "Not counted: not signed"


def test_an_unknown_kind_survives_an_unchanged_save(qtbot, demo_copy: Database) -> None:
    pid = _id(demo_copy, LED_PROJECT)
    with demo_copy.begin() as session:
        session.get(Project, pid).kind = "relocation"  # a newer FieldLog's kind
    before = Unchanged(demo_copy)
    dialog = _open(qtbot, demo_copy, LED_PROJECT)
    tab = dialog.assessment
    assert tab.kind.currentText() == "Unknown (relocation)"
    assert tab.verdict.text() == "Not counted: project kind 未知（relocation） is unknown"
    press(qtbot, save_button(dialog))
    before.check()
    append_text(qtbot, tab.demands, "希望协调用电增容")  # another field's change keeps it too
    press(qtbot, save_button(dialog))
    stored = fetch(demo_copy, Project, pid)
    assert stored.kind == "relocation" and stored.demands.endswith("希望协调用电增容")


@pytest.mark.parametrize(
    ("project", "field", "typed", "message"),
    [
        (
            LED_PROJECT,
            "stats_on",
            "2020-03-01",
            "the statistics entry date (入库) 2020-03-01 is before the signing (2020-03-27)",
        ),
        (
            LIGHTING_PROJECT,
            "above_scale_on",
            "2020-04-20",
            "the above-scale date (入规) can only be recorded for a signed project",
        ),
        (
            LED_PROJECT,
            "above_scale_on",
            "2020-13-01",
            "Above scale (入规): write the date as yyyy-mm-dd",
        ),
    ],
    ids=["before-signing", "unsigned", "not-a-date"],
)
def test_bad_milestones_are_refused_inline(
    qtbot, demo_copy: Database, project, field, typed, message, no_modal_warnings
) -> None:
    dialog = _open(qtbot, demo_copy, project)
    before = Unchanged(demo_copy)
    replace_text(qtbot, getattr(dialog.assessment, field), typed)
    press(qtbot, save_button(dialog))
    assert dialog.message.text() == _signed_day(demo_copy, project, message)
    assert not dialog.message.isHidden() and no_modal_warnings == []
    before.check()


def _signed_day(db: Database, project: str, message: str) -> str:
    """The message with the demo's real signing date of the project."""
    signed = fetch(db, Project, _id(db, project)).signed_on
    return message.replace("2020-03-27", signed.isoformat()) if signed else message


def test_a_contact_is_one_of_the_investors(qtbot, demo_copy: Database) -> None:
    dialog = _open(qtbot, demo_copy, LED_PROJECT)
    pid = _id(demo_copy, LED_PROJECT)
    investor = fetch(demo_copy, Project, pid).investor_id
    with demo_copy.read() as session:
        names = session.execute(
            select(Contact.name).where(Contact.org_id == investor, Contact.deleted.is_(False))
        ).scalars()
        expected = sorted(names)
    combo = dialog.assessment.contact
    assert sorted(combo.itemText(i) for i in range(1, combo.count())) == expected
    choose(qtbot, combo, "")
    press(qtbot, save_button(dialog))
    assert fetch(demo_copy, Project, pid).contact_id is None


def test_a_progress_note_is_dated_and_undone_with_it(qtbot, demo_copy: Database) -> None:
    dialog = _open(qtbot, demo_copy, LED_PROJECT)
    pid = _id(demo_copy, LED_PROJECT)
    old = fetch(demo_copy, Project, pid).progress_on
    dialog.tabs.setCurrentIndex(0)
    type_text(qtbot, dialog.progress, "设备已全部进场。")
    press(qtbot, save_button(dialog))
    assert fetch(demo_copy, Project, pid).progress_on == DAY
    assert dialog.progress_on.text() == DAY.isoformat()
    undo_stack().undo()
    assert fetch(demo_copy, Project, pid).progress_on == old
    assert dialog.progress_on.text() == old.isoformat()


# -- coordination matters -------------------------------------------------------------------


def _matter_dialog(dialog: ProjectDialog) -> MatterDialog:
    found = dialog.coordination.matter_dialog
    assert found is not None and found.isVisible()
    return found


def test_matters_added_edited_resolved_reopened_deleted(qtbot, demo_copy: Database) -> None:
    dialog = _open(qtbot, demo_copy, LED_PROJECT)
    panel, pid = dialog.coordination, _id(demo_copy, LED_PROJECT)
    dialog.tabs.setCurrentWidget(panel)
    rows = panel.table.rowCount()
    press(qtbot, panel.add_button)
    form = _matter_dialog(dialog)
    type_text(qtbot, form.matter, "厂房消防验收需协调加快办理")
    type_text(qtbot, form.owner, "碧江区消防救援大队")
    replace_text(qtbot, form.due, "2020-04-30")
    press(qtbot, form.save_button)
    assert not form.isVisible() and panel.table.rowCount() == rows + 1
    [added] = [m for m in coordination.matters_of(demo_copy, pid) if "消防" in m.matter]
    assert (added.owner, added.due_on, added.status) == (
        "碧江区消防救援大队",
        date(2020, 4, 30),
        "open",
    )
    panel.table.selectRow([m.id for m in panel.rows].index(added.id))
    press(qtbot, panel.edit_button)
    form = _matter_dialog(dialog)
    type_text(qtbot, form.note, "已报市消防支队")
    press(qtbot, form.save_button)
    assert panel.selected().note == "已报市消防支队"
    press(qtbot, panel.resolve_button)
    assert panel.selected().status == "resolved" and panel.selected().resolved_on == DAY
    assert not panel.resolve_button.isEnabled() and panel.reopen_button.isEnabled()
    press(qtbot, panel.reopen_button)
    assert panel.selected().status == "open" and panel.selected().resolved_on is None
    undo_stack().undo()  # the reopen
    assert panel.selected().status == "resolved"
    press(qtbot, panel.delete_button)
    assert panel.table.rowCount() == rows
    undo_stack().undo()
    assert panel.table.rowCount() == rows + 1


@pytest.mark.parametrize(
    ("matter", "due", "message"),
    [
        ("", "", "matter is required"),
        ("用地", "30/04/2020", "Deadline: write the date as yyyy-mm-dd"),
    ],
    ids=["empty", "bad-deadline"],
)
def test_a_bad_matter_is_refused_inline(
    qtbot, demo_copy: Database, matter, due, message, no_modal_warnings
) -> None:
    dialog = _open(qtbot, demo_copy, LED_PROJECT)
    before = Unchanged(demo_copy)
    press(qtbot, dialog.coordination.add_button)
    form = _matter_dialog(dialog)
    type_text(qtbot, form.matter, matter)
    type_text(qtbot, form.due, due)
    press(qtbot, form.save_button)
    assert form.isVisible() and form.message.text() == message
    assert not form.message.isHidden() and no_modal_warnings == []
    before.check()
