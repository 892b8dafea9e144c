"""The health check's orphan, tombstone, stamp and clock checks, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldlog.domain.messages import code_of
from fieldlog.services.admin.maintenance import check
from fieldlog.services.orgs import orgs
from fieldlog.services.orgs.org_merge import merge_orgs
from fieldlog.store.database import Database
from tests.conftest import open_copy, sqlite_only


@pytest.fixture
def demo(tmp_path: Path, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path)
    yield database
    database.close()


def _sql(db: Database, *statements: str) -> None:
    with db.begin() as session:
        for statement in statements:
            session.execute(text(statement))


def _busiest_org(db: Database) -> str:
    with db.read() as session:
        return str(
            session.execute(
                text("SELECT org_id FROM visit GROUP BY org_id ORDER BY count(*) DESC LIMIT 1")
            ).scalar()
        )


def _notes(report) -> list:  # type: ignore[no-untyped-def]
    # A server whose role may not run amcheck says so in a note of its own (store/server_health.py).
    return [n for n in report.notes if code_of(n) != "health.amcheck_missing"]


def test_the_demo_is_healthy(demo: Database) -> None:
    report = check(demo)
    assert report.ok, report.problems
    assert _notes(report) == [] and report.live["visit"] > 0


def test_visits_of_a_deleted_organization_are_a_note_not_a_problem(demo: Database) -> None:
    import uuid

    orgs.delete_org(demo, uuid.UUID(_busiest_org(demo)))
    report = check(demo)
    assert report.ok, report.problems
    assert "live visit(s) belong to deleted organizations" in str(_notes(report)[0])


def test_a_live_visit_of_a_merged_away_organization_is_a_problem(demo: Database) -> None:
    import uuid

    keep = uuid.UUID(_busiest_org(demo))
    other = orgs.save_org(demo, orgs.OrgInput(name="另一家公司")).id
    merge_orgs(demo, keep, other)
    assert check(demo).ok
    _sql(demo, f"UPDATE visit SET org_id = '{other.hex}' WHERE org_id = '{keep.hex}'")
    problems = [str(problem) for problem in check(demo).problems]
    assert len(problems) == 1 and problems[0].startswith("orphans: ")
    assert problems[0].endswith("visit rows point at a merged-away organization")


@sqlite_only("stores text that is not JSON in a JSON column, which only SQLite accepts")
def test_stamps_that_are_not_objects_and_a_clock_behind(demo: Database) -> None:
    _sql(
        demo,
        "UPDATE organization SET field_stamps = 'not json' WHERE rowid = 1",
        "UPDATE member SET field_stamps = '[]' WHERE rowid = 1",
        "UPDATE team SET hlc = 9223372036854775000",
    )
    problems = [str(problem) for problem in check(demo).problems]
    assert "stamps: 1 organization row has field stamps that are not a JSON object" in problems
    assert "stamps: 1 member row has field stamps that are not a JSON object" in problems
    assert any(p.startswith("clock: ") for p in problems)
