"""Opening databases: what is created, what is refused and left untouched, node identity."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldlog.store.database import DatabaseError, open_database
from fieldlog.store.engine import APPLICATION_ID
from fieldlog.store.migrate import head_revision

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


def test_new_path_becomes_a_database_with_safe_settings(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "sub" / "new.db"))
    with db.begin() as session:
        pragmas = {
            name: session.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "application_id")
        }
    db.close()
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "application_id": APPLICATION_ID,
    }


def test_empty_file_is_initialized(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    open_database(str(path)).close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    con.close()


def _other_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE songs (title TEXT)")
    con.execute("INSERT INTO songs VALUES ('x')")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"name,credit code\nACME,123\n", "not a FieldLog database"),
        (PNG, "not a FieldLog database"),
        (b"SQLite format 3\x00" + b"\x00" * 84, "cannot be read"),
        (None, "another program"),
    ],
    ids=["text", "png", "truncated-sqlite", "other-sqlite"],
)
def test_foreign_files_are_refused_and_untouched(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "thing.db"
    if content is None:
        _other_sqlite(path)
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=expected):
        open_database(str(path))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thing.db"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="not a file"):
        open_database(str(tmp_path))


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_database(str(path)).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer FieldLog"):
        open_database(str(path))
    assert path.read_bytes() == before


def test_node_id_is_kept_on_reopen(tmp_path: Path) -> None:
    path = str(tmp_path / "a.db")
    first = open_database(path)
    first.close()
    again = open_database(path)
    again.close()
    assert again.node_id == first.node_id
    assert len(first.node_id) == 32


def test_copied_file_gets_its_own_node_id(tmp_path: Path) -> None:
    original = tmp_path / "a.db"
    db = open_database(str(original))
    db.close()
    copy = tmp_path / "laptop2" / "a.db"
    copy.parent.mkdir()
    shutil.copy(original, copy)
    cloned = open_database(str(copy))
    cloned.close()
    assert cloned.node_id != db.node_id


def test_same_path_on_another_installation_gets_its_own_node_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "a.db")
    db = open_database(path)
    db.close()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "other-laptop"))
    moved = open_database(path)
    moved.close()
    assert moved.node_id != db.node_id
