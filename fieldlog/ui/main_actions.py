"""The main window's actions, menus and toolbar, with their standard shortcuts."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QToolBar

from fieldlog.services.team.team import current_team
from fieldlog.ui import operations
from fieldlog.ui.changes import EVERYTHING, Changes, Kind
from fieldlog.ui.undo import undo_stack

if TYPE_CHECKING:
    from fieldlog.ui.main_window import MainWindow


_MENU_MARKS = re.compile(r"\(&\w\)|&(?=\w)|…$")


# The menu actions that change the database: disabled over a read-only one (any other change
# is refused by the database with the read-only sentence).
WRITING_ACTIONS = frozenset(
    {
        "actionNewVisit",
        "actionImport",
        "loadDemoAction",
        "actionSendWork",
        "actionReceive",
        "actionTeamPassphrase",
        "actionEditTeam",
    }
)


def button_text(menu_text: str) -> str:
    """A menu text without its accelerator and ellipsis, for a toolbar button: Qt strips "&" but
    leaves the "(F)" of a Chinese "文件(&F)"."""
    return _MENU_MARKS.sub("", menu_text).strip()


def _action(
    window: MainWindow, name: str, text: str, slot: Callable[[], object], keys: object = None
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if keys is not None:
        action.setShortcut(QKeySequence(keys))  # type: ignore[call-overload]
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work whichever page has the focus
    return action


def _file_menu(window: MainWindow) -> None:
    translate = QCoreApplication.translate
    menu = window.menuBar().addMenu(translate("MainWindow", "&File"))
    window.new_visit_action = _action(
        window,
        "actionNewVisit",
        translate("MainWindow", "&New visit…"),
        window.new_visit,
        QKeySequence.StandardKey.New,
    )
    window.import_action = _action(
        window,
        "actionImport",
        translate("MainWindow", "&Import…"),
        window.import_file,
        "Ctrl+I",
    )
    menu.addAction(window.new_visit_action)
    menu.addAction(window.import_action)
    export = QMenu(translate("MainWindow", "&Export"), menu)
    for what, text, keys in (
        ("weekly", translate("MainWindow", "&Weekly return…"), "Ctrl+E"),
        ("ledger", translate("MainWindow", "Project &ledger…"), None),
        ("orgs", translate("MainWindow", "&Organization directory…"), None),
        ("visits", translate("MainWindow", "&Visit log…"), None),
    ):
        name = f"actionExport{what.capitalize()}"
        export.addAction(_action(window, name, text, lambda w=what: window.export(w), keys))
    menu.addMenu(export)
    menu.addSeparator()
    _sync_actions(window, menu)
    menu.addSeparator()
    window.load_demo_action = _action(
        window,
        "loadDemoAction",
        translate("MainWindow", "Load &demo data…"),
        window.confirm_load_demo,
    )
    menu.addAction(window.load_demo_action)
    window.backups_action = _action(
        window, "actionBackups", translate("MainWindow", "&Backups…"), window.show_backups
    )
    menu.addAction(window.backups_action)
    menu.addSeparator()
    menu.addAction(
        _action(
            window,
            "quitAction",
            translate("MainWindow", "&Quit"),
            window.close,
            QKeySequence.StandardKey.Quit,
        )
    )


def _sync_actions(window: MainWindow, menu: QMenu) -> None:
    """Send my work, Receive, and the Sync submenu (SPEC §6)."""
    translate = QCoreApplication.translate
    window.send_action = _action(
        window,
        "actionSendWork",
        translate("MainWindow", "&Send my work…"),
        window.sync_flow.send,
        "Ctrl+Shift+S",
    )
    window.receive_action = _action(
        window,
        "actionReceive",
        translate("MainWindow", "&Receive…"),
        window.sync_flow.receive,
        "Ctrl+Shift+R",
    )
    menu.addAction(window.send_action)
    menu.addAction(window.receive_action)
    sync = QMenu(translate("MainWindow", "S&ync"), menu)
    sync.setObjectName("syncMenu")
    sync.addAction(
        _action(
            window,
            "actionTeamPassphrase",
            translate("MainWindow", "Team &passphrase…"),
            window.sync_flow.change_passphrase,
        )
    )
    sync.addAction(
        _action(
            window,
            "actionSyncReview",
            translate("MainWindow", "&Overview and review"),
            window.show_sync_page,
        )
    )
    menu.addMenu(sync)
    _SyncAvailability(window)


class _SyncAvailability(QObject):
    """Send and Receive wait for a team: before one exists there is nothing to send, and a new
    laptop joins from the welcome screen (its button receives the leader's package). Rechecked
    on every change announced, so set-up, the demo or a join enables them at once."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # lives as long as the window; the connection goes with it
        self._window = window
        operations.changes().changes_applied.connect(self.recheck)
        self.recheck()

    def recheck(self, made: Changes = EVERYTHING) -> None:
        if not made.touches(Kind.TEAM):
            return
        has_team = current_team(self._window.db) is not None
        reason = "" if has_team else sync_needs_a_team()
        writable = not self._window.db.read_only
        for action in (self._window.send_action, self._window.receive_action):
            action.setEnabled(has_team and writable)
            action.setToolTip(reason)  # empty: the action's own text
            action.setStatusTip(reason)
        # The team, its members and groups are corrected once there is a team to correct.
        edit_team = getattr(self._window, "edit_team_action", None)  # built after this
        if edit_team is not None:
            edit_team.setEnabled(has_team and writable)


def sync_needs_a_team() -> str:
    """Why Send and Receive are not available yet."""
    return QCoreApplication.translate(
        "MainWindow",
        "Set up the team first, or join your team with the team leader's package from the "
        "welcome screen.",
    )


def _edit_menu(window: MainWindow) -> None:
    translate = QCoreApplication.translate
    menu = window.menuBar().addMenu(translate("MainWindow", "&Edit"))
    undo = undo_stack().createUndoAction(window, translate("MainWindow", "&Undo"))
    undo.setObjectName("actionUndo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = undo_stack().createRedoAction(window, translate("MainWindow", "&Redo"))
    redo.setObjectName("actionRedo")
    # Both, on every system: the standard Redo as one sequence is only its first binding, which
    # is Ctrl+Y on Windows (adding Ctrl+Y again made the shortcut ambiguous, so it did nothing).
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()
    from fieldlog.ui.main_window import ORGS, PIPELINE, VISITS  # loaded: it is building us

    for name, text, page in (
        ("actionEditVisit", translate("MainWindow", "Edit the selected &visit…"), VISITS),
        ("actionEditOrg", translate("MainWindow", "Edit the selected &organization…"), ORGS),
        ("actionEditProject", translate("MainWindow", "Edit the selected &project…"), PIPELINE),
    ):
        action = _action(window, name, text, lambda p=page: edit_selected(window, p))
        action.setData(page)
        action.setEnabled(False)
        menu.addAction(action)
    menu.addSeparator()
    window.edit_team_action = _action(
        window, "actionEditTeam", translate("MainWindow", "&Team and members…"), window.edit_team
    )
    has_team = current_team(window.db) is not None  # rechecked with Send and Receive
    window.edit_team_action.setEnabled(has_team and not window.db.read_only)
    menu.addAction(window.edit_team_action)


def _edit_actions(window: MainWindow) -> list[QAction]:
    names = ("actionEditVisit", "actionEditOrg", "actionEditProject")
    return [a for a in window.actions() if a.objectName() in names]


def update_edit_actions(window: MainWindow) -> None:
    """Each Edit action is enabled while its page (visits, organizations, projects) is shown."""
    shown = window.navigation.currentRow() if window.pages is not None else -1
    for action in _edit_actions(window):
        action.setEnabled(action.data() == shown)


def edit_selected(window: MainWindow, page: int) -> QDialog | None:
    """Open the edit dialog of the record selected on `page` when that page is shown."""
    from fieldlog.ui.main_window import ORGS, VISITS

    if window.pages is None or window.navigation.currentRow() != page:
        return None
    if page == VISITS:
        visit_id = window.visit_log.current_visit_id()
        return window.edit_visit(visit_id) if visit_id else None
    if page == ORGS:
        return window.orgs_view.edit_org()
    project_id = window.pipeline.current_project_id()
    return window.open_project(project_id) if project_id else None


def _view_menu(window: MainWindow, pages: list[tuple[str, str]]) -> None:
    translate = QCoreApplication.translate
    menu = window.menuBar().addMenu(translate("MainWindow", "&View"))
    for index, (name, text) in enumerate(pages):
        action = _action(window, f"actionShow_{name}", text, lambda i=index: window.show_page(i))
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        menu.addAction(action)
    menu.addSeparator()
    language = menu.addMenu(translate("MainWindow", "&Language"))
    group = QActionGroup(window)
    for code, text in (("zh_CN", "中文"), ("en", "English")):
        action = QAction(text, window, checkable=True, objectName=f"actionLanguage_{code}")
        action.setChecked(window.language == code)
        action.triggered.connect(lambda _checked=False, c=code: window.language_requested.emit(c))
        group.addAction(action)
        language.addAction(action)


def _help_menu(window: MainWindow) -> None:
    translate = QCoreApplication.translate
    menu = window.menuBar().addMenu(translate("MainWindow", "&Help"))
    menu.addAction(
        _action(
            window,
            "actionGuide",
            translate("MainWindow", "&User guide"),
            window.show_guide,
            QKeySequence.StandardKey.HelpContents,
        )
    )
    menu.addAction(
        _action(
            window,
            "actionShortcuts",
            translate("MainWindow", "&Keyboard shortcuts"),
            window.show_shortcuts,
        )
    )
    menu.addSeparator()
    menu.addAction(
        _action(
            window,
            "aboutAction",
            translate("MainWindow", "&About FieldLog"),
            window.show_about,
        )
    )


def build(window: MainWindow, pages: list[tuple[str, str]]) -> None:
    """Menus and the toolbar of `window`; `pages` are (objectName, title) of its pages."""
    translate = QCoreApplication.translate
    _file_menu(window)
    _edit_menu(window)
    _view_menu(window, pages)
    _help_menu(window)
    toolbar = QToolBar(translate("MainWindow", "Main"), window, objectName="mainToolBar")
    toolbar.setMovable(False)
    for action in (
        window.new_visit_action,
        window.import_action,
        window.findChild(QAction, "actionExportWeekly"),
        None,
        window.send_action,
        window.receive_action,
    ):
        if action is None:
            toolbar.addSeparator()
            continue
        action.setIconText(button_text(action.text()))
        toolbar.addAction(action)
    window.addToolBar(toolbar)
