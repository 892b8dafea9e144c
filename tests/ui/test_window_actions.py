"""The window's actions come from one registry keyed by MainAction, sit where the user looks for
them, and the pages reach the window only through the Navigator protocol."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.actions import SHOW_PAGE, MainAction, add_action
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.navigator import Page
from fieldlog.ui.pages import Workspace

# What each menu holds, by objectName; "-" is a separator, a tuple a submenu (title, entries).
MENUS = {
    "&File": [
        "actionNewVisit",
        "actionImport",
        "readCardAction",
        (
            "&Export",
            [
                "actionExportWeekly",
                "actionExportLedger",
                "actionExportOrgs",
                "actionExportVisits",
                "-",
                "actionExportBrief",
                "actionExportCalendar",
            ],
        ),
        "-",
        "actionSendWork",
        "actionReceive",
        ("S&ync", ["actionTeamPassphrase", "actionSyncReview"]),
        "-",
        "loadDemoAction",
        "actionBackups",
        "encryptDatabaseAction",
        "decryptDatabaseAction",
        "-",
        "quitAction",
    ],
    "&Edit": [
        "actionUndo",
        "actionRedo",
        "-",
        "actionEditVisit",
        "actionEditOrg",
        "actionEditProject",
        "-",
        "actionEditTeam",
        "actionEditRules",
    ],
    "&View": [
        "actionShow_visitsPage",
        "actionShow_orgsPage",
        "actionShow_pipelinePage",
        "actionShow_chainMapPage",
        "actionShow_dashboardPage",
        "actionShow_followUpsPage",
        "actionShow_syncPage",
        "-",
        ("&Language", ["actionLanguage_zh_CN", "actionLanguage_en"]),
    ],
    "&Help": ["actionGuide", "actionShortcuts", "-", "aboutAction"],
}


@pytest.fixture
def team_db(db: Database) -> Database:
    team.save_team(db, team.TeamInput("测试工作队", dispatch_start=date(2020, 3, 23)))
    return db


@pytest.fixture
def window(qtbot, team_db: Database) -> MainWindow:
    win = MainWindow(team_db)
    qtbot.addWidget(win)
    win.show()
    return win


def entries(menu: QMenu) -> list[object]:
    """The menu's actions as in MENUS."""
    found: list[object] = []
    for action in menu.actions():
        if action.isSeparator():
            found.append("-")
        elif action.menu() is not None:
            found.append((action.menu().title(), entries(action.menu())))
        else:
            found.append(action.objectName())
    return found


def test_every_main_action_has_one_named_action(window: MainWindow) -> None:
    assert list(window.main_actions) == list(MainAction)
    names = [action.objectName() for action in window.main_actions.values()]
    assert len(set(names)) == len(names) == len(MainAction)
    for kind, action in window.main_actions.items():
        assert action.objectName() == kind.value
        assert window.findChildren(QAction, kind.value) == [action]  # what probes find


def test_each_menu_holds_its_actions(window: MainWindow) -> None:
    menus = {a.text(): entries(a.menu()) for a in window.menuBar().actions()}
    assert menus == MENUS
    toolbar = window.findChild(QWidget, "mainToolBar")
    assert [a.objectName() or "-" for a in toolbar.actions()] == [
        "actionNewVisit",
        "actionImport",
        "actionExportWeekly",
        "-",
        "actionSendWork",
        "actionReceive",
    ]
    assert window.main_actions[MainAction.EXPORT_WEEKLY].iconText() == "Weekly return"


def test_an_action_has_one_factory() -> None:
    with pytest.raises(RuntimeError, match="two factories"):
        add_action(MainAction.QUIT)(lambda window, commands: QAction(window))


def test_the_edit_actions_follow_the_page_shown(window: MainWindow) -> None:
    edit = {
        kind: window.main_actions[kind] for kind in (MainAction.EDIT_VISIT, MainAction.EDIT_ORG)
    }
    assert edit[MainAction.EDIT_VISIT].isEnabled() and not edit[MainAction.EDIT_ORG].isEnabled()
    window.main_actions[MainAction.SHOW_ORGS].trigger()
    assert window.pages.currentWidget() is window.orgs_view
    assert edit[MainAction.EDIT_ORG].isEnabled() and not edit[MainAction.EDIT_VISIT].isEnabled()
    assert window.edit_selected(Page.VISITS) is None  # not the page shown: nothing opens


