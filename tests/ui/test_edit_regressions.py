"""What a user of the demo found: editing an organization wiped its chain and link, editing a
visit unlinked its project. And the names scripts find the edit actions and dialogs by."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from sqlalchemy import select

from fieldlog.services.visits import visit_entry, visits
from fieldlog.store.database import Database
from fieldlog.store.models import Organization, Project, Visit
from fieldlog.ui.dialogs.org_dialog import OrgDialog
from fieldlog.ui.dialogs.visit_dialog import VisitDialog
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.navigator import Page
from fieldlog.ui.widgets.project_card import ProjectCardWidget

from ..field_dump import db_digest, history_count
from .edit_driver import append_text, copy_demo

pytestmark = pytest.mark.slow

LIGHTING = "深圳市通汇灯饰科技有限公司"
ASSOCIATION = "深圳市跨境电子商务协会"
LIGHTING_PROJECT = "通汇户外照明灯具生产项目"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = copy_demo(demo_database_file, tmp_path_factory.mktemp("edit_regressions"))
    yield database
    database.close()


def org_named(db: Database, name: str) -> uuid.UUID:
    with db.read() as session:
        query = select(Organization.id).where(Organization.name == name)
        return session.execute(query).scalar_one()


def lighting_visit(db: Database) -> uuid.UUID:
    """The 2020-04-22 visit to 通汇灯饰, linked to its outdoor-lighting project."""
    with db.read() as session:
        query = select(Visit.id).where(
            Visit.org_id == org_named(db, LIGHTING), Visit.visited_on == "2020-04-22"
        )
        return session.execute(query).scalar_one()


def test_editing_an_organization_shows_and_keeps_its_chain_and_link(qtbot, demo) -> None:
    org = org_named(demo, LIGHTING)
    chain, link = chain_and_link(demo, org)
    assert chain is not None and link is not None
    dialog = OrgDialog(demo, org)
    qtbot.addWidget(dialog)
    assert (dialog.chain_combo.currentData(), dialog.link_combo.currentData()) == (chain, link)
    assert dialog.chain_combo.currentText() == "Furniture and lighting"  # 家具灯饰 in English
    digest = db_digest(demo)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert chain_and_link(demo, org) == (chain, link) and db_digest(demo) == digest


def chain_and_link(db: Database, org: uuid.UUID) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    with db.read() as session:
        row = session.execute(
            select(Organization.chain_id, Organization.link_id).where(Organization.id == org)
        ).one()
        return row.chain_id, row.link_id


def test_editing_a_visit_shows_and_keeps_its_project(qtbot, demo) -> None:
    visit = lighting_visit(demo)
    before = visit_entry.load_visit(demo, visit)
    assert before.project_name == LIGHTING_PROJECT
    dialog = VisitDialog(demo, visit_id=visit)
    qtbot.addWidget(dialog)
    assert dialog.form.project_combo.currentText() == LIGHTING_PROJECT
    append_text(qtbot, dialog.form.summary, " 再议")  # a real edit of another field
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    after = visit_entry.load_visit(demo, visit)
    assert after.data == replace(before.data, summary=before.data.summary + " 再议")


def test_a_visit_linked_to_another_investors_project_keeps_it(qtbot, demo) -> None:
    with demo.read() as session:
        project = session.execute(
            select(Project.id).where(Project.name == LIGHTING_PROJECT)
        ).scalar_one()
    association = org_named(demo, ASSOCIATION)
    data = visit_entry.load_visit(demo, visit_entry_first(demo, association)).data
    visit = visits.save_visit(demo, replace(data, project_id=project, contact_ids=[]))
    dialog = VisitDialog(demo, visit_id=visit)
    qtbot.addWidget(dialog)
    assert dialog.form.project_combo.currentText() == LIGHTING_PROJECT
    digest, history = db_digest(demo), history_count(demo)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert visit_entry.load_visit(demo, visit).data.project_id == project
    assert (db_digest(demo), history_count(demo)) == (digest, history)


def visit_entry_first(db: Database, org: uuid.UUID) -> uuid.UUID:
    with db.read() as session:
        query = select(Visit.id).where(Visit.org_id == org).order_by(Visit.visited_on)
        return session.execute(query).scalars().first()


# -- the automation contract --------------------------------------------------------------


@pytest.fixture
def window(qtbot, demo: Database) -> MainWindow:
    win = MainWindow(demo)
    qtbot.addWidget(win)
    win.show()
    return win


def edit_action(win: MainWindow, name: str) -> QAction:
    action = win.findChild(QAction, name)
    assert action is not None and action.parent() is win, name
    return action


def opened(win: MainWindow, name: str) -> QDialog:
    """The edit dialog `name` the window opened, with its Save button."""
    dialogs = [d for d in win.findChildren(QDialog, name) if d.isVisible()]
    assert len(dialogs) == 1, name
    assert dialogs[0].findChild(QPushButton, "saveButton") is not None
    return dialogs[0]


def close(dialog: QDialog) -> None:
    dialog.done(QDialog.DialogCode.Rejected)


def test_edit_visit_by_action_and_by_enter(qtbot, window: MainWindow) -> None:
    action = edit_action(window, "actionEditVisit")
    assert action.isEnabled()
    assert not edit_action(window, "actionEditOrg").isEnabled()
    table = window.visit_log.table
    table.selectRow(0)
    visit = window.visit_log.current_visit_id()
    action.trigger()
    dialog = opened(window, "visitDialog")
    assert isinstance(dialog, VisitDialog) and dialog.visit_id == visit
    close(dialog)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    close(opened(window, "visitDialog"))


def test_edit_organization_by_action_and_by_enter(qtbot, window: MainWindow) -> None:
    window.show_page(Page.ORGS)
    view = window.orgs_view
    view.select_row(3)
    action = edit_action(window, "actionEditOrg")
    assert action.isEnabled() and not edit_action(window, "actionEditVisit").isEnabled()
    action.trigger()
    dialog = opened(window, "orgDialog")
    assert isinstance(dialog, OrgDialog) and dialog.org_id == view.selected_id()
    close(dialog)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    close(opened(window, "orgDialog"))


def test_edit_project_by_action_on_a_card_and_a_list_row(qtbot, window: MainWindow) -> None:
    window.show_page(Page.PIPELINE)
    board = window.pipeline
    action = edit_action(window, "actionEditProject")
    assert action.isEnabled()
    action.trigger()  # nothing chosen: nothing opens
    assert not [d for d in window.findChildren(QDialog, "projectDialog") if d.isVisible()]
    card = board.findChildren(ProjectCardWidget)[0]
    card.setFocus()
    action.trigger()
    dialog = opened(window, "projectDialog")
    assert dialog.project_id == card.card.id
    close(dialog)
    qtbot.keyClick(card, Qt.Key.Key_Return)
    close(opened(window, "projectDialog"))
    QApplication.processEvents()
    board.set_mode(1)
    try:
        board.list_view.table.selectRow(0)
        action.trigger()
        dialog = opened(window, "projectDialog")
        assert dialog.project_id == board.list_view.current_project_id()
        close(dialog)
    finally:
        board.set_mode(0)  # the mode is remembered for the session


def test_codes_from_a_newer_version_survive_an_unchanged_save(qtbot, demo) -> None:
    """A kind or intent this version does not know shows as Unknown (code) and is kept."""
    org = org_named(demo, ASSOCIATION)
    visit = lighting_visit(demo)
    with demo.begin() as session:
        session.get(Organization, org).kind = "cooperative"
        session.get(Visit, visit).intent = "urgent"
    digest, history = db_digest(demo), history_count(demo)
    org_dialog = OrgDialog(demo, org)
    qtbot.addWidget(org_dialog)
    assert org_dialog.kind_combo.currentText() == "Unknown (cooperative)"
    qtbot.mouseClick(org_dialog.save_button, Qt.MouseButton.LeftButton)
    visit_dialog = VisitDialog(demo, visit_id=visit)
    qtbot.addWidget(visit_dialog)
    assert visit_dialog.form.intent_combo.currentText() == "Unknown (urgent)"
    qtbot.mouseClick(visit_dialog.save_button, Qt.MouseButton.LeftButton)
    assert org_dialog.result() == visit_dialog.result() == QDialog.DialogCode.Accepted
    assert (db_digest(demo), history_count(demo)) == (digest, history)
