"""The visit log's first page read with sqlite3 alone (`store.first_page`): the same rows as the
repository's first page, and no page at all wherever that reading does not apply (the window
then opens the normal way). The files are left as they were."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from fieldlog.services.visits.visit_log import VisitFilter, visit_page
from fieldlog.store import engine, first_page, migrate
from fieldlog.store.database import open_database
from tests.conftest import plain_copy, sqlite_only
from tests.ui.encrypted_files import encrypted_demo

pytestmark = sqlite_only("the first page is read from an SQLite file")


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_file(demo_database_file: Path, tmp_path: Path) -> Path:
    return plain_copy(demo_database_file, tmp_path / "demo.db")


def orm_page(path: Path, limit: int) -> list[object]:
    database = open_database(str(path))
    try:
        return visit_page(database, VisitFilter(), limit=limit)  # type: ignore[return-value]
    finally:
        database.close()


@pytest.mark.parametrize("limit", [1, 200, 10_000])
def test_the_same_rows_as_the_repository(demo_file: Path, limit: int) -> None:
    before = file_hash(demo_file)
    rows = first_page.read_first_page(demo_file, limit)
    assert rows is not None and rows == orm_page(demo_file, limit)
    assert [row.sort_key for row in rows] == [row.sort_key for row in orm_page(demo_file, limit)]  # type: ignore[attr-defined]
    assert any(row.visitors and "、" in row.visitors for row in rows) or limit == 1
    assert file_hash(demo_file) == before


def test_deleted_visits_and_organizations_are_not_shown(demo_file: Path) -> None:
    with sqlite3.connect(demo_file) as connection:  # another program's changes, as SQLite sees
        connection.execute("UPDATE visit SET deleted = 1 WHERE rowid % 3 = 0")
        connection.execute("UPDATE organization SET deleted = 1 WHERE rowid % 5 = 0")
        connection.execute("UPDATE member SET deleted = 1 WHERE rowid % 4 = 0")
    connection.close()
    rows = first_page.read_first_page(demo_file, 300)
    assert rows is not None and rows == orm_page(demo_file, 300)


def test_the_constants_are_the_stores(demo_file: Path) -> None:
    assert first_page.APPLICATION_ID == engine.APPLICATION_ID
    assert first_page.head_revision() == migrate.head_revision()


def _changed(path: Path, statement: str) -> Path:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(statement)
    connection.close()
    return path


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE alembic_version SET version_num = '0001'",  # an older schema: upgraded first
        "INSERT INTO local_state (key, value) VALUES ('bureau_name', '铜仁市投资促进局')",
        "UPDATE visit SET deleted = 1",  # no live visit: nothing to show early
        "PRAGMA application_id = 7",  # not FieldLog's
    ],
    ids=["older-schema", "bureau", "no-visits", "not-fieldlog"],
)
def test_no_early_page_where_the_reading_does_not_apply(demo_file: Path, statement: str) -> None:
    path = _changed(demo_file, statement)
    before = file_hash(path)
    assert first_page.read_first_page(path, 200) is None
    assert file_hash(path) == before


def test_no_early_page_of_an_encrypted_file(demo_database_file: Path, tmp_path: Path) -> None:
    path = encrypted_demo(plain_copy(demo_database_file, tmp_path / "source.db"), tmp_path)
    before = file_hash(path)
    assert first_page.read_first_page(path, 200) is None
    assert file_hash(path) == before


def test_no_early_page_of_a_stranger_or_nothing(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("这不是数据库\n" * 200, encoding="utf-8")
    assert first_page.read_first_page(text, 200) is None
    assert text.read_text(encoding="utf-8") == "这不是数据库\n" * 200
    assert first_page.read_first_page(tmp_path / "missing.db", 200) is None
    assert not (tmp_path / "missing.db").exists()
    assert first_page.read_first_page(tmp_path, 200) is None
    empty = tmp_path / "empty.db"
    empty.touch()
    assert first_page.read_first_page(empty, 200) is None
    assert empty.stat().st_size == 0
