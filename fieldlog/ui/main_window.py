"""The main window: navigation between the pages, menus, and the first-start welcome."""

from __future__ import annotations

import html
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from fieldlog import __version__
from fieldlog.services.admin.workspace import is_empty
from fieldlog.services.team.identity import get_me
from fieldlog.services.visits.follow_ups import reminder_counts
from fieldlog.store.database import Database
from fieldlog.ui import main_actions, operations, pages, undo
from fieldlog.ui.changes import EVERYTHING
from fieldlog.ui.dialogs.backups_dialog import AutoBackup, BackupsDialog
from fieldlog.ui.dialogs.sync_flow import SyncFlow
from fieldlog.ui.dialogs.team_setup_dialog import TeamSetupDialog
from fieldlog.ui.file_drop import install_xlsx_drop
from fieldlog.ui.welcome_panel import WelcomePanel
from fieldlog.ui.window_shortcuts import WindowShortcuts

if TYPE_CHECKING:
    from fieldlog.ui.views.chain_map_view import ChainMapView
    from fieldlog.ui.views.follow_ups_view import FollowUpsView
    from fieldlog.ui.views.orgs_view import OrgsView
    from fieldlog.ui.views.pipeline_board import PipelineBoard
    from fieldlog.ui.views.sync_view import SyncView

DEFAULT_SIZE = (1240, 780)
#: The pages, in navigation order (Ctrl+1 … Ctrl+7).
VISITS, ORGS, PIPELINE, CHAIN_MAP, DASHBOARD, FOLLOW_UPS, SYNC = range(7)
NAVIGATION_STYLE = """
#navigation { font-size: 11pt; border: none; background: palette(window); }
#navigation::item { padding: 9px 12px; border-radius: 6px; }
#navigation::item:selected { background: #d3e3fd; color: #0b57d0; }
"""
STATUS_TIMEOUT_MS = 10_000
#: The follow-up reminder waits until the window has painted its first page.
REMINDER_DELAY_MS = 1000


def _load_demo(db: Database) -> object:
    # Imported on use: the demo builder is large and only needed when someone asks for it.
    from fieldlog.services.admin.demo import load_demo

    return load_demo(db)


