"""What a bureau database adds to the main window: the team selector at the top, the Bureau menu
(register a team, first reports across teams, the teams' weekly returns), and pages built on the
view of the team chosen — always read only (SPEC §9).

The window reaches this only through `open_bureau`; nothing here imports the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from fieldlog.services.bureau.window_support import identity, read_only_alias
from fieldlog.store.database import Database
from fieldlog.ui.bureau.page_locks import lock_page
from fieldlog.ui.bureau.scope import BureauScope
from fieldlog.ui.bureau.team_selector import TeamSelector
from fieldlog.ui.navigator import Navigator, Page
from fieldlog.ui.pages import Workspace
from fieldlog.ui.window_dialogs import open_dialog


class BureauWindow(QObject):
    """The bureau's part of one main window over `db`."""

    def __init__(self, window: QMainWindow, db: Database, scope: BureauScope) -> None:
        super().__init__(window)
        self.window, self.db, self.scope = window, db, scope
        scope.setParent(self)
        # `db` read only, for what the window hands a database outside the pages (a drop)
        self.read_only = read_only_alias(db)
        self.selector = TeamSelector(scope)
        self.actions = self._actions()

    @property
    def name(self) -> str:
        """The bureau's name."""
        return self.scope.bureau.name

    def title(self) -> str:
        """The window title: the bureau's name first."""
        text = QCoreApplication.translate("MainWindow", "FieldLog — {bureau} (bureau: {location})")
        return text.format(bureau=self.name, location=self.db.name)

    def _actions(self) -> dict[str, QAction]:
        translate = QCoreApplication.translate
        made = {}
        for name, text, slot in (
            (
                "registerTeamAction",
                translate("MainWindow", "&Register a team…"),
                self.register_team,
            ),
            (
                "overlapsAction",
                translate("MainWindow", "&First reports across teams…"),
                self.show_overlaps,
            ),
            (
                "exportBureauAction",
                translate("MainWindow", "&Export the teams' weekly returns…"),
                self.export_bureau,
            ),
        ):
            action = QAction(text, self.window, objectName=name)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            made[name] = action
        return made

    def install(self, toolbar: QToolBar) -> None:
        """The Bureau menu before Help, and the team selector at the right of the toolbar."""
        bar = self.window.menuBar()
        menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Bureau"))
        menu.setObjectName("bureauMenu")
        menu.addActions(list(self.actions.values()))
        help_menu = bar.actions()[-2] if len(bar.actions()) > 1 else None
        if help_menu is not None:  # keep Help last
            bar.removeAction(menu.menuAction())
            bar.insertMenu(help_menu, menu)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        label = QLabel(QCoreApplication.translate("MainWindow", "&Team shown:"))
        label.setBuddy(self.selector)
        toolbar.addWidget(label)
        toolbar.addWidget(self.selector)

    def workspace(self, navigator: Navigator) -> Workspace:
        """The pages over the view chosen, with the bureau's dashboard and no edit buttons."""
        return Workspace(
            self.scope.view,
            navigator,
            makers={Page.DASHBOARD: self._dashboard},
            prepare=lock_page,
        )

    def _dashboard(self, db: Database, _navigator: Navigator) -> QWidget:
        from fieldlog.ui.bureau.bureau_dashboard import BureauDashboard

        return BureauDashboard(db, self.scope)

    # -- the Bureau menu -------------------------------------------------------------------

    def register_team(self, path: Path | None = None) -> QObject | None:
        """登记工作队…: a package of the new team (chosen here, or `path`) and its passphrase."""
        from fieldlog.ui.bureau.register_dialog import RegisterTeamDialog
        from fieldlog.ui.dialogs.sync_send_dialog import last_folder

        if path is None:
            title = QCoreApplication.translate("MainWindow", "A package of the team to register")
            kinds = QCoreApplication.translate(
                "MainWindow", "FieldLog sync packages (*.fieldsync);;All files (*)"
            )
            name, _ = QFileDialog.getOpenFileName(self.window, title, str(last_folder()), kinds)
            if not name:
                return None
            path = Path(name)
        dialog = RegisterTeamDialog(self.db, path, self.window)
        dialog.accepted.connect(lambda: self._registered(dialog))
        return open_dialog(dialog)

    def _registered(self, dialog: QObject) -> None:
        registration = getattr(dialog, "registration", None)
        if registration is None:
            return
        self.scope.refresh_teams()
        text = QCoreApplication.translate(
            "MainWindow", "Team {team} is registered; its package was received."
        )
        self.window.statusBar().showMessage(text.format(team=registration.team.name), 10_000)

    def show_overlaps(self) -> QObject | None:
        """首报首谈…: the enterprises several teams work with."""
        from fieldlog.ui.bureau.overlaps_dialog import OverlapsDialog

        return open_dialog(OverlapsDialog(self.db, self.window))

    def export_bureau(self) -> QObject | None:
        """导出各队周报…: the consolidated return of a week."""
        from fieldlog.ui.bureau.bureau_export_dialog import BureauExportDialog

        return open_dialog(BureauExportDialog(self.db, self.name, self.window))

    def exports(self, what: str) -> bool:
        """File ▸ Export on all teams: the weekly return is the consolidated one (True: done)."""
        if what != "weekly" or self.scope.team_id is not None:
            return False
        self.export_bureau()
        return True

    def close(self) -> None:
        """Release the view shown (the window is closing)."""
        self.scope.close()


def open_bureau(window: QMainWindow, db: Database) -> BureauWindow | None:
    """The bureau's part of `window`, or None when `db` is not a bureau database."""
    bureau = identity(db)
    if bureau is None:
        return None
    return BureauWindow(window, db, BureauScope(db, bureau))
