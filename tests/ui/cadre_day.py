"""The steps of a cadre's workday through the main window (tests/ui/test_journey_cadre.py).

Each step acts through the window as a cadre would and then checks, field by field, exactly what
it changed (`journey_steps.Journal`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu
from sqlalchemy import select

from fieldlog.domain.period import IsoWeek
from fieldlog.domain.stages import Stage
from fieldlog.store.database import Database
from fieldlog.store.models import Organization, Project, Visit
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.widgets.project_card import ProjectCardWidget

from . import journey_steps as steps
from .journey_steps import Journal

#: The new visit is dated in the demo's last week, so the weekly return of that week counts it.
VISIT_DAY = date(2020, 4, 21)
WEEK = IsoWeek.of(VISIT_DAY)
REDO = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@dataclass
class Day:
    """The cadre's window, the journal of the data, and what the day has made so far."""

    qtbot: object
    win: MainWindow
    db: Database
    journal: Journal
    tmp: Path
    made: dict[str, uuid.UUID] = field(default_factory=dict)


def first_row(db: Database, query) -> object:
    with db.read() as session:
        found = session.execute(query).first()
    assert found is not None, query
    return found


# --- the steps of the day ------------------------------------------------------------------------


def log_new_visit(d: Day) -> None:
    """A visit logged by keyboard alone (journey_steps.log_visit)."""
    org_id, org_name = first_row(
        d.db,
        select(Organization.id, Organization.name)
        .where(Organization.kind == "enterprise", Organization.deleted.is_(False))
        .order_by(Organization.name),
    )
    steps.log_visit(d.qtbot, d.win, org_name, VISIT_DAY, "了解新建仓储需求")
    made = d.journal.changed("new visit", {}, new={"visit": 1, "visit_visitor": 1})
    [visit] = made["visit"]
    assert (visit["org_id"], visit["visited_on"]) == (str(org_id), VISIT_DAY.isoformat())
    assert visit["summary"] == "了解新建仓储需求" and visit["project_id"] is None
    d.made["visit"], d.made["visit_org"] = uuid.UUID(visit["id"]), org_id
    d.made["visit_org_name"] = org_name  # type: ignore[assignment]


