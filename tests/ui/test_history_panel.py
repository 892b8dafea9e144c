"""The history of a record on real widgets: what changed, restoring, undo, refusals, opening it."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import chains, team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import Organization
from fieldlog.ui.dialogs.history_dialog import HistoryDialog
from fieldlog.ui.dialogs.project_dialog import ProjectDialog
from fieldlog.ui.undo import undo_stack
from fieldlog.ui.views.orgs_view import OrgsView
from fieldlog.ui.views.visit_log_view import VisitLogView
from fieldlog.ui.widgets.history_panel import HistoryPanel
from tests.records import fetch


@pytest.fixture
def renamed(db: Database) -> uuid.UUID:
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    orgs.save_org(db, orgs.OrgInput("德润物流集团", region="深圳市"), org_id=org)
    return org


def _texts(panel: HistoryPanel) -> list[list[str]]:
    table = panel.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _select(panel: HistoryPanel, what: str) -> None:
    row = next(n for n, texts in enumerate(_texts(panel)) if texts[2] == what)
    panel.table.selectRow(row)


def test_changes_show_newest_first_and_creation_cannot_be_restored(qtbot, db, renamed) -> None:
    panel = HistoryPanel(db, "organization", renamed)
    qtbot.addWidget(panel)
    rows = [texts[2:] for texts in _texts(panel)]
    assert ["Name", "深圳市德润物流有限公司", "德润物流集团", "edited here"] in rows
    assert ["Region", "—", "深圳市", "edited here"] in rows
    assert rows[-1] == ["Record", "", "live", "edited here"]
    panel.table.selectRow(len(rows) - 1)
    assert not panel.restore_button.isEnabled()
    assert panel.empty.isHidden()


def test_restore_writes_the_earlier_value_and_undo_takes_it_back(qtbot, db, renamed) -> None:
    panel = HistoryPanel(db, "organization", renamed)
    qtbot.addWidget(panel)
    _select(panel, "Name")
    assert panel.restore_button.isEnabled()
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert fetch(db, Organization, renamed).name == "深圳市德润物流有限公司"
    assert _texts(panel)[0][2:] == ["Name", "德润物流集团", "深圳市德润物流有限公司", "restored"]
    undo_stack().undo()
    assert fetch(db, Organization, renamed).name == "德润物流集团"
    undo_stack().redo()
    assert fetch(db, Organization, renamed).name == "深圳市德润物流有限公司"


def test_a_refused_restore_says_why_and_changes_nothing(
    qtbot, db, monkeypatch: pytest.MonkeyPatch
) -> None:
    chain = chains.add_chain(db, "新能源汽车")
    org = orgs.save_org(db, orgs.OrgInput("某公司", chain_id=chain)).id
    orgs.save_org(db, orgs.OrgInput("某公司"), org_id=org)
    chains.delete_chain(db, chain)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    panel = HistoryPanel(db, "organization", org)
    qtbot.addWidget(panel)
    _select(panel, "Chain")
    before = digest(db)
    panel.restore_selected()
    assert warnings == ["the earlier chain no longer exists"]
    assert digest(db) == before


def test_orgs_page_opens_the_history_with_ctrl_h(
    qtbot, db, renamed, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = OrgsView(db)
    qtbot.addWidget(view)
    view.show()
    view.select_row(0)
    view.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    dialogs: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: dialogs.append(self))
    qtbot.keyClick(view.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    [dialog] = dialogs
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "History — 德润物流集团"
    assert dialog.panel.table.rowCount() >= 3


def test_a_visit_history_lists_its_visitors(qtbot, db) -> None:
    alice = team.save_member(db, team.MemberInput("李娜"))
    bob = team.save_member(db, team.MemberInput("王强"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    visit = visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), org, [alice]))
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), org, [bob]), visit)
    view = VisitLogView(db)
    qtbot.addWidget(view)
    view.table.selectRow(0)
    dialog = view.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    rows = [texts[2:5] for texts in _texts(dialog.panel)]
    assert ["Visitor 李娜", "present", "removed"] in rows
    assert ["Visitor 王强", "", "present"] in rows


def test_the_project_dialog_has_a_history_tab(qtbot, db) -> None:
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    lead = projects.ProjectInput("物流园项目", investor_id=org)
    project = projects.open_project(db, lead, on=date(2020, 3, 1))
    data = projects.ProjectInput("智慧物流园项目", investor_id=org, planned_yuan=50_000_000)
    projects.save_project(db, data, project)
    dialog = ProjectDialog(db, project, today=date(2020, 4, 1))
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(n) for n in range(dialog.tabs.count())]
    assert titles[-1] == "&History"
    rows = [texts[2:5] for texts in _texts(dialog.history)]
    assert ["Planned investment", "—", "5,000 × 10k yuan"] in rows
    assert ["Name", "物流园项目", "智慧物流园项目"] in rows
