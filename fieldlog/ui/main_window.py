"""The main window: the welcome panel or the pages, the menus, and what their actions open.

The window owns its actions (`main_actions`, a dict keyed by `MainAction`, built in
`actions.py` and placed in `main_actions.py`) and its pages (`pages.Workspace`); both reach it
only through the protocols of `navigator.py`, so no module of `fieldlog.ui` imports this one.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, cast

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from fieldlog.services.admin.workspace import is_empty
from fieldlog.services.team.identity import get_me
from fieldlog.services.visits.follow_ups import reminder_counts
from fieldlog.store.database import Database
from fieldlog.ui import operations, undo, window_dialogs
from fieldlog.ui.actions import MainAction, create_actions
from fieldlog.ui.bureau.window import open_bureau
from fieldlog.ui.change_watch import ChangeWatch
from fieldlog.ui.dialogs.backups_dialog import AutoBackup, BackupsDialog
from fieldlog.ui.dialogs.sync_flow import SyncFlow
from fieldlog.ui.dialogs.team_setup_dialog import TeamSetupDialog
from fieldlog.ui.file_drop import install_xlsx_drop
from fieldlog.ui.main_actions import ActionStates, build_menus, build_toolbar
from fieldlog.ui.navigator import Page
from fieldlog.ui.pages import Workspace
from fieldlog.ui.welcome_panel import WelcomePanel
from fieldlog.ui.window_dialogs import open_dialog
from fieldlog.ui.window_shortcuts import WindowShortcuts

if TYPE_CHECKING:  # each page's view is imported when the page is first shown
    from fieldlog.ui.views.chain_map_view import ChainMapView
    from fieldlog.ui.views.follow_ups_view import FollowUpsView
    from fieldlog.ui.views.orgs_view import OrgsView
    from fieldlog.ui.views.pipeline_board import PipelineBoard
    from fieldlog.ui.views.sync_view import SyncView
    from fieldlog.ui.views.visit_log_view import VisitLogView

DEFAULT_SIZE = (1240, 780)
STATUS_TIMEOUT_MS = 10_000
#: The follow-up reminder waits until the window has painted its first page.
REMINDER_DELAY_MS = 1000
P = TypeVar("P", bound=QWidget)


class _Shown(Generic[P]):
    """A page of the window, built when first read (the window shows its pages)."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def __get__(self, window: MainWindow, _owner: object = None) -> P:
        assert window.workspace is not None, "no pages on the welcome panel"
        return cast(P, window.workspace.page(self.page))


