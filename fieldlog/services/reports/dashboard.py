"""The dashboard's figures: its periods, rankings by group, member and county, and chart data.

Headline figures come from `stats.compute` and targets from `targets.targets_progress`; the
chart data here counts by the same rules (SPEC §3.5), so a chart adds up to the headline.
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from fieldlog.domain.counting import stage_at
from fieldlog.domain.messages import msg
from fieldlog.domain.money import YUAN_PER_WAN, YUAN_PER_YI
from fieldlog.domain.period import IsoWeek, Period, weeks_between
from fieldlog.domain.stages import ALL_STAGES, Stage
from fieldlog.services.reports.stats import compute_each
from fieldlog.services.reports.targets import TargetProgress, targets_progress
from fieldlog.store.database import Database
from fieldlog.store.repositories import dashboard_rows
from fieldlog.store.repositories.facts import project_facts
from fieldlog.store.repositories.report_rows import Named, member_counties, work_groups

__all__ = [
    "CONTEXT_WEEKS",
    "PERIOD_KINDS",
    "RANKING_KINDS",
    "ChainAmounts",
    "RankingRow",
    "StageCount",
    "TargetProgress",
    "WeekBar",
    "amount_unit",
    "amounts_by_chain",
    "dashboard_period",
    "dispatch_period",
    "month_period",
    "pipeline_funnel",
    "rankings",
    "targets_progress",
    "visits_per_week",
    "year_period",
]

RANKING_KINDS = ("group", "member", "county")
#: The dashboard's periods: the ISO week, month and year containing today, and the dispatch.
PERIOD_KINDS = ("week", "month", "dispatch", "year")
#: For a week or a month, the visits chart shows this many ISO weeks, the period's last one last.
CONTEXT_WEEKS = 12


@dataclass(frozen=True)
class RankingRow:
    """One group, member or county with its figures for the period."""

    name: str
    enterprises_visited: int
    associations_visited: int
    visits: int
    projects_signed: int
    contract_amount_yuan: int
    funds_in_place_yuan: int
    #: The group, member or county catalog entry (the window names a shipped county in English).
    id: uuid.UUID | None = field(default=None, compare=False)


@dataclass(frozen=True)
class WeekBar:
    """Visits in one ISO week, cut to the chart's span; `in_period`: the week meets the period."""

    week: IsoWeek
    start: date
    end: date
    visits: int
    in_period: bool


@dataclass(frozen=True)
class StageCount:
    """How many live projects are at a stage now."""

    stage: Stage
    projects: int


@dataclass(frozen=True)
class ChainAmounts:
    """Contract amount of the projects signed in the period and funds in place, for one chain
    (None: projects without a chain)."""

    chain: str | None
    contract_yuan: int
    funds_yuan: int


def month_period(day: date) -> Period:
    """The calendar month containing `day`."""
    last = calendar.monthrange(day.year, day.month)[1]
    return Period(day.replace(day=1), day.replace(day=last))


def year_period(year: int) -> Period:
    """1 January to 31 December of `year`."""
    return Period(date(year, 1, 1), date(year, 12, 31))


def dispatch_period(db: Database) -> Period | None:
    """The team's dispatch period (either end may be open), or None when none is set."""
    with db.read() as session:
        team = dashboard_rows.team_dispatch(session)
    if team is None or team == (None, None):
        return None
    return Period(*team)


def dashboard_period(db: Database, kind: str, today: date) -> Period:
    """The period of a dashboard choice; the dispatch is all time when the team has none."""
    if kind == "week":
        return IsoWeek.of(today).period
    if kind == "month":
        return month_period(today)
    if kind == "year":
        return year_period(today.year)
    if kind == "dispatch":
        return dispatch_period(db) or Period.all_time()
    raise ValueError(
        msg(
            "dashboard.unknown_period",
            "unknown period {kind}; use one of {choices}",
            kind=repr(kind),
            choices=", ".join(PERIOD_KINDS),
        )
    )


