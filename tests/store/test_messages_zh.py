"""The database's refusals in Chinese: a missing, foreign, newer, busy, read-only or damaged file,
the backup checks, the file guard and the health check's lines.

Each is provoked on real files (SQLite's own errors, a lock held by another process) with the
process's language set to zh_CN: the sentence is Chinese, carries its code, reads in English
when the language is English, and the file is left as it was.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldlog.domain.messages import code_of
from fieldlog.store import driver
from fieldlog.store.backup import BackupError, automatic_backup, check_database_file
from fieldlog.store.database import Database, DatabaseError, open_database
from fieldlog.store.engine import patience
from fieldlog.store.errors import DatabaseBusy, DatabaseDamaged, DatabaseReadOnly, classify
from fieldlog.store.files import FileRefused, Kind, check_output
from fieldlog.store.health import check_health
from tests.chinese import CJK, in_english
from tests.conftest import password
from tests.corpus.make_corpus import COMMITTED
from tests.faults.conftest import immutable, write_lock


def told(exc: BaseException, code: str) -> str:
    """The sentence in zh_CN, after checking it is Chinese and carries `code`."""
    assert code_of(exc) == code, (code_of(exc), str(exc))
    sentence = str(exc)
    assert CJK.search(sentence), sentence
    return sentence


def refused_opening(path: Path, *, create: bool = True) -> DatabaseError:
    """The error opening `path`; not a byte of the folder changed."""
    before = _state(path.parent)
    with pytest.raises(DatabaseError) as caught:
        open_database(str(path), create=create)
    assert _state(path.parent) == before
    return caught.value


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _made(path: Path) -> Path:
    open_database(str(path)).close()
    return path


def test_a_missing_or_empty_file_names_fieldlog_init(tmp_path: Path, chinese: None) -> None:
    missing = refused_opening(tmp_path / "typo.db", create=False)
    assert "不存在，那里没有 FieldLog 数据库" in told(missing, "db.missing")
    assert "`fieldlog init`" in str(missing)
    assert "does not exist, so there is no FieldLog database there" in in_english(missing)
    (tmp_path / "empty.db").touch()
    empty = refused_opening(tmp_path / "empty.db", create=False)
    assert "是空文件" in told(empty, "db.empty") and "`fieldlog init`" in str(empty)


def test_the_command_line_tells_a_typo_in_chinese(tmp_path: Path) -> None:
    """A Chinese locale gets the refusal in Chinese from the command line, creating nothing."""
    result = subprocess.run(
        [sys.executable, "-m", "fieldlog", "--db", str(tmp_path / "typo.db"), "stats"],
        capture_output=True,
        text=True,
        input="",
        env={**os.environ, "LANG": "zh_CN.UTF-8"},
        timeout=120,
    )
    assert result.returncode == 1, result.stdout
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert (
        f"{tmp_path / 'typo.db'} 不存在，那里没有 FieldLog 数据库（路径写错了？）" in result.stderr
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "code", "chinese_part", "english_part"),
    [
        (
            "database-foreign.db",
            "db.foreign",
            "是其他程序的数据库",
            "a database of another program",
        ),
        (
            "database-text.db",
            "db.not_fieldlog",
            "不是 FieldLog 数据库",
            "is not a FieldLog database",
        ),
    ],
)
def test_a_foreign_file_is_refused_in_chinese(
    tmp_path: Path, name: str, code: str, chinese_part: str, english_part: str, chinese: None
) -> None:
    path = tmp_path / name
    shutil.copy(COMMITTED / name, path)
    error = refused_opening(path)
    assert chinese_part in told(error, code)
    assert english_part in in_english(error)


def test_a_folder_is_refused_in_chinese(tmp_path: Path, chinese: None) -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database(str(tmp_path))
    assert told(caught.value, "db.not_a_file") == f"{tmp_path} 不是文件"


def test_a_newer_schema_is_refused_in_chinese(tmp_path: Path, chinese: None) -> None:
    path = _made(tmp_path / "future.db")
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    error = refused_opening(path)
    assert "由更新版本的 FieldLog 写入（数据库结构 9999_from_the_future）" in told(
        error, "db.newer_schema"
    )
    assert "written by a newer FieldLog (schema 9999_from_the_future)" in in_english(error)
    backup_error = _backup_refusal(path)
    assert "9999_from_the_future" in told(backup_error, "backup.refused")
    assert str(backup_error).endswith(
        "由更新版本的 FieldLog 写入（数据库结构 9999_from_the_future）；未作任何更改"
    )


def _backup_refusal(path: Path) -> BackupError:
    with pytest.raises(BackupError) as caught:
        check_database_file(path)
    return caught.value


def test_a_lost_database_points_at_its_backups_in_chinese(tmp_path: Path, chinese: None) -> None:
    path = _made(tmp_path / "field.db")
    automatic_backup(path, "daily")
    path.unlink()
    error = refused_opening(path)
    assert "份备份" in told(error, "db.lost") and f"fieldlog --db {path} restore" in str(error)


def _damaged(path: Path) -> Path:
    """A FieldLog file whose second page (a table's root) is overwritten: SQLite finds it damaged
    when the table is read, not before."""
    data = bytearray(_made(path).read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[size : 2 * size] = b"\xa5" * size
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_database_is_refused_in_chinese(tmp_path: Path, chinese: None) -> None:
    path = _damaged(tmp_path / "broken.db")
    error = refused_opening(path)
    assert isinstance(error, DatabaseDamaged)
    assert told(error, "db.damaged").startswith(f"{path} 已损坏（")
    assert in_english(error).startswith(f"{path} is damaged (")
    assert "无法作为数据库读取" in told(_backup_refusal(path), "backup.unreadable")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(str(tmp_path / "field.db"))
    yield db
    db.close()


def test_a_busy_database_is_refused_in_chinese(database: Database, chinese: None) -> None:
    assert database.path is not None
    with (
        write_lock(database.path),
        patience(50),
        pytest.raises(DatabaseBusy) as caught,
        database.begin() as session,
    ):
        session.execute(text("DELETE FROM local_state WHERE key = 'nothing'"))
    assert "另一个 FieldLog 正在写入" in told(caught.value, "db.busy")
    assert in_english(caught.value).startswith("another FieldLog is writing to ")


def test_sqlite_refusing_a_write_is_the_read_only_sentence(tmp_path: Path, chinese: None) -> None:
    path = _made(tmp_path / "field.db")
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            con.execute("DELETE FROM local_state")
    finally:
        con.close()
    error = classify(caught.value, str(path))
    assert isinstance(error, DatabaseReadOnly)
    assert told(error, "db.read_only") == f"{path} 以只读方式打开：可以查看和导出，不能修改"


def test_an_immutable_database_refuses_changes_in_chinese(tmp_path: Path, chinese: None) -> None:
    path = _made(tmp_path / "field.db")
    with immutable(tmp_path):
        db = open_database(str(path))
        try:
            with pytest.raises(DatabaseReadOnly) as caught:
                db.require_writable()
        finally:
            db.close()
    assert "以只读方式打开" in told(caught.value, "db.read_only")


def test_a_full_disk_is_told_in_chinese(tmp_path: Path, chinese: None) -> None:
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x.db"))
    error = classify(full, "the database")
    assert told(error, "db.disk_full").startswith("磁盘已满：无法写入 ")


def test_the_file_guard_refuses_in_chinese(
    database: Database, tmp_path: Path, chinese: None
) -> None:
    assert database.path is not None
    with pytest.raises(FileRefused) as itself:
        check_output(database.path, Kind.PACKAGE, database.path)
    assert (
        told(itself.value, "store.is_database") == f"{database.path} 是数据库本身；请选择其他文件"
    )
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me")
    with pytest.raises(FileRefused) as other:
        check_output(notes, Kind.WORKBOOK, database.path)
    assert told(other.value, "store.exists") == f"{notes} 已存在，不是 Excel 工作簿；未作任何改动"
    assert (
        in_english(other.value)
        == f"{notes} exists and is not an Excel workbook; it was left untouched"
    )
    assert notes.read_text() == "keep me"


def test_health_lines_are_chinese(tmp_path: Path, demo_database_file: Path, chinese: None) -> None:
    path = tmp_path / "demo.db"
    shutil.copy(demo_database_file, path)
    con = driver.connect(path, password())  # foreign keys are off on a plain connection
    con.execute("UPDATE visit SET org_id = '0000000000000000000000000000beef' WHERE rowid = 1")
    con.commit()
    con.close()
    db = open_database(str(path), password=password())
    try:
        with db.read() as session:
            problems = check_health(session).problems
    finally:
        db.close()
    [problem] = problems
    assert (
        told(problem, "health.foreign_key_one") == "外键：1 条 visit 记录指向不存在的 organization"
    )
    assert in_english(problem) == "foreign key: 1 visit row points to a missing organization"
