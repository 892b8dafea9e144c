"""Killing the importing process at any moment leaves the database as it was before."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldlog.services.admin.maintenance import check, digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.services.team import team
from fieldlog.store.backup import backup_folder
from fieldlog.sync.crypto import KdfParams
from tests.sync.bulk import add_visits

PASSPHRASE = "kill switch 2020"
#: The importer, pausing (or not) at a chosen point so the test can kill it right there.
SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from fieldlog.store.database import open_database
    from fieldlog.services.exchange.sync import import_packages

    db_path, package, stage, at, pause = sys.argv[1:6]

    def progress(name, done, total):
        print(name, done, total, flush=True)
        if name == stage and done >= int(at):
            print("HERE", flush=True)
            if pause == "pause":
                time.sleep(600)

    import_packages(open_database(db_path), [Path(package)], progress=progress)
    print("DONE", flush=True)
    """
)


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The team leader's package the receiver joins with, and a big package of the same team."""
    folder = tmp_path_factory.mktemp("kill")
    sender = open_workspace(str(folder / "sender.db"))
    sync.set_passphrase(sender, PASSPHRASE)
    team.save_team(sender, team.TeamInput("铜仁市驻深招商工作队"))
    join = folder / "team.fieldsync"
    sync.export_package(sender, join, full=True, kdf=KdfParams(n=2**10))
    add_visits(sender, 8_000, who="张伟")
    package = folder / "big.fieldsync"
    sync.export_package(sender, package, kdf=KdfParams(n=2**10))
    sender.close()
    return join, package


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stage", "at", "pause"),
    [
        ("backup", 1, "pause"),
        ("apply", 6_000, "pause"),
        ("apply", 3_000, "run"),
        ("check", 0, "pause"),
        ("commit", 0, "pause"),
    ],
    ids=["after-backup", "mid-apply", "mid-apply-running", "before-check", "before-commit"],
)
def test_killed_import_leaves_the_database_as_it_was(
    packages: tuple[Path, Path], tmp_path: Path, stage: str, at: int, pause: str
) -> None:
    join, big_package = packages
    path = tmp_path / "receiver.db"
    receiver = open_workspace(str(path))
    sync.set_passphrase(receiver, PASSPHRASE)
    sync.import_packages(receiver, [join])
    add_visits(receiver, 200, who="李娜")
    before = digest(receiver)
    receiver.close()
    backups = set(backup_folder(path).iterdir())
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(path), str(big_package), stage, str(at), pause],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() in ("HERE", "DONE"):
            break
    assert line.strip() == "HERE", process.stderr.read() if process.stderr else ""
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    reopened = open_workspace(str(path))
    try:
        assert check(reopened).ok
        assert digest(reopened) == before
    finally:
        reopened.close()
    result = subprocess.run(
        [sys.executable, "-m", "fieldlog", "--db", str(path), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stdout
    made = set(backup_folder(path).iterdir()) - backups
    assert [p.name.endswith("-before-sync-import.db") for p in made] == [True]
