"""The encryption service on real files (a database and its backups converted both ways, every
refusal one sentence that changes nothing), and the remembered database password."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldlog.services.admin import database_password
from fieldlog.services.admin.backups import backup_now
from fieldlog.services.admin.encryption import (
    Backups,
    check_new_password,
    decrypt_database,
    encrypt_database,
    is_encrypted_file,
    plain_backups,
)
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.errors import InvalidInput
from fieldlog.services.secrets import Kept
from fieldlog.store.backup import BackupError, backup_file, backup_folder
from fieldlog.store.errors import WrongPassword
from fieldlog.store.files import looks_encrypted
from tests.conftest import plain_copy
from tests.field_dump import db_digest

PASSWORD = '铜仁 it\'s a "password" 2020'
OTHER = "another-password-9"


@pytest.fixture
def plain(tmp_path: Path, empty_database_file: Path) -> Iterator[Path]:
    """A closed plain database with one backup."""
    path = plain_copy(empty_database_file, tmp_path / "走访 #1.db")  # plain under --encrypted too
    db = open_workspace(str(path))
    try:
        backup_now(db)
    finally:
        db.close()
    yield path


def _digest(path: Path, password: str | None = None) -> str:
    db = open_workspace(str(path), create=False, password=password)
    try:
        return db_digest(db)
    finally:
        db.close()


def _backups(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(backup_folder(path).iterdir())}


def test_encrypt_then_decrypt_keeps_every_value(plain: Path) -> None:
    before = _digest(plain)
    [old] = plain_backups(plain)
    report = encrypt_database(plain, PASSWORD)
    assert report.encrypted and report.converted == [old] and report.removed == []
    assert is_encrypted_file(plain) and looks_encrypted(report.safety_copy)
    assert plain_backups(plain) == []
    assert _digest(plain, PASSWORD) == before
    assert _left_beside(plain) == []
    back = decrypt_database(plain, PASSWORD)
    assert not back.encrypted and sorted(back.converted) == sorted([old, report.safety_copy])
    assert not is_encrypted_file(plain) and _digest(plain) == before
    assert _left_beside(plain) == []


def _left_beside(path: Path) -> list[str]:
    """Files a conversion left beside the database and in its backups (temporary files, the
    logs of their checks), once nothing holds the database."""
    expected = {path.name, backup_folder(path).name}
    folder = backup_folder(path)
    return [p.name for p in path.parent.iterdir() if p.name not in expected] + [
        p.name for p in folder.iterdir() if not p.name.endswith(".db")
    ]


def test_remove_deletes_the_backups_of_the_other_form(plain: Path) -> None:
    [old] = plain_backups(plain)
    report = encrypt_database(plain, PASSWORD, backups=Backups.REMOVE)
    assert report.removed == [old] and not old.exists()
    assert list(backup_folder(plain).iterdir()) == [report.safety_copy]


def test_decrypt_leaves_backups_another_password_opens(plain: Path, tmp_path: Path) -> None:
    encrypt_database(plain, PASSWORD)
    foreign = backup_folder(plain) / f"{plain.stem}-20200101T000000000000Z-manual.db"
    other = tmp_path / "other.db"
    shutil.copyfile(plain, other)
    decrypt_database(other, PASSWORD, backups=Backups.REMOVE)
    encrypt_database(other, OTHER, backups=Backups.REMOVE)
    backup_file(other, foreign, password=OTHER)
    report = decrypt_database(plain, PASSWORD)
    assert report.left == [foreign] and looks_encrypted(foreign)


@pytest.mark.parametrize(
    ("password", "repeated", "said"),
    [
        ("short", None, "at least 8 characters"),
        ("long enough", "long enougH", "not the same"),
        ("with\x00nul!", None, "NUL"),
    ],
)
def test_a_bad_new_password_is_refused(
    plain: Path, password: str, repeated: str | None, said: str
) -> None:
    with pytest.raises(ValueError, match=said):
        check_new_password(password, repeated)
    before, files = _digest(plain), _backups(plain)
    if repeated is None:
        with pytest.raises(ValueError, match=said) as refused:
            encrypt_database(plain, password)
        assert password not in str(refused.value)
    assert _digest(plain) == before and _backups(plain) == files
    assert not is_encrypted_file(plain)


def test_refusals_change_nothing(plain: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="is not encrypted"):
        decrypt_database(plain, PASSWORD)
    with pytest.raises(InvalidInput, match="no database file"):
        encrypt_database(tmp_path / "missing.db", PASSWORD)
    encrypt_database(plain, PASSWORD)
    before, files = _digest(plain, PASSWORD), _backups(plain)
    with pytest.raises(InvalidInput, match="encrypted already"):
        encrypt_database(plain, PASSWORD)
    with pytest.raises(WrongPassword) as wrong:
        decrypt_database(plain, OTHER)
    assert OTHER not in str(wrong.value) and "damaged" not in str(wrong.value)
    assert _digest(plain, PASSWORD) == before and _backups(plain) == files


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    stranger = tmp_path / "notes.db"
    stranger.write_text("not a database at all", encoding="utf-8")
    with pytest.raises((InvalidInput, BackupError, ValueError)):
        encrypt_database(stranger, PASSWORD)
    assert stranger.read_text(encoding="utf-8") == "not a database at all"


def test_remember_and_forget_are_per_file(store: object, tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert database_password.remember(one, PASSWORD) is Kept.STORE
    assert database_password.remembered(one) == PASSWORD
    assert database_password.remembered(tmp_path / "." / "one.db") == PASSWORD  # same file
    assert database_password.remembered(two) is None
    database_password.forget(one)
    assert database_password.remembered(one) is None
    database_password.forget(two)  # nothing there: nothing to do


def test_without_a_store_it_is_remembered_for_this_run_only(no_store: None, tmp_path: Path) -> None:
    path = tmp_path / "one.db"
    assert database_password.remember(path, PASSWORD) is Kept.MEMORY
    assert not database_password.store_available()
    assert database_password.remembered(path) == PASSWORD  # this process only
    database_password.forget(path)
    assert database_password.remembered(path) is None