class _RecordingSync:
    def __init__(self, asked: list[tuple[str, object]]) -> None:
        self.asked = asked

    def send(self) -> None:
        self.asked.append(("send", None))

    def receive(self) -> None:
        self.asked.append(("receive", None))

    def change_passphrase(self) -> None:
        self.asked.append(("passphrase", None))


class RecordingNavigator:
    """A Navigator that writes down what the pages ask of it (no window at all)."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, object]] = []
        self.sync_flow = _RecordingSync(self.asked)

    def new_visit(self) -> None:
        self.asked.append(("new visit", None))

    def edit_visit(self, visit_id: uuid.UUID) -> QDialog | None:
        self.asked.append(("edit visit", visit_id))
        return None

    def open_project(self, project_id: uuid.UUID) -> QDialog | None:
        self.asked.append(("open project", project_id))
        return None

    def show_org(self, org_id: uuid.UUID) -> None:
        self.asked.append(("show org", org_id))


def test_the_pages_ask_the_navigator(qtbot, team_db: Database) -> None:
    navigator = RecordingNavigator()
    workspace = Workspace(team_db, navigator)
    qtbot.addWidget(workspace)
    record = uuid.uuid4()
    workspace.visit_log.new_visit_requested.emit()
    workspace.visit_log.edit_visit_requested.emit(record)
    workspace.page(Page.ORGS).detail.open_project_requested.emit(record)
    workspace.page(Page.PIPELINE).open_project_requested.emit(record)
    chain_map = workspace.page(Page.CHAIN_MAP)
    chain_map.open_project_requested.emit(record)
    chain_map.open_org_requested.emit(record)
    follow_ups = workspace.page(Page.FOLLOW_UPS)
    follow_ups.open_visit_requested.emit(record)
    follow_ups.open_project_requested.emit(record)
    sync = workspace.page(Page.SYNC)
    for button in (sync.send_button, sync.receive_button, sync.passphrase_button):
        button.setEnabled(True)  # the window enables them once there is a team
        button.click()
    assert navigator.asked == [
        ("new visit", None),
        ("edit visit", record),
        ("open project", record),
        ("open project", record),
        ("open project", record),
        ("show org", record),
        ("edit visit", record),
        ("open project", record),
        ("send", None),
        ("receive", None),
        ("passphrase", None),
    ]


def test_a_page_request_opens_the_record_on_the_window(qtbot, team_db: Database) -> None:
    from fieldlog.ui.dialogs.project_dialog import ProjectDialog
    from fieldlog.ui.dialogs.visit_dialog import VisitDialog

    member = team.save_member(team_db, team.MemberInput("李娜"))
    org = orgs.save_org(team_db, orgs.OrgInput("深圳市德润物流有限公司")).id
    visit = visits.save_visit(team_db, visits.VisitInput(date(2020, 4, 1), org, [member]))
    project = projects.open_project(
        team_db, projects.ProjectInput("冷链仓储项目", investor_id=org), on=date(2020, 3, 25)
    )
    win = MainWindow(team_db)
    qtbot.addWidget(win)
    win.show()
    win.chain_map.open_project_requested.emit(project)
    [project_dialog] = win.findChildren(ProjectDialog)
    assert project_dialog.isVisible() and "冷链仓储项目" in project_dialog.windowTitle()
    project_dialog.close()
    win.follow_ups.open_visit_requested.emit(visit)
    [visit_dialog] = win.findChildren(VisitDialog)
    assert visit_dialog.isVisible() and visit_dialog.visit_id == visit
    visit_dialog.reject()


def test_the_window_keeps_the_attributes_its_init_declares(qtbot, db: Database) -> None:
    win = MainWindow(db)  # first start: the welcome panel
    qtbot.addWidget(win)
    declared = set(vars(win))
    assert {"main_actions", "workspace", "sync_flow", "action_states"} <= declared
    operations.run(win, Changes.of(Kind.TEAM), team.save_team, db, team.TeamInput("测试工作队"))
    assert win.centralWidget().objectName() == "workspace"
    for page in Page:  # every page built, through its View action
        win.main_actions[SHOW_PAGE[page]].trigger()
        assert win.pages.currentIndex() == page
    assert set(vars(win)) == declared  # nothing was set on the window afterwards
