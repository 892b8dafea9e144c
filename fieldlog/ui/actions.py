"""The main window's actions, one small factory each, registered by the action it builds.

`create_actions(window, commands)` yields every `MainAction` with its QAction; the window keeps
them in a dict (`window.main_actions`) and `main_actions.py` places them in menus and the
toolbar. A factory calls the window only through `WindowCommands`, so nothing here imports the
window. Each QAction's objectName is its `MainAction` value: tests and outside probes find the
actions by these names, so a value never changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum, unique
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from fieldlog.ui.navigator import Page, WindowCommands, page_title
from fieldlog.ui.undo import undo_stack


@unique
class MainAction(Enum):
    """Every action of the main window; the value is the QAction's objectName."""

    NEW_VISIT = "actionNewVisit"
    IMPORT = "actionImport"
    EXPORT_WEEKLY = "actionExportWeekly"
    EXPORT_LEDGER = "actionExportLedger"
    EXPORT_ORGS = "actionExportOrgs"
    EXPORT_VISITS = "actionExportVisits"
    EXPORT_BRIEF = "actionExportBrief"
    EXPORT_CALENDAR = "actionExportCalendar"
    SEND_WORK = "actionSendWork"
    RECEIVE = "actionReceive"
    TEAM_PASSPHRASE = "actionTeamPassphrase"
    SYNC_REVIEW = "actionSyncReview"
    LOAD_DEMO = "loadDemoAction"
    BACKUPS = "actionBackups"
    ENCRYPT = "encryptDatabaseAction"
    DECRYPT = "decryptDatabaseAction"
    QUIT = "quitAction"
    UNDO = "actionUndo"
    REDO = "actionRedo"
    EDIT_VISIT = "actionEditVisit"
    EDIT_ORG = "actionEditOrg"
    EDIT_PROJECT = "actionEditProject"
    EDIT_TEAM = "actionEditTeam"
    EDIT_RULES = "actionEditRules"
    SHOW_VISITS = "actionShow_visitsPage"
    SHOW_ORGS = "actionShow_orgsPage"
    SHOW_PIPELINE = "actionShow_pipelinePage"
    SHOW_CHAIN_MAP = "actionShow_chainMapPage"
    SHOW_DASHBOARD = "actionShow_dashboardPage"
    SHOW_FOLLOW_UPS = "actionShow_followUpsPage"
    SHOW_SYNC = "actionShow_syncPage"
    LANGUAGE_ZH_CN = "actionLanguage_zh_CN"
    LANGUAGE_EN = "actionLanguage_en"
    GUIDE = "actionGuide"
    SHORTCUTS = "actionShortcuts"
    ABOUT = "aboutAction"


#: The View action of each page.
SHOW_PAGE = {page: MainAction[f"SHOW_{page.name}"] for page in Page}
#: The Edit action of the record selected on a page; the page is the action's data.
EDIT_ON_PAGE = {
    MainAction.EDIT_VISIT: Page.VISITS,
    MainAction.EDIT_ORG: Page.ORGS,
    MainAction.EDIT_PROJECT: Page.PIPELINE,
}
#: What File ▸ Export writes, for each of its actions.
EXPORTS = {
    MainAction.EXPORT_WEEKLY: "weekly",
    MainAction.EXPORT_LEDGER: "ledger",
    MainAction.EXPORT_ORGS: "orgs",
    MainAction.EXPORT_VISITS: "visits",
}
LANGUAGES = {MainAction.LANGUAGE_ZH_CN: "zh_CN", MainAction.LANGUAGE_EN: "en"}

Factory = Callable[[QMainWindow, WindowCommands], QAction]
_FACTORIES: dict[MainAction, Factory] = {}


def add_action(kind: MainAction) -> Callable[[Factory], Factory]:
    """Register the decorated function as the factory of `kind` (one factory per action)."""

    def register(factory: Factory) -> Factory:
        if kind in _FACTORIES:
            raise RuntimeError(f"{kind} has two factories")
        _FACTORIES[kind] = factory
        return factory

    return register


def create_actions(
    window: QMainWindow, commands: WindowCommands
) -> Iterator[tuple[MainAction, QAction]]:
    """Every action, built for `window` and calling `commands` (the window itself)."""
    for kind in MainAction:
        action = _FACTORIES[kind](window, commands)
        action.setObjectName(kind.value)
        yield kind, action


def window_action(
    window: QMainWindow, text: str, slot: Callable[[], object], keys: object = None
) -> QAction:
    """An action of the window: its shortcut works whichever page has the focus."""
    action = QAction(text, window)
    if keys is not None:
        action.setShortcut(QKeySequence(keys))  # type: ignore[call-overload]
    # The slot is called without Qt's `checked` (Receive would take it for a list of files).
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


# -- File -----------------------------------------------------------------------------------


