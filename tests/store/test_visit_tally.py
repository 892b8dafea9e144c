"""The visit tally (migration 0016): built from the visits of a database at 0015, taken away by
a downgrade, checked by `fieldlog check`, and unknown to what packages say."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from fieldlog.domain.messages import code_of
from fieldlog.services.admin.maintenance import check, digest
from fieldlog.store import migrate, visit_tally
from fieldlog.store.database import Database, open_database
from tests.conftest import open_copy, sqlite_only
from tests.store.test_migrations import write_old_database

pytestmark = sqlite_only("the tally is SQLite's")

ORG = "0123456789abcdef0123456789abcdef"  # the organization of `write_old_database`
OTHER = "fedcba9876543210fedcba9876543210"


def _visit(n: int, org: str, deleted: int) -> str:
    return (
        "INSERT INTO visit (visited_on, org_id, summary, intent, id, created_at, updated_at,"
        f" node_id, hlc, deleted, field_stamps, local_seq) VALUES ('2020-04-0{n}', '{org}',"
        f" '走访{n}', '', '{n:032x}', '2020-04-01', '2020-04-01', 'n', 0, {deleted}, '{{}}', 0)"
    )


def _old_database_with_visits(path: Path) -> None:
    """A database at 0015: two organizations (one deleted), live and deleted visits."""
    write_old_database(create_engine(f"sqlite:///{path}"), "0015")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organization (id, created_at, updated_at, node_id, hlc, deleted,"
                " field_stamps, local_seq, name, name_key, kind, region, address, is_target,"
                f" phone, notes) VALUES ('{OTHER}', '2020-01-01', '2020-01-01', '', 0, 1, '{{}}',"
                " 0, '深圳市德润物流有限公司', 'd', 'enterprise', '', '', 0, '', '')"
            )
        )
        for n, org, deleted in [
            (1, ORG, 0),
            (2, ORG, 0),
            (3, ORG, 1),
            (4, OTHER, 0),
            (5, OTHER, 1),
        ]:
            conn.execute(text(_visit(n, org, deleted)))
    engine.dispose()


def _rows(db: Database, table: str = visit_tally.TABLE) -> list[tuple[str, int]]:
    with db.read() as session:
        return sorted(tuple(r) for r in session.execute(text(f"SELECT * FROM {table}")))


def test_upgrading_a_0015_database_counts_its_live_visits(tmp_path: Path) -> None:
    path = tmp_path / "0015.db"
    _old_database_with_visits(path)
    db = open_database(str(path))
    try:
        with db.read() as session:
            assert migrate.current_revision(session.connection()) == "0016"
            assert visit_tally.present(session.connection())
        # A deleted organization keeps its count (the figures' join leaves it out).
        assert _rows(db) == [(ORG, 2), (OTHER, 1)]
        with db.begin() as session:  # the triggers are there: a visit added counts
            session.execute(text(_visit(6, ORG, 0)))
        assert _rows(db) == [(ORG, 3), (OTHER, 1)]
        assert check(db).ok
    finally:
        db.close()


def test_the_downgrade_takes_the_tally_away(tmp_path: Path) -> None:
    path = tmp_path / "0015.db"
    _old_database_with_visits(path)
    open_database(str(path)).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0015")
    with engine.connect() as conn:
        left = conn.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'visit_tally%'"))
        assert left.all() == []
        assert migrate.current_revision(conn) == "0015"
        conn.execute(text(_visit(6, ORG, 0)))  # no trigger names a missing table
    engine.dispose()


@pytest.fixture
def demo(tmp_path: Path, demo_database_file: Path):  # type: ignore[no-untyped-def]
    database = open_copy(demo_database_file, tmp_path)
    yield database
    database.close()


def test_check_finds_a_tally_that_differs_from_the_visits(demo: Database) -> None:
    assert check(demo).ok
    before = digest(demo)
    with demo.begin() as session:
        org = session.execute(text(f"SELECT org_id FROM {visit_tally.TABLE} LIMIT 1")).scalar()
        session.execute(
            text(f"UPDATE {visit_tally.TABLE} SET visits = visits + 1 WHERE org_id = :o"),
            {"o": org},
        )
        session.execute(text(f"INSERT INTO {visit_tally.TABLE} VALUES ('{OTHER}', 4)"))
    report = check(demo)
    assert [code_of(p) for p in report.problems] == ["health.visit_tally"]
    assert str(report.problems[0]) == (
        "visit tally: the stored visit counts of 2 organization(s) differ from their visits, "
        "so the all-time figures are wrong"
    )
    assert digest(demo) == before  # derived, local: not in the digest
    with demo.begin() as session:
        visit_tally.rebuild(session.connection())
    assert check(demo).ok


def test_packages_name_the_newest_revision_that_changed_replicated_data() -> None:
    assert migrate.head_revision() == "0016"
    assert migrate.package_revision() == "0015"


def test_only_local_revisions_at_the_head_are_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    def chain(local: set[str]):  # type: ignore[no-untyped-def]
        return lambda: ({"a": None, "b": "a", "c": "b", "d": "c"}, frozenset(local))

    for local, expected in [
        (set(), "d"),
        ({"d"}, "c"),
        ({"c", "d"}, "b"),
        ({"b", "d"}, "c"),  # a local revision under a replicated one changes nothing
        ({"a", "b", "c", "d"}, "a"),  # the first revision is what there is
    ]:
        monkeypatch.setattr(migrate, "_revisions", chain(local))
        assert migrate.package_revision() == expected


class _Discard(Exception):
    """Raised to roll back what a test wrote."""


def _triggers(db: Database) -> list[tuple[str, str]]:
    with db.read() as session:
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE :t"
        return sorted(tuple(r) for r in session.execute(text(query), {"t": "visit_tally%"}))


def test_a_deferred_tally_catches_up_to_what_the_triggers_give(demo: Database) -> None:
    real = _triggers(demo)
    fresh = "SELECT org_id, count(*) FROM visit WHERE deleted = 0 GROUP BY org_id"
    writes = [
        _visit(7, ORG, 0).replace(
            "'0123456789abcdef0123456789abcdef'", "(SELECT min(id) FROM organization)"
        ),
        "UPDATE visit SET deleted = 1 WHERE id = (SELECT min(id) FROM visit WHERE deleted = 0)",
        "UPDATE visit SET org_id = (SELECT max(id) FROM organization)"
        " WHERE id = (SELECT max(id) FROM visit WHERE deleted = 0)",
        "UPDATE visit SET deleted = 0 WHERE id = (SELECT max(id) FROM visit WHERE deleted = 1)",
        "DELETE FROM visit_visitor WHERE visit_id = (SELECT max(id) FROM visit)",
        "DELETE FROM visit_contact WHERE visit_id = (SELECT max(id) FROM visit)",
        "DELETE FROM visit WHERE id = (SELECT max(id) FROM visit)",
    ]
    with demo.read() as session:
        before = sorted(tuple(r) for r in session.execute(text("SELECT * FROM visit_tally")))
    results = []
    for deferred in (False, True):
        with pytest.raises(_Discard), demo.begin() as session:
            connection = session.connection()
            if deferred:
                assert visit_tally.defer(connection)
                assert _triggers(demo) == []
            for statement in writes:
                connection.execute(text(statement))
            if deferred:
                assert visit_tally.catch_up(connection) >= 1
            tally = sorted(tuple(r) for r in connection.execute(text("SELECT * FROM visit_tally")))
            assert tally == sorted(tuple(r) for r in connection.execute(text(fresh)))
            results.append(tally)
            raise _Discard
    assert results[0] == results[1] != before
    assert _triggers(demo) == real
