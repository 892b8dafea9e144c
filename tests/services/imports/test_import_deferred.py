"""A large visit log brings the search index and the follow-ups up to date once, at the end:
the same records, index and follow-ups as with the triggers kept, the triggers back after it,
and nothing left behind by a dry run or a cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.imports import import_visits, imports
from fieldlog.store import follow_up_index, search_index
from fieldlog.store.database import Database
from fieldlog.sync import deferred
from tests.excel.messy import build_visit_log
from tests.services.imports.test_import_batches import assert_same_either_way, build_large_log, seed
from tests.store.test_deferral_mark import index_entries


def derived(db: Database) -> dict[str, Any]:
    """The search index's entries (term, column, position by visit), the follow-ups, the
    triggers and the temporary tables of a connection."""
    with db.read() as session:
        connection = session.connection()
        if connection.dialect.name != "sqlite":
            return {}
        entries = index_entries(connection)
        follow_ups = sorted(
            tuple(row)
            for row in connection.execute(
                text(f"SELECT org_id, visit_id, due FROM {follow_up_index.TABLE}")
            )
        )
        triggers = sorted(
            tuple(row)
            for row in connection.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            )
        )
        temporary = sorted(
            name for (name,) in connection.execute(text("SELECT name FROM sqlite_temp_master"))
        )
    return {
        "entries": entries,
        "follow_ups": follow_ups,
        "triggers": triggers,
        "temporary": temporary,
    }


def rebuilt(db: Database) -> dict[str, Any]:
    """`derived` after building the index and the follow-ups afresh from the records (SQLite;
    PostgreSQL keeps neither table)."""
    if db.engine.dialect.name != "sqlite":
        return derived(db)
    with db.begin() as session:
        search_index.rebuild(session.connection())
        follow_up_index.rebuild(session.connection())
    return derived(db)


@pytest.fixture
def deferring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Defer the derived tables for any import, however small."""
    monkeypatch.setattr(deferred, "DEFER_ROWS", 1)


@pytest.mark.usefixtures("deferring")
@pytest.mark.parametrize("batch", [7, 500])
def test_deferred_import_stores_what_row_by_row_stores(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    seed(db)
    monkeypatch.setattr(import_visits, "BATCH_ROWS", batch)
    report = assert_same_either_way(db, build_large_log(tmp_path / "走访.xlsx", 400))
    assert {row.outcome for row in report.rows} == {"created", "updated", "unchanged", "rejected"}


@pytest.mark.usefixtures("deferring")
def test_the_messy_log_deferred_is_stored_the_same_either_way(db: Database, tmp_path: Path) -> None:
    log = build_visit_log(tmp_path / "走访.xlsx")
    log.seed(db)
    assert assert_same_either_way(db, log.path).as_dict() == log.expected


def test_the_index_and_follow_ups_are_those_the_triggers_make(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db)
    before = derived(db)
    if not before:
        pytest.skip("PostgreSQL keeps no index table")
    path = build_large_log(tmp_path / "走访.xlsx", 300)
    monkeypatch.setattr(deferred, "DEFER_ROWS", 1)
    made: list[deferred.Deferred] = []
    defer = deferred.defer
    monkeypatch.setattr(deferred, "defer", lambda *a: made.append(defer(*a)) or made[-1])
    report = imports.import_visits(db, path)
    assert report.created > 100
    assert made and made[0].indexed >= report.created and made[0].recomputed > 10  # deferred
    after = derived(db)
    assert after["triggers"] == before["triggers"]
    assert after["temporary"] == before["temporary"]
    assert len(after["entries"]) > len(before["entries"])
    assert after == rebuilt(db)


def test_a_sheet_of_fewer_rows_than_the_threshold_keeps_the_triggers(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db)
    path = build_large_log(tmp_path / "走访.xlsx", 60)
    made: list[deferred.Deferred] = []
    defer = deferred.defer
    monkeypatch.setattr(deferred, "defer", lambda *a: made.append(defer(*a)) or made[-1])
    imports.import_visits(db, path)
    assert made and not made[0].search and made[0].indexed == 0


@pytest.mark.usefixtures("deferring")
def test_a_deferred_dry_run_leaves_everything_as_it_was(db: Database, tmp_path: Path) -> None:
    seed(db)
    path = build_large_log(tmp_path / "走访.xlsx", 200)
    before, index = digest(db), derived(db)
    report = imports.import_visits(db, path, dry_run=True)
    assert report.created > 100
    assert digest(db) == before
    assert derived(db) == index


@pytest.mark.usefixtures("deferring")
def test_a_deferred_import_cancelled_midway_stores_nothing(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db)
    path = build_large_log(tmp_path / "走访.xlsx", 1200)
    before, index = digest(db), derived(db)

    def stop_midway(step: str, done: int, total: int) -> bool:
        return not (step == "storing" and done >= 500)

    with pytest.raises(imports.ImportCancelled) as raised:
        imports.import_visits(db, path, progress=stop_midway)
    assert str(raised.value) == "the import was cancelled; nothing was stored"
    assert digest(db) == before
    assert derived(db) == index
    monkeypatch.setattr(deferred, "DEFER_ROWS", 10**9)
    assert imports.import_visits(db, path).created > 500  # the real triggers are back
    assert derived(db) == rebuilt(db)
