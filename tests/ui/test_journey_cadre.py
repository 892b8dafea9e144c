"""A cadre's workday through the real main window, on the demo dispatch.

Each part of the day is a step function over one open window; after every step the field-level
diff of the whole database says exactly which fields of which records changed (and nothing
else), and a step that should change nothing leaves the digest equal. The parts run as tests of
their own (each on a fresh copy of the demo), and `test_the_whole_day` runs them one after another
on one window.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.team import identity
from fieldlog.store.models import Member, Project
from fieldlog.ui.main_window import MainWindow

from . import journey_steps as steps
from .cadre_day import (
    REDO,
    Day,
    add_undo_redo_tranche,
    cancel_edits,
    correct_new_visit,
    edit_linked_visit,
    edit_org_phone,
    export_weekly_return,
    first_row,
    log_new_visit,
    move_a_project,
    save_visit_unchanged,
    sign_a_project,
)
from .journey_steps import Journal


@pytest.fixture
def day(qtbot, demo_database_file: Path, tmp_path: Path, monkeypatch) -> Iterator[Day]:
    path = tmp_path / "cadre.db"
    shutil.copyfile(demo_database_file, path)
    db = open_workspace(str(path))
    with db.read() as session:  # the cadre chose who they are on this laptop
        me = session.scalars(select(Member.id).order_by(Member.name)).first()
    identity.set_me(db, me)
    monkeypatch.setattr(QMessageBox, "warning", _unexpected_warning)
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    steps.activate(qtbot, win)
    yield Day(qtbot, win, db, Journal(db), tmp_path)
    win.close()
    db.close()


def _unexpected_warning(_parent, _title, text, *_args, **_kwargs):
    raise AssertionError(f"unexpected warning: {text}")


# --- the day as tests ----------------------------------------------------------------------------


def test_a_visit_logged_by_keyboard_and_corrected(day: Day) -> None:
    log_new_visit(day)
    correct_new_visit(day)


def test_saving_unchanged_or_cancelling_changes_nothing(day: Day) -> None:
    log_new_visit(day)
    save_visit_unchanged(day)
    cancel_edits(day)


def test_a_linked_visit_keeps_its_project(day: Day) -> None:
    edit_linked_visit(day)


def test_an_organization_keeps_its_chain_and_link(day: Day) -> None:
    edit_org_phone(day)


def test_projects_move_on_the_board_and_sign(day: Day) -> None:
    move_a_project(day)
    sign_a_project(day)


def test_a_tranche_added_undone_and_redone(day: Day) -> None:
    add_undo_redo_tranche(day)


def test_the_weekly_return_counts_the_new_visit(day: Day, monkeypatch) -> None:
    log_new_visit(day)
    export_weekly_return(day, monkeypatch, visits_added=1)


def test_redo_in_the_project_dialog(day: Day) -> None:
    project = first_row(
        day.db, select(Project.id).where(Project.signed_on.is_not(None)).order_by(Project.name)
    )[0]
    dialog = steps.open_project(day.win, project)
    steps.activate(day.qtbot, dialog)
    funds = dialog.funds
    dialog.tabs.setCurrentWidget(funds)
    funds.amount.setFocus()
    day.qtbot.keyClicks(funds.amount, "10")
    day.qtbot.keyClick(funds.amount, Qt.Key.Key_Return)
    [tranche] = day.journal.changed("add", {}, new={"funds_tranche": 1})["funds_tranche"]
    funds.table.setFocus()
    day.qtbot.keyClick(funds.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    day.journal.changed("undo", {("funds_tranche", tranche["id"]): {"deleted"}})
    day.qtbot.keyClick(funds.table, Qt.Key.Key_Z, REDO)
    day.journal.changed("redo", {("funds_tranche", tranche["id"]): {"deleted"}})


def test_the_whole_day(day: Day, monkeypatch) -> None:
    log_new_visit(day)
    correct_new_visit(day)
    save_visit_unchanged(day)
    edit_linked_visit(day)
    edit_org_phone(day)
    move_a_project(day)
    sign_a_project(day)
    add_undo_redo_tranche(day)
    export_weekly_return(day, monkeypatch, visits_added=1)
