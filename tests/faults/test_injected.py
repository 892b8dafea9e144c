"""A full disk injected where no tmpfs can be mounted (ENOSPC raised by the write itself), and
the translation of SQLite's errors: these run everywhere."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl.writer.excel import ExcelWriter

from fieldlog.services.admin.backups import backup_now, restore_backup
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.reports import exports
from fieldlog.store import backup as store_backup
from fieldlog.store import restore as store_restore
from fieldlog.store.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseReadOnly,
    DiskFull,
    classify,
)
from tests.faults.conftest import World, listing, state


def _no_space(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("where", ["backup-folder", "named-file"])
def test_an_injected_full_disk_during_a_backup_leaves_nothing(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    path = tmp_path / "field.db"
    shutil.copyfile(world.base, path)
    before, files = state(path), listing(tmp_path)
    monkeypatch.setattr(store_backup, "fsync_file", _no_space)
    db = open_workspace(str(path))
    try:
        with pytest.raises(DiskFull, match=r"^the disk is full: "):
            backup_now(db, None if where == "backup-folder" else tmp_path / "out" / "copy.db")
    finally:
        db.close()
    assert listing(tmp_path) == files and not (tmp_path / "out").exists()
    assert state(path) == before


def test_an_injected_full_disk_during_a_restore_keeps_the_database(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "field.db"
    shutil.copyfile(world.base, path)
    before, files = state(path), listing(tmp_path)
    real_fsync = store_backup.fsync_file

    def full_on_the_restored_copy(target: Path) -> None:
        if ".restore-" in target.name:
            _no_space()
        real_fsync(target)

    monkeypatch.setattr(store_restore, "fsync_file", full_on_the_restored_copy)
    with pytest.raises(DiskFull):
        restore_backup(path, world.backup)
    assert listing(tmp_path) == files  # the before-restore copy went with the failed swap
    assert state(path) == before


def test_an_injected_full_disk_during_an_export_leaves_no_half_file(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "field.db"
    shutil.copyfile(world.base, path)
    out = tmp_path / "out"
    out.mkdir()

    def half_then_full(writer: ExcelWriter) -> None:
        writer._archive.writestr("first.xml", b"<x/>")
        _no_space()

    monkeypatch.setattr(ExcelWriter, "write_data", half_then_full)
    db = open_workspace(str(path))
    try:
        with pytest.raises(OSError) as caught:
            exports.export_orgs(db, out=out / "orgs.xlsx")
    finally:
        db.close()
    assert caught.value.errno == errno.ENOSPC
    assert list(out.iterdir()) == []


def _sqlite_error(code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("x")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        (5, DatabaseBusy, "another FieldLog is writing to"),
        (8, DatabaseReadOnly, "opened read-only"),
        (13, DiskFull, "the disk is full"),
        (10 | (19 << 8), DiskFull, "the disk is full"),  # the shared-memory file could not grow
        (11, DatabaseDamaged, "is damaged"),
        (26, DatabaseDamaged, "is damaged"),
    ],
)
def test_sqlite_errors_are_told_apart(code: int, kind: type, words: str) -> None:
    told = classify(_sqlite_error(code), "field.db")
    assert isinstance(told, kind) and words in str(told)


def test_a_constraint_is_not_a_database_failure() -> None:
    assert classify(_sqlite_error(19), "field.db") is None
