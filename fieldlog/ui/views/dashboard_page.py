"""The dashboard page: headline figures and charts for a chosen period, targets, rankings."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.counting import Stats
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.services.reports import dashboard
from fieldlog.services.reports.stats import compute
from fieldlog.services.team.team import current_team
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.targets_dialog import TargetsDialog
from fieldlog.ui.headline_panel import HeadlinePanel
from fieldlog.ui.views.shown_refresh import RefreshWhenShown
from fieldlog.ui.widgets.dashboard_charts import DashboardCharts
from fieldlog.ui.widgets.matters_panel import MattersPanel
from fieldlog.ui.widgets.period_picker import PeriodPicker
from fieldlog.ui.widgets.rankings_table import RankingsTable
from fieldlog.ui.widgets.targets_table import TargetsTable
from fieldlog.ui.widgets.warnings_panel import WarningsPanel

NOTE_STYLE = "color: #5f6368;"

#: The figures count every kind of work, against the targets, by member and group.
SHOWN = (Kind.TEAM, Kind.ORG, Kind.VISIT, Kind.PROJECT, Kind.CATALOG, Kind.TARGET)


class DashboardPage(RefreshWhenShown, QScrollArea):
    """Recounts its figures whenever data changes or another period is chosen.

    `today` fixes the day the week, month and year are taken around (tests, screenshots);
    None means the real today, read at every refresh.
    """

    def __init__(
        self, db: Database, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self._today = db, today
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        self.period = Period.all_time()
        self.picker = PeriodPicker()
        self.targets_button = QPushButton(self.tr("&Targets…"), objectName="targetsButton")
        self.targets_button.setAccessibleName(self.tr("Set targets"))
        self.targets_dialog: TargetsDialog | None = None
        self.panel = HeadlinePanel(None, None, _empty(), _empty())
        self.charts = DashboardCharts()
        self.warnings = WarningsPanel()
        self.matters = MattersPanel()
        self.targets = TargetsTable()
        self.targets_title = QLabel(objectName="targetsTitle")
        self.targets_note = QLabel(objectName="targetsNote")
        self.targets_note.setStyleSheet(NOTE_STYLE)
        self.rankings = RankingsTable()
        self.rankings_title = QLabel(objectName="rankingsTitle")
        self.ranking_by = self._ranking_choice()
        self.setWidget(self._lay_out())
        self.picker.kind_changed.connect(lambda _kind: self.refresh())
        self.ranking_by.currentIndexChanged.connect(lambda _i: self._show_rankings())
        self.targets_button.clicked.connect(self.open_targets)
        self.matters.open_project_requested.connect(self.open_matters_of)
        operations.changes().changes_applied.connect(self._on_changes)
        self.refresh()

    def _ranking_choice(self) -> QComboBox:
        combo = QComboBox(objectName="rankingBy")
        combo.setAccessibleName(self.tr("Rank by"))
        combo.addItem(self.tr("By work group"), "group")
        combo.addItem(self.tr("By member"), "member")
        combo.addItem(self.tr("By home county"), "county")
        return combo

    def _lay_out(self) -> QWidget:
        body = QWidget(objectName="dashboardBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 16)
        header = QHBoxLayout()
        header.addWidget(self.picker)
        header.addStretch()
        header.addWidget(self.targets_button)
        layout.addLayout(header)
        layout.addWidget(self.panel)
        layout.addWidget(self.charts)
        layout.addSpacing(12)
        layout.addWidget(self.warnings)
        layout.addSpacing(12)
        layout.addWidget(self.matters)
        layout.addSpacing(12)
        layout.addWidget(self.targets_title)
        layout.addWidget(self.targets_note)
        layout.addWidget(self.targets)
        layout.addSpacing(12)
        rankings_header = QHBoxLayout()
        rankings_header.addWidget(self.rankings_title)
        rankings_header.addStretch()
        rankings_header.addWidget(self.ranking_by)
        layout.addLayout(rankings_header)
        layout.addWidget(self.rankings)
        layout.addStretch(1)
        return body

    def today(self) -> date:
        """The day the dashboard counts up to."""
        return self._today or date.today()

    def _on_changes(self, made: Changes) -> None:
        if made.touches(*SHOWN):
            self.refresh_when_shown()

    def refresh(self, _result: object = None) -> None:
        """Recount every figure for the chosen period."""
        today, kind = self.today(), self.picker.kind()
        self.period = self.period_of(kind, today)
        all_time = self.period == Period.all_time()
        primary = compute(self.db, self.period)
        overall = None if all_time else compute(self.db, Period.all_time())
        period_text, caption = self._texts(kind, today)
        self.panel.show_figures(self.heading(), period_text, primary, overall, caption)
        self.charts.show_data(
            dashboard.visits_per_week(self.db, kind, self.period, today),
            dashboard.pipeline_funnel(self.db, today=today),
            dashboard.amounts_by_chain(self.db, self.period),
        )
        self.warnings.show_warnings(self.db, self.as_of())
        self.matters.show_matters(self.db, self.as_of())
        self._show_targets(today)
        self._show_rankings()

    def as_of(self) -> date:
        """The day the warnings are judged on: the chosen period's end, today when it has none
        or ends later (a past dispatch shows its warnings as they stood when it ended)."""
        end, today = self.period.end, self.today()
        return today if end is None or end > today else end

    def period_of(self, kind: str, today: date) -> Period:
        """The period of a choice of the period picker (a bureau's dashboard has its own)."""
        return dashboard.dashboard_period(self.db, kind, today)

    def heading(self) -> str | None:
        """Whose figures these are: the team's name (None before there is a team)."""
        team = current_team(self.db)
        return team.name if team else None

    def _texts(self, kind: str, today: date) -> tuple[str, str]:
        """The period line and the note under the figures."""
        if kind == "dispatch":
            dispatch = None if self.period == Period.all_time() else self.period
            return self.panel.dispatch_text(dispatch), self.panel.dispatch_caption(dispatch)
        names = {
            "week": self.tr("This week: {week}, {period}").format(
                week=IsoWeek.of(today), period=self.period
            ),
            "month": self.tr("This month: {period}").format(period=self.period),
            "year": self.tr("This year: {period}").format(period=self.period),
        }
        caption = self.tr(
            "Large figures: the period chosen above. Small figures: all time. "
            "Counted by the rules of the weekly return."
        )
        return names[kind], caption

    def _show_targets(self, today: date) -> None:
        # A period that ended (a past dispatch) shows its targets as they stood at its end.
        day = self.period.end if self.period.end is not None and self.period.end < today else today
        rows = dashboard.targets_progress(self.db, today=day)
        if day == today:
            title = self.tr("<b>Targets</b> running on {day}").format(day=day.isoformat())
        else:
            title = self.tr("<b>Targets</b> as at {day}, the end of the period").format(
                day=day.isoformat()
            )
        self.targets_title.setText(title)
        self.targets_note.setText(
            self.tr(
                "No target runs on this day; the team leader sets targets with the Targets button."
            )
        )
        self.targets_note.setVisible(not rows)
        self.targets.setVisible(bool(rows))
        self.targets.show_progress(rows)

    def _show_rankings(self) -> None:
        self.rankings_title.setText(
            self.tr("<b>Rankings</b> ({period})").format(period=self.period)
            if self.period != Period.all_time()
            else self.tr("<b>Rankings</b> (all time)")
        )
        by = self.ranking_by.currentData()
        self.rankings.show_rows(dashboard.rankings(self.db, self.period, by))

    def open_matters_of(self, project_id: uuid.UUID) -> QWidget | None:
        """Open a project's dialog on its matters, through the window (which knows how to open
        a project and say why it cannot); None when the page stands outside a window."""
        from fieldlog.ui.dialogs.project_dialog import ProjectDialog

        opener = getattr(self.window(), "open_project", None)
        dialog = opener(project_id) if opener is not None else None
        if isinstance(dialog, ProjectDialog):
            dialog.tabs.setCurrentWidget(dialog.coordination)
        return dialog

    def open_targets(self) -> None:
        """Open the targets dialog (it saves through the undoable operations itself)."""
        self.targets_dialog = TargetsDialog(self.db, today=self.today(), parent=self)
        self.targets_dialog.open()


def _empty() -> Stats:
    """Zero figures, shown until the first refresh fills the panel."""
    return Stats(Period.all_time(), 0, 0, 0, 0, 0, 0, 0, 0, 0)
