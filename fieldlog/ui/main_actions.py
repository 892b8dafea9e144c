"""Where the main window's actions go (menus and toolbar), and when each one is available.

The actions themselves are built in `actions.py`; here they are placed by their `MainAction`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import cast

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from fieldlog.services.team.team import current_team
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.actions import EDIT_ON_PAGE, EXPORTS, LANGUAGES, SHOW_PAGE, MainAction
from fieldlog.ui.changes import EVERYTHING, Changes, Kind
from fieldlog.ui.navigator import WindowCommands

Actions = Mapping[MainAction, QAction]
#: The objectName of File ▸ Read business cards.
READ_CARDS = "readCardAction"

_MENU_MARKS = re.compile(r"\(&\w\)|&(?=\w)|…$")

# The menu actions that change the database: disabled over a read-only one (any other change
# is refused by the database with the read-only sentence).
WRITING_ACTIONS = frozenset(
    {
        MainAction.NEW_VISIT,
        MainAction.IMPORT,
        MainAction.LOAD_DEMO,
        MainAction.SEND_WORK,
        MainAction.RECEIVE,
        MainAction.TEAM_PASSPHRASE,
        MainAction.EDIT_TEAM,
        MainAction.EDIT_RULES,
    }
)
# On a bureau's window: every action that would change a team's records, or this database as
# a team's (receiving stays: that is how a bureau's data arrives).
BUREAU_LOCKED = (WRITING_ACTIONS - {MainAction.RECEIVE}) | {
    MainAction.EDIT_VISIT,
    MainAction.EDIT_ORG,
    MainAction.EDIT_PROJECT,
}
# Logging, importing and exporting need a team (or the demo) first.
NEEDS_WORK = frozenset(
    {MainAction.NEW_VISIT, MainAction.IMPORT, *EXPORTS, MainAction.EXPORT_BRIEF,
     MainAction.EXPORT_CALENDAR}
)  # fmt: skip
# None is a separator.
TOOLBAR = (
    MainAction.NEW_VISIT,
    MainAction.IMPORT,
    MainAction.EXPORT_WEEKLY,
    None,
    MainAction.SEND_WORK,
    MainAction.RECEIVE,
)


def button_text(menu_text: str) -> str:
    """A menu text without its accelerator and ellipsis, for a toolbar button: Qt strips "&" but
    leaves the "(F)" of a Chinese "文件(&F)"."""
    return _MENU_MARKS.sub("", menu_text).strip()


def sync_needs_a_team() -> str:
    """Why Send and Receive are not available yet."""
    return QCoreApplication.translate(
        "MainWindow",
        "Set up the team first, or join your team with the team leader's package from the "
        "welcome screen.",
    )


def bureau_read_only() -> str:
    """Why a bureau's window changes no record (said as the tooltip of what it switched off)."""
    return QCoreApplication.translate(
        "MainWindow",
        "A bureau database shows each team's records as the team sent them: change them on the "
        "team's laptop (a change made here would never reach the team).",
    )


def _fill(menu: QMenu, actions: Actions, kinds: Iterable[MainAction | None]) -> None:
    for kind in kinds:
        if kind is None:
            menu.addSeparator()
        else:
            menu.addAction(actions[kind])


def build_menus(window: QMainWindow, actions: Actions) -> None:
    """The menu bar of `window`: File, Edit, View, Help."""
    _file_menu(window, actions)
    _edit_menu(window, actions)
    _view_menu(window, actions)
    _help_menu(window, actions)


def _file_menu(window: QMainWindow, actions: Actions) -> None:
    translate = QCoreApplication.translate
    menu = window.menuBar().addMenu(translate("MainWindow", "&File"))
    _fill(menu, actions, (MainAction.NEW_VISIT, MainAction.IMPORT))
    menu.addAction(_read_cards_action(window, actions))
    export = menu.addMenu(translate("MainWindow", "&Export"))
    _fill(export, actions, (*EXPORTS, None, MainAction.EXPORT_BRIEF, MainAction.EXPORT_CALENDAR))
    menu.addSeparator()
    _fill(menu, actions, (MainAction.SEND_WORK, MainAction.RECEIVE))
    sync = menu.addMenu(translate("MainWindow", "S&ync"))
    sync.setObjectName("syncMenu")
    _fill(sync, actions, (MainAction.TEAM_PASSPHRASE, MainAction.SYNC_REVIEW))
    kinds = (
        None,
        MainAction.LOAD_DEMO,
        MainAction.BACKUPS,
        MainAction.ENCRYPT,
        MainAction.DECRYPT,
        None,
        MainAction.QUIT,
    )
    _fill(menu, actions, kinds)


def _read_cards_action(window: QMainWindow, actions: Actions) -> QAction:
    """File ▸ Read business cards: available exactly when Import is (it writes contacts and
    organizations: a team's, on a writable database that is not a bureau's)."""
    text = QCoreApplication.translate("MainWindow", "Read b&usiness cards…")
    action = QAction(text, window)
    action.setObjectName(READ_CARDS)
    action.triggered.connect(lambda _checked=False: read_cards(window))
    imports = actions[MainAction.IMPORT]

    def follow() -> None:
        action.setEnabled(imports.isEnabled())
        action.setStatusTip(imports.statusTip())

    imports.changed.connect(follow)
    follow()
    return action


