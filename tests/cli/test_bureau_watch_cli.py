"""`fieldlog bureau watch DIR` left running, as a bureau's job runs it: a real process watching a
real folder while packages are put in it, on a SQLite file and on a PostgreSQL server."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from fieldlog.domain.period import Period
from fieldlog.services.reports import stats
from tests.cli.test_sync_cli import ok
from tests.services.bureau_teams import TeamLaptop, make_teams
from tests.services.test_bureau_watch import new_enterprise, rename, visit_again

ALL_TIME = Period(None, None)
#: How long a line may take before the test gives up (a hung watcher fails, never hangs).
PATIENCE = 120


@pytest.fixture
def sz(empty_database_file: Path, tmp_path: Path) -> Iterator[TeamLaptop]:
    [laptop] = make_teams(empty_database_file, tmp_path / "teams", 1)
    yield laptop
    laptop.db.close()


def put(folder: Path, package: Path, name: str | None = None) -> None:
    """Put a package in the folder as a team's copy does at its end: whole, in one rename."""
    target = folder / (name or package.name)
    part = folder / f"{target.name}.part"
    part.write_bytes(package.read_bytes())
    part.replace(target)


class Watcher:
    """A running `bureau watch --json`, read a line at a time."""

    def __init__(self, db: list[str], folder: Path) -> None:
        command = [sys.executable, "-m", "fieldlog", *db, "bureau", "watch", str(folder)]
        self.process = subprocess.Popen(
            [*command, "--every", "1", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        # Read by a thread: a line waits in a queue, so a watcher that says nothing fails the
        # test after PATIENCE seconds instead of hanging it.
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put("")

    def next(self) -> tuple[str, str, str]:
        """The next package reported: (file, status, reason)."""
        try:
            line = self.lines.get(timeout=PATIENCE)
        except queue.Empty:
            raise AssertionError("the watcher said nothing") from None
        assert line, self.process.stderr.read() if self.process.stderr else "it stopped"
        said = json.loads(line)
        return said["file"], said["status"], said["reason"]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=PATIENCE)
        self.reader.join(PATIENCE)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def test_a_running_watch_receives_a_package_once_its_earlier_one_arrives(
    any_location: str, sz: TeamLaptop, tmp_path: Path
) -> None:
    db = ["--db", any_location, "--lang", "en"]
    ok(*db, "bureau", "init", "--name", "铜仁市投资促进局")
    ok(*db, "bureau", "register", str(sz.export(full=True)), stdin=sz.passphrase + "\n")
    org = new_enterprise(sz, "后来走访企业有限公司")
    second = sz.export()
    visit_again(sz, org, date(2026, 11, 27))
    third = sz.export()  # its visit is of the enterprise the second package brings
    shared = tmp_path / "shared"
    shared.mkdir()
    put(shared, third)

    watcher = Watcher(db, shared)
    try:
        file, status, reason = watcher.next()
        assert (file, status) == (third.name, "waiting")
        assert "earlier packages" in reason and "this laptop" not in reason
        put(shared, second)
        assert watcher.next()[:2] == (second.name, "received")
        assert watcher.next()[:2] == (third.name, "received")

        put(shared, tmp_path / "teams" / "sz" / "驻深工作队.db", "damaged.fieldsync")
        file, status, reason = watcher.next()
        assert (file, status) == ("damaged.fieldsync", "refused") and reason
        # Reported once: the next line is the next package's, not the damaged file again.
        visit_again(sz, org, date(2026, 11, 30))
        fourth = sz.export()
        put(shared, fourth)
        assert watcher.next()[:2] == (fourth.name, "received")
    finally:
        watcher.stop()

    shown = json.loads(ok(*db, "stats", "--team", sz.name, "--json"))
    assert shown == stats.compute(sz.db, ALL_TIME).as_dict()

    # The team renamed on its laptop: its next package renames it at the bureau.
    rename(sz, "驻深圳市工作队")
    ok(*db, "sync", "import", str(sz.export()))
    assert [t["name"] for t in json.loads(ok(*db, "bureau", "teams", "--json"))] == [sz.name]
    shown = json.loads(ok(*db, "stats", "--team", "驻深圳市工作队", "--json"))
    assert shown == stats.compute(sz.db, ALL_TIME).as_dict()
