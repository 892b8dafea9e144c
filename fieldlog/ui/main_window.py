"""The main window: menus, a status bar, and the welcome or headline panel in the middle."""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from fieldlog import __version__
from fieldlog.domain.period import Period
from fieldlog.services.stats import compute
from fieldlog.services.team import current_team
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.headline_panel import HeadlinePanel
from fieldlog.ui.welcome_panel import WelcomePanel

DEFAULT_SIZE = (1100, 720)
STATUS_TIMEOUT_MS = 10_000


def _load_demo(db: Database) -> object:
    # Imported on use: the demo builder is large and only needed when someone asks for it.
    from fieldlog.services.demo import load_demo

    return load_demo(db)


class MainWindow(QMainWindow):
    """FieldLog's top window over one open database."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("FieldLog — {name}").format(name=db.name))
        self.resize(*DEFAULT_SIZE)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Database: {name}").format(name=db.name))
        operations.changes().changes_applied.connect(self._on_changes_applied)
        self.refresh()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.load_demo_action = QAction(self.tr("Load &demo data…"), self)
        self.load_demo_action.setObjectName("loadDemoAction")
        self.load_demo_action.triggered.connect(self.confirm_load_demo)
        file_menu.addAction(self.load_demo_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About FieldLog"), self)
        about_action.setObjectName("aboutAction")
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def refresh(self) -> None:
        """Rebuild the central panel from the database."""
        team = current_team(self.db)
        overall = compute(self.db, Period.all_time())
        if team is None and overall.visits == 0:
            welcome = WelcomePanel()
            welcome.load_demo_requested.connect(self.load_demo)
            self.setCentralWidget(welcome)
            return
        dispatch = None
        if team is not None and (team.dispatch_start or team.dispatch_end):
            dispatch = Period(team.dispatch_start, team.dispatch_end)
        primary = compute(self.db, dispatch) if dispatch else overall
        name = team.name if team is not None else None
        # QMainWindow deletes the previous panel later, so a panel may ask for a refresh.
        self.setCentralWidget(HeadlinePanel(name, dispatch, primary, overall))

    def _on_changes_applied(self, _result: object) -> None:
        self.refresh()

    def load_demo(self) -> None:
        """Load the demo dispatch into this database (refused once it holds visits)."""
        self.statusBar().showMessage(self.tr("Loading the demo dispatch…"))
        summary = operations.run(self, _load_demo, self.db)
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
        """Ask before filling the open database with the demo dispatch."""
        answer = QMessageBox.question(
            self,
            self.tr("Load demo data"),
            self.tr(
                "Load the demo dispatch (a 24-cadre team stationed in Shenzhen, with its visits "
                "and projects) into {name}?\n\nThis is possible only while the database holds "
                "no visits."
            ).format(name=self.db.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.load_demo()

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
