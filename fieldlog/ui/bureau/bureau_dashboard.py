"""The dashboard of a bureau's window: one team's, as the team's own laptop shows it, or all
teams' with an enterprise counted once and the teams ranked against their own targets."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldlog.domain.period import Period
from fieldlog.store.database import Database
from fieldlog.ui.bureau.scope import BureauScope
from fieldlog.ui.bureau.team_ranking import TeamRankingTable
from fieldlog.ui.views.dashboard_page import DashboardPage


def read_only_reason() -> str:
    """Why nothing of a bureau's records can be changed in its window."""
    from fieldlog.ui.main_actions import bureau_read_only

    return bureau_read_only()


class BureauDashboard(DashboardPage):
    """The dashboard over the scope's view; on all teams the targets give way to the ranking."""

    def __init__(
        self,
        db: Database,
        scope: BureauScope,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        self.scope = scope
        self.team_ranking = TeamRankingTable()
        self.team_ranking_title = QLabel(objectName="teamRankingTitle")
        super().__init__(db, parent, today)
        self.targets_button.setEnabled(False)
        self.targets_button.setToolTip(read_only_reason())

    def _all_teams(self) -> bool:
        return self.scope.team_id is None

    def _lay_out(self) -> QWidget:
        body = super()._lay_out()
        layout = body.layout()
        assert isinstance(layout, QVBoxLayout)
        at = layout.indexOf(self.charts)  # the teams first: what a bureau looks for
        layout.insertWidget(at, self.team_ranking)
        layout.insertWidget(at, self.team_ranking_title)
        return body

    def period_of(self, kind: str, today: date) -> Period:
        # Each team has its own dispatch period: all teams together have all their work.
        if kind == "dispatch" and self._all_teams():
            return Period.all_time()
        return super().period_of(kind, today)

    def heading(self) -> str | None:
        if self._all_teams():
            return self.tr("{bureau}: all teams").format(bureau=self.scope.bureau.name)
        team = self.scope.team()
        return team.name if team else super().heading()

    def _texts(self, kind: str, today: date) -> tuple[str, str]:
        period_text, caption = super()._texts(kind, today)
        if not self._all_teams():
            return period_text, caption
        if kind == "dispatch":
            period_text = self.tr(
                "All recorded work (each team's dispatch period is on its own view)"
            )
        once = self.tr("{caption} An enterprise several teams visited counts once.")
        return period_text, once.format(caption=caption)

    def _show_targets(self, today: date) -> None:
        all_teams = self._all_teams()
        self.team_ranking.setVisible(all_teams)
        self.team_ranking_title.setVisible(all_teams)
        for widget in (self.targets_title, self.targets_note, self.targets):
            widget.setVisible(not all_teams)
        if not all_teams:
            super()._show_targets(today)
            return
        day = self.period.end if self.period.end is not None and self.period.end < today else today
        ranked, total = self.scope.ranking(self.period, day)
        title = self.tr("<b>Teams</b> by contract amount, against their own targets on {day}")
        self.team_ranking_title.setText(title.format(day=day.isoformat()))
        self.team_ranking.show_ranking(ranked, total)
