"""The dashboard page: for now the headline figures of the dispatch and of all time."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from fieldlog.domain.period import Period
from fieldlog.services.stats import compute
from fieldlog.services.team import current_team
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.headline_panel import HeadlinePanel


class DashboardPage(QWidget):
    """Rebuilds the headline panel from the database whenever data changes."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("dashboard")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.panel: HeadlinePanel | None = None
        operations.changes().changes_applied.connect(self.refresh)
        self.refresh()

    def refresh(self, _result: object = None) -> None:
        """Recount the figures."""
        team = current_team(self.db)
        dispatch = None
        if team is not None and (team.dispatch_start or team.dispatch_end):
            dispatch = Period(team.dispatch_start, team.dispatch_end)
        overall = compute(self.db, Period.all_time())
        primary = compute(self.db, dispatch) if dispatch else overall
        if self.panel is not None:
            self.panel.deleteLater()
        self.panel = HeadlinePanel(team.name if team else None, dispatch, primary, overall)
        self._layout.addWidget(self.panel)