def read_cards(window: QMainWindow) -> None:
    """Ask for card photos (or a folder of them) and open them for review and saving."""
    from fieldlog.ui.dialogs.card_dialog import open_card_dialog

    open_card_dialog(window, cast(WindowCommands, window).shown_db)


def _edit_menu(window: QMainWindow, actions: Actions) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    team = (MainAction.EDIT_TEAM, MainAction.EDIT_RULES)
    kinds = (MainAction.UNDO, MainAction.REDO, None, *EDIT_ON_PAGE, None, *team)
    _fill(menu, actions, kinds)


def _view_menu(window: QMainWindow, actions: Actions) -> None:
    translate = QCoreApplication.translate
    menu = window.menuBar().addMenu(translate("MainWindow", "&View"))
    _fill(menu, actions, (*SHOW_PAGE.values(), None))
    language = menu.addMenu(translate("MainWindow", "&Language"))
    group = QActionGroup(window)  # one language checked at a time
    for kind in LANGUAGES:
        group.addAction(actions[kind])
    _fill(language, actions, LANGUAGES)


def _help_menu(window: QMainWindow, actions: Actions) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    _fill(menu, actions, (MainAction.GUIDE, MainAction.SHORTCUTS, None, MainAction.ABOUT))


def build_toolbar(window: QMainWindow, actions: Actions) -> QToolBar:
    """The toolbar under the menus: the everyday actions, with short button texts."""
    title = QCoreApplication.translate("MainWindow", "Main")
    toolbar = QToolBar(title, window, objectName="mainToolBar")
    toolbar.setMovable(False)
    for kind in TOOLBAR:
        if kind is None:
            toolbar.addSeparator()
            continue
        action = actions[kind]
        action.setIconText(button_text(action.text()))
        toolbar.addAction(action)
    window.addToolBar(toolbar)
    return toolbar


class ActionStates(QObject):
    """When each action is available: work actions wait for a team, nothing writes over a
    read-only database (nor a bureau's), and each Edit action works on its own page only."""

    def __init__(
        self, window: QMainWindow, actions: Actions, db: Database, *, bureau: bool = False
    ) -> None:
        super().__init__(window)  # lives as long as the window; the connection goes with it
        self._actions, self._db, self._bureau = actions, db, bureau
        operations.changes().changes_applied.connect(self.recheck)
        self.recheck()
        self._encryption_states()

    def _encryption_states(self) -> None:
        """Encrypt a plain file, or take the encryption off an encrypted one: never a server's
        database (it has its own access control) nor one opened read-only."""
        db = self._db
        convertible = db.path is not None and not db.read_only
        self._actions[MainAction.ENCRYPT].setEnabled(convertible and not db.encrypted)
        self._actions[MainAction.DECRYPT].setEnabled(convertible and db.encrypted)

    def set_first_start(self, first_start: bool) -> None:
        """Before the first team (or the demo) there is nothing to log, import or export."""
        for kind in NEEDS_WORK:
            self._actions[kind].setEnabled(not first_start)
        if self._db.read_only:
            for kind in WRITING_ACTIONS:
                self._actions[kind].setEnabled(False)
        self._lock_bureau()

    def set_page_shown(self, shown: int | None) -> None:
        """Each Edit action is enabled while its page (visits, organizations, projects) is
        shown; `shown` is None on the welcome panel."""
        for kind, page in EDIT_ON_PAGE.items():
            self._actions[kind].setEnabled(page == shown)
        self._lock_bureau()

    def recheck(self, made: Changes = EVERYTHING) -> None:
        """Send and Receive wait for a team: before one exists there is nothing to send, and a
        new laptop joins from the welcome screen (its button receives the leader's package).
        Rechecked on every change announced, so set-up, the demo or a join enables them at
        once; the team, its members and groups are corrected once there is a team."""
        if not made.touches(Kind.TEAM):
            return
        has_team = current_team(self._db) is not None
        reason = "" if has_team else sync_needs_a_team()
        writable = not self._db.read_only
        for kind in (MainAction.SEND_WORK, MainAction.RECEIVE):
            self._actions[kind].setEnabled(has_team and writable)
            self._actions[kind].setToolTip(reason)  # empty: the action's own text
            self._actions[kind].setStatusTip(reason)
        for kind in (MainAction.EDIT_TEAM, MainAction.EDIT_RULES):
            self._actions[kind].setEnabled(has_team and writable)
        self._lock_bureau()

    def _lock_bureau(self) -> None:
        """On a bureau: nothing changes a record, packages are received (with no team of its
        own, a bureau still receives its teams' packages)."""
        if not self._bureau:
            return
        for kind in BUREAU_LOCKED:
            self._actions[kind].setEnabled(False)
            self._actions[kind].setToolTip(bureau_read_only())
            self._actions[kind].setStatusTip(bureau_read_only())
        receive = self._actions[MainAction.RECEIVE]
        receive.setEnabled(not self._db.read_only)
        receive.setToolTip("")
        receive.setStatusTip("")
