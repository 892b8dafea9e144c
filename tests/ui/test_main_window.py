"""The main window over real database files: first start, the demo, the headline figures."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from fieldlog.domain.period import Period
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs.orgs import OrgInput, save_org
from fieldlog.services.team.team import TeamInput, save_team
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.actions import MainAction
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.main_window import MainWindow
from tests.field_dump import db_digest


@pytest.fixture
def window(qtbot, db: Database) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """Messages of the warning boxes the code under test shows (none of them blocks)."""
    shown: list[str] = []

    def fake_warning(_parent, _title, text, *_args, **_kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    return shown


def figure(win: MainWindow, name: str) -> str:
    label = win.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_new_database_shows_the_welcome_panel(window: MainWindow, db: Database) -> None:
    assert window.objectName() == "MainWindow"
    assert window.windowTitle() == f"FieldLog — {db.name}"
    assert window.centralWidget().objectName() == "welcomePanel"
    assert window.findChild(QLabel, "figure_enterprises_visited") is None


def test_a_team_without_visits_shows_the_headline_panel(qtbot, db: Database) -> None:
    save_team(db, TeamInput("测试工作队", dispatch_start=date(2020, 3, 23)))
    win = MainWindow(db)
    qtbot.addWidget(win)
    assert win.centralWidget().objectName() == "workspace"
    win.show_page(4)
    assert win.pages is not None and win.pages.currentWidget().objectName() == "dashboard"
    assert figure(win, "teamNameLabel") == "测试工作队"
    assert "2020-03-23" in figure(win, "periodLabel")
    assert figure(win, "figure_visits") == "0"
    assert figure(win, "figure_contract_amount_yuan") == "0"


def test_operation_refusal_shows_a_warning_and_announces_nothing(qtbot, warnings) -> None:
    announced: list[object] = []
    operations.changes().changes_applied.connect(announced.append)

    def refuse() -> None:
        raise InvalidInput("the database already holds visits")

    made = Changes.of(Kind.VISIT)
    assert operations.run(None, made, refuse) is None
    assert warnings == ["the database already holds visits"]
    assert announced == []
    assert operations.run(None, made, lambda: 42) == 42
    assert announced == [made]
    assert QApplication.overrideCursor() is None
    operations.changes().changes_applied.disconnect(announced.append)


@pytest.mark.slow
def test_loading_the_demo_switches_to_the_headline_figures(
    qtbot, window: MainWindow, warnings
) -> None:
    pytest.importorskip("fieldlog.services.admin.demo")
    button = window.centralWidget().findChild(object, "loadDemoButton")
    window.centralWidget().encryption.check.setChecked(False)  # tested in test_encrypt_action
    with qtbot.waitSignal(operations.changes().changes_applied, timeout=120_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert warnings == []
    assert window.centralWidget().objectName() == "workspace"
    assert window.pages is not None and window.pages.currentWidget() is window.visit_log
    window.show_page(4)  # the dashboard, built when first shown
    assert figure(window, "teamNameLabel") == "铜仁市驻深招商工作队"
    assert "2020-03-23" in figure(window, "periodLabel")
    assert figure(window, "figure_enterprises_visited") == "346"
    assert figure(window, "figure_associations_visited") == "40"
    assert figure(window, "figure_projects_signed") == "22"
    assert figure(window, "figure_contract_amount_yuan") == "29.14"
    assert figure(window, "figure_funds_in_place_yuan") == "4.389"
    assert "Demo dispatch loaded" in window.statusBar().currentMessage()
    assert (
        window.main_actions[MainAction.SEND_WORK].isEnabled()
        and window.main_actions[MainAction.RECEIVE].isEnabled()
    )

    # A second load is refused by the service and shown as a warning; the figures stay.
    window.load_demo()
    assert len(warnings) == 1
    assert figure(window, "figure_enterprises_visited") == "346"


def test_pages_and_shortcuts(qtbot, db: Database) -> None:
    save_team(db, TeamInput("测试工作队"))
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    names = []
    for index in range(7):
        win.show_page(index)
        assert win.pages is not None
        names.append(win.pages.currentWidget().objectName())
    assert names == [
        "visitLogView",
        "orgsView",
        "pipelineBoard",
        "chainMap",
        "dashboard",
        "followUps",
        "syncPage",
    ]
    assert win.navigation.item(6).text() == "Sync"
    shortcuts = {a.objectName(): a.shortcut().toString() for a in win.actions()}
    assert shortcuts["actionNewVisit"] == "Ctrl+N"
    assert shortcuts["actionImport"] == "Ctrl+I"
    assert shortcuts["actionExportWeekly"] == "Ctrl+E"
    assert shortcuts["actionShow_orgsPage"] == "Ctrl+2"
    assert shortcuts["actionShow_syncPage"] == "Ctrl+7"
    assert shortcuts["actionSendWork"] == "Ctrl+Shift+S"
    assert shortcuts["actionReceive"] == "Ctrl+Shift+R"


def test_the_sync_page_opens_from_its_shortcut_and_from_a_report(qtbot, db: Database) -> None:
    from PySide6.QtGui import QAction

    save_team(db, TeamInput("测试工作队"))
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert win.pages is not None and win.pages.currentWidget() is win.sync_view
    win.show_page(0)
    win.sync_flow.review_requested.emit()
    assert win.pages.currentWidget() is win.sync_view
    toolbar = [a.objectName() for a in win.findChild(object, "mainToolBar").actions()]
    assert "actionSendWork" in toolbar and "actionReceive" in toolbar
    assert win.findChild(QAction, "actionTeamPassphrase") is not None


def test_setting_up_a_team_from_the_welcome_panel(qtbot, window: MainWindow, db: Database) -> None:
    from PySide6.QtWidgets import QTableWidgetItem

    from fieldlog.services.team import identity, team
    from fieldlog.ui.dialogs.team_setup_dialog import TeamSetupDialog

    window.centralWidget().encryption.check.setChecked(False)  # tested in test_encrypt_action
    qtbot.mouseClick(window.centralWidget().set_up_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(TeamSetupDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.team_name, "Team Tongren")
    dialog.members.setItem(0, 0, QTableWidgetItem("李娜"))
    dialog.members.setItem(0, 2, QTableWidgetItem("物流组"))
    dialog.add_member_row()
    dialog.members.setItem(1, 0, QTableWidgetItem("王强"))
    dialog.me.setCurrentIndex(1)
    qtbot.mouseClick(dialog.findChild(object, "createTeamButton"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.centralWidget().objectName() == "workspace"
    current = team.current_team(db)
    assert current is not None and current.name == "Team Tongren"
    wang = team.member_by_name(db, "王强")
    assert wang is not None and identity.get_me(db) == wang.id


def test_team_setup_refusal_stays_in_the_dialog(qtbot, window: MainWindow, db: Database) -> None:
    from fieldlog.ui.dialogs.team_setup_dialog import TeamSetupDialog

    dialog = TeamSetupDialog(db, window)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.create()
    assert dialog.isVisible()
    assert dialog.message.text() == "team name is required"


def test_work_actions_wait_for_a_team(qtbot, window: MainWindow, db: Database) -> None:
    from PySide6.QtGui import QAction

    new_visit = window.findChild(QAction, "actionNewVisit")
    assert not new_visit.isEnabled()
    assert not window.findChild(QAction, "actionExportWeekly").isEnabled()
    save_team(db, TeamInput("测试工作队"))
    operations.announce(Changes.of(Kind.TEAM))
    assert new_visit.isEnabled()


def test_follow_up_reminder_and_project_detail(qtbot, db: Database) -> None:
    from fieldlog.services.orgs import orgs
    from fieldlog.services.projects import projects
    from fieldlog.services.team import team
    from fieldlog.ui.dialogs.project_dialog import ProjectDialog

    team.save_team(db, TeamInput("测试工作队"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    project = projects.open_project(
        db,
        projects.ProjectInput("冷链仓储项目", investor_id=org, next_follow_up=date(2020, 4, 1)),
        on=date(2020, 3, 25),
    )
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()  # the reminder comes once the window is on screen
    qtbot.waitUntil(lambda: "1 overdue" in win.statusBar().currentMessage())
    win.pipeline.open_project_requested.emit(project)
    dialog = win.findChild(ProjectDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_a_project_opens_from_the_organization_detail(qtbot, db: Database) -> None:
    from fieldlog.services.orgs import orgs
    from fieldlog.services.projects import projects
    from fieldlog.services.team import team
    from fieldlog.ui.dialogs.project_dialog import ProjectDialog

    team.save_team(db, TeamInput("测试工作队"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    projects.open_project(
        db, projects.ProjectInput("冷链仓储项目", investor_id=org), on=date(2020, 3, 25)
    )
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.show_page(1)
    detail = win.orgs_view.detail
    detail.show_org(org)
    assert detail.projects_table.rowCount() == 1
    detail.projects_table.cellActivated.emit(0, 0)
    dialog = win.findChild(ProjectDialog)
    assert dialog is not None and dialog.isVisible()
    assert "冷链仓储项目" in dialog.windowTitle()
    dialog.close()


def test_dashboard_shows_targets_and_rankings(qtbot, db: Database) -> None:
    from fieldlog.services.reports import targets
    from fieldlog.services.team import team
    from fieldlog.ui.views.dashboard_page import DashboardPage

    team_id = team.save_team(
        db,
        TeamInput("测试工作队", dispatch_start=date(2020, 3, 23), dispatch_end=date(2020, 4, 22)),
    )
    team.save_group(db, "物流组", team_id=team_id)
    dispatch = Period(date(2020, 3, 23), date(2020, 4, 22))
    targets.set_target(db, "team", team_id, "visits", dispatch, 100)
    page = DashboardPage(db, today=date(2020, 4, 1))
    qtbot.addWidget(page)
    assert page.targets.rowCount() == 1
    assert page.rankings.rowCount() == 1
    page.ranking_by.setCurrentIndex(2)  # by home county: no members yet
    assert page.rankings.rowCount() == 0


def test_an_organization_chosen_on_the_chain_map_opens_on_its_page(qtbot, db: Database) -> None:
    from fieldlog.services.admin.workspace import ensure_defaults
    from fieldlog.services.orgs.orgs import OrgInput, save_org

    save_team(db, TeamInput("测试工作队"))
    ensure_defaults(db)
    org = save_org(db, OrgInput(name="贵州梵净山茶业有限公司", kind="enterprise"))
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.chain_map.open_org_requested.emit(org.id)
    assert win.pages is not None and win.pages.currentWidget() is win.orgs_view
    assert win.orgs_view.selected_id() == org.id


def test_load_demo_over_imported_organizations_is_refused_without_asking(
    qtbot, db: Database, warnings, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_org(db, OrgInput("深圳市德润物流有限公司"))
    before = db_digest(db)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **_k: asked.append(args[2]))
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.findChild(QAction, "loadDemoAction").trigger()
    assert asked == []
    assert warnings == [
        "this database already holds work (1 organization); "
        "load the demo into a new, empty database"
    ]
    assert db_digest(db) == before


WAIT_FOR_A_TEAM = (
    "Set up the team first, or join your team with the team leader's package from the welcome "
    "screen."
)


def test_send_and_receive_wait_for_a_team(qtbot, window: MainWindow, db: Database) -> None:
    from PySide6.QtWidgets import QTableWidgetItem, QToolButton

    from fieldlog.ui.dialogs.sync_send_dialog import SyncSendDialog
    from fieldlog.ui.dialogs.team_setup_dialog import TeamSetupDialog

    toolbar = window.findChild(object, "mainToolBar")
    send_receive = [window.main_actions[k] for k in (MainAction.SEND_WORK, MainAction.RECEIVE)]
    buttons = [toolbar.widgetForAction(a) for a in send_receive]
    assert all(isinstance(button, QToolButton) for button in buttons)
    for action, button in zip(send_receive, buttons, strict=True):
        assert not action.isEnabled() and not button.isEnabled()
        assert action.toolTip() == WAIT_FOR_A_TEAM and action.statusTip() == WAIT_FOR_A_TEAM
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.findChild(SyncSendDialog) is None  # nothing (an empty package) is offered
    # The team is set up from the welcome panel: both are there at once.
    window.centralWidget().encryption.check.setChecked(False)  # tested in test_encrypt_action
    qtbot.mouseClick(window.centralWidget().set_up_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(TeamSetupDialog)
    qtbot.keyClicks(dialog.team_name, "Team Tongren")
    dialog.members.setItem(0, 0, QTableWidgetItem("李娜"))
    qtbot.mouseClick(dialog.findChild(object, "createTeamButton"), Qt.MouseButton.LeftButton)
    assert window.centralWidget().objectName() == "workspace"
    for action, button in zip(send_receive, buttons, strict=True):
        assert action.isEnabled() and button.isEnabled()
        assert action.statusTip() == "" and WAIT_FOR_A_TEAM not in action.toolTip()


def test_the_team_is_corrected_from_the_edit_menu(qtbot, window: MainWindow, db: Database) -> None:
    from PySide6.QtWidgets import QTableWidgetItem

    from fieldlog.ui.dialogs.team_setup_dialog import TeamSetupDialog
    from tests.field_dump import field_diff, field_dump

    edit_team = window.findChild(QAction, "actionEditTeam")
    assert edit_team is not None and not edit_team.isEnabled()  # no team to correct yet
    window.centralWidget().encryption.check.setChecked(False)  # tested in test_encrypt_action
    qtbot.mouseClick(window.centralWidget().set_up_button, Qt.MouseButton.LeftButton)
    setup = window.findChild(TeamSetupDialog)
    qtbot.keyClicks(setup.team_name, "Team Tongren")
    setup.members.setItem(0, 0, QTableWidgetItem("Li Na"))
    qtbot.mouseClick(setup.findChild(object, "createTeamButton"), Qt.MouseButton.LeftButton)
    assert edit_team.isEnabled()
    before = field_dump(db)
    edit_team.trigger()
    [form] = [d for d in window.findChildren(TeamSetupDialog) if d is not setup]
    assert form.objectName() == "teamSetupDialog" and form.isVisible()
    form.team_name.clear()
    qtbot.keyClicks(form.team_name, "Team Tongren 2")
    qtbot.mouseClick(form.findChild(object, "saveButton"), Qt.MouseButton.LeftButton)
    changed = field_diff(before, field_dump(db))
    assert {(table, name) for table, _id, name in changed} == {("team", "name")}
    assert [new for _old, new in changed.values()] == ["Team Tongren 2"]


def test_the_sync_page_buttons_wait_for_a_team(qtbot, db: Database) -> None:
    from fieldlog.services.orgs import orgs
    from fieldlog.services.team import team
    from fieldlog.services.visits import visits

    # Visits without a team (from another tool, say): the pages show, the team is still missing.
    member = team.save_member(db, team.MemberInput("李娜"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), org, [member]))
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.show_sync_page()
    page = win.sync_view
    for button in (page.send_button, page.receive_button):
        assert not button.isEnabled() and button.toolTip() == WAIT_FOR_A_TEAM
    assert page.passphrase_button.isEnabled()
    operations.run(None, Changes.of(Kind.TEAM), save_team, db, TeamInput("测试工作队"))
    for button in (page.send_button, page.receive_button):
        assert button.isEnabled() and button.toolTip() == ""
    assert (
        win.main_actions[MainAction.SEND_WORK].isEnabled()
        and win.main_actions[MainAction.RECEIVE].isEnabled()
    )
