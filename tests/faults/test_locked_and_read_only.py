"""Another process holding the write lock, and a database that cannot be written (a read-only
disk, an immutable file, an immutable folder): reading and exporting work; every write is one
sentence, exit 1, and changes nothing."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.faults.conftest import (
    World,
    immutable,
    listing,
    one_sentence,
    remount,
    start_cli,
    state,
    tmpfs,
    write_lock,
)

BUSY = "another FieldLog"
READ_ONLY = "read-only"


def reads(db: Path, out: Path) -> dict[str, list[str]]:
    """Commands that only read the database; exports are written to `out`, elsewhere."""
    at = ["--db", str(db)]
    return {
        "digest": [*at, "digest"],
        "stats": [*at, "stats", "--json"],
        "check": [*at, "check"],
        "export-weekly": [*at, "export", "weekly", "--week", "2020-W13", "-o", str(out / "w.xlsx")],
        "export-ledger": [*at, "export", "ledger", "-o", str(out / "l.xlsx")],
        "export-orgs": [*at, "export", "orgs", "-o", str(out / "o.xlsx")],
        "export-visits": [
            *at,
            *("export", "visits", "--from", "2020-03-01", "--to", "2020-04-30"),
            *("-o", str(out / "v.xlsx")),
        ],
        "backup-elsewhere": [*at, "backup", "-o", str(out / "copy.db")],
    }


def writes(world: World, db: Path, out: Path) -> dict[str, list[str]]:
    """Commands that change the database (or write beside it)."""
    at = ["--db", str(db)]
    return {
        "import-orgs": [*at, "import", "orgs", str(world.orgs_file)],
        "import-visits": [*at, "import", "visits", str(world.visits_file)],
        "sync-import": [*at, "sync", "import", str(world.package)],
        "sync-export": [*at, "sync", "export", "-o", str(out / "mine.fieldsync")],
        "restore": [*at, "restore", str(world.backup)],
    }


def _finish(started: dict[str, subprocess.Popen[str]]) -> dict[str, tuple[int, str, str]]:
    return {name: (p.wait(timeout=120), *p.communicate()) for name, p in started.items()}


def test_a_write_lock_held_elsewhere_blocks_only_the_writes(world: World, tmp_path: Path) -> None:
    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    out.mkdir()
    db = home / "field.db"
    shutil.copyfile(world.base, db)
    before, files = state(db), listing(home)
    backup = ["--db", str(db), "backup"]  # a copy only reads: it is taken under the lock
    with write_lock(db):
        # Side by side: each write waits out the busy timeout (10 s) before it says so.
        started = {
            name: start_cli(*args)
            for name, args in {**writes(world, db, out), **reads(db, out)}.items()
        }
        started["backup-into-its-folder"] = start_cli(*backup)
        finished = _finish(started)
    for name in [*reads(db, out), "backup-into-its-folder"]:
        code, _stdout, stderr = finished[name]
        assert code == 0, (name, stderr)
    for name in writes(world, db, out):
        code, _stdout, stderr = finished[name]
        assert code == 1, name
        one_sentence(stderr, BUSY)
    [taken] = (home / "field-backups").iterdir()
    assert listing(home, ignore=(str(taken.relative_to(home)),)) == files
    assert state(db) == before


@contextmanager
def _made_read_only(how: str, folder: Path, db: Path) -> Iterator[None]:
    if how == "read-only-disk":
        remount(folder, "ro")
        try:
            yield
        finally:
            remount(folder, "rw")
    else:
        with immutable(db if how == "immutable-file" else folder):
            yield


@pytest.mark.parametrize("how", ["read-only-disk", "immutable-file", "immutable-folder"])
def test_a_database_that_cannot_be_written_is_read_and_exported(
    world: World, tmp_path: Path, how: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    home = tmp_path / "home"
    mounted = tmpfs(home) if how == "read-only-disk" else _plain(home)
    with mounted as folder:
        db = folder / "field.db"
        shutil.copyfile(world.base, db)
        before, files = state(db), listing(folder)
        with _made_read_only(how, folder, db):
            commands = {**reads(db, out), **writes(world, db, out)}
            commands["backup-into-its-folder"] = ["--db", str(db), "backup"]
            finished = _finish({name: start_cli(*args) for name, args in commands.items()})
            assert listing(folder) == files  # not even a journal file was left
        for name in reads(db, out):
            code, _stdout, stderr = finished[name]
            assert code == 0, (name, stderr)
        for name in [*writes(world, db, out), "backup-into-its-folder"]:
            code, _stdout, stderr = finished[name]
            assert code == 1, name
            one_sentence(stderr, READ_ONLY)
        assert sorted(p.name for p in out.iterdir()) == [
            "copy.db",
            "l.xlsx",
            "o.xlsx",
            "v.xlsx",
            "w.xlsx",
        ]
        assert state(db) == before


@contextmanager
def _plain(folder: Path) -> Iterator[Path]:
    folder.mkdir()
    yield folder
