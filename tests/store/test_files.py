"""What a file is, told without dropping the SQLite locks of this process."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.store.backup import backup_file
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


def test_files_of_other_kinds(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("周报草稿", encoding="utf-8")
    assert kind_of(other) is Kind.OTHER