def correct_new_visit(d: Day) -> None:
    """Re-open the visit just logged from the log, add to its summary, save."""
    visit = d.made["visit"]
    steps.select_visit(d.win, visit, str(d.made["visit_org_name"]))
    dialog = steps.edit_selected_visit(d.qtbot, d.win)
    assert dialog.form.summary.toPlainText() == "了解新建仓储需求"
    dialog.form.summary.setFocus()
    dialog.form.summary.moveCursor(dialog.form.summary.textCursor().MoveOperation.End)
    steps.type_chinese(dialog.form.summary, "，约下周考察")
    d.qtbot.mouseClick(steps.save_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    d.journal.changed("edit summary", {("visit", visit): {"summary"}})
    assert d.journal.value("visit", visit, "summary") == "了解新建仓储需求，约下周考察"


def save_visit_unchanged(d: Day) -> None:
    """Open the new visit and save it as it is: nothing changes."""
    steps.select_visit(d.win, d.made["visit"], str(d.made["visit_org_name"]))
    dialog = steps.edit_selected_visit(d.qtbot, d.win)
    d.qtbot.mouseClick(steps.save_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    d.journal.unchanged("visit saved unchanged")


def cancel_edits(d: Day) -> None:
    """Type into the visit and the organization, then Cancel: nothing changes."""
    steps.select_visit(d.win, d.made["visit"], str(d.made["visit_org_name"]))
    dialog = steps.edit_selected_visit(d.qtbot, d.win)
    dialog.form.summary.setFocus()
    steps.type_chinese(dialog.form.summary, "不保存")
    steps.cancel_visit(d.qtbot, dialog)
    d.journal.unchanged("visit edit cancelled")
    dialog = steps.edit_org(d.win, d.made["visit_org"])
    d.qtbot.keyClicks(dialog.phone_edit, "123")
    dialog.reject()
    d.journal.unchanged("organization edit cancelled")


def edit_linked_visit(d: Day) -> None:
    """Re-open a visit linked to a project and change only its summary: the link stays."""
    visit, project, org_name = first_row(
        d.db,
        select(Visit.id, Visit.project_id, Organization.name)
        .join(Organization, Organization.id == Visit.org_id)
        .where(Visit.project_id.is_not(None), Visit.deleted.is_(False))
        .order_by(Visit.visited_on.desc()),
    )
    steps.select_visit(d.win, visit, org_name)
    dialog = steps.edit_selected_visit(d.qtbot, d.win)
    dialog.form.summary.setFocus()
    dialog.form.summary.selectAll()
    steps.type_chinese(dialog.form.summary, "项目方确认下月签约")
    d.qtbot.mouseClick(steps.save_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    d.journal.changed("edit linked visit", {("visit", visit): {"summary"}})
    assert d.journal.value("visit", visit, "project_id") == str(project)


def edit_org_phone(d: Day) -> None:
    """An organization with a chain and a link: saved as it is, nothing changes; then only its
    phone is changed."""
    org, chain, link = first_row(
        d.db,
        select(Organization.id, Organization.chain_id, Organization.link_id)
        .where(Organization.link_id.is_not(None), Organization.deleted.is_(False))
        .order_by(Organization.name),
    )
    dialog = steps.edit_org(d.win, org)
    d.qtbot.mouseClick(steps.save_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    d.journal.unchanged("organization saved unchanged")
    steps.set_org_phone(d.qtbot, d.win, org, "0755-26543210")
    d.journal.changed("edit phone", {("organization", org): {"phone"}})
    assert d.journal.value("organization", org, "phone") == "0755-26543210"
    assert d.journal.value("organization", org, "chain_id") == str(chain)
    assert d.journal.value("organization", org, "link_id") == str(link)


def _card(d: Day, stage: Stage) -> ProjectCardWidget:
    board = d.win.pipeline
    cards = board.columns[stage].findChildren(ProjectCardWidget)
    return sorted(cards, key=lambda c: c.card.name)[0]


def move_a_project(d: Day) -> None:
    """On the board, a lead moves to the next stage by its card's menu."""
    d.win.show_page(2)
    card = _card(d, Stage.LEAD)
    project = card.card.id
    target = Stage.NEGOTIATING  # the stage after 线索
    menu = card.move_menu().findChild(QMenu, "moveToMenu")
    [move] = [a for a in menu.actions() if a.data() == target.value]
    move.trigger()
    made = d.journal.changed("move stage", {}, new={"stage_event": 1})
    [event] = made["stage_event"]
    assert (event["project_id"], event["stage"]) == (str(project), target.value)
    assert d.win.pipeline.stage_of(project) == target


def sign_a_project(d: Day) -> None:
    """An inspected project into 签约: the signing dialog asks its date, amount and form."""
    board = d.win.pipeline
    card = _card(d, Stage.INSPECTED)
    project = card.card.id
    assert not board.move_card(project, Stage.SIGNED)
    dialog = board.signing_dialog
    assert dialog is not None and dialog.isVisible()
    d.journal.unchanged("signing dialog open")
    d.qtbot.keyClicks(dialog.amount_edit, "12000")
    dialog.form_combo.setCurrentIndex(dialog.form_combo.count() - 1)
    sign_form = dialog.form_combo.currentData()
    signed_on = dialog.date_edit.date().toPython()
    d.qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    made = d.journal.changed(
        "signing",
        {("project", project): {"contract_yuan", "sign_form_id", "signed_on"}},
        new={"stage_event": 1},
    )
    assert made["stage_event"][0]["stage"] == Stage.SIGNED.value
    assert d.journal.value("project", project, "contract_yuan") == 120_000_000
    assert d.journal.value("project", project, "sign_form_id") == _catalog_id(d, sign_form)
    assert d.journal.value("project", project, "signed_on") == signed_on.isoformat()
    assert board.stage_of(project) == Stage.SIGNED
    d.made["signed"] = project


def _catalog_id(d: Day, name: str) -> str:
    from fieldlog.store.models import CatalogItem

    return str(first_row(d.db, select(CatalogItem.id).where(CatalogItem.name == name))[0])


def add_undo_redo_tranche(d: Day) -> None:
    """Funds in place on the signed project; Ctrl+Z takes the tranche back, redo returns it."""
    project = (
        d.made.get("signed")
        or first_row(
            d.db, select(Project.id).where(Project.signed_on.is_not(None)).order_by(Project.name)
        )[0]
    )
    dialog = steps.open_project(d.win, project)
    steps.activate(d.qtbot, dialog)
    funds = dialog.funds
    dialog.tabs.setCurrentWidget(funds)
    funds.amount.setFocus()  # received today, the date the form proposes
    d.qtbot.keyClicks(funds.amount, "3000")
    d.qtbot.keyClick(funds.amount, Qt.Key.Key_Return)
    assert funds.message.text() == ""
    made = d.journal.changed("add tranche", {}, new={"funds_tranche": 1})
    [tranche] = made["funds_tranche"]
    assert (tranche["project_id"], tranche["amount_yuan"]) == (str(project), 30_000_000)
    tranche_id = tranche["id"]
    funds.table.setFocus()
    d.qtbot.keyClick(funds.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    d.journal.changed("undo tranche", {("funds_tranche", tranche_id): {"deleted"}})
    assert d.journal.value("funds_tranche", tranche_id, "deleted") is True
    dialog.close()
    # Redo is bound on the main window (Edit ▸ Redo: Ctrl+Shift+Z and Ctrl+Y).
    steps.activate(d.qtbot, d.win)
    d.qtbot.keyClick(d.win, Qt.Key.Key_Z, REDO)
    d.journal.changed("redo tranche", {("funds_tranche", tranche_id): {"deleted"}})
    assert d.journal.value("funds_tranche", tranche_id, "deleted") is False
    d.qtbot.keyClick(d.win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    d.journal.changed("undo again", {("funds_tranche", tranche_id): {"deleted"}})
    d.qtbot.keyClick(d.win, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    d.journal.changed("redo by Ctrl+Y", {("funds_tranche", tranche_id): {"deleted"}})
    assert d.journal.value("funds_tranche", tranche_id, "deleted") is False
    d.qtbot.keyClick(d.win, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    d.journal.unchanged("nothing left to redo")


def export_weekly_return(d: Day, monkeypatch, *, visits_added: int) -> None:
    """Ctrl+E, the week of the new visit, Export…: 走访次数 本周 and 累计 count it."""
    from fieldlog.domain.period import Period
    from fieldlog.services.reports import stats

    chosen = d.tmp / "周报.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen), ""))
    steps.activate(d.qtbot, d.win)
    d.qtbot.keyClick(d.win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = steps.open_dialog(d.win, "exportDialog")
    dialog.year_spin.setValue(WEEK.year)
    dialog.week_spin.setValue(WEEK.week)
    d.qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.written == chosen
    d.journal.unchanged("export")
    rows = {row[0]: row for row in load_workbook(chosen)["汇总"].iter_rows(values_only=True)}
    week_count, cumulative = rows["走访次数（次）"][1], rows["走访次数（次）"][3]
    demo_week = _demo_visits(d, WEEK.period)
    demo_all = _demo_visits(d, Period(date(2020, 3, 23), WEEK.sunday))
    assert (week_count, cumulative) == (demo_week + visits_added, demo_all + visits_added)
    assert stats.compute(d.db, WEEK.period).visits == week_count
    dialog.close()


def _demo_visits(d: Day, period) -> int:
    """Visits of the demo itself in a period (what the day's new visit is added to)."""
    with d.db.read() as session:
        query = select(Visit.id).where(
            Visit.visited_on.between(period.start, period.end),
            Visit.deleted.is_(False),
            Visit.id != d.made.get("visit", uuid.UUID(int=0)),
        )
        return len(session.execute(query).all())