def _chart_span(kind: str, period: Period, today: date) -> Period:
    if kind in ("week", "month") and period.end is not None:
        last = IsoWeek.of(period.end)
        return Period(last.monday - timedelta(weeks=CONTEXT_WEEKS - 1), last.sunday)
    # An open end (a dispatch still running, or none set) runs to today.
    end = period.end or max(today, period.start or today)
    start = period.start or IsoWeek.of(end).monday - timedelta(weeks=CONTEXT_WEEKS - 1)
    return Period(start, end)


def visits_per_week(db: Database, kind: str, period: Period, today: date) -> list[WeekBar]:
    """Visits per ISO week: over the period itself (its first and last weeks cut to it), or for
    a week or a month over the CONTEXT_WEEKS weeks that end with its last week."""
    span = _chart_span(kind, period, today)
    with db.read() as session:
        by_day = dashboard_rows.visits_by_day(session, span)
    assert span.start is not None and span.end is not None
    bars = []
    for week in weeks_between(span):
        start, end = max(week.monday, span.start), min(week.sunday, span.end)
        visits = sum(n for day, n in by_day.items() if start <= day <= end)
        meets = (period.start is None or end >= period.start) and (
            period.end is None or start <= period.end
        )
        bars.append(WeekBar(week, start, end, visits, meets))
    return bars


def pipeline_funnel(db: Database, *, today: date) -> list[StageCount]:
    """Live projects by their stage on `today`: the main line in order, then paused, dropped."""
    with db.read() as session:
        facts = project_facts(session)
    counts = dict.fromkeys(ALL_STAGES, 0)
    for project in facts:
        stage = stage_at(project, today)
        if stage is not None:  # not yet in the pipeline on `today` (as on the board)
            counts[stage] += 1
    return [StageCount(stage, n) for stage, n in counts.items()]


def amounts_by_chain(db: Database, period: Period) -> list[ChainAmounts]:
    """Every live chain in order with its contract amount (projects first signed in the period)
    and funds in place (tranches in the period); projects without a chain last, if any."""
    with db.read() as session:
        contract = dashboard_rows.contract_by_chain(session, period)
        funds = dashboard_rows.funds_by_chain(session, period)
        found: list[tuple[uuid.UUID | None, str | None]] = [
            (c.id, c.name) for c in dashboard_rows.chains(session)
        ]
    if contract.get(None) or funds.get(None):
        found.append((None, None))
    return [ChainAmounts(name, contract.get(key, 0), funds.get(key, 0)) for key, name in found]


def amount_unit(largest_yuan: int) -> tuple[int, str]:
    """The unit a chart of amounts reads best in: (yuan per unit, 亿元 or 万元)."""
    return (YUAN_PER_YI, "亿元") if largest_yuan >= YUAN_PER_YI else (YUAN_PER_WAN, "万元")


def _scopes(db: Database, by: str) -> list[Named]:
    if by not in RANKING_KINDS:
        raise ValueError(
            msg(
                "dashboard.unknown_ranking",
                "unknown ranking {by}; use one of {choices}",
                by=repr(by),
                choices=", ".join(RANKING_KINDS),
            )
        )
    with db.read() as session:
        if by == "group":
            return work_groups(session)
        if by == "county":
            return member_counties(session)
        return dashboard_rows.live_members(session)


def rankings(db: Database, period: Period, by: str) -> list[RankingRow]:
    """Each group, member or home county with its figures, most enterprises visited first."""
    scopes = _scopes(db, by)
    figures = compute_each(db, period, by, [named.id for named in scopes])
    rows = []
    for named in scopes:
        stats = figures[named.id]
        rows.append(
            RankingRow(
                named.name,
                stats.enterprises_visited,
                stats.associations_visited,
                stats.visits,
                stats.projects_signed,
                stats.contract_amount_yuan,
                stats.funds_in_place_yuan,
                named.id,
            )
        )
    rows.sort(key=lambda r: (-r.enterprises_visited, -r.visits, r.name))
    return rows
