"""The store on an encrypted database file: the file check, what a file is, an older schema
upgraded with its password, the search index and the derived tables, `check`, the start-up
check, and a database in a folder that cannot be written."""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from fieldlog.services.admin import maintenance
from fieldlog.services.orgs import orgs
from fieldlog.store import cipher, follow_up_index, migrate, search_index
from fieldlog.store.backup import (
    BackupError,
    backup_file,
    backup_folder,
    check_database_file,
    is_fieldlog_file,
)
from fieldlog.store.database import Database, open_database
from fieldlog.store.errors import PasswordNeeded, WrongPassword
from fieldlog.store.files import FileRefused, Kind, check_output, kind_of, looks_encrypted
from fieldlog.store.health import quick_check_file
from fieldlog.store.models import Organization, Visit
from fieldlog.store.read_only import check_immutable_file
from tests.conftest import sqlite_only
from tests.field_dump import db_digest
from tests.store.test_migrations import write_old_database

PASSWORD = "测试 pass'word"
WRONG = "not the password"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def encrypted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An encrypted FieldLog database with the default catalogs and one organization, closed."""
    from fieldlog.services.admin.workspace import open_workspace

    path = tmp_path_factory.mktemp("encrypted") / "template.db"
    db = open_workspace(str(path), password=PASSWORD)
    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司"))
    db.close()
    return path


@pytest.fixture
def encrypted(tmp_path: Path, encrypted_template: Path) -> Path:
    """A closed copy of the encrypted template."""
    path = tmp_path / "field.db"
    shutil.copyfile(encrypted_template, path)
    return path


def test_the_file_check_of_an_encrypted_backup(encrypted: Path, tmp_path: Path) -> None:
    copy = backup_file(encrypted, tmp_path / "copy.db", password=PASSWORD)
    before = sha(copy), sha(encrypted)
    assert looks_encrypted(copy)
    assert check_database_file(copy, PASSWORD) == migrate.head_revision()
    with pytest.raises(BackupError) as wrong:
        check_database_file(copy, WRONG)
    assert str(wrong.value) == f"The password does not open {copy}; nothing was changed"
    with pytest.raises(BackupError) as needed:
        check_database_file(copy)
    assert str(needed.value) == (
        f"{copy} is encrypted; it opens only with its password; nothing was changed"
    )
    assert "damaged" not in f"{wrong.value} {needed.value}"
    assert (sha(copy), sha(encrypted)) == before
    assert is_fieldlog_file(copy, PASSWORD) and is_fieldlog_file(copy)  # not a stranger


def test_a_plain_backup_is_checked_whatever_password_is_given(
    tmp_path: Path, empty_database_file: Path
) -> None:
    if looks_encrypted(empty_database_file):
        pytest.skip("the fixtures' database is encrypted (--encrypted)")
    plain = backup_file(empty_database_file, tmp_path / "plain.db")
    assert check_database_file(plain, PASSWORD) == migrate.head_revision()


def test_what_an_encrypted_file_is_depends_on_the_password(encrypted: Path, tmp_path: Path) -> None:
    assert kind_of(encrypted, PASSWORD) is Kind.DATABASE  # a live (WAL) database
    assert kind_of(encrypted) is Kind.OTHER
    assert sorted(p.name for p in tmp_path.iterdir()) == ["field.db"]  # no -wal/-shm left
    copy = backup_file(encrypted, tmp_path / "copy.db", password=PASSWORD)
    assert kind_of(copy) is Kind.OTHER  # without the key it cannot be told
    assert kind_of(copy, WRONG) is Kind.OTHER
    assert kind_of(copy, PASSWORD) is Kind.BACKUP
    # in use (its -wal and -shm beside it, as another program's open database has)
    assert Path(f"{encrypted}-shm").exists()
    assert kind_of(encrypted, PASSWORD) is Kind.DATABASE


def test_an_earlier_encrypted_backup_is_replaced_only_with_its_password(
    encrypted: Path, tmp_path: Path
) -> None:
    copy = backup_file(encrypted, tmp_path / "copy.db", password=PASSWORD)
    other = tmp_path / "other"
    other.mkdir()
    foreign = backup_file(encrypted, other / "theirs.db", password=PASSWORD)
    stranger = tmp_path / "stranger.db"
    cipher.decrypt(foreign, other / "plain.db", PASSWORD)
    cipher.encrypt(other / "plain.db", stranger, "another team's password")
    before = sha(copy), sha(stranger), sha(encrypted)
    assert check_output(copy, Kind.BACKUP, encrypted, password=PASSWORD) == copy
    for path, password in ((copy, None), (copy, WRONG), (stranger, PASSWORD)):
        with pytest.raises(FileRefused, match="left untouched"):
            check_output(path, Kind.BACKUP, encrypted, password=password)
    with pytest.raises(FileRefused, match="is a FieldLog database, not a FieldLog backup"):
        check_output(encrypted, Kind.BACKUP, None, password=PASSWORD)
    assert (sha(copy), sha(stranger), sha(encrypted)) == before


def _old_encrypted(path: Path, revision: str) -> None:
    """An encrypted FieldLog database at an older schema revision, with one organization."""
    write_old_database(cipher.make_encrypted_engine(path, PASSWORD), revision)


def test_an_older_encrypted_database_upgrades_with_its_password(tmp_path: Path) -> None:
    from fieldlog.services.orgs.org_search import search_orgs

    path = tmp_path / "old.db"
    _old_encrypted(path, "0001")
    before = sha(path)
    with pytest.raises(PasswordNeeded):
        open_database(str(path))
    with pytest.raises(WrongPassword) as wrong:
        open_database(str(path), password=WRONG)
    assert "damaged" not in str(wrong.value)
    assert sha(path) == before and not backup_folder(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]

    db = open_database(str(path), password=PASSWORD)
    try:
        with db.read() as session:
            initials = session.execute(text("SELECT name_initials FROM organization")).scalar()
            revision = migrate.current_revision(session.connection())
            index = follow_up_index.present(session.connection())
        assert (initials, revision, index) == ("szstrsh", migrate.head_revision(), True)
        assert [hit.name for hit in search_orgs(db, "铜仁商会")] == ["深圳市铜仁商会"]
        assert maintenance.check(db).ok
    finally:
        db.close()
    assert looks_encrypted(path)
    (kept,) = backup_folder(path).iterdir()
    assert kept.name.endswith("-before-upgrade.db") and looks_encrypted(kept)
    assert check_database_file(kept, PASSWORD).startswith("0001")


def test_search_index_follow_ups_and_check_on_an_encrypted_database(encrypted: Path) -> None:
    from fieldlog.services.orgs.org_search import search_orgs

    db = open_database(str(encrypted), password=PASSWORD)
    try:
        assert [hit.name for hit in search_orgs(db, "德润")] == ["深圳市德润物流有限公司"]
        with db.begin() as session:
            org = session.execute(select(Organization)).scalar_one()
            session.add(
                Visit(
                    id=uuid.uuid4(),
                    org_id=org.id,
                    summary="签约仓储中心",
                    visited_on=date(2024, 1, 2),
                )
            )
        with db.read() as session:
            found = set(session.execute(search_index.matching_rowids("仓储")).scalars())
            missed = set(session.execute(search_index.matching_rowids("华为")).scalars())
        assert len(found) == 1 and not missed
        with db.read() as session:
            assert follow_up_index.present(session.connection())
            entries = session.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
        assert entries and maintenance.check(db).ok
        assert maintenance.quick_check(db) == []
        digest = db_digest(db)
    finally:
        db.close()
    assert maintenance.quick_check_in_background(encrypted, PASSWORD) == []
    # a password that does not open it is not damage (the recovery screen is not shown)
    assert quick_check_file(encrypted, WRONG) == []
    db = open_database(str(encrypted), password=PASSWORD)
    try:
        assert db_digest(db) == digest
    finally:
        db.close()


def test_an_encrypted_database_in_a_folder_that_cannot_be_written_opens_read_only(
    encrypted: Path,
) -> None:
    from tests.faults.conftest import immutable

    folder = encrypted.parent
    before = sha(encrypted)
    with immutable(folder):
        assert not os.access(folder, os.W_OK)
        assert check_immutable_file(encrypted, PASSWORD) == PASSWORD
        with pytest.raises(PasswordNeeded):
            check_immutable_file(encrypted)
        with pytest.raises(WrongPassword) as wrong:
            open_database(str(encrypted), password=WRONG)
        assert "damaged" not in str(wrong.value)
        db = open_database(str(encrypted), password=PASSWORD)
        try:
            assert db.read_only and db.encrypted
            assert maintenance.check(db).ok
            with db.read() as session:
                count = session.execute(text("SELECT count(*) FROM organization")).scalar()
            assert count == 1
        finally:
            db.close()
        assert sorted(p.name for p in folder.iterdir()) == ["field.db"]
    assert sha(encrypted) == before


@sqlite_only("about the fixtures' database files and their encryption")
def test_the_fixtures_follow_the_encrypted_option(
    request: pytest.FixtureRequest, db: Database
) -> None:
    encrypted = bool(request.config.getoption("encrypted"))
    assert db.encrypted is encrypted and (db.password == PASSWORD) is encrypted
    assert db.path is not None and looks_encrypted(db.path) is encrypted
