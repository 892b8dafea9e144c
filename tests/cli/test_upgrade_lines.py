"""The command line upgrading an older database: progress lines on standard error, and Ctrl+C
stopping the upgrade so that the database stays as it was."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fieldlog.cli.opening import UpgradeLines, ctrl_c_stops
from fieldlog.services.admin.workspace import UpgradeCancelled, UpgradeStep, open_workspace
from fieldlog.store import migrate
from fieldlog.store.backup import backup_folder
from tests.cli.test_cli import run
from tests.conftest import sqlite_only
from tests.store.test_upgrade_progress import file_state, old_copy, revision_of

pytestmark = sqlite_only("a file's upgrade")


@pytest.fixture
def old_db(tmp_path: Path, demo_database_file: Path) -> Path:
    return old_copy(demo_database_file, tmp_path)


def test_an_upgrade_says_each_step_on_standard_error(old_db: Path) -> None:
    result = run("--db", str(old_db), "--lang", "en", "check")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    count = len(migrate.pending_revisions("0005"))
    assert lines[0] == "Upgrading the database: Backing up the database before the upgrade"
    assert lines[1] == f"Upgrading the database, step 1 of {count}: Building the visit search index"
    assert f"step 3 of {count}: Listing each organization's latest follow-up" in lines[3]
    assert lines[-1] == "Upgrading the database: Checking that every record's references hold"
    assert "Upgrading" not in result.stdout
    again = run("--db", str(old_db), "--lang", "en", "check")  # upgraded: nothing to say
    assert again.returncode == 0 and again.stderr == ""


def test_ctrl_c_stops_the_upgrade_at_its_next_report(old_db: Path) -> None:
    before = file_state(old_db)
    said = io.StringIO()
    lines = UpgradeLines(said)

    def press_ctrl_c_at_0008(step: UpgradeStep, fraction: float | None) -> None:
        if step.key == "0008" and fraction == 0.0:
            signal.raise_signal(signal.SIGINT)
        lines(step, fraction)

    with ctrl_c_stops(lines), pytest.raises(UpgradeCancelled):
        open_workspace(str(old_db), progress=press_ctrl_c_at_0008)
    told = said.getvalue().splitlines()
    assert told[-1].startswith("Stopping the upgrade; the database stays as it was")
    assert told[-2].endswith("(0007)")  # stopped at 0008's first report, before its line
    assert file_state(old_db) == before and revision_of(old_db) == "0005"
    assert not backup_folder(old_db).exists()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_on_the_command_line_leaves_the_database_as_it_was(old_db: Path) -> None:
    before = file_state(old_db)
    child = subprocess.Popen(
        [sys.executable, "-m", "fieldlog", "--db", str(old_db), "--lang", "en", "check"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    assert child.stderr is not None
    told = []
    for line in child.stderr:
        told.append(line.rstrip("\n"))
        if "step 1 of" in line:  # the search index is being built: stop it
            child.send_signal(signal.SIGINT)
            break
    _out, rest = child.communicate(timeout=120)
    told += rest.splitlines()
    assert child.returncode == 1, told
    assert told[-1] == (
        f"fieldlog: error: The upgrade of {old_db} was stopped; the database is as it was "
        "before (FieldLog opens it once it is upgraded)"
    )
    assert file_state(old_db) == before and revision_of(old_db) == "0005"
    assert not backup_folder(old_db).exists()
