"""Backups of an encrypted database: the daily backup and its rotation, a backup to a chosen
file, and restore, with every mix of an encrypted or plain database and backup."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fieldlog.services.admin import backups
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.store import cipher
from fieldlog.store.backup import BackupError, backup_folder, check_database_file
from fieldlog.store.database import Database
from fieldlog.store.errors import PasswordNeeded
from fieldlog.store.files import looks_encrypted
from fieldlog.store.restore import read_clock
from tests.field_dump import db_digest

PASSWORD = "测试 pass'word"
WRONG = "not the password"
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_in(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its content's hash (what "nothing changed" means)."""
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed encrypted database with the default catalogs."""
    path = tmp_path_factory.mktemp("template") / "field.db"
    open_workspace(str(path), password=PASSWORD).close()
    return path


@pytest.fixture
def enc(tmp_path: Path, template: Path) -> Iterator[Database]:
    """An open encrypted database of this test's own, with one organization."""
    path = tmp_path / "home" / "field.db"
    path.parent.mkdir()
    shutil.copyfile(template, path)
    db = open_workspace(str(path), password=PASSWORD)
    orgs.save_org(db, orgs.OrgInput("甲公司"))
    yield db
    db.close()


def _digest_of(path: Path, password: str | None) -> str:
    db = open_workspace(str(path), password=password)
    try:
        return db_digest(db)
    finally:
        db.close()


def test_restore_into_an_encrypted_database_keeps_it_encrypted(
    enc: Database, tmp_path: Path
) -> None:
    assert enc.path is not None
    old = backups.backup_now(enc, tmp_path / "old.db")
    wanted = db_digest(enc)
    orgs.save_org(enc, orgs.OrgInput("乙公司"))
    clock = read_clock(enc.path, PASSWORD)
    enc.close()

    report = backups.restore_backup(enc.path, old, PASSWORD)

    assert looks_encrypted(enc.path) and looks_encrypted(old)
    assert report.kept_as is not None and looks_encrypted(report.kept_as)
    assert check_database_file(report.kept_as, PASSWORD)
    assert read_clock(enc.path, PASSWORD) >= clock
    assert _digest_of(enc.path, PASSWORD) == wanted


@pytest.mark.parametrize(
    ("password", "sentence"),
    [
        (WRONG, "The password does not open {backup}; nothing was changed"),
        (None, "{backup} is encrypted; it opens only with its password; nothing was changed"),
    ],
)
def test_a_backup_the_password_does_not_open_is_refused(
    enc: Database, tmp_path: Path, password: str | None, sentence: str
) -> None:
    assert enc.path is not None
    old = backups.backup_now(enc, tmp_path / "old.db")
    digest = db_digest(enc)
    enc.close()
    before = files_in(tmp_path)

    with pytest.raises(BackupError) as refused:
        backups.restore_backup(enc.path, old, password)

    assert str(refused.value) == sentence.format(backup=old)
    assert "damaged" not in str(refused.value)
    assert files_in(tmp_path) == before and not backup_folder(enc.path).exists()
    assert _digest_of(enc.path, PASSWORD) == digest


def test_restoring_into_an_encrypted_database_needs_its_password(
    enc: Database, tmp_path: Path
) -> None:
    assert enc.path is not None
    plain = _plain_backup(enc, tmp_path)
    digest = db_digest(enc)
    enc.close()
    before = files_in(tmp_path)

    with pytest.raises(BackupError) as refused:
        backups.restore_backup(enc.path, plain)
    assert str(refused.value) == (
        f"{enc.path} is encrypted; a backup is restored into it only with its password; "
        "nothing was changed"
    )
    with pytest.raises(BackupError) as wrong:
        backups.restore_backup(enc.path, plain, WRONG)
    assert str(wrong.value) == f"The password does not open {enc.path}; nothing was changed"
    assert files_in(tmp_path) == before
    assert _digest_of(enc.path, PASSWORD) == digest


def _plain_backup(db: Database, folder: Path) -> Path:
    """A plain backup of `db` (as one taken before the database was encrypted)."""
    plain = folder / "plain.db"
    cipher.decrypt(_closed_copy(db, folder), plain, PASSWORD)
    connection = sqlite3.connect(plain)
    connection.execute("PRAGMA journal_mode = DELETE")  # a backup's, not a live database's
    connection.close()
    return plain


def _closed_copy(db: Database, folder: Path) -> Path:
    """A closed, checkpointed encrypted copy of `db` (a backup, renamed out of its folder)."""
    return backups.backup_now(db, folder / "snapshot.db")


