"""A deferral notes the visits appended past its mark all at once, at the catch-up; whatever a
transaction writes — appended visits edited, moved or deleted again, a freed rowid taken by a new
visit, old visits and organizations changed — the search index, the follow-ups and the tally
come out as the real triggers leave them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.engine import Connection

from fieldlog.store import follow_up_index, search_index, visit_tally
from fieldlog.store.database import Database
from fieldlog.sync import deferred
from tests.conftest import open_copy, sqlite_only

pytestmark = sqlite_only("the derived tables and their triggers are SQLite's")


class _Discard(Exception):
    """Rolls a test's transaction back."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("mark"))
    yield database
    database.close()


def _new_visit(n: int, org: str, summary: str, follow_up: str | None) -> str:
    due = "NULL" if follow_up is None else f"'{follow_up}'"
    return (
        "INSERT INTO visit (visited_on, org_id, summary, intent, id, created_at, updated_at,"
        " node_id, hlc, deleted, field_stamps, local_seq, next_follow_up) VALUES"
        f" ('2031-05-{n % 28 + 1:02d}', {org}, '{summary}', '', '{n:032x}', '2031-05-01',"
        f" '2031-05-01', 'n', 0, 0, '{{}}', 0, {due})"
    )


_ANY_ORG = "(SELECT id FROM organization WHERE deleted = 0 ORDER BY id LIMIT 1 OFFSET {k})"
_NEWEST = "(SELECT max(rowid) FROM visit)"
_NEWEST_ID = f"(SELECT id FROM visit WHERE rowid = {_NEWEST})"
_OLD = "(SELECT min(rowid) + {k} FROM visit)"

#: Writes a transaction may make, each a function of a small number and the step's place.
WRITES = {
    "append": lambda k, at: _new_visit(
        9000 + at, _ANY_ORG.format(k=k % 5), f"新走访{k}深圳华为", "2031-06-01" if k % 2 else None
    ),
    "append_for_new_org": lambda k, at: (
        "INSERT INTO organization (id, created_at, updated_at, node_id, hlc, deleted,"
        " field_stamps, local_seq, name, name_key, kind, region, address, is_target, phone,"
        f" notes) VALUES ('{8000 + at:032x}', '2031-01-01', '2031-01-01', 'n', 0, 0, '{{}}', 0,"
        f" '新成立的公司{k}', 'x{k}', 'enterprise', '', '', 0, '', '')"
    ),
    "edit_newest": lambda k, at: (
        f"UPDATE visit SET summary = '改过的纪要{k}' WHERE rowid = {_NEWEST}"
    ),
    "move_newest": lambda k, at: (
        f"UPDATE visit SET org_id = {_ANY_ORG.format(k=k % 7)} WHERE rowid = {_NEWEST}"
    ),
    "tombstone_newest": lambda k, at: f"UPDATE visit SET deleted = 1 WHERE rowid = {_NEWEST}",
    # A hard delete of the newest visit frees its rowid for the next insert.
    "delete_newest": lambda k, at: (
        f"DELETE FROM visit_visitor WHERE visit_id = {_NEWEST_ID};"
        f" DELETE FROM visit_contact WHERE visit_id = {_NEWEST_ID};"
        f" DELETE FROM visit WHERE rowid = {_NEWEST}"
    ),
    "edit_old": lambda k, at: (
        f"UPDATE visit SET summary = '旧纪要{k}' WHERE rowid = {_OLD.format(k=k)}"
    ),
    "move_old": lambda k, at: (
        f"UPDATE visit SET org_id = {_ANY_ORG.format(k=k % 3)},"
        f" next_follow_up = '2031-07-0{k % 9 + 1}' WHERE rowid = {_OLD.format(k=k)}"
    ),
    "rename_org": lambda k, at: (
        f"UPDATE organization SET name = '改名{k}物流' WHERE id = {_ANY_ORG.format(k=k % 5)}"
    ),
}


def index_entries(connection: Connection) -> list[tuple[Any, ...]]:
    """The search index's entries: term, visit, column and position, sorted."""
    connection.execute(
        text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.entries"
            f" USING fts5vocab(main, {search_index.INDEX_TABLE}, instance)"
        )
    )
    entries = sorted(
        tuple(r)
        for r in connection.execute(text("SELECT term, doc, col, offset FROM temp.entries"))
    )
    connection.execute(text("DROP TABLE temp.entries"))
    return entries


def _snapshot(connection: Connection) -> dict[str, Any]:
    entries = index_entries(connection)
    # FTS5's totals (rows, tokens per column): a visit taken out that was never in lowers them.
    totals = connection.execute(
        text(f"SELECT block FROM {search_index.INDEX_TABLE}_data WHERE id = 1")
    ).scalar()
    tables = {
        name: sorted(tuple(r) for r in connection.execute(text(f"SELECT * FROM {name}")))
        for name in (follow_up_index.TABLE, visit_tally.TABLE)
    }
    return {"entries": entries, "totals": totals, **tables}


def _both(db: Database, steps: list[tuple[str, int]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The derived tables after `steps` with the real triggers, then deferred and caught up
    (each in a transaction rolled back)."""
    out = []
    for defer in (False, True):
        try:
            with db.begin() as session:
                connection = session.connection()
                derived = deferred.defer(session, 10**6) if defer else None
                if derived is not None:
                    assert derived.search and derived.follow_ups and derived.tally
                for at, (name, k) in enumerate(steps):
                    for statement in WRITES[name](k, at).split("; "):
                        connection.execute(text(statement))
                if derived is not None:
                    derived.catch_up(session)
                out.append(_snapshot(connection))
                raise _Discard
        except _Discard:
            pass
    return out[0], out[1]


def test_a_freed_rowid_taken_by_a_new_visit_is_indexed_once(demo: Database) -> None:
    """The newest visit (at the mark) deleted, a new one takes its rowid: noted by its trigger."""
    with demo.read() as session:
        before = _snapshot(session.connection())
    steps = [("delete_newest", 0), ("append", 1), ("edit_newest", 2), ("append", 3)]
    real, deferred_way = _both(demo, steps)
    assert real == deferred_way != before


def test_appended_visits_moved_and_deleted_again(demo: Database) -> None:
    steps = [
        ("append", 0),
        ("append", 1),
        ("move_newest", 2),
        ("append_for_new_org", 3),
        ("rename_org", 0),
        ("delete_newest", 0),
        ("tombstone_newest", 0),
        ("edit_old", 4),
    ]
    real, deferred_way = _both(demo, steps)
    assert real == deferred_way


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.tuples(st.sampled_from(sorted(WRITES)), st.integers(0, 6)), max_size=12))
def test_any_writes_deferred_come_out_as_the_triggers_leave_them(
    demo: Database, steps: list[tuple[str, int]]
) -> None:
    real, deferred_way = _both(demo, steps)
    assert real == deferred_way
