"""The window's pages, and what its pages and actions may ask of the window.

Pages and actions are given a `Navigator` (or `WindowCommands`) instead of the window itself,
so none of them imports `main_window`: the window satisfies both protocols by its methods.
"""

from __future__ import annotations

import uuid
from enum import IntEnum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from fieldlog.store.database import Database


class Page(IntEnum):
    """The pages, in navigation order (Ctrl+1 … Ctrl+7)."""

    VISITS = 0
    ORGS = 1
    PIPELINE = 2
    CHAIN_MAP = 3
    DASHBOARD = 4
    FOLLOW_UPS = 5
    SYNC = 6

    @property
    def object_name(self) -> str:
        """The name the page's View action is found by (`actionShow_<name>`)."""
        return _OBJECT_NAMES[self]


_OBJECT_NAMES = {
    Page.VISITS: "visitsPage",
    Page.ORGS: "orgsPage",
    Page.PIPELINE: "pipelinePage",
    Page.CHAIN_MAP: "chainMapPage",
    Page.DASHBOARD: "dashboardPage",
    Page.FOLLOW_UPS: "followUpsPage",
    Page.SYNC: "syncPage",
}


def page_title(page: Page) -> str:
    """The page's title in the navigation list and the View menu."""
    translate = QCoreApplication.translate
    titles = {
        Page.VISITS: translate("MainWindow", "Visits"),
        Page.ORGS: translate("MainWindow", "Organizations"),
        Page.PIPELINE: translate("MainWindow", "Projects"),
        Page.CHAIN_MAP: translate("MainWindow", "Chain map"),
        Page.DASHBOARD: translate("MainWindow", "Dashboard"),
        Page.FOLLOW_UPS: translate("MainWindow", "Follow-ups"),
        Page.SYNC: translate("MainWindow", "Sync"),
    }
    return titles[page]


class SyncRequests(Protocol):
    """Send my work, Receive and the team passphrase, each asked for where the user is (the
    window's `SyncFlow`)."""

    def send(self) -> None: ...

    def receive(self) -> None: ...

    def change_passphrase(self) -> None: ...


class Navigator(Protocol):
    """What a page asks of the window: open a record, go to another page, sync."""

    @property
    def sync_flow(self) -> SyncRequests: ...

    def new_visit(self) -> None: ...

    def edit_visit(self, visit_id: uuid.UUID) -> QDialog | None: ...

    def open_project(self, project_id: uuid.UUID) -> QDialog | None: ...

    def show_org(self, org_id: uuid.UUID) -> None: ...


class WindowCommands(Navigator, Protocol):
    """What the menu and toolbar actions ask of the window, besides a page's requests."""

    @property
    def language(self) -> str: ...

    @property
    def shown_db(self) -> Database: ...

    def import_file(self) -> None: ...

    def export(self, what: str) -> None: ...

    def show_page(self, page: Page) -> None: ...

    def show_sync_page(self) -> None: ...

    def edit_selected(self, page: Page) -> QDialog | None: ...

    def edit_team(self) -> None: ...

    def edit_rules(self) -> None: ...

    def confirm_load_demo(self) -> None: ...

    def show_backups(self) -> None: ...

    def encrypt_database(self) -> None: ...

    def decrypt_database(self) -> None: ...

    def choose_language(self, code: str) -> None: ...

    def show_guide(self) -> None: ...

    def show_shortcuts(self) -> None: ...

    def show_about(self) -> None: ...

    def close(self) -> bool: ...