@add_action(MainAction.NEW_VISIT)
def _new_visit(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&New visit…")
    return window_action(window, text, commands.new_visit, QKeySequence.StandardKey.New)


@add_action(MainAction.IMPORT)
def _import(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Import…")
    return window_action(window, text, commands.import_file, "Ctrl+I")


def _export_texts() -> dict[MainAction, tuple[str, str | None]]:
    translate = QCoreApplication.translate
    return {
        MainAction.EXPORT_WEEKLY: (translate("MainWindow", "&Weekly return…"), "Ctrl+E"),
        MainAction.EXPORT_LEDGER: (translate("MainWindow", "Project &ledger…"), None),
        MainAction.EXPORT_ORGS: (translate("MainWindow", "&Organization directory…"), None),
        MainAction.EXPORT_VISITS: (translate("MainWindow", "&Visit log…"), None),
    }


def _export_factory(kind: MainAction) -> Factory:
    def export(window: QMainWindow, commands: WindowCommands) -> QAction:
        text, keys = _export_texts()[kind]
        return window_action(window, text, partial(commands.export, EXPORTS[kind]), keys)

    return export


for _kind in EXPORTS:
    add_action(_kind)(_export_factory(_kind))


@add_action(MainAction.EXPORT_BRIEF)
def _export_brief(window: QMainWindow, commands: WindowCommands) -> QAction:
    from fieldlog.ui.dialogs.brief_dialog import open_brief

    text = QCoreApplication.translate("MainWindow", "Work &briefing…")
    return window_action(window, text, lambda: open_brief(window, commands.shown_db))


@add_action(MainAction.EXPORT_CALENDAR)
def _export_calendar(window: QMainWindow, commands: WindowCommands) -> QAction:
    from fieldlog.ui.dialogs.calendar_dialog import open_calendar

    text = QCoreApplication.translate("MainWindow", "Follow-ups &calendar…")
    return window_action(window, text, lambda: open_calendar(window, commands.shown_db))


@add_action(MainAction.SEND_WORK)
def _send_work(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Send my work…")
    return window_action(window, text, commands.sync_flow.send, "Ctrl+Shift+S")


@add_action(MainAction.RECEIVE)
def _receive(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Receive…")
    return window_action(window, text, commands.sync_flow.receive, "Ctrl+Shift+R")


@add_action(MainAction.TEAM_PASSPHRASE)
def _team_passphrase(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "Team &passphrase…")
    return window_action(window, text, commands.sync_flow.change_passphrase)


@add_action(MainAction.SYNC_REVIEW)
def _sync_review(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Overview and review")
    return window_action(window, text, commands.show_sync_page)


@add_action(MainAction.LOAD_DEMO)
def _load_demo(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "Load &demo data…")
    return window_action(window, text, commands.confirm_load_demo)


@add_action(MainAction.BACKUPS)
def _backups(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Backups…")
    return window_action(window, text, commands.show_backups)


@add_action(MainAction.ENCRYPT)
def _encrypt(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Encrypt database…")
    return window_action(window, text, commands.encrypt_database)


@add_action(MainAction.DECRYPT)
def _decrypt(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "Remove en&cryption…")
    return window_action(window, text, commands.decrypt_database)


@add_action(MainAction.QUIT)
def _quit(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Quit")
    return window_action(window, text, commands.close, QKeySequence.StandardKey.Quit)


# -- Edit -----------------------------------------------------------------------------------


@add_action(MainAction.UNDO)
def _undo(window: QMainWindow, _commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Undo")
    action = undo_stack().createUndoAction(window, text)
    action.setShortcut(QKeySequence.StandardKey.Undo)
    return action


@add_action(MainAction.REDO)
def _redo(window: QMainWindow, _commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Redo")
    action = undo_stack().createRedoAction(window, text)
    # Both, on every system: the standard Redo as one sequence is only its first binding, which
    # is Ctrl+Y on Windows (adding Ctrl+Y again made the shortcut ambiguous, so it did nothing).
    action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    return action


def _edit_texts() -> dict[MainAction, str]:
    translate = QCoreApplication.translate
    return {
        MainAction.EDIT_VISIT: translate("MainWindow", "Edit the selected &visit…"),
        MainAction.EDIT_ORG: translate("MainWindow", "Edit the selected &organization…"),
        MainAction.EDIT_PROJECT: translate("MainWindow", "Edit the selected &project…"),
    }


def _edit_factory(kind: MainAction) -> Factory:
    def edit(window: QMainWindow, commands: WindowCommands) -> QAction:
        page = EDIT_ON_PAGE[kind]
        action = window_action(window, _edit_texts()[kind], partial(commands.edit_selected, page))
        action.setData(page)
        action.setEnabled(False)  # until its page is shown
        return action

    return edit


for _kind in EDIT_ON_PAGE:
    add_action(_kind)(_edit_factory(_kind))


@add_action(MainAction.EDIT_TEAM)
def _edit_team(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Team and members…")
    return window_action(window, text, commands.edit_team)


@add_action(MainAction.EDIT_RULES)
def _edit_rules(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "Assessment scope and &warning rules…")
    return window_action(window, text, commands.edit_rules)


# -- View -----------------------------------------------------------------------------------


def _show_page_factory(page: Page) -> Factory:
    def show(window: QMainWindow, commands: WindowCommands) -> QAction:
        slot = partial(commands.show_page, page)
        return window_action(window, page_title(page), slot, f"Ctrl+{page + 1}")

    return show


for _page, _kind in SHOW_PAGE.items():
    add_action(_kind)(_show_page_factory(_page))


def _language_factory(kind: MainAction) -> Factory:
    def language(window: QMainWindow, commands: WindowCommands) -> QAction:
        code = LANGUAGES[kind]
        # Each language is named in itself, whatever the window's language.
        action = QAction({"zh_CN": "中文", "en": "English"}[code], window, checkable=True)
        action.setChecked(commands.language == code)
        action.triggered.connect(lambda _checked=False: commands.choose_language(code))
        return action

    return language


for _kind in LANGUAGES:
    add_action(_kind)(_language_factory(_kind))


# -- Help -----------------------------------------------------------------------------------


@add_action(MainAction.GUIDE)
def _guide(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&User guide")
    return window_action(window, text, commands.show_guide, QKeySequence.StandardKey.HelpContents)


@add_action(MainAction.SHORTCUTS)
def _shortcuts(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&Keyboard shortcuts")
    return window_action(window, text, commands.show_shortcuts)


@add_action(MainAction.ABOUT)
def _about(window: QMainWindow, commands: WindowCommands) -> QAction:
    text = QCoreApplication.translate("MainWindow", "&About FieldLog")
    return window_action(window, text, commands.show_about)
