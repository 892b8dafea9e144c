"""The window keeps SQLite's locks on its database through a Receive, so another FieldLog
process (the command line) never takes itself for the last connection and deletes the -wal and
-shm under the window (SQLite, "How To Corrupt An SQLite Database File" §2.2).

The lock guard (autouse in conftest.py) fails the test the moment Python opens the database
file while a connection holds it; the other process then proves the locks held.
"""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.orgs import orgs
from fieldlog.services.reports import exports
from fieldlog.store.models import Organization
from fieldlog.ui.dialogs.sync_report_dialog import SyncReportDialog
from tests.ui.test_sync_laptops import Laptop, make_laptop, sync_template  # noqa: F401
from tests.ui.test_sync_send_receive import drop, window_of


def cli(*args: object) -> str:
    """`python -m fieldlog ARGS` in another process; its output (exit 0 required)."""
    result = subprocess.run(
        [sys.executable, "-m", "fieldlog", *map(str, args)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def live_orgs(laptop: Laptop) -> int:
    with laptop.db.read() as session:
        query = select(func.count()).where(Organization.deleted.is_(False))
        return int(session.execute(query).scalar_one())


def test_a_receive_in_the_window_keeps_its_locks_for_other_processes(
    qtbot, make_laptop, tmp_path: Path, demo_database_file: Path
) -> None:
    window_laptop = make_laptop("window", source=demo_database_file)
    sender = make_laptop("sender")
    sender.receive(window_laptop.export("full", full=True))
    sender.org("深圳市收包测试有限公司")
    package = sender.export("sender-1")
    other = make_laptop("sheet")
    other.org("深圳市命令行导入有限公司")
    sheet = exports.export_orgs(other.db, out=tmp_path / "one org.xlsx")
    path = window_laptop.db.path
    assert path is not None
    win = window_of(qtbot, window_laptop)
    before = live_orgs(window_laptop)
    assert drop(win, package).isAccepted()
    qtbot.waitUntil(lambda: bool(win.findChildren(SyncReportDialog)))
    assert live_orgs(window_laptop) == before + 1
    # Another FieldLog process reads, backs up and writes while the window holds the file.
    figures = json.loads(cli("--db", path, "stats", "--json"))
    cli("--db", path, "backup")
    cli("--db", path, "import", "orgs", sheet)
    assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
    assert live_orgs(window_laptop) == before + 2  # the window sees the other process's row
    # The window's own edit after all that reaches the other process.
    orgs.save_org(window_laptop.db, orgs.OrgInput("深圳市窗口保存有限公司"))
    assert cli("--db", path, "digest") == digest(window_laptop.db) + "\n"
    assert (
        json.loads(cli("--db", path, "stats", "--json"))["enterprises_visited"]
        == (figures["enterprises_visited"])
    )
    assert cli("--db", path, "check").strip().endswith("ok")
    assert Path(f"{path}-wal").exists()
