"""Upgrading an older database: one backup, each step reported with how far it is, a stop that
leaves the database as it was, and chunked index builds that equal the one-statement builds."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from fieldlog.services.admin.workspace import UpgradeCancelled, UpgradeStep, open_workspace
from fieldlog.store import follow_up_index, migrate, search_index
from fieldlog.store.backup import backup_folder
from tests.conftest import plain_copy, sqlite_only

pytestmark = sqlite_only("a file's upgrade, its backup and its search index")

OLD = "0005"


def old_copy(demo: Path, folder: Path, revision: str = OLD, name: str = "old.db") -> Path:
    """A plain copy of the demo taken back to the schema `revision` (as an older FieldLog left
    it), with a few records of the kinds the index builds must get right."""
    from alembic import command

    path = plain_copy(demo, folder / name)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), revision)
    engine.dispose()
    with sqlite3.connect(path) as con:
        # a deleted organization, a deleted visit, a tie on an organization's latest day
        con.execute(
            "UPDATE organization SET deleted = 1"
            " WHERE rowid = (SELECT min(rowid) FROM organization)"
        )
        con.execute("UPDATE visit SET deleted = 1 WHERE rowid = (SELECT max(rowid) FROM visit)")
        con.execute(
            f"INSERT INTO visit SELECT {_copied_visit_columns(con)} FROM visit"
            " WHERE rowid = (SELECT min(rowid) FROM visit WHERE next_follow_up IS NOT NULL)"
        )
    con.close()
    return path


def _copied_visit_columns(con: sqlite3.Connection) -> str:
    """The visit's columns with a new id and creation time: a second visit the same day."""
    names = [row[1] for row in con.execute("PRAGMA table_info(visit)")]
    new = {"id": "lower(hex(randomblob(16)))", "created_at": "'2999-01-01 00:00:00.000000'"}
    return ", ".join(new.get(name, name) for name in names)


def file_state(path: Path) -> str:
    """Everything the file holds, as SQL (schema and rows), hashed."""
    con = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()
    finally:
        con.close()