def _open(dialog: QDialog) -> QDialog:
    """Show a window-modal dialog that frees itself when closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class MainWindow(QMainWindow):
    """FieldLog's top window over one open database."""

    #: The user chose another language in the View menu (the app rebuilds the window).
    language_requested = Signal(str)
    #: The user confirmed restoring this backup (the app closes, restores and reopens).
    restore_requested = Signal(Path)

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
        self.pages: QStackedWidget | None = None
        self._reminded = False
        self.sync_flow = SyncFlow(db, self)  # Send my work, Receive, the team passphrase
        self.sync_flow.review_requested.connect(self.show_sync_page)
        self.auto_backup = AutoBackup(db, self)
        self.auto_backup.failed.connect(self._on_backup_failed)
        main_actions.build(self, self._page_titles())
        self.shortcuts = WindowShortcuts(self)  # Ctrl+E and the rest work from any field
        self.statusBar().showMessage(self.tr("Database: {name}").format(name=db.name))
        operations.changes().changes_applied.connect(self._on_changes_applied)
        # .xlsx files and sync packages dropped on the window
        self.drop_filter = install_xlsx_drop(self, db, receive=self.sync_flow.receive)
        self._restore_geometry()
        self.refresh()

    def _page_titles(self) -> list[tuple[str, str]]:
        return [
            ("visitsPage", self.tr("Visits")),
            ("orgsPage", self.tr("Organizations")),
            ("pipelinePage", self.tr("Projects")),
            ("chainMapPage", self.tr("Chain map")),
            ("dashboardPage", self.tr("Dashboard")),
            ("followUpsPage", self.tr("Follow-ups")),
            ("syncPage", self.tr("Sync")),
        ]

    def _first_start(self) -> bool:
        return is_empty(self.db)

    def refresh(self) -> None:
        """Show the welcome panel on an empty database, else the pages."""
        first_start = self._first_start()
        # Logging, importing and exporting need a team (or the demo) first.
        for action in self.actions():
            if action.objectName().startswith(("actionNewVisit", "actionImport", "actionExport")):
                action.setEnabled(not first_start)
            if self.db.read_only and action.objectName() in main_actions.WRITING_ACTIONS:
                action.setEnabled(False)
        if first_start:
            welcome = WelcomePanel()
            welcome.load_demo_requested.connect(self.load_demo)
            welcome.set_up_requested.connect(self.set_up_team)
            welcome.receive_requested.connect(lambda: self.sync_flow.receive())
            self.pages = None
            self.setCentralWidget(welcome)
            main_actions.update_edit_actions(self)
        elif self.pages is None:
            self.setCentralWidget(self._build_pages())

    def _build_pages(self) -> QWidget:
        from fieldlog.ui.views.visit_log_view import VisitLogView

        self.visit_log = VisitLogView(self.db)
        self.visit_log.new_visit_requested.connect(self.new_visit)
        self.visit_log.edit_visit_requested.connect(self.edit_visit)
        # The other pages are built the first time they are shown: the window opens as soon as
        # the visit log is filled, whatever the size of the database.
        self.pages = QStackedWidget(objectName="pages")
        self.pages.addWidget(self.visit_log)
        self._built: dict[int, QWidget] = {0: self.visit_log}
        for _title in self._page_titles()[1:]:
            self.pages.addWidget(QWidget(objectName="pageNotBuiltYet"))
        self.navigation = QListWidget(objectName="navigation")
        self.navigation.addItems([title for _name, title in self._page_titles()])
        self.navigation.setFixedWidth(150)
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.navigation.currentRowChanged.connect(self._show_index)
        self.navigation.setCurrentRow(0)
        body = QWidget(objectName="workspace")
        layout = QHBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        return body

    def _show_index(self, index: int) -> None:
        if self.pages is not None and index >= 0:
            self.pages.setCurrentWidget(self.page(index))
        main_actions.update_edit_actions(self)

    def page(self, index: int) -> QWidget:
        """The page at `index`, built now if it was not yet."""
        assert self.pages is not None
        built = self._built.get(index)
        if built is None:
            built = pages.make_page(self, index)
            placeholder = self.pages.widget(index)
            with QSignalBlocker(self.pages):
                self.pages.insertWidget(index, built)
                self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[index] = built
        return built

    @property
    def orgs_view(self) -> OrgsView:
        """The Organizations page."""
        return cast("OrgsView", self.page(ORGS))

    @property
    def pipeline(self) -> PipelineBoard:
        """The Projects page."""
        return cast("PipelineBoard", self.page(PIPELINE))

    @property
    def chain_map(self) -> ChainMapView:
        """The Chain map page."""
        return cast("ChainMapView", self.page(CHAIN_MAP))

    @property
    def follow_ups(self) -> FollowUpsView:
        """The Follow-ups page."""
        return cast("FollowUpsView", self.page(FOLLOW_UPS))

    @property
    def sync_view(self) -> SyncView:
        """The Sync page."""
        return cast("SyncView", self.page(SYNC))

    def _remind_follow_ups(self) -> None:
        """At start: how many of my (or the team's) follow-ups are overdue or due today."""
        me = get_me(self.db)
        scope = "me" if me else "team"
        overdue, due = reminder_counts(self.db, today=date.today(), scope=scope, member_id=me)
        if overdue or due:
            text = self.tr("Follow-ups: {overdue} overdue, {due} due today (Ctrl+6)")
            self.statusBar().showMessage(text.format(overdue=overdue, due=due))

    def show_page(self, index: int) -> None:
        """Switch to a page (Ctrl+1 … Ctrl+7)."""
        if self.pages is not None:
            self.navigation.setCurrentRow(index)

    def show_sync_page(self) -> None:
        """The Sync page: who sent what, conflicts and look-alikes to review."""
        self.show_page(SYNC)

    def show_org(self, org_id: uuid.UUID) -> None:
        """The Organizations page with one organization selected (from the chain map)."""
        if self.pages is not None:
            self.show_page(ORGS)
            self.orgs_view.show_org(org_id)

    def _on_changes_applied(self, _made: object) -> None:
        # The welcome screen asks whether the database is still empty: any change may end it.
        if self.pages is None:
            self.refresh()

    # -- actions ---------------------------------------------------------------------------

    def new_visit(self) -> None:
        """Open the visit entry dialog (Ctrl+N)."""
        from fieldlog.ui.dialogs.visit_dialog import VisitDialog

        if self.pages is not None:
            dialog = VisitDialog(self.db, self)
            dialog.saved.connect(self._on_visit_saved)
            _open(dialog)

    def edit_visit(self, visit_id: uuid.UUID) -> QDialog | None:
        """Open a visit for editing."""
        from fieldlog.ui.dialogs.visit_dialog import VisitDialog

        try:
            dialog = VisitDialog(self.db, self, visit_id=visit_id)
        except ValueError as exc:  # deleted meanwhile (on another page, or by an import)
            QMessageBox.warning(self, self.tr("Edit visit"), str(exc))
            return None
        dialog.saved.connect(self._on_visit_saved)
        return _open(dialog)

    def _on_visit_saved(self, visit_id: uuid.UUID | None) -> None:
        """Say so in the status bar, and select the saved visit in the log."""
        if visit_id is None or self.pages is None:
            return
        self.show_page(VISITS)
        if self.visit_log.select_visit(visit_id):
            text = self.tr("Visit saved.")
        else:
            text = self.tr("Visit saved (the log's search or filters hide it).")
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def open_project(self, project_id: uuid.UUID) -> QDialog | None:
        """The project's detail: fields, stage history, funds in place, linked visits."""
        from fieldlog.ui.dialogs.project_dialog import open_project_dialog

        try:
            return open_project_dialog(self.db, project_id, self)
        except ValueError as exc:  # deleted meanwhile
            QMessageBox.warning(self, self.tr("Project"), str(exc))
            return None

    def import_file(self, path: str | None = None) -> None:
        """Import a sheet (Ctrl+I), or the file dropped on the window."""
        from fieldlog.ui.dialogs.import_dialog import ImportDialog

        _open(ImportDialog(self.db, path=path, parent=self))

    def export(self, what: str) -> None:
        """Export the weekly return (Ctrl+E), the ledger, the directory or the visit log."""
        from fieldlog.ui.dialogs.export_dialog import ExportDialog

        _open(ExportDialog(self.db, what=what, parent=self))

    def set_up_team(self) -> None:
        """First start: the team set-up form."""
        _open(TeamSetupDialog(self.db, self))

    def edit_team(self) -> None:
        """The team, its members and work groups, to correct."""
        _open(TeamSetupDialog(self.db, self, edit=True))

    def load_demo(self) -> None:
        """Load the demo dispatch into this database (refused once it holds work)."""
        self.statusBar().showMessage(self.tr("Loading the demo dispatch…"))
        summary = operations.run(self, EVERYTHING, _load_demo, self.db)
        if summary is None:
            self.statusBar().clearMessage()
            return
        message = self.tr(
            "Demo dispatch loaded: {members} members, {orgs} organizations, "
            "{visits} visits, {projects} projects."
        )
        self.statusBar().showMessage(
            message.format(
                members=getattr(summary, "members", "?"),
                orgs=getattr(summary, "organizations", "?"),
                visits=getattr(summary, "visits", "?"),
                projects=getattr(summary, "projects", "?"),
            ),
            STATUS_TIMEOUT_MS,
        )

    def confirm_load_demo(self) -> None:
        """Ask before filling the open database with the demo dispatch; a database holding work
        is refused at once, by the rule the service applies (and `fieldlog demo`)."""
        from fieldlog.services.admin.demo import demo_refusal

        reason = demo_refusal(self.db)
        if reason is not None:
            QMessageBox.warning(self, self.tr("Load demo data"), reason)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Load demo data"),
            self.tr(
                "Load the demo dispatch (a 24-cadre team stationed in Shenzhen, with its visits "
                "and projects) into {name}?\n\nThis is possible only while the database holds "
                "no organizations, visits, projects, members or team."
            ).format(name=self.db.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.load_demo()

    def show_backups(self) -> None:
        """File ▸ Backups…: the list, Back up now, Restore selected…, Show in folder."""
        dialog = BackupsDialog(self.db, self)
        dialog.restore_requested.connect(self.restore_requested)
        _open(dialog)

    def _on_backup_failed(self, reason: str) -> None:
        # Never a modal: the backup runs by itself, the user carries on working.
        text = self.tr("Automatic backup failed: {reason}").format(reason=reason)
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def show_guide(self) -> None:
        """Help ▸ User guide (F1)."""
        from fieldlog.ui.dialogs.help_dialogs import GuideDialog

        _open(GuideDialog(self.language, self))

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts."""
        from fieldlog.ui.dialogs.help_dialogs import ShortcutsDialog

        _open(ShortcutsDialog(self))

    def show_about(self) -> None:
        """The About box."""
        QMessageBox.about(
            self,
            self.tr("About FieldLog"),
            self.tr(
                "<h3>FieldLog {version}</h3>"
                "<p>An offline logbook for investment-promotion teams dispatched to another "
                "city: visits, leads, projects, funds in place and the weekly return.</p>"
                "<p>Database: {name}</p>"
            ).format(version=__version__, name=html.escape(self.db.name)),
        )

    # -- window state ----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.auto_backup.start()
        if not self._reminded and self.pages is not None:
            self._reminded = True  # once, after the window is on screen
            QTimer.singleShot(REMINDER_DELAY_MS, self._remind_follow_ups)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        self.auto_backup.timer.stop()
        super().closeEvent(event)
