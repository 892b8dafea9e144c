"""The figures computed with the visits counted on a connection of their own equal the figures
computed in one unit of work (the way they were computed before), over the demo and a
generated database, for any period and scope."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from fieldlog.domain.period import Period
from fieldlog.services.reports import stats
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Member, WorkGroup
from fieldlog.store.repositories.facts import Scope
from tests.conftest import reopen

ROOT = Path(__file__).resolve().parents[3]


def _one_unit(db: Database, period: Period, scope: Scope | None) -> stats.Stats:
    """The figures as before: every read in one unit of work (one snapshot, one connection)."""
    with db.read():
        return stats.compute(db, period, scope)


def _scopes(db: Database) -> list[Scope | None]:
    with db.read() as session:
        groups = session.scalars(select(WorkGroup.id)).all()
        members = session.scalars(select(Member.id)).all()
        counties = session.scalars(select(CatalogItem.id).where(CatalogItem.kind == "county"))
        found: list[Scope | None] = [None]
        found += [Scope("group", n) for n in groups]
        found += [Scope("member", n) for n in members]
        found += [Scope("county", n) for n in counties.all()]
    return [*found, Scope("member", uuid.UUID(int=7))]


def _periods(first: date, days: int) -> st.SearchStrategy[Period]:
    day = st.integers(0, days).map(lambda n: first + timedelta(days=n))
    bounds = st.tuples(st.one_of(st.none(), day), st.one_of(st.none(), day))
    return bounds.map(lambda b: Period(*sorted(b)) if None not in b else Period(*b))


def _agree(db: Database, period: Period, scope: Scope | None) -> None:
    # Outside a unit of work on a SQLite file the visits are counted apart (a server: never).
    assert stats._side_by_side(db) == (db.engine.dialect.name == "sqlite")
    assert stats.compute(db, period, scope) == _one_unit(db, period, scope)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_demo_figures_are_the_same_either_way(demo_copy: Database, data: st.DataObject) -> None:
    scope = data.draw(st.sampled_from(_scopes(demo_copy)))
    period = data.draw(_periods(date(2020, 3, 1), 120))
    _agree(demo_copy, period, scope)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A database built by bench/make_db.py: six years of visits, projects and tranches."""
    path = tmp_path_factory.mktemp("generated") / "bench.db"
    command = [sys.executable, "bench/make_db.py", "--visits", "3000", "--orgs", "500"]
    built = subprocess.run(
        [*command, "--out", str(path)], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    assert built.returncode == 0, built.stderr
    db = reopen(path)
    yield db
    db.close()


@pytest.mark.sqlite_only(reason="the bench builds a SQLite file")
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_generated_databases_figures_are_the_same_either_way(
    generated: Database, data: st.DataObject
) -> None:
    scope = data.draw(st.sampled_from(_scopes(generated)))
    period = data.draw(_periods(date(2019, 1, 1), 6 * 366))
    _agree(generated, period, scope)


def test_all_time_figures_of_a_generated_database(generated: Database) -> None:
    every = stats.compute(generated, Period.all_time())
    assert every == _one_unit(generated, Period.all_time(), None)
    assert every.visits == 3000 and every.enterprises_visited > 0 and every.projects_active > 0


@pytest.mark.sqlite_only(reason="renames a table of the file")
def test_an_error_counting_the_visits_reaches_the_caller(demo_copy: Database) -> None:
    from sqlalchemy.exc import OperationalError

    with demo_copy.engine.begin() as connection:  # the visits gone: only their count fails
        connection.exec_driver_sql("ALTER TABLE visit RENAME TO visit_gone")
    # A period with a start: all time reads the visit tally, not the visits.
    with pytest.raises(OperationalError, match="no such table: visit"):
        stats.compute(demo_copy, Period(date(2000, 1, 1), None))
