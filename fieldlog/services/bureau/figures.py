"""The bureau's figures: each team's by the team's own rules and records, and all teams together
with an enterprise that several teams visited counted once (SPEC §3.5, §9)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from fieldlog.domain.assessment import AssessmentFigures
from fieldlog.domain.counting import Stats
from fieldlog.domain.period import Period
from fieldlog.services.bureau.bureau import TeamEntry, require_bureau, teams
from fieldlog.services.reports import stats
from fieldlog.store.database import Database
from fieldlog.store.team_view import team_view

#: How the bureau's total is labelled wherever it is shown.
TOTAL_LABEL_ZH = "各队合计（同一企业只计一次）"


@dataclass(frozen=True)
class TeamFigures:
    """One team's figures for a period."""

    team: TeamEntry
    stats: Stats


def team_figures(db: Database, team: TeamEntry, period: Period) -> Stats:
    """A team's figures, counted from its own records exactly as its own database counts them."""
    with team_view(db, team.id) as view:
        return stats.compute(view, period)


def total_figures(db: Database, period: Period) -> Stats:
    """All teams' figures together: visits, projects and funds added up, an enterprise visited by
    several teams (one credit code) counted once. The assessment scope is each team's own rules
    applied to its own projects, added up."""
    require_bureau(db)
    total = stats.compute(db, period)
    parts = []
    for team in teams(db):
        with team_view(db, team.id) as view:
            parts.append(stats.assessment_figures(view, period))
    assessed = AssessmentFigures(
        sum(p.projects_signed for p in parts),
        sum(p.contract_amount_yuan for p in parts),
        sum(p.funds_in_place_yuan for p in parts),
    )
    return replace(total, assessment=assessed)


def every_team(db: Database, period: Period) -> list[TeamFigures]:
    """Each registered team's figures, by team name."""
    require_bureau(db)
    return [TeamFigures(team, team_figures(db, team, period)) for team in teams(db)]