def test_a_plain_backup_restored_into_an_encrypted_database_is_encrypted(
    enc: Database, tmp_path: Path
) -> None:
    assert enc.path is not None
    plain = _plain_backup(enc, tmp_path)
    wanted = _digest_of_plain(plain, tmp_path)
    orgs.save_org(enc, orgs.OrgInput("乙公司"))
    enc.close()

    report = backups.restore_backup(enc.path, plain, PASSWORD)

    assert looks_encrypted(enc.path) and not looks_encrypted(plain)
    assert report.kept_as is not None and looks_encrypted(report.kept_as)
    with pytest.raises(PasswordNeeded):
        open_workspace(str(enc.path))
    assert _digest_of(enc.path, PASSWORD) == wanted
    assert not [p for p in enc.path.parent.iterdir() if p.name.endswith((".tmp", ".partial"))]


def _digest_of_plain(plain: Path, folder: Path) -> str:
    copy = folder / "look.db"
    shutil.copyfile(plain, copy)
    try:
        return _digest_of(copy, None)
    finally:
        copy.unlink()


def test_an_encrypted_backup_restored_into_a_plain_database_takes_its_state(
    enc: Database, tmp_path: Path
) -> None:
    backup = _closed_copy(enc, tmp_path)
    wanted = db_digest(enc)
    enc.close()
    plain = tmp_path / "plain" / "field.db"
    plain.parent.mkdir()
    cipher.decrypt(backup, plain, PASSWORD)
    before = files_in(plain.parent)

    with pytest.raises(BackupError, match="is encrypted; it opens only with its password"):
        backups.restore_backup(plain, backup)  # a plain database has no password to try
    assert files_in(plain.parent) == before

    report = backups.restore_backup(plain, backup, PASSWORD)

    assert not looks_encrypted(plain) and report.kept_as is not None
    assert not looks_encrypted(report.kept_as)
    assert _digest_of(plain, None) == wanted


def test_a_lost_database_restored_with_a_password_is_encrypted(
    enc: Database, tmp_path: Path
) -> None:
    assert enc.path is not None
    backup = _closed_copy(enc, tmp_path)
    wanted = db_digest(enc)
    enc.close()
    enc.path.unlink()

    report = backups.restore_backup(enc.path, backup, PASSWORD)

    assert report.kept_as is None and looks_encrypted(enc.path)
    assert _digest_of(enc.path, PASSWORD) == wanted


def test_daily_backups_of_an_encrypted_database_are_encrypted_and_rotated(
    enc: Database,
) -> None:
    assert enc.path is not None
    taken = []
    for day in range(10):  # Saturday 28 November to Monday 7 December
        path = backups.take_daily_backup(enc, NOW + timedelta(days=day))
        assert path is not None and looks_encrypted(path)
        taken.append(path)
    kept = {info.path for info in backups.list_backups(enc.path)}
    # the last 7 days, and the newest of the week before (Sunday 29 November)
    assert kept == {taken[1], *taken[3:]}
    for path in kept:
        assert check_database_file(path, PASSWORD)


def test_a_backup_to_a_chosen_file_is_encrypted_and_replaces_only_an_earlier_one(
    enc: Database, tmp_path: Path
) -> None:
    chosen = tmp_path / "usb" / "copy.db"
    chosen.parent.mkdir()
    first = backups.backup_now(enc, chosen)
    assert first == chosen and looks_encrypted(chosen)
    assert check_database_file(chosen, PASSWORD)
    orgs.save_org(enc, orgs.OrgInput("乙公司"))
    assert backups.backup_now(enc, chosen) == chosen  # the earlier backup is replaced
    assert _digest_of(_renamed(chosen, tmp_path), PASSWORD) == db_digest(enc)

    stranger = tmp_path / "usb" / "theirs.db"
    cipher.decrypt(chosen, tmp_path / "plain.db", PASSWORD)
    cipher.encrypt(tmp_path / "plain.db", stranger, "another team's password")
    before, digest = files_in(chosen.parent), db_digest(enc)
    with pytest.raises(InvalidInput) as refused:
        backups.backup_now(enc, stranger)
    assert str(refused.value) == (
        f"{stranger} exists and is not a FieldLog backup; it was left untouched"
    )
    assert files_in(chosen.parent) == before and db_digest(enc) == digest


def _renamed(backup: Path, folder: Path) -> Path:
    """A copy of `backup` to open (opening a backup where it is would change it)."""
    copy = folder / "opened" / backup.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(backup, copy)
    return copy