class MainWindow(QMainWindow):
    """FieldLog's top window over one open database."""

    #: The user chose another language in the View menu (the app rebuilds the window).
    language_requested = Signal(str)
    #: The user confirmed restoring this backup (the app closes, restores and reopens).
    restore_requested = Signal(Path)
    #: The database file was encrypted or decrypted (closed meanwhile): the app reopens it with
    #: the `encryption_flow.Reopen` carried.
    reopen_requested = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self.db, self.language = db, language
        undo.bind_to(db)  # the commands of another database are dropped; this one's are kept
        self.setObjectName("MainWindow")
        if db.read_only:
            title = self.tr("FieldLog — {name} (read-only: you can read and export)")
        else:
            title = self.tr("FieldLog — {name}")
        self.setWindowTitle(title.format(name=db.name))
        self.resize(*DEFAULT_SIZE)
        # A bureau's database: its teams' records, one team or all, read only (ui/bureau/).
        self.bureau = open_bureau(self, db)
        if self.bureau is not None:
            self.setWindowTitle(self.bureau.title())
            self.bureau.scope.view_changed.connect(self._show_view)
        self.workspace: Workspace | None = None  # the pages, once the database holds work
        self._reminded = False
        self.sync_flow = SyncFlow(db, self)  # Send my work, Receive, the team passphrase
        self.sync_flow.review_requested.connect(self.show_sync_page)
        self.auto_backup = AutoBackup(db, self)
        self.auto_backup.failed.connect(self._on_backup_failed)
        self.main_actions: dict[MainAction, QAction] = dict(create_actions(self, self))
        build_menus(self, self.main_actions)
        self.toolbar = build_toolbar(self, self.main_actions)
        if self.bureau is not None:
            self.bureau.install(self.toolbar)
        self.action_states = ActionStates(
            self, self.main_actions, db, bureau=self.bureau is not None
        )
        self.shortcuts = WindowShortcuts(self)  # Ctrl+E and the rest work from any field
        self.statusBar().showMessage(self.tr("Database: {name}").format(name=db.name))
        # What other windows, a command line or another user change shows here too.
        self.change_watch = ChangeWatch(db, self)
        operations.changes().changes_applied.connect(self._on_changes_applied)
        # .xlsx files and sync packages dropped on the window
        dropped_on = db if self.bureau is None else self.bureau.read_only
        self.drop_filter = install_xlsx_drop(self, dropped_on, receive=self._receive_dropped)
        self._restore_geometry()
        self.refresh()

    def refresh(self) -> None:
        """Show the welcome panel on an empty database, else the pages."""
        first_start = self.bureau is None and is_empty(self.db)  # a bureau waits for teams
        self.action_states.set_first_start(first_start)
        if first_start:
            self.workspace = None
            self.setCentralWidget(self._welcome_panel())
            self.action_states.set_page_shown(None)
        elif self.workspace is None:
            if self.bureau is None:
                self.workspace = Workspace(self.db, self)
            else:
                self.workspace = self.bureau.workspace(self)
            self.workspace.page_shown.connect(self.action_states.set_page_shown)
            self.action_states.set_page_shown(self.workspace.current_page())
            self.setCentralWidget(self.workspace)

    @property
    def shown_db(self) -> Database:
        """The database the pages show: this one, or on a bureau the view of the team chosen."""
        return self.db if self.bureau is None else self.bureau.scope.view

    def _show_view(self, _view: Database) -> None:
        """Another team chosen on a bureau: the pages again, on its view, on the same page."""
        old, self.workspace = self.workspace, None
        self.refresh()
        if old is not None:
            self.show_page(old.current_page() or Page.VISITS)
            # Deleted now, not later: none of its pages may query the view about to be closed
            # (a query would open a connection again, which holds the file).
            shiboken6.delete(old)

    def close_views(self) -> None:
        """Release the connections of a bureau's view before its file is restored or converted
        (they hold the file open); a page's next query opens them again."""
        if self.bureau is not None:
            self.bureau.close()

    def _offers_encryption(self) -> bool:
        """Whether a first start offers to encrypt the database: a plain file it can write."""
        return self.db.path is not None and not self.db.read_only and not self.db.encrypted

    def _welcome_panel(self) -> WelcomePanel:
        welcome = WelcomePanel(offer_encryption=self._offers_encryption())
        welcome.load_demo_requested.connect(self.load_demo)
        welcome.set_up_requested.connect(self.set_up_team)
        welcome.receive_requested.connect(lambda: self.join_team())
        return welcome

    def _receive_dropped(self, paths: list[Path]) -> None:
        """Packages dropped on the window: one on the welcome screen is the team leader's, and
        joins the team through the join dialog (which names the team first); otherwise they
        are received together, in one import."""
        if self.workspace is None and len(paths) == 1:
            self.join_team(paths[0])
        else:
            self.sync_flow.receive(paths)

    def _on_changes_applied(self, _made: object) -> None:
        # The welcome screen asks whether the database is still empty: any change may end it.
        if self.workspace is None:
            self.refresh()

    # -- pages -----------------------------------------------------------------------------

    @property
    def pages(self) -> QStackedWidget | None:
        """The stack of pages; None on the welcome panel."""
        return self.workspace.stack if self.workspace is not None else None

    @property
    def navigation(self) -> QListWidget | None:
        """The list of pages beside them; None on the welcome panel."""
        return self.workspace.navigation if self.workspace is not None else None

    visit_log: _Shown[VisitLogView] = _Shown(Page.VISITS)
    orgs_view: _Shown[OrgsView] = _Shown(Page.ORGS)
    pipeline: _Shown[PipelineBoard] = _Shown(Page.PIPELINE)
    chain_map: _Shown[ChainMapView] = _Shown(Page.CHAIN_MAP)
    follow_ups: _Shown[FollowUpsView] = _Shown(Page.FOLLOW_UPS)
    sync_view: _Shown[SyncView] = _Shown(Page.SYNC)

    def show_page(self, page: int) -> None:
        """Switch to a page (Ctrl+1 … Ctrl+7)."""
        if self.workspace is not None:
            self.workspace.show_page(page)

    def show_sync_page(self) -> None:
        """The Sync page: who sent what, conflicts and look-alikes to review."""
        self.show_page(Page.SYNC)

    def show_org(self, org_id: uuid.UUID) -> None:
        """The Organizations page with one organization selected (from the chain map)."""
        if self.workspace is not None:
            self.show_page(Page.ORGS)
            self.orgs_view.show_org(org_id)

    def _remind_follow_ups(self) -> None:
        """At start: how many of my (or the team's) follow-ups are overdue or due today."""
        if not self.isVisible() or self.bureau is not None:
            return  # closed meanwhile, or replaced (its file may have been encrypted since)
        me = get_me(self.db)
        scope = "me" if me else "team"
        overdue, due = reminder_counts(self.db, today=date.today(), scope=scope, member_id=me)
        if overdue or due:
            text = self.tr("Follow-ups: {overdue} overdue, {due} due today (Ctrl+6)")
            self.statusBar().showMessage(text.format(overdue=overdue, due=due))

    # -- records ---------------------------------------------------------------------------

    def new_visit(self) -> None:
        """Open the visit entry dialog (Ctrl+N)."""
        if self.workspace is not None:
            self.edit_visit(None)

    def edit_visit(self, visit_id: uuid.UUID | None) -> QDialog | None:
        """Open a visit for editing (a new one without `visit_id`)."""
        dialog = window_dialogs.open_visit(self, self.shown_db, visit_id)
        if dialog is not None:
            dialog.saved.connect(self._on_visit_saved)  # type: ignore[attr-defined]
        return dialog

    def _on_visit_saved(self, visit_id: uuid.UUID | None) -> None:
        """Say so in the status bar, and select the saved visit in the log."""
        if visit_id is None or self.workspace is None:
            return
        self.show_page(Page.VISITS)
        if self.visit_log.select_visit(visit_id):
            text = self.tr("Visit saved.")
        else:
            text = self.tr("Visit saved (the log's search or filters hide it).")
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def open_project(self, project_id: uuid.UUID) -> QDialog | None:
        """The project's detail: fields, stage history, funds in place, linked visits."""
        return window_dialogs.open_project(self, self.shown_db, project_id)

    def edit_selected(self, page: Page) -> QDialog | None:
        """Open the edit dialog of the record selected on `page` when that page is shown."""
        if self.workspace is None or self.workspace.current_page() != page:
            return None
        if page == Page.VISITS:
            visit_id = self.visit_log.current_visit_id()
            return self.edit_visit(visit_id) if visit_id else None
        if page == Page.ORGS:
            return self.orgs_view.edit_org()
        project_id = self.pipeline.current_project_id()
        return self.open_project(project_id) if project_id else None

    # -- files, team and sync --------------------------------------------------------------

    def import_file(self, path: str | None = None) -> None:
        """Import a sheet (Ctrl+I), or the file dropped on the window."""
        from fieldlog.ui.dialogs.import_dialog import ImportDialog

        open_dialog(ImportDialog(self.db, path=path, parent=self))

    def export(self, what: str) -> None:
        """Export the weekly return (Ctrl+E), the ledger, the directory or the visit log."""
        from fieldlog.ui.dialogs.export_dialog import ExportDialog

        if self.bureau is not None and self.bureau.exports(what):
            return  # all teams: the consolidated return
        open_dialog(ExportDialog(self.shown_db, what=what, parent=self))

    def _welcome(self) -> WelcomePanel | None:
        shown = self.centralWidget()
        return shown if isinstance(shown, WelcomePanel) else None

    def set_up_team(self) -> None:
        """First start: the team set-up form (with the welcome screen's encryption choice)."""
        dialog = TeamSetupDialog(self.db, self, offer_encryption=self._offers_encryption())
        welcome = self._welcome()
        if dialog.encryption is not None and welcome is not None and welcome.encryption:
            dialog.encryption.copy_from(welcome.encryption)
        dialog.converted.connect(self.reopen_requested)
        open_dialog(dialog)

    def edit_team(self) -> None:
        """The team, its members and work groups, to correct."""
        open_dialog(TeamSetupDialog(self.db, self, edit=True))

    def edit_rules(self) -> None:
        """The team's assessment scope and warning rules."""
        from fieldlog.ui.dialogs.rules_dialog import RulesDialog

        open_dialog(RulesDialog(self.db, self))

    def _encrypted_first(self, **work: object) -> bool:
        """From the welcome screen where the user chose encryption: encrypt the empty database,
        and have the app reopen it and do `work` there (see `encryption_flow.Reopen`). True
        when the work is the app's now, or was refused (said on the welcome screen)."""
        welcome = self._welcome()
        if welcome is None or welcome.encryption is None or not welcome.encryption.wanted():
            return False
        from fieldlog.ui.encryption_flow import encrypt_first

        reopen = encrypt_first(self, self.db, welcome.encryption, **work)  # type: ignore[arg-type]
        if isinstance(reopen, str):
            welcome.message.setText(reopen)
        else:
            self.reopen_requested.emit(reopen)
        return True

    def load_demo(self) -> None:
        """Load the demo dispatch into this database (refused once it holds work); from the
        welcome screen, the database is encrypted first when the user chose so there."""
        if not self._encrypted_first(then=window_dialogs.load_demo_quietly):
            window_dialogs.load_demo(self, self.db)

    def join_team(self, path: Path | None = None) -> None:
        """Join the team with the leader's package; from the welcome screen, the database is
        encrypted first when the user chose so there (the package is then chosen in the new
        window)."""
        if not self._encrypted_first(after=lambda window: window.sync_flow.join(path)):
            self.sync_flow.join(path)

    def confirm_load_demo(self) -> None:
        """File ▸ Load demo data: asks first; a database holding work is refused at once."""
        window_dialogs.confirm_load_demo(self, self.db)

    def show_backups(self) -> None:
        """File ▸ Backups…: the list, Back up now, Restore selected…, Show in folder."""
        dialog = BackupsDialog(self.db, self)
        dialog.restore_requested.connect(self.restore_requested)
        open_dialog(dialog)

    def encrypt_database(self) -> None:
        """File ▸ Encrypt database…: a password, then the app reopens the encrypted file."""
        from fieldlog.ui.dialogs.encryption_dialogs import EncryptDialog

        self.close_views()
        dialog = EncryptDialog(self.db, self)
        dialog.converted.connect(self.reopen_requested)
        open_dialog(dialog)

    def decrypt_database(self) -> None:
        """File ▸ Remove encryption…: the current password, then the app reopens the file."""
        from fieldlog.ui.dialogs.encryption_dialogs import DecryptDialog

        self.close_views()
        dialog = DecryptDialog(self.db, self)
        dialog.converted.connect(self.reopen_requested)
        open_dialog(dialog)

    def _on_backup_failed(self, reason: str) -> None:
        # Never a modal: the backup runs by itself, the user carries on working.
        text = self.tr("Automatic backup failed: {reason}").format(reason=reason)
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    # -- view and help ---------------------------------------------------------------------

    def choose_language(self, code: str) -> None:
        """View ▸ Language: the app rebuilds the window in `code`."""
        self.language_requested.emit(code)

    def show_guide(self) -> None:
        """Help ▸ User guide (F1)."""
        from fieldlog.ui.dialogs.help_dialogs import GuideDialog

        open_dialog(GuideDialog(self.language, self))

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts."""
        from fieldlog.ui.dialogs.help_dialogs import ShortcutsDialog

        open_dialog(ShortcutsDialog(self))

    def show_about(self) -> None:
        """The About box."""
        window_dialogs.show_about(self, self.db)

    # -- window state ----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.auto_backup.start()
        if not self._reminded and self.workspace is not None:
            self._reminded = True  # once, after the window is on screen
            QTimer.singleShot(REMINDER_DELAY_MS, self, self._remind_follow_ups)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.auto_backup.timer.stop()
        if self.bureau is not None:
            self.bureau.close()
        super().closeEvent(event)