def revision_of(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


class Recorder:
    """A watcher that notes every report, and stops the upgrade at a chosen step."""

    def __init__(self, stop_at: str | None = None) -> None:
        self.reports: list[tuple[str, float | None]] = []
        self.steps: list[UpgradeStep] = []
        self.stop_at = stop_at

    def __call__(self, step: UpgradeStep, fraction: float | None) -> None:
        if not self.steps or self.steps[-1].key != step.key:
            self.steps.append(step)
        self.reports.append((step.key, fraction))
        if step.key == self.stop_at and fraction is not None and fraction > 0:
            raise UpgradeCancelled()


@pytest.fixture
def old_db(tmp_path: Path, demo_database_file: Path) -> Path:
    return old_copy(demo_database_file, tmp_path)


def test_a_watched_upgrade_backs_up_once_then_reports_every_step_in_order(old_db: Path) -> None:
    recorder = Recorder()
    db = open_workspace(str(old_db), progress=recorder)
    db.close()
    keys = [step.key for step in recorder.steps]
    revisions = migrate.pending_revisions(OLD)
    assert keys == [migrate.BACKUP_STEP, *revisions, migrate.CHECK_STEP]
    assert [(s.number, s.count) for s in recorder.steps[1:-1]] == [
        (n, len(revisions)) for n in range(1, len(revisions) + 1)
    ]
    for key in keys:  # each step begins at 0, ends at 1, and never goes back
        told = [f for k, f in recorder.reports if k == key]
        assert told[0] == 0.0 and told[-1] == 1.0 and told == sorted(told), (key, told)
    assert revision_of(old_db) == migrate.head_revision()
    backups = list(backup_folder(old_db).iterdir())
    assert len(backups) == 1 and backups[0].name.endswith("-before-upgrade.db")
    assert revision_of(backups[0]) == OLD


@pytest.mark.parametrize("stop_at", [migrate.BACKUP_STEP, "0006", "0008", "0014"])
def test_stopping_an_upgrade_leaves_the_database_as_it_was(old_db: Path, stop_at: str) -> None:
    before = file_state(old_db)
    recorder = Recorder(stop_at=stop_at)
    with pytest.raises(UpgradeCancelled) as stopped:
        open_workspace(str(old_db), progress=recorder)
    assert str(stopped.value) == (
        f"The upgrade of {old_db} was stopped; the database is as it was before "
        "(FieldLog opens it once it is upgraded)"
    )
    assert recorder.steps[-1].key == stop_at
    assert file_state(old_db) == before and revision_of(old_db) == OLD
    assert not backup_folder(old_db).exists()  # the backup equalled the database: deleted
    assert not list(old_db.parent.glob(".*.tmp"))
    db = open_workspace(str(old_db))  # and it upgrades later as if never tried
    db.close()
    assert revision_of(old_db) == migrate.head_revision()


def test_an_older_database_with_projects_upgrades_past_the_rebuilt_project_table(
    tmp_path: Path, demo_database_file: Path
) -> None:
    # 0014 rebuilds the project table, which stage events and tranches refer to.
    path = old_copy(demo_database_file, tmp_path, "0013")
    with sqlite3.connect(path) as con:
        events = con.execute("SELECT count(*) FROM stage_event").fetchone()[0]
    con.close()
    assert events > 0
    db = open_workspace(str(path))
    db.close()
    assert revision_of(path) == migrate.head_revision()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT count(*) FROM stage_event").fetchone()[0] == events
    finally:
        con.close()


def _migration(name: str) -> ModuleType:
    path = migrate.MIGRATIONS / "versions" / name
    spec = importlib.util.spec_from_file_location(f"migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _index_contents(con: sqlite3.Connection) -> list[tuple[object, ...]]:
    con.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab"
        f" USING fts5vocab(main, {search_index.INDEX_TABLE}, instance)"
    )
    return con.execute(
        "SELECT term, doc, col, offset FROM temp.vocab ORDER BY 1, 2, 3, 4"
    ).fetchall()


def _latest(con: sqlite3.Connection) -> list[tuple[object, ...]]:
    return con.execute(f"SELECT * FROM {follow_up_index.TABLE} ORDER BY org_id").fetchall()


def test_chunked_builds_hold_exactly_what_one_statement_builds(old_db: Path) -> None:
    db = open_workspace(str(old_db))
    db.close()
    engine = create_engine(f"sqlite:///{old_db}")
    search, latest = _migration("0006_visit_search.py"), _migration("0008_follow_up_latest.py")
    search.CHUNK_VISITS, latest.CHUNK_ORGS = 7, 3  # many chunks, a short last one
    with engine.begin() as conn:
        search_index.rebuild(conn)  # the one-statement builds
        follow_up_index.rebuild(conn)
        raw = conn.connection.dbapi_connection
        one_statement = (_index_contents(raw), _latest(raw))
        conn.execute(text(f"DELETE FROM {follow_up_index.TABLE}"))
        search._index_visits(conn)
        latest._fill(conn)
        chunked = (_index_contents(raw), _latest(raw))
        visits = conn.execute(text("SELECT count(*) FROM visit")).scalar()
    engine.dispose()
    assert chunked == one_statement
    assert len(one_statement[1]) > 10 and len({doc for _t, doc, *_ in chunked[0]}) == visits


def test_a_new_database_reports_nothing(tmp_path: Path) -> None:
    recorder = Recorder()
    db = open_workspace(str(tmp_path / "new.db"), progress=recorder)
    db.close()
    assert recorder.reports == []
    assert not backup_folder(tmp_path / "new.db").exists()


def test_an_unwatched_upgrade_still_takes_one_backup(old_db: Path) -> None:
    shutil.rmtree(backup_folder(old_db), ignore_errors=True)
    db = open_workspace(str(old_db))
    db.close()
    assert len(list(backup_folder(old_db).iterdir())) == 1
    assert revision_of(old_db) == migrate.head_revision()


def test_an_encrypted_database_is_backed_up_watched_and_stops_the_same(
    old_db: Path, tmp_path: Path
) -> None:
    from fieldlog.store import driver
    from fieldlog.store.cipher import encrypt

    password = "口令 'x"
    path = tmp_path / "encrypted.db"
    encrypt(old_db, path, password)

    def revision() -> str:
        con = driver.connect(path, password)
        try:
            return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
        finally:
            con.close()

    with pytest.raises(UpgradeCancelled):
        open_workspace(str(path), password=password, progress=Recorder(stop_at="0008"))
    assert revision() == OLD and not backup_folder(path).exists()
    recorder = Recorder()
    open_workspace(str(path), password=password, progress=recorder).close()
    assert revision() == migrate.head_revision()
    [backup] = backup_folder(path).iterdir()
    con = driver.connect(backup, password)  # encrypted with the same password
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == OLD
    finally:
        con.close()
    assert recorder.steps[0].key == migrate.BACKUP_STEP


@pytest.fixture(scope="module")
def splitter() -> Iterator[sqlite3.Connection]:
    """A connection with the numbers the search index splits texts with."""
    con = sqlite3.connect(":memory:")
    con.execute(f"CREATE TABLE {search_index.NUMBERS_TABLE} (n INTEGER PRIMARY KEY)")
    con.executemany(
        f"INSERT INTO {search_index.NUMBERS_TABLE} VALUES (?)",
        [(n,) for n in range(search_index.STRIDE)],
    )
    yield con
    con.close()


_TEXTS = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.text(alphabet="AZaz09 %_\0é华为物流协会😀\u3000\r\n", max_size=60),
    st.text(alphabet="Ab华", min_size=1990, max_size=2010),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_TEXTS)
def test_the_builds_bigrams_are_exactly_the_triggers_sql(
    splitter: sqlite3.Connection, value: str | None
) -> None:
    sql = f"SELECT {search_index._bigrams_sql(':v')}"
    expected = splitter.execute(sql, {"v": value}).fetchone()[0]
    assert _migration("0006_visit_search.py").bigrams(value) == expected


@pytest.mark.parametrize(
    "value", ["", "A", "AB", "a\0b", "\0", "x" * 2001, "Ä华" * 1200, "华为 HUAWEI 😀"]
)
def test_the_builds_bigrams_at_the_edges(splitter: sqlite3.Connection, value: str) -> None:
    sql = f"SELECT {search_index._bigrams_sql(':v')}"
    expected = splitter.execute(sql, {"v": value}).fetchone()[0]
    assert _migration("0006_visit_search.py").bigrams(value) == expected
