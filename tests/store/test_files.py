"""What a file is, told without dropping the SQLite locks of this process."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.store.backup import backup_file
from fieldlog.store.engine import held_here, make_read_only_engine
from fieldlog.store.files import Kind, kind_of
from tests.lock_guard import LockGuard, lock_guard

__all__ = ["lock_guard"]


def test_a_database_held_open_here_is_asked_of_sqlite(tmp_path: Path, lock_guard: LockGuard):
    path = tmp_path / "live.db"
    db = open_workspace(str(path))
    try:
        with db.read() as session:
            session.execute(text("SELECT 1"))
        assert Path(f"{path}-shm").exists()  # in use: the guard fails any Python open of it
        assert kind_of(path) is Kind.DATABASE
        copy = backup_file(path, tmp_path / "copy.db")
        assert kind_of(copy) is Kind.BACKUP  # idle, rollback mode: read directly
    finally:
        db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "live.db"]
    assert kind_of(path) is Kind.DATABASE  # idle now: the header says WAL


def test_a_file_held_without_companions_is_asked_of_sqlite_too(
    tmp_path: Path, lock_guard: LockGuard
) -> None:
    # A read-only connection over a rollback-mode file (a backup on read-only media, say) leaves
    # no -wal or -shm to say the file is in use: only this process's own record of it does.
    source = open_workspace(str(tmp_path / "live.db"))
    copy = backup_file(tmp_path / "live.db", tmp_path / "copy.db")
    source.close()
    engine = make_read_only_engine(copy, immutable=False)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            assert not Path(f"{copy}-wal").exists() and not Path(f"{copy}-shm").exists()
            assert held_here(copy) and held_here(tmp_path / "." / "copy.db")
            assert kind_of(copy) is Kind.BACKUP  # the guard fails any Python open of it
    finally:
        engine.dispose()
    assert not held_here(copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "live.db"]


def test_files_of_other_kinds(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("周报草稿", encoding="utf-8")
    assert kind_of(other) is Kind.OTHER
