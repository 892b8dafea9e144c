"""The project dialog: details edited and undone, a tranche added by keys, refusals inline."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldlog.domain.stages import Stage
from fieldlog.services.admin import maintenance
from fieldlog.services.projects import projects
from fieldlog.services.projects.project_detail import project_detail
from fieldlog.services.team import team
from fieldlog.services.visits import visits
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
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["Lead", "Signed"]
    assert [table.item(r, 3).text() for r in range(table.rowCount())] == ["7", "19"]
    assert (
        dialog.funds.total.text()
        == "Funds in place 0 × 10k yuan / contract 2,000 × 10k yuan (rate 0.0%)"
    )
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
    assert dialog.planned.text() == "3,000.5"  # as every amount is shown
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
    assert (
        panel.total.text()
        == "Funds in place 500 × 10k yuan / contract 2,000 × 10k yuan (rate 25.0%)"
    )
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
    assert dialog.funds.total.text().endswith("contract — (rate —)")  # a dash, no unit after it


def test_linked_visits_listed(qtbot, db: Database, project) -> None:
    from fieldlog.services.orgs import orgs

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


@pytest.fixture
def funded(db: Database, project) -> uuid.UUID:
    projects.add_tranche(db, project, received_on=date(2020, 4, 5), amount_yuan=5_000_000)
    projects.add_tranche(
        db, project, received_on=date(2020, 4, 8), amount_yuan=3_000_000, evidence="slip 2"
    )
    return project


def funds_tab(qtbot, db: Database, pid: uuid.UUID) -> ProjectDialog:
    dialog = open_dialog(qtbot, db, pid)
    dialog.tabs.setCurrentWidget(dialog.funds)
    return dialog


def test_edit_tranche_by_keys_then_undo(qtbot, db: Database, funded) -> None:
    dialog = funds_tab(qtbot, db, funded)
    panel = dialog.funds
    assert not panel.edit_button.isEnabled()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)  # the first row
    assert panel.edit_button.isEnabled() and panel.delete_button.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    edit = panel.edit_dialog
    assert edit is not None and edit.isVisible() and edit.objectName() == "trancheDialog"
    assert edit.fields.amount.text() == "500"
    edit.fields.amount.selectAll()
    qtbot.keyClicks(edit.fields.amount, "1500")
    qtbot.keyClicks(edit.fields.note, "corrected")
    qtbot.keyClick(edit.fields.note, Qt.Key.Key_Return)  # Enter saves
    assert not edit.isVisible()
    assert [panel.table.item(r, 5).text() for r in range(2)] == ["1,500", "1,800"]
    assert panel.table.item(0, 4).text() == "corrected"
    assert (
        panel.total.text()
        == "Funds in place 1,800 × 10k yuan / contract 2,000 × 10k yuan (rate 90.0%)"
    )
    assert panel.selected() is not None and panel.selected().amount_yuan == 15_000_000
    undo_stack().undo()
    assert project_detail(db, funded, today=TODAY).funds_yuan == 8_000_000
    assert panel.total.text().endswith("(rate 40.0%)") and panel.table.item(0, 4).text() == ""
    undo_stack().redo()
    assert project_detail(db, funded, today=TODAY).funds_yuan == 18_000_000


def test_delete_tranche_by_key_then_undo(qtbot, db: Database, funded) -> None:
    dialog = funds_tab(qtbot, db, funded)
    panel = dialog.funds
    panel.table.setFocus()
    panel.table.selectRow(1)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.table.rowCount() == 1 and panel.selected() is None
    assert panel.total.text().endswith("(rate 25.0%)")
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.table.rowCount() == 2 and panel.table.item(1, 3).text() == "slip 2"
    assert project_detail(db, funded, today=TODAY).funds_yuan == 8_000_000


def test_add_tranche_is_undoable(qtbot, db: Database, project) -> None:
    dialog = funds_tab(qtbot, db, project)
    panel = dialog.funds
    panel.amount.setText("700")
    qtbot.keyClicks(panel.note, "first")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    assert panel.table.rowCount() == 1 and panel.table.item(0, 4).text() == "first"
    assert panel.amount.text() == "" and panel.note.text() == ""
    added = project_detail(db, project, today=TODAY).tranches[0].id
    assert undo_stack().undoText() == "Add funds of 700 × 10k yuan"  # and not a save of the details
    undo_stack().undo()
    assert panel.table.rowCount() == 0
    undo_stack().redo()
    assert [t.id for t in project_detail(db, project, today=TODAY).tranches] == [added]


@pytest.mark.parametrize(
    ("amount", "day", "message"),
    [
        ("0", date(2020, 4, 5), "more than 0"),
        ("-5", date(2020, 4, 5), "Amount"),
        ("abc", date(2020, 4, 5), "Amount"),
        ("100", date(2020, 3, 31), "before the signing"),
    ],
    ids=["zero", "negative", "text", "before-signing"],
)
def test_bad_edit_refused_inline(
    qtbot, db: Database, funded, amount, day, message, no_modal_warnings
) -> None:
    dialog = funds_tab(qtbot, db, funded)
    panel = dialog.funds
    panel.table.selectRow(0)
    edit = panel.edit_selected()
    before = maintenance.digest(db)
    edit.fields.amount.setText(amount)
    edit.fields.received.setDate(day)
    edit.save_button.click()
    assert edit.isVisible() and message in edit.message.text()
    assert not edit.message.isHidden() and "color" in edit.message.styleSheet()
    assert maintenance.digest(db) == before and no_modal_warnings == []
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert not edit.isVisible() and maintenance.digest(db) == before


def test_edit_dates_are_held_to_1990_2100(qtbot, db: Database, funded) -> None:
    dialog = funds_tab(qtbot, db, funded)
    panel = dialog.funds
    panel.table.selectRow(0)
    edit = panel.edit_selected()
    edit.fields.received.setDate(date(2200, 1, 1))
    assert edit.fields.received.date().year() == 2100
    assert panel.received.minimumDate().year() == 1990


def test_the_attachments_tab(qtbot, db: Database, project, tmp_path, monkeypatch) -> None:
    from fieldlog.services.attachments import attachments

    from ..field_dump import db_digest
    from .test_attachment_strip import jpeg, pdf, pick

    dialog = open_dialog(qtbot, db, project)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs[-2:] == ["A&ttachments", "&History"] and tabs[0] == "&Details"
    mnemonics = [text[text.index("&") + 1].lower() for text in tabs]
    assert len(set(mnemonics)) == len(mnemonics) == 8
    qtbot.keyClick(dialog.tabs, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentWidget() is dialog.attachments
    files = [jpeg(tmp_path / "签约仪式.jpg", "red"), pdf(tmp_path / "合同.pdf")]
    pick(monkeypatch, files)
    qtbot.mouseClick(dialog.attachments.add_button, Qt.MouseButton.LeftButton)
    owner = attachments.Owner("project", project)
    kept = [
        (r.name, attachments.file_of(db, r.id)[1]) for r in attachments.attachments_of(db, owner)
    ]
    assert kept == [(p.name, p.read_bytes()) for p in files]
    assert dialog.attachments.list.count() == 2  # the dialog's refresh after the change
    # The Details were not touched: saving them writes nothing.
    after = db_digest(db)
    assert dialog.save() and db_digest(db) == after
