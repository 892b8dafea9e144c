"""A full disk (a small tmpfs filled up) at each write step of the commands that write: one
sentence, exit 1, the database unchanged and checked, no file left behind."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.conftest import World, cli, fill, listing, one_sentence, state, tmpfs

FULL = "the disk is full"
KB = 1024
#: Room for SQLite's shared-memory file (32 KB) but not for a copy of the database.
ROOM_TO_OPEN = 128 * KB


def _import(kind: str) -> Callable[[World, Path, Path], list[str]]:
    def args(world: World, db: Path, _out: Path) -> list[str]:
        source = world.orgs_file if kind == "orgs" else world.visits_file
        return ["--db", str(db), "import", kind, str(source)]

    return args


def _sync_import(world: World, db: Path, _out: Path) -> list[str]:
    return ["--db", str(db), "sync", "import", str(world.package)]


def _backup(world: World, db: Path, _out: Path) -> list[str]:
    return ["--db", str(db), "backup"]


def _backup_to(world: World, db: Path, out: Path) -> list[str]:
    return ["--db", str(db), "backup", "-o", str(out / "copy.db")]


def _restore(world: World, db: Path, _out: Path) -> list[str]:
    return ["--db", str(db), "restore", str(world.backup)]


def _export(kind: str) -> Callable[[World, Path, Path], list[str]]:
    extra = {
        "weekly": ["--week", "2020-W13"],
        "visits": ["--from", "2020-03-01", "--to", "2020-04-30"],
    }.get(kind, [])

    def args(world: World, db: Path, out: Path) -> list[str]:
        return ["--db", str(db), "export", kind, *extra, "-o", str(out / f"{kind}.xlsx")]

    return args


def _after_a_copy(db_size: int) -> int:
    """Room for the backup the command takes first, but not for what it then writes."""
    return db_size + 160 * KB


# (case id, command, database on the small disk?, free space left given the database size)
CASES: list[tuple[str, Callable[[World, Path, Path], list[str]], bool, Callable[[int], int]]] = [
    ("import-orgs-at-open", _import("orgs"), True, lambda size: 0),
    ("import-orgs-at-backup", _import("orgs"), True, lambda size: ROOM_TO_OPEN),
    ("import-orgs-at-write", _import("orgs"), True, _after_a_copy),
    ("import-visits-at-backup", _import("visits"), True, lambda size: ROOM_TO_OPEN),
    ("import-visits-at-write", _import("visits"), True, _after_a_copy),
    ("sync-import-at-backup", _sync_import, True, lambda size: ROOM_TO_OPEN),
    ("sync-import-at-write", _sync_import, True, _after_a_copy),
    ("backup-into-its-folder", _backup, True, lambda size: ROOM_TO_OPEN),
    ("backup-to-a-file", _backup_to, False, lambda size: 0),
    ("backup-to-a-file-midway", _backup_to, False, lambda size: 64 * KB),
    ("restore-at-keeping-the-current", _restore, True, lambda size: ROOM_TO_OPEN),
    ("restore-at-copying", _restore, True, lambda size: size + 128 * KB),
    *(
        (f"export-{kind}-{step}", _export(kind), False, lambda size, room=room: room)
        for kind in ("weekly", "ledger", "orgs", "visits")
        for step, room in (("at-start", 0), ("midway", 4 * KB))
    ),
]


@pytest.mark.parametrize(
    ("command", "db_on_disk", "room"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_a_full_disk_is_one_sentence_and_changes_nothing(
    world: World,
    tmp_path: Path,
    command: Callable[[World, Path, Path], list[str]],
    db_on_disk: bool,
    room: Callable[[int], int],
) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        db = (disk if db_on_disk else tmp_path) / "field.db"
        shutil.copyfile(world.base, db)
        before = state(db)
        files = listing(disk)
        filler = fill(disk, room(db.stat().st_size))
        result = cli(*command(world, db, disk))
        filler.unlink()
        assert result.returncode == 1, result.stdout
        one_sentence(result.stderr, FULL)
        assert listing(disk) == files
        assert state(db) == before
