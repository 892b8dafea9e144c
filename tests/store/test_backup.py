"""Backup files: consistent copies taken while a writer is busy, checks, the atomic swap."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from fieldlog.store import driver
from fieldlog.store.backup import BackupError, backup_file, check_database_file
from fieldlog.store.database import Database
from fieldlog.store.migrate import head_revision
from fieldlog.store.restore import read_clock, replace_database
from tests.conftest import sqlite_only


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_backup_while_a_write_transaction_is_open(db: Database, tmp_path: Path) -> None:
    assert db.path is not None
    with db.begin() as session:
        session.execute(text("INSERT INTO local_state (key, value) VALUES ('x', 'uncommitted')"))
        copy = backup_file(db.path, tmp_path / "copy.db", password=db.password)
    assert check_database_file(copy, db.password) == head_revision()
    con = driver.connect(copy, db.password)
    assert con.execute("SELECT value FROM local_state WHERE key = 'x'").fetchone() is None
    con.close()
    assert not list(tmp_path.glob(".*.tmp"))


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_replace_forgets_the_node_and_carries_the_clock(db: Database, tmp_path: Path) -> None:
    assert db.path is not None
    copy = backup_file(db.path, tmp_path / "copy.db", password=db.password)
    db.close()
    replace_database(
        db.path, copy, clock=1 << 60, password=db.password, source_password=db.password
    )
    con = driver.connect(db.path, db.password)
    keys = dict(con.execute("SELECT key, value FROM local_state").fetchall())
    con.close()
    assert "node_id" not in keys and "node_home" not in keys
    assert read_clock(db.path, db.password) == 1 << 60
    assert not db.path.with_name(db.path.name + "-wal").exists()


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_a_truncated_copy_is_refused(db: Database, tmp_path: Path) -> None:
    assert db.path is not None
    copy = backup_file(db.path, tmp_path / "copy.db", password=db.password)
    cut = tmp_path / "cut.db"
    cut.write_bytes(copy.read_bytes()[: len(copy.read_bytes()) // 2])
    with pytest.raises(BackupError, match="nothing was changed"):
        check_database_file(cut, db.password)
