"""The project dialog: details edited and undone, a tranche added by keys, refusals inline."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldlog.domain.stages import Stage
from fieldlog.services import maintenance, projects, team, visits
from fieldlog.services.project_detail import project_detail
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.project_dialog import ProjectDialog
from fieldlog.ui.undo import undo_stack

TODAY = date(2020, 4, 20)


@pytest.fixture(autouse=True)
def no_modal_warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture
def project(db: Database) -> uuid.UUID:
    team_id = team.save_team(db, team.TeamInput("测试工作队"))
    group = team.save_group(db, "物流组", team_id=team_id)
    me = team.save_member(db, team.MemberInput("李娜", group_id=group), team_id=team_id)
    data = projects.ProjectInput("物流园", owner_id=me, group_id=group, progress="初步接触")
    pid = projects.open_project(db, data, on=date(2020, 3, 25))
    signing = projects.Signing(date(2020, 4, 1), 20_000_000, "正式合同")
    projects.move_stage(db, pid, Stage.SIGNED, on=date(2020, 4, 1), signing=signing)
    return pid


def open_dialog(qtbot, db: Database, pid: uuid.UUID) -> ProjectDialog:
    dialog = ProjectDialog(db, pid, today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_shows_timeline_and_total(qtbot, qtmodeltester, db: Database, project) -> None:
    dialog = open_dialog(qtbot, db, project)
    assert dialog.objectName() == "projectDialog"
    table = dialog.timeline
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["线索", "签约"]
    assert [table.item(r, 3).text() for r in range(table.rowCount())] == ["7", "19"]
    assert dialog.funds.total.text() == "Funds in place 0 万元 / contract 2000 万元 (rate 0.0%)"
    assert dialog.progress.toPlainText() == "初步接触"
    qtmodeltester.check(dialog.funds.table.model())


def test_edit_progress_save_and_undo(qtbot, db: Database, project) -> None:
    dialog = open_dialog(qtbot, db, project)
    dialog.progress.setPlainText("")
    dialog.progress.setFocus()
    qtbot.keyClicks(dialog.progress, "site visit booked")
    dialog.planned.setText("3000.5")
    qtbot.keyClick(dialog.progress, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    detail = project_detail(db, project, today=TODAY)
    assert (detail.progress, detail.planned_yuan) == ("site visit booked", 30_005_000)
    assert dialog.planned.text() == "3000.5"
    undo_stack().undo()
    detail = project_detail(db, project, today=TODAY)
    assert (detail.progress, detail.planned_yuan) == ("初步接触", None)
    assert dialog.progress.toPlainText() == "初步接触"


def test_add_tranche_by_keys(qtbot, db: Database, project) -> None:
    dialog = open_dialog(qtbot, db, project)
    panel = dialog.funds
    dialog.tabs.setCurrentWidget(panel)
    panel.amount.setFocus()
    qtbot.keyClicks(panel.amount, "500")
    qtbot.keyClick(panel.amount, Qt.Key.Key_Tab)
    qtbot.keyClick(panel.origin, Qt.Key.Key_Down)
    qtbot.keyClicks(panel.evidence, "slip 1")
    qtbot.keyClick(panel.evidence, Qt.Key.Key_Return)
    assert panel.table.rowCount() == 1 and panel.message.isHidden()
    assert panel.table.item(0, 3).text() == "slip 1" and panel.table.item(0, 2).text()
    assert panel.total.text() == "Funds in place 500 万元 / contract 2000 万元 (rate 25.0%)"
    assert project_detail(db, project, today=TODAY).funds_yuan == 5_000_000


@pytest.mark.parametrize("typed", ["-5", "", "abc"])
def test_bad_amount_refused_inline(qtbot, db: Database, project, typed, no_modal_warnings) -> None:
    dialog = open_dialog(qtbot, db, project)
    before = maintenance.digest(db)
    panel = dialog.funds
    panel.amount.setText(typed)
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return)
    assert not panel.message.isHidden() and panel.message.text()
    assert "color" in panel.message.styleSheet()
    assert maintenance.digest(db) == before and no_modal_warnings == []


def test_unsigned_project_refused_inline(qtbot, db: Database, no_modal_warnings) -> None:
    pid = projects.open_project(db, projects.ProjectInput("线索"), on=date(2020, 4, 1))
    dialog = open_dialog(qtbot, db, pid)
    before = maintenance.digest(db)
    dialog.funds.amount.setText("100")
    assert dialog.funds.add_tranche() is False
    assert "signed" in dialog.funds.message.text() and no_modal_warnings == []
    assert maintenance.digest(db) == before
    assert "contract — 万元 (rate —)" in dialog.funds.total.text()


def test_linked_visits_listed(qtbot, db: Database, project) -> None:
    from fieldlog.services import orgs

    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    me = team.members(db)[0].id
    visits.save_visit(
        db, visits.VisitInput(date(2020, 4, 2), org, [me], summary="用地", project_id=project)
    )
    dialog = open_dialog(qtbot, db, project)
    assert dialog.visits.rowCount() == 1
    assert dialog.visits.item(0, 2).text() == "李娜"


def test_escape_closes(qtbot, db: Database, project) -> None:
    dialog = open_dialog(qtbot, db, project)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_saving_unchanged_details_changes_nothing(qtbot, db: Database, project) -> None:
    dialog = open_dialog(qtbot, db, project)
    before = maintenance.digest(db)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert maintenance.digest(db) == before and dialog.message.isHidden()
