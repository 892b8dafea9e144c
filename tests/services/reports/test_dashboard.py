"""The dashboard's periods, chart data, targets against actuals and rankings (the demo)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from fieldlog.domain.period import Period
from fieldlog.domain.stages import ALL_STAGES, Stage
from fieldlog.services.projects import projects
from fieldlog.services.reports import dashboard, stats, targets
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.store.models import Project
from fieldlog.store.repositories.common import count_live
from fieldlog.store.repositories.facts import Scope
from tests.conftest import open_copy

TODAY = date(2020, 4, 22)
DISPATCH = Period(date(2020, 3, 23), TODAY)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("dash"))
    yield database
    database.close()


def test_team_targets_are_listed_first(demo: Database) -> None:
    rows = dashboard.targets_progress(demo, today=TODAY)
    team = [r for r in rows if r.scope == "team"]
    assert [r.metric for r in team][:3] == [
        "enterprises_visited",
        "associations_visited",
        "projects_signed",
    ]
    assert rows[: len(team)] == team
    assert any(r.scope == "group" for r in rows)


def test_enterprises_rate_and_pace_are_exact(demo: Database) -> None:
    rows = dashboard.targets_progress(demo, today=TODAY)
    row = next(r for r in rows if r.scope == "team" and r.metric == "enterprises_visited")
    assert (row.target, row.actual) == (300, 346)
    assert row.rate == pytest.approx(346 / 300)
    assert f"{row.rate:.1%}" == "115.3%"
    assert row.elapsed == 1.0
    assert row.ahead == pytest.approx(346 / 300 - 1)


def test_actuals_match_stats_midway(demo: Database) -> None:
    today = date(2020, 4, 6)
    rows = dashboard.targets_progress(demo, today=today)
    assert rows
    span = Period(date(2020, 3, 23), today)
    team_stats = stats.compute(demo, span)
    for row in rows:
        if row.scope == "team":
            assert row.actual == team_stats.value(row.metric)
    assert rows[0].elapsed == pytest.approx(15 / 31)


def test_no_targets_outside_their_period(demo: Database) -> None:
    assert dashboard.targets_progress(demo, today=date(2020, 5, 1)) == []


@pytest.mark.parametrize("by", ["group", "member", "county"])
def test_rankings_are_scoped_stats_in_order(demo: Database, by: str) -> None:
    rows = dashboard.rankings(demo, DISPATCH, by)
    assert rows
    keys = [(r.enterprises_visited, r.visits) for r in rows]
    assert keys == sorted(keys, reverse=True)
    named = dashboard._scopes(demo, by)
    first = next(n for n in named if n.name == rows[0].name)
    figures = stats.compute(demo, DISPATCH, Scope(by, first.id))
    assert rows[0].enterprises_visited == figures.enterprises_visited
    assert rows[0].contract_amount_yuan == figures.contract_amount_yuan


@pytest.mark.parametrize("by", ["group", "member", "county"])
@pytest.mark.parametrize(
    "period",
    [DISPATCH, Period.all_time(), Period(date(2020, 4, 6), date(2020, 4, 12)), Period(TODAY, None)],
)
def test_every_scope_at_once_equals_each_scope(demo: Database, by: str, period: Period) -> None:
    ids = [named.id for named in dashboard._scopes(demo, by)]
    each = stats.compute_each(demo, period, by, ids)
    assert each == {n: stats.compute(demo, period, Scope(by, n)) for n in ids}


def test_every_scope_at_once_counts_projects_and_funds(demo: Database) -> None:
    ids = [named.id for named in dashboard._scopes(demo, "member")]
    each = stats.compute_each(demo, DISPATCH, "member", ids).values()
    assert sum(s.projects_signed for s in each) > 0 and sum(s.funds_in_place_yuan for s in each)


def test_group_rankings_share_out_the_signed_projects(demo: Database) -> None:
    # Visits may have visitors from several groups, but each project belongs to one group.
    rows = dashboard.rankings(demo, DISPATCH, "group")
    assert len(rows) == 12
    assert sum(r.projects_signed for r in rows) == 22
    assert sum(r.contract_amount_yuan for r in rows) == 2_914_000_000


def test_unknown_ranking_is_refused(demo: Database) -> None:
    with pytest.raises(ValueError):
        dashboard.rankings(demo, DISPATCH, "chain")


# --- Periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "start", "end"),
    [
        ("week", date(2020, 4, 20), date(2020, 4, 26)),
        ("month", date(2020, 4, 1), date(2020, 4, 30)),
        ("dispatch", date(2020, 3, 23), date(2020, 4, 22)),
        ("year", date(2020, 1, 1), date(2020, 12, 31)),
    ],
)
def test_periods_contain_today(demo: Database, kind: str, start: date, end: date) -> None:
    assert dashboard.dashboard_period(demo, kind, TODAY) == Period(start, end)


def test_the_month_of_a_leap_february_and_an_unknown_period() -> None:
    assert dashboard.month_period(date(2020, 2, 10)) == Period(date(2020, 2, 1), date(2020, 2, 29))
    with pytest.raises(ValueError, match="unknown period"):
        dashboard.dashboard_period(None, "fortnight", TODAY)  # type: ignore[arg-type]


def test_no_dispatch_means_all_time(db: Database) -> None:
    team.save_team(db, team.TeamInput("测试工作队"))
    assert dashboard.dispatch_period(db) is None
    assert dashboard.dashboard_period(db, "dispatch", TODAY) == Period.all_time()
    bars = dashboard.visits_per_week(db, "dispatch", Period.all_time(), TODAY)
    assert len(bars) == dashboard.CONTEXT_WEEKS and bars[-1].end == TODAY


# --- Chart data ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["dispatch", "year"])
def test_visits_per_week_add_up_to_the_period(demo: Database, kind: str) -> None:
    period = dashboard.dashboard_period(demo, kind, TODAY)
    bars = dashboard.visits_per_week(demo, kind, period, TODAY)
    assert sum(b.visits for b in bars) == stats.compute(demo, period).visits
    assert all(b.in_period for b in bars)
    assert (bars[0].start, bars[-1].end) == (period.start, period.end)


def test_dispatch_weeks_are_cut_to_the_dispatch(demo: Database) -> None:
    bars = dashboard.visits_per_week(demo, "dispatch", DISPATCH, TODAY)
    assert [str(b.week) for b in bars] == [f"2020-W{w}" for w in range(13, 18)]
    assert (bars[-1].start, bars[-1].end) == (date(2020, 4, 20), TODAY)
    for bar in bars:
        assert bar.visits == stats.compute(demo, Period(bar.start, bar.end)).visits


def test_a_week_is_shown_with_the_weeks_before_it(demo: Database) -> None:
    day = date(2020, 4, 1)  # in 2020-W14, which runs from March into April
    period = dashboard.dashboard_period(demo, "week", day)
    bars = dashboard.visits_per_week(demo, "week", period, day)
    assert len(bars) == dashboard.CONTEXT_WEEKS
    assert str(bars[-1].week) == "2020-W14" and bars[-1].in_period
    assert not any(b.in_period for b in bars[:-1])
    assert bars[-1].visits == stats.compute(demo, period).visits


def test_a_month_highlights_the_weeks_that_meet_it(demo: Database) -> None:
    period = dashboard.dashboard_period(demo, "month", TODAY)
    bars = dashboard.visits_per_week(demo, "month", period, TODAY)
    assert len(bars) == dashboard.CONTEXT_WEEKS
    assert [str(b.week) for b in bars if b.in_period] == [f"2020-W{w}" for w in range(14, 19)]
    assert sum(b.visits for b in bars) == stats.compute(demo, Period(bars[0].start, TODAY)).visits


def test_funnel_counts_every_live_project_once(demo: Database) -> None:
    funnel = dashboard.pipeline_funnel(demo, today=TODAY)
    assert [c.stage for c in funnel] == list(ALL_STAGES)
    with demo.read() as session:
        live = count_live(session, Project)
    assert sum(c.projects for c in funnel) == live == 54
    by_stage = {c.stage: c.projects for c in funnel}
    active = by_stage[Stage.NEGOTIATING] + by_stage[Stage.INSPECTED]
    assert active == stats.compute(demo, DISPATCH).projects_active


def test_funnel_leaves_out_projects_not_yet_opened(demo: Database) -> None:
    assert sum(c.projects for c in dashboard.pipeline_funnel(demo, today=date(2020, 1, 1))) == 0


@pytest.mark.parametrize(
    "period",
    [DISPATCH, Period(date(2020, 3, 30), date(2020, 4, 5)), Period(date(2020, 4, 1), TODAY)],
)
def test_amounts_by_chain_add_up(demo: Database, period: Period) -> None:
    rows = dashboard.amounts_by_chain(demo, period)
    figures = stats.compute(demo, period)
    assert len(rows) == 12 and all(r.chain for r in rows)
    assert sum(r.contract_yuan for r in rows) == figures.contract_amount_yuan
    assert sum(r.funds_yuan for r in rows) == figures.funds_in_place_yuan


def test_projects_without_a_chain_come_last(db: Database) -> None:
    project = projects.open_project(db, projects.ProjectInput("无链项目"), on=date(2020, 4, 1))
    signing = projects.Signing(date(2020, 4, 2), 30_000_000, "正式合同")
    projects.move_stage(db, project, Stage.SIGNED, on=date(2020, 4, 2), signing=signing)
    rows = dashboard.amounts_by_chain(db, DISPATCH)
    assert rows[-1] == dashboard.ChainAmounts(None, 30_000_000, 0)
    assert sum(r.contract_yuan for r in rows[:-1]) == 0


def test_amount_unit() -> None:
    assert dashboard.amount_unit(550_000_000) == (100_000_000, "亿元")
    assert dashboard.amount_unit(90_000_000) == (10_000, "万元")


# --- Targets of members and counties ---------------------------------------------------------


def test_members_and_counties_follow_groups(demo: Database) -> None:
    scopes = targets.target_scopes(demo)
    member, county = scopes["member"][0], scopes["county"][0]
    targets.set_target(demo, "county", county.id, "visits", DISPATCH, 40)
    targets.set_target(demo, "member", member.id, "visits", DISPATCH, 20)
    try:
        rows = dashboard.targets_progress(demo, today=TODAY)
        kinds = [r.scope for r in rows]
        assert kinds == sorted(kinds, key=["team", "group", "member", "county"].index)
        mine = next(r for r in rows if r.scope == "member")
        assert (mine.scope_name, mine.target) == (member.name, 20)
        assert mine.actual == stats.compute(demo, DISPATCH, Scope("member", member.id)).visits
        theirs = next(r for r in rows if r.scope == "county")
        expected = stats.compute(demo, DISPATCH, Scope("county", county.id)).visits
        assert (theirs.scope_name, theirs.actual) == (county.name, expected)
    finally:
        targets.clear_target(demo, "county", county.id, "visits", DISPATCH)
        targets.clear_target(demo, "member", member.id, "visits", DISPATCH)
