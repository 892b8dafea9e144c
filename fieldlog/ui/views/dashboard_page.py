"""The dashboard page: headline figures, targets against the time-elapsed pace, rankings."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from fieldlog.domain.period import Period
from fieldlog.services import dashboard
from fieldlog.services.stats import compute
from fieldlog.services.team import current_team
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.headline_panel import HeadlinePanel
from fieldlog.ui.widgets.rankings_table import RankingsTable
from fieldlog.ui.widgets.targets_table import TargetsTable


class DashboardPage(QScrollArea):
    """Rebuilds its figures from the database whenever data changes."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self._today = db, today
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self.panel: HeadlinePanel | None = None
        self.targets = TargetsTable()
        self.rankings = RankingsTable()
        self.ranking_by = QComboBox(objectName="rankingBy")
        for key, text in (
            ("group", self.tr("By work group")),
            ("member", self.tr("By member")),
            ("county", self.tr("By home county")),
        ):
            self.ranking_by.addItem(text, key)
        self.ranking_by.currentIndexChanged.connect(lambda _i: self._show_rankings())
        self._lay_out()
        self.setWidget(body)
        operations.changes().changes_applied.connect(self.refresh)
        self.refresh()

    def _lay_out(self) -> None:
        self._layout.addWidget(QLabel(self.tr("<b>Targets</b>")))
        self._layout.addWidget(self.targets)
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("<b>Rankings</b> (dispatch period)")))
        header.addStretch()
        header.addWidget(self.ranking_by)
        self._layout.addLayout(header)
        self._layout.addWidget(self.rankings)

    def _dispatch(self) -> Period:
        team = current_team(self.db)
        if team is not None and (team.dispatch_start or team.dispatch_end):
            return Period(team.dispatch_start, team.dispatch_end)
        return Period.all_time()

    def refresh(self, _result: object = None) -> None:
        """Recount every figure."""
        team = current_team(self.db)
        dispatch = self._dispatch()
        overall = compute(self.db, Period.all_time())
        has_period = dispatch.start is not None or dispatch.end is not None
        primary = compute(self.db, dispatch) if has_period else overall
        if self.panel is not None:
            self.panel.deleteLater()
        self.panel = HeadlinePanel(
            team.name if team else None, dispatch if has_period else None, primary, overall
        )
        self._layout.insertWidget(0, self.panel)
        today = self._today or date.today()
        self.targets.show_progress(dashboard.targets_progress(self.db, today=today))
        self._show_rankings()

    def _show_rankings(self) -> None:
        by = self.ranking_by.currentData()
        self.rankings.show_rows(dashboard.rankings(self.db, self._dispatch(), by))
