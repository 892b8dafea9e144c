"""Every file FieldLog creates is its user's only (0600), every folder it creates 0700, whatever
the umask: the database and its -wal/-shm, backups and the copies a restore keeps, sync
packages, workbooks, the installation id, the log folder (visit drafts are inside the database).

Each kind is made through the real command line (a subprocess run with umask 000, so nothing
can come from the umask) or the real service. On Windows the profile's ACL does this job
(`fieldlog.store.private`): skipped there.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from fieldlog.services.admin.backups import backup_now, take_daily_backup
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.sync.crypto import KdfParams

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the profile's ACL on Windows")

PASSPHRASE = "a team passphrase"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m fieldlog ARGS` with umask 000: what FieldLog creates gets only the mode it asks
    for."""
    result = subprocess.run(
        [sys.executable, "-m", "fieldlog", "--lang", "en", *args],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        umask=0,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The test process with umask 000 (this worker's only), as `run` has it."""
    before = os.umask(0)
    yield
    os.umask(before)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database made by `fieldlog demo` in folders that did not exist."""
    path = tmp_path_factory.mktemp("perm") / "new" / "deeper" / "fieldlog.db"
    run("--db", str(path), "demo")
    return path


def test_a_new_database_and_its_folders_are_private(demo_file: Path) -> None:
    assert mode(demo_file) == 0o600
    assert mode(demo_file.parent) == mode(demo_file.parent.parent) == 0o700


def test_the_write_ahead_log_and_shared_memory_files_are_private(
    demo_file: Path, open_umask: None
) -> None:
    db = open_workspace(str(demo_file))
    try:
        sync.set_passphrase(db, PASSPHRASE)  # a write: the -wal and -shm are there now
        companions = [Path(f"{demo_file}-wal"), Path(f"{demo_file}-shm")]
        assert all(p.exists() for p in companions)
        assert [mode(p) for p in companions] == [0o600, 0o600]
    finally:
        db.close()


def test_the_per_user_folders_and_the_installation_id(tmp_path: Path) -> None:
    data, config = tmp_path / "data", tmp_path / "config"
    run("init", env={"XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(config)})
    database = data / "FieldLog" / "fieldlog.db"
    assert mode(database) == 0o600
    assert mode(data / "FieldLog") == mode(data) == 0o700
    identity = config / "FieldLog" / "installation-id"
    assert mode(identity) == 0o600 and mode(identity.parent) == 0o700


def test_backups_and_their_folders(demo_file: Path, tmp_path: Path) -> None:
    made = Path(run("--db", str(demo_file), "backup").stdout.strip())
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    chosen = tmp_path / "usb" / "copy.db"
    run("--db", str(demo_file), "backup", "-o", str(chosen))
    assert mode(chosen) == 0o600 and mode(chosen.parent) == 0o700


def test_a_restore_keeps_the_database_and_its_safety_copy_private(tmp_path: Path) -> None:
    database = tmp_path / "restore" / "fieldlog.db"
    run("--db", str(database), "init")
    copy = tmp_path / "copy.db"
    run("--db", str(database), "backup", "-o", str(copy))
    os.chmod(database, 0o644)  # a database from before FieldLog made them private
    said = run("--db", str(database), "restore", str(copy)).stdout
    kept = next(p for p in (database.parent / "fieldlog-backups").iterdir())
    assert "before-restore" in kept.name and str(kept) in said
    assert mode(kept) == 0o600
    assert mode(database) == 0o600  # the restored file is a new one


def test_the_byte_copy_of_a_damaged_database_is_private(tmp_path: Path) -> None:
    database = tmp_path / "damaged" / "fieldlog.db"
    run("--db", str(database), "init")
    copy = tmp_path / "copy.db"
    run("--db", str(database), "backup", "-o", str(copy))
    os.chmod(database, 0o644)  # a database from before FieldLog made them private
    database.write_bytes(database.read_bytes()[:5000])  # cut short, as by a failing disk
    run("--db", str(database), "restore", str(copy))
    [kept] = (database.parent / "fieldlog-backups").iterdir()
    assert kept.name.endswith("-before-restore-damaged.db") and kept.stat().st_size == 5000
    assert mode(kept) == 0o600 and mode(database) == 0o600


def test_the_daily_backup_is_private(demo_file: Path, tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "daily" / "fieldlog.db"
    path.parent.mkdir()
    path.write_bytes(demo_file.read_bytes())
    db = open_workspace(str(path))
    try:
        taken = take_daily_backup(db, datetime.now().astimezone())
        assert taken is not None and mode(taken) == 0o600 and mode(taken.parent) == 0o700
        chosen = backup_now(db, tmp_path / "elsewhere" / "x.db")
        assert mode(chosen) == 0o600
    finally:
        db.close()


def test_sync_packages_are_private(demo_file: Path, tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "pkg" / "fieldlog.db"
    path.parent.mkdir()
    path.write_bytes(demo_file.read_bytes())
    run("--db", str(path), "team", "passphrase")
    out = tmp_path / "stick" / "new folder"
    said = run("--db", str(path), "sync", "export", "--full", "-o", str(out / "a.fieldsync"))
    assert mode(out / "a.fieldsync") == 0o600 and mode(out) == 0o700, said.stdout
    db = open_workspace(str(path))
    try:
        report = sync.export_package(db, out, kdf=KdfParams(n=2**10))  # into a folder
    finally:
        db.close()
    assert mode(report.path) == 0o600


@pytest.mark.parametrize(
    "what",
    [
        ["weekly", "--week", "2020-W16"],
        ["ledger"],
        ["orgs"],
        ["visits", "--from", "2020-03-23", "--to", "2020-04-22"],
    ],
    ids=lambda words: words[0],
)
def test_workbooks_are_private(demo_file: Path, tmp_path: Path, what: list[str]) -> None:
    out = tmp_path / f"{what[0]}.xlsx"
    run("--db", str(demo_file), "export", *what, "-o", str(out))
    assert mode(out) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary left


def test_the_log_folder_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "state" / "log"
    code = "import sys; from pathlib import Path; from fieldlog import diagnostics; "
    code += "print(diagnostics.configure(Path(sys.argv[1])))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        umask=0,
    )
    assert result.stdout.strip() == str(folder / "fieldlog.log"), result.stderr
    assert mode(folder) == mode(folder.parent) == 0o700


def test_a_database_an_earlier_version_left_readable_is_made_private(
    demo_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "older.db"
    path.write_bytes(demo_file.read_bytes())
    backups = tmp_path / "older-backups"
    backups.mkdir()
    (backups / "older-20200101T000000000000Z-daily.db").write_bytes(demo_file.read_bytes())
    for made in (path, backups / "older-20200101T000000000000Z-daily.db"):
        os.chmod(made, 0o644)  # what earlier versions left under a usual umask
    os.chmod(backups, 0o755)
    os.chmod(tmp_path, 0o755)
    before = run("--db", str(path), "digest")
    assert before.returncode == 0, before.stderr
    assert mode(path) == 0o600 and mode(backups) == 0o700
    assert mode(tmp_path) == 0o755  # the folder the user chose is theirs to decide
    db = open_workspace(str(path))  # the window's way: the same
    try:
        assert mode(path) == 0o600
    finally:
        db.close()
    assert run("--db", str(path), "digest").stdout == before.stdout  # nothing else changed
