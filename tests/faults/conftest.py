"""Fault injection: a full disk (a small tmpfs), a write lock held by another process, a
read-only file, folder or disk. Every case must give one clear sentence (exit 1 on the command
line), lose nothing (digest unchanged, check passes) and leave nothing behind."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldlog.services.admin.maintenance import check, digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync as sync_service
from fieldlog.services.imports import imports
from fieldlog.store.backup import automatic_backup
from tests.excel.messy import build_table, build_visit_log

PASSPHRASE = "correct horse battery"
DISK_SIZE = 8 * 1024 * 1024
MANY_ORGS = 500  # enough for the import's writes to outgrow what a backup leaves free


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m fieldlog ARGS`, output captured."""
    return subprocess.run(
        [sys.executable, "-m", "fieldlog", *args],
        capture_output=True,
        text=True,
        input="",
        env=dict(os.environ),
        cwd=cwd,
        timeout=120,
    )


def start_cli(*args: str) -> subprocess.Popen[str]:
    """`python -m fieldlog ARGS` started, not awaited (cases that wait run side by side)."""
    return subprocess.Popen(
        [sys.executable, "-m", "fieldlog", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=dict(os.environ),
    )


def one_sentence(stderr: str, needle: str) -> None:
    """The command said one line, naming `needle`, and no traceback."""
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert stderr.startswith("fieldlog: error: ") and stderr.count("\n") == 1, stderr
    assert needle in stderr, stderr


def listing(folder: Path, *, ignore: tuple[str, ...] = ()) -> dict[str, int]:
    """Every file under `folder` with its size (SQLite's -wal/-shm companions left out: they
    come and go with connections)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_file() and not name.endswith(("-wal", "-shm")) and name not in ignore:
            found[name] = path.stat().st_size
    return found


def state(path: Path) -> str:
    """The digest of the database at `path`; asserts `check` passes (opened here, in-process)."""
    db = open_workspace(str(path))
    try:
        report = check(db)
        assert report.ok, report.problems
        return digest(db)
    finally:
        db.close()


@dataclass(frozen=True)
class World:
    """The files every fault case starts from (made once)."""

    base: Path  # a small database: a team's members, ~30 visits, a passphrase
    orgs_file: Path  # an organization list of MANY_ORGS new names
    visits_file: Path  # a visit log
    package: Path  # a full sync package of another laptop holding MANY_ORGS more organizations
    backup: Path  # a good backup of `base`, outside any test disk


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory, empty_database_file: Path) -> World:
    folder = tmp_path_factory.mktemp("fault-world")
    base, other = folder / "base.db", folder / "other.db"
    shutil.copyfile(empty_database_file, base)
    log = build_visit_log(folder / "visits-seed.xlsx", visits_count=30)
    db = open_workspace(str(base))
    log.seed(db)
    imports.import_visits(db, log.path)
    sync_service.set_passphrase(db, PASSPHRASE)
    db.close()
    shutil.copyfile(base, other)
    names = [
        [f"深圳市故障注入第{i}号科技有限公司", "深圳市南山区", f"科技园{i}栋"]
        for i in range(MANY_ORGS)
    ]
    orgs_file = build_table(folder / "orgs.xlsx", ["企业名称", "所在地区", "地址"], names)
    db = open_workspace(str(other))
    imports.import_orgs(db, orgs_file)
    package = sync_service.export_package(db, folder / "other.fieldsync", full=True).path
    db.close()
    visits_file = build_visit_log(folder / "visits.xlsx", visits_count=60).path
    backup = automatic_backup(base, "daily")
    moved = folder / "good-backup.db"
    backup.rename(moved)
    shutil.rmtree(backup.parent)  # the backups the set-up took: the cases start without any
    return World(base, orgs_file, visits_file, package, moved)


@contextlib.contextmanager
def tmpfs(folder: Path, size: int = DISK_SIZE) -> Iterator[Path]:
    """A small RAM disk mounted at `folder`; skips the test where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()}); see test_injected")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount(folder: Path, mode: str) -> None:
    """Make the tmpfs at `folder` read-only ("ro") or writable again ("rw")."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True)


def fill(folder: Path, leave: int) -> Path:
    """Fill the disk under `folder` until `leave` bytes are free; the filler file."""
    filler = folder / "filler"
    chunk = b"\0" * 65536
    # Unbuffered: the last write may fit in part, and nothing is left over for the close.
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """`chattr +i` on `path` for the duration (root ignores permission bits, not this flag)."""
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is not possible here ({done.stderr.strip()})")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
con.execute("ROLLBACK")
con.close()
"""


@contextlib.contextmanager
def write_lock(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the write lock of `path` (BEGIN IMMEDIATE) until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    try:
        yield holder
    finally:
        release(holder)


def release(holder: subprocess.Popen[str]) -> None:
    """Let the lock holder roll back and exit."""
    if holder.poll() is None:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
