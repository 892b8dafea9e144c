"""Visit drafts live in the database they belong to: saved, loaded, discarded and listed there,
surviving a crash, and invisible to everything else (digest, sync, history, counters); a
database that cannot take one (read-only, busy) keeps it in memory without a fuss."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldlog.services.exchange import sync
from fieldlog.services.visits import drafts
from fieldlog.store import database as database_module
from fieldlog.store import driver
from fieldlog.store.database import Database, open_database
from fieldlog.store.repositories import draft_rows
from fieldlog.store.stamping import HLC_KEY, SEQ_KEY, read_state
from fieldlog.sync.crypto import KdfParams
from fieldlog.sync.package import open_package
from tests.conftest import sqlite_only

from ...field_dump import db_digest, field_dump, history_count

FIELDS = {"summary": "谈了新仓库的选址 13800138000", "org_id": None, "visitors": []}
PASSPHRASE = "铜仁驻深 drafts 2020"


def stored(db: Database, key: str = "visit-new") -> dict | None:
    """What the database file holds under `key` (not what the process keeps in memory)."""
    with db.read() as session:
        found = draft_rows.draft_fields(session, key)
    return None if found is None else found[0]


def data_folder() -> Path:
    return Path(os.environ["XDG_DATA_HOME"])


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def test_a_draft_is_saved_loaded_listed_and_discarded_in_the_database(db: Database) -> None:
    before = files_under(data_folder())
    assert drafts.load_draft(db, "visit-new") is None and drafts.list_drafts(db) == []
    assert drafts.save_draft(db, "visit-new", FIELDS)
    edited = drafts.visit_draft_key("0" * 32)
    assert drafts.save_draft(db, edited, {**FIELDS, "summary": "改"})
    assert stored(db) == FIELDS and drafts.load_draft(db, "visit-new") == FIELDS
    assert {info.key for info in drafts.list_drafts(db)} == {"visit-new", edited}
    drafts.discard_draft(db, "visit-new")
    assert stored(db) is None and drafts.load_draft(db, "visit-new") is None
    assert [info.key for info in drafts.list_drafts(db)] == [edited]
    drafts.discard_draft(db, "visit-new")  # none there: nothing happens
    assert files_under(data_folder()) == before  # no draft file anywhere in the data folder


def test_a_draft_survives_a_crash(db: Database, tmp_path: Path) -> None:
    """Saved, then the process goes away without saving the visit: the file holds the draft."""
    drafts.save_draft(db, "visit-new", FIELDS)
    path = db.path
    db.close()
    drafts.forget_memory(db)  # a new process remembers nothing
    again = open_database(db.location, password=db.password)
    try:
        assert drafts.load_draft(again, "visit-new") == FIELDS
    finally:
        again.close()
    if path is None:  # a server database: stored there, as the reopening proved
        return
    # The text is in the database file itself (asked of SQLite, not read as bytes).
    with driver.connect(path, db.password) as con:
        (text,) = con.execute("SELECT fields FROM draft WHERE key = 'visit-new'").fetchone()
    con.close()
    assert "13800138000" in text


def test_a_draft_changes_no_digest_history_clock_or_counter(demo_copy: Database) -> None:
    def counters() -> tuple[str | None, str | None]:
        with demo_copy.read() as session:
            return read_state(session, HLC_KEY), read_state(session, SEQ_KEY)

    digest, dump, history = db_digest(demo_copy), field_dump(demo_copy), history_count(demo_copy)
    clock, unsent = counters(), sync.unsent_count(demo_copy)
    assert drafts.save_draft(demo_copy, "visit-new", FIELDS)
    assert drafts.save_draft(demo_copy, "visit-new", {**FIELDS, "summary": "again"})
    assert stored(demo_copy) is not None
    assert db_digest(demo_copy) == digest and field_dump(demo_copy) == dump
    assert history_count(demo_copy) == history and counters() == clock
    assert sync.unsent_count(demo_copy) == unsent


def test_fieldlog_digest_ignores_drafts(db: Database) -> None:
    def cli_digest() -> str:
        done = subprocess.run(
            [sys.executable, "-m", "fieldlog", "--db", db.location, "digest"],
            input=f"{db.password}\n" if db.password else None,
            capture_output=True,
            text=True,
            env=dict(os.environ),
            timeout=180,
            check=True,
        )
        return done.stdout.strip()

    before = cli_digest()
    drafts.save_draft(db, "visit-new", FIELDS)
    assert stored(db) == FIELDS
    assert cli_digest() == before


def test_a_sync_package_carries_no_draft(db: Database, tmp_path: Path) -> None:
    sync.set_passphrase(db, PASSPHRASE)
    kdf = KdfParams(n=2**10, r=8, p=1)
    first = sync.export_package(db, tmp_path / "a.fieldsync", full=True, kdf=kdf)
    drafts.save_draft(db, "visit-new", FIELDS)
    assert sync.unsent_count(db) == 0
    second = sync.export_package(db, tmp_path / "b.fieldsync", full=True, kdf=kdf)
    assert second.counts == first.counts and "draft" not in second.counts
    plaintext = open_package(second.path, PASSPHRASE).plaintext.decode("utf-8")
    assert "13800138000" not in plaintext and "visit-new" not in plaintext


@sqlite_only("a read-only database file")
def test_a_read_only_database_keeps_the_draft_in_memory(
    db: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = db.path
    assert path is not None
    drafts.save_draft(db, "visit-new", {"summary": "stored before"})
    db.close()
    monkeypatch.setattr(database_module, "is_writable", lambda _path: False)
    read_only = open_database(str(path), password=db.password)
    try:
        assert read_only.read_only
        digest = db_digest(read_only)
        assert drafts.load_draft(read_only, "visit-new") == {"summary": "stored before"}
        with caplog.at_level("INFO"):
            assert not drafts.save_draft(read_only, "visit-new", FIELDS)
            assert drafts.load_draft(read_only, "visit-new") == FIELDS  # this session keeps it
            drafts.discard_draft(read_only, "visit-new")
            assert drafts.load_draft(read_only, "visit-new") is None
        assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")]
        assert db_digest(read_only) == digest and stored(read_only) == {"summary": "stored before"}
    finally:
        read_only.close()
        drafts.forget_memory(read_only)


@sqlite_only("another connection holds the file's write lock")
def test_a_busy_database_keeps_the_draft_in_memory_until_the_next_save(db: Database) -> None:
    """Another program holds the write lock: the save gives up at once (it does not freeze the
    form for the busy timeout), and the next one, once the lock is gone, stores it."""
    holder = driver.connect(db.path, db.password, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        assert not drafts.save_draft(db, "visit-new", FIELDS)
        assert drafts.load_draft(db, "visit-new") == FIELDS and stored(db) is None
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    assert drafts.save_draft(db, "visit-new", FIELDS)
    assert stored(db) == FIELDS


def test_a_draft_save_never_joins_the_unit_of_work_in_progress(db: Database) -> None:
    """Saved while a read is open (a report being drawn): stored by a transaction of its own;
    saved while a change holds the write lock: kept in memory, and the change rolling back does
    not take it with it (nor does the draft ride on the change's transaction)."""
    with db.read():
        assert drafts.save_draft(db, "visit-new", FIELDS)
    assert stored(db) == FIELDS
    later = {"summary": "written while a change is open"}
    with pytest.raises(RuntimeError, match="the change fails"), db.begin() as session:
        session.connection()  # the change has begun: it holds the write lock
        assert not drafts.save_draft(db, "visit-new", later)
        raise RuntimeError("the change fails")
    assert stored(db) == FIELDS and drafts.load_draft(db, "visit-new") == later
    assert drafts.save_draft(db, "visit-new", later) and stored(db) == later
