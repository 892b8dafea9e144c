"""Several users of one SQLite file at once — the window, another window, a command line: what
the others change shows in the window without a restart (read when the window is activated and
every few seconds), and an edit form open meanwhile keeps its user's typing and, saved, writes
only what its user changed."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync_review
from fieldlog.services.orgs import org_directory, orgs
from fieldlog.services.orgs.org_edits import OrgEdit
from fieldlog.services.projects import project_edits, projects
from fieldlog.services.team import team
from fieldlog.services.visits.visit_entry import EntryChange, load_visit
from fieldlog.services.visits.visits import VisitInput, save_visit
from fieldlog.store.database import Database
from fieldlog.store.models import Organization, Project, Visit
from fieldlog.ui import operations
from fieldlog.ui.change_watch import POLL_MS
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.org_dialog import OrgDialog
from fieldlog.ui.dialogs.project_dialog import ProjectDialog
from fieldlog.ui.dialogs.visit_dialog import VisitDialog
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.navigator import Page
from fieldlog.ui.undo import undo_stack
from tests.conftest import reopen
from tests.records import fetch
from tests.ui.edit_driver import append_text, press, replace_text, save_button, type_text

FIRST_ORG = "深圳市德润物流有限公司"
NEWCOMER = "深圳市新来物流有限公司"


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """Another user of the same file: a handle (engine, connections) of its own."""
    assert db.path is not None
    team.save_team(db, team.TeamInput("测试工作队"))
    orgs.save_org(db, orgs.OrgInput(FIRST_ORG))
    second = reopen(db.path)
    yield second
    second.close()


@pytest.fixture
def window(qtbot, db: Database, other: Database) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.show_page(Page.ORGS)
    return win


def org_names(window: MainWindow) -> list[str]:
    model = window.orgs_view.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def activate(window: MainWindow) -> None:
    """What the window gets when the user comes back to it."""
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))


def org_id(db: Database, name: str) -> uuid.UUID:
    with db.read() as session:
        found = orgs.find_by_name(session, name)
        assert found is not None
        return found.id


def test_a_change_made_by_another_user_shows_when_the_window_is_activated(
    window: MainWindow, other: Database
) -> None:
    assert org_names(window) == [FIRST_ORG]
    orgs.save_org(other, orgs.OrgInput(NEWCOMER))
    assert NEWCOMER not in org_names(window)  # nothing told this window yet
    activate(window)
    assert sorted(org_names(window)) == sorted([FIRST_ORG, NEWCOMER])


def test_the_window_reads_the_counter_on_a_timer_and_announces_only_a_change(
    window: MainWindow, other: Database
) -> None:
    watch = window.change_watch
    assert watch.timer.isActive() and watch.timer.interval() == POLL_MS
    assert not watch.poll()  # nothing changed: nothing announced, nothing reloaded
    orgs.save_org(other, orgs.OrgInput(NEWCOMER))
    assert watch.poll()
    assert NEWCOMER in org_names(window)
    assert not watch.poll()


def test_a_local_save_is_announced_once(window: MainWindow, db: Database) -> None:
    announced: list[Changes] = []
    operations.changes().changes_applied.connect(announced.append)
    operations.run(window, Changes.of(Kind.ORG), orgs.save_org, db, orgs.OrgInput(NEWCOMER))
    assert not window.change_watch.poll()  # the counter moved by this window's own save
    assert announced == [Changes.of(Kind.ORG)]
    assert NEWCOMER in org_names(window)


def _orgs_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "联系电话"])
    sheet.append([NEWCOMER, "0755-86001234"])
    book.save(path)
    return path


def test_an_import_on_the_command_line_shows_in_the_open_window(
    window: MainWindow, db: Database, tmp_path: Path
) -> None:
    assert db.path is not None
    workbook = _orgs_workbook(tmp_path / "targets.xlsx")
    other_closed = subprocess.run(
        [sys.executable, "-m", "fieldlog", "--db", str(db.path), "import", "orgs", str(workbook)],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "en_US.UTF-8"},
        timeout=120,
    )
    assert other_closed.returncode == 0, other_closed.stderr
    assert NEWCOMER not in org_names(window)
    activate(window)
    assert NEWCOMER in org_names(window)


def test_the_org_dialog_saves_its_address_over_a_phone_another_user_changed(
    qtbot, window: MainWindow, db: Database, other: Database
) -> None:
    first = org_id(db, FIRST_ORG)
    dialog = OrgDialog(db, first, window)
    qtbot.addWidget(dialog)
    dialog.show()
    loaded = org_directory.org_form(other, first)
    assert loaded is not None
    OrgEdit(replace(loaded[0], phone="0755-86001234"), loaded[0], first).apply(other)
    activate(window)  # the pages refresh; the open form is left as its user has it
    assert dialog.phone_edit.text() == ""
    type_text(qtbot, dialog.address_edit, "深圳市南山区科技园")
    press(qtbot, save_button(dialog))
    org = fetch(other, Organization, first)
    assert (org.phone, org.address) == ("0755-86001234", "深圳市南山区科技园")
    assert sync_review.conflicts(db) == []


def test_the_org_dialog_wins_a_phone_changed_twice_and_the_other_is_logged(
    qtbot, window: MainWindow, db: Database, other: Database
) -> None:
    first = org_id(db, FIRST_ORG)
    dialog = OrgDialog(db, first, window)
    qtbot.addWidget(dialog)
    dialog.show()
    loaded = org_directory.org_form(other, first)
    assert loaded is not None
    OrgEdit(replace(loaded[0], phone="0755-86001234"), loaded[0], first).apply(other)
    replace_text(qtbot, dialog.phone_edit, "0755-26009999")
    press(qtbot, save_button(dialog))
    assert fetch(other, Organization, first).phone == "0755-26009999"
    [conflict] = sync_review.conflicts(other)
    assert (conflict.field, conflict.winner_value, conflict.loser_value) == (
        "phone",
        "0755-26009999",
        "0755-86001234",
    )
    window.show_sync_page()  # the team leader's review: one click puts the other value back
    view = window.sync_view
    assert view.conflicts.rowCount() == 1
    assert view.conflicts.item(0, 6).text() == ""  # met on this database, not in a package
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    assert fetch(other, Organization, first).phone == "0755-86001234"


def test_the_project_dialog_keeps_the_typing_when_another_user_saves(
    qtbot, window: MainWindow, db: Database, other: Database
) -> None:
    investor = org_id(db, FIRST_ORG)
    data = projects.ProjectInput("物流园区项目", investor_id=investor)
    project_id = projects.open_project(db, data, on=date(2020, 3, 25))
    dialog = ProjectDialog(db, project_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.progress, "已考察")
    loaded = project_edits.project_form(other, project_id)
    project_edits.edit_project(
        other, project_id, replace(loaded, problems="用地指标待落实"), loaded
    )
    activate(window)  # announced: the dialog reloads its other tabs, not the form being typed
    assert dialog.progress.toPlainText() == "已考察"
    assert dialog.problems.toPlainText() == ""
    assert dialog.save()
    project = fetch(other, Project, project_id)
    assert (project.progress, project.problems) == ("已考察", "用地指标待落实")
    assert dialog.problems.toPlainText() == "用地指标待落实"  # saved: the form shows both again


def test_undo_of_the_org_dialog_save_keeps_the_phone_another_user_changed(
    qtbot, window: MainWindow, db: Database, other: Database
) -> None:
    first = org_id(db, FIRST_ORG)
    dialog = OrgDialog(db, first, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.address_edit, "深圳市南山区科技园")
    press(qtbot, save_button(dialog))
    loaded = org_directory.org_form(other, first)
    assert loaded is not None
    OrgEdit(replace(loaded[0], phone="0755-86001234"), loaded[0], first).apply(other)
    undo_stack().undo()  # Edit ▸ Undo in this window: its own change only
    org = fetch(other, Organization, first)
    assert (org.phone, org.address) == ("0755-86001234", "")
    undo_stack().redo()
    org = fetch(other, Organization, first)
    assert (org.phone, org.address) == ("0755-86001234", "深圳市南山区科技园")


def test_the_visit_dialog_saves_its_summary_over_a_follow_up_another_user_set(
    qtbot, window: MainWindow, db: Database, other: Database
) -> None:
    member = team.save_member(db, team.MemberInput("李娜"))
    first = org_id(db, FIRST_ORG)
    visit_id = save_visit(db, VisitInput(date(2020, 3, 25), first, [member], summary="初次拜访"))
    dialog = VisitDialog(db, window, visit_id=visit_id)
    qtbot.addWidget(dialog)
    dialog.show()
    loaded = load_visit(other, visit_id).data
    EntryChange(
        other, replace(loaded, next_follow_up=date(2020, 4, 1)), visit_id=visit_id, previous=loaded
    ).do()
    append_text(qtbot, dialog.form.summary, "，谈物流园区")
    press(qtbot, save_button(dialog))
    visit = fetch(other, Visit, visit_id)
    assert (visit.summary, visit.next_follow_up) == ("初次拜访，谈物流园区", date(2020, 4, 1))


def test_a_window_over_a_server_database_shows_what_another_user_saved(qtbot, pg_url: str) -> None:
    shared, second = open_workspace(pg_url), open_workspace(pg_url)
    try:
        team.save_team(shared, team.TeamInput("测试工作队"))
        orgs.save_org(shared, orgs.OrgInput(FIRST_ORG))
        win = MainWindow(shared)
        qtbot.addWidget(win)
        win.show()
        win.show_page(Page.ORGS)
        orgs.save_org(second, orgs.OrgInput(NEWCOMER))
        assert NEWCOMER not in org_names(win)
        activate(win)
        assert NEWCOMER in org_names(win)
        win.close()
    finally:
        second.close()
        shared.close()


def test_two_windows_each_save_the_org_form_and_both_changes_stay(
    qtbot, window: MainWindow, db: Database, other: Database
) -> None:
    second = MainWindow(other)
    qtbot.addWidget(second)
    second.show()
    first = org_id(db, FIRST_ORG)
    mine, theirs = OrgDialog(db, first, window), OrgDialog(other, first, second)
    for dialog in (mine, theirs):
        qtbot.addWidget(dialog)
        dialog.show()
    replace_text(qtbot, theirs.phone_edit, "0755-86001234")
    press(qtbot, save_button(theirs))
    type_text(qtbot, mine.address_edit, "深圳市南山区科技园")
    press(qtbot, save_button(mine))
    org = fetch(db, Organization, first)
    assert (org.phone, org.address) == ("0755-86001234", "深圳市南山区科技园")

    unchanged = OrgDialog(db, first, window)  # opened, then the other window saves again
    qtbot.addWidget(unchanged)
    again = OrgDialog(other, first, second)
    qtbot.addWidget(again)
    replace_text(qtbot, again.phone_edit, "0755-26009999")
    press(qtbot, save_button(again))
    before = digest(db)
    press(qtbot, save_button(unchanged))  # saved as loaded: writes nothing, reverts nothing
    assert digest(db) == before
    assert fetch(db, Organization, first).phone == "0755-26009999"
    second.close()
