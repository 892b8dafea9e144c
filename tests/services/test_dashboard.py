"""Targets against actuals and rankings, on the demo dispatch."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from fieldlog.domain.period import Period
from fieldlog.services import dashboard, stats
from fieldlog.services.demo import load_demo
from fieldlog.services.workspace import open_workspace
from fieldlog.store.database import Database
from fieldlog.store.repositories.facts import Scope

TODAY = date(2020, 4, 22)
DISPATCH = Period(date(2020, 3, 23), TODAY)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_workspace(str(tmp_path_factory.mktemp("dash") / "demo.db"))
    load_demo(database)
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


def test_group_rankings_share_out_the_signed_projects(demo: Database) -> None:
    # Visits may have visitors from several groups, but each project belongs to one group.
    rows = dashboard.rankings(demo, DISPATCH, "group")
    assert len(rows) == 12
    assert sum(r.projects_signed for r in rows) == 22
    assert sum(r.contract_amount_yuan for r in rows) == 2_914_000_000


def test_unknown_ranking_is_refused(demo: Database) -> None:
    with pytest.raises(ValueError):
        dashboard.rankings(demo, DISPATCH, "chain")
