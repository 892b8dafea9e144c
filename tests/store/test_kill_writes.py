"""Killing the process in the middle of ordinary writes and of an Excel import (issue 7 item 3).

A child process runs a stream of service writes (each its own transaction) and prints the id of
every change after its commit; the parent SIGKILLs it at a random moment (seeded), then checks
that `fieldlog check` passes and every reported change is there. An import killed at any moment
leaves the database wholly before or wholly after it. FIELDLOG_KILLS=200 for a longer run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.store.database import open_database
from fieldlog.store.models import FundsTranche, Organization, StageEvent, Visit
from tests.excel.messy import build_table

KILLS = int(os.environ.get("FIELDLOG_KILLS", "10"))
pytestmark = pytest.mark.timeout(max(600, 60 * KILLS))  # a few seconds a kill, alone
SEED = 20200323
IMPORT_ROWS = 1_500

WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date, timedelta
    from fieldlog.domain.stages import Stage
    from fieldlog.services.orgs import orgs
    from fieldlog.services.projects import projects
    from fieldlog.services.team import team
    from fieldlog.services.visits import visits
    from fieldlog.store.database import open_database

    db = open_database(sys.argv[1])
    run = sys.argv[2]
    def say(*words):
        print(*words, flush=True)

    member = team.save_member(db, team.MemberInput(f"队员{run}"))
    org = orgs.save_org(db, orgs.OrgInput(f"深圳市杀{run}号有限公司")).id
    say("org", org)
    day = date(2020, 4, 1)
    project = projects.open_project(
        db, projects.ProjectInput(f"项目{run}", investor_id=org), on=day, stage=Stage.NEGOTIATING
    )
    signing = projects.Signing(day, 100_000_000, "正式合同")
    projects.move_stage(db, project, Stage.SIGNED, on=day, signing=signing)
    moves = 2
    say("stage", project, moves)
    say("READY")
    for i in range(1_000_000):
        step = i % 4
        if step == 0:
            org = orgs.save_org(db, orgs.OrgInput(f"深圳市杀{run}号第{i}家有限公司")).id
            say("org", org)
        elif step == 1:
            entry = visits.VisitInput(day, org, [member], summary=f"第{i}次")
            say("visit", visits.save_visit(db, entry))
        elif step == 2:
            target = (Stage.STARTED, Stage.PRODUCING)[(i // 4) % 2]
            projects.move_stage(db, project, target, on=day)
            moves += 1
            say("stage", project, moves)
        else:
            say("tranche", projects.add_tranche(db, project, received_on=day, amount_yuan=i + 1))
    """
)

IMPORTER = textwrap.dedent(
    """
    import sys
    from fieldlog.services.imports.imports import import_orgs
    from fieldlog.store.database import open_database

    db = open_database(sys.argv[1])
    print("START", flush=True)
    report = import_orgs(db, sys.argv[2])
    print("DONE", report.created, flush=True)
    """
)


def fieldlog_check(path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "fieldlog", "--db", str(path), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def kill_after(script: str, args: list[str], signal_word: str, delay: float) -> list[str]:
    """Start the child, SIGKILL it `delay` seconds after it prints `signal_word`; its full lines."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ),
    )
    assert child.stdout is not None
    lines = []
    for raw in child.stdout:
        lines.append(raw)
        if raw.strip() == signal_word.encode():
            break
    else:
        raise AssertionError(child.stderr.read().decode() if child.stderr else "no output")
    time.sleep(delay)
    if child.poll() is None:  # else it finished first: the kill came after the end
        os.kill(child.pid, signal.SIGKILL)
    rest, errors = child.communicate(timeout=60)
    assert child.returncode in (0, -signal.SIGKILL), errors.decode()
    text = b"".join(lines).decode() + rest.decode(errors="replace")
    # A line cut by the kill was never finished, so its change is not claimed.
    return text.split("\n")[:-1] if not text.endswith("\n") else text.split("\n")


def _missing(path: Path, lines: list[str]) -> list[str]:
    db = open_database(str(path))
    missing = []
    try:
        with db.read() as session:
            for line in lines:
                words = line.split()
                if not words or words[0] not in ("org", "visit", "stage", "tranche"):
                    continue
                ident = uuid.UUID(words[1])
                if words[0] == "stage":
                    count = session.scalar(
                        select(func.count())
                        .select_from(StageEvent)
                        .where(StageEvent.project_id == ident)
                    )
                    found = (count or 0) >= int(words[2])
                else:
                    model = {"org": Organization, "visit": Visit, "tranche": FundsTranche}[words[0]]
                    found = session.get(model, ident) is not None
                if not found:
                    missing.append(line)
    finally:
        db.close()
    return missing


@pytest.mark.slow
def test_killed_writes_lose_no_committed_change(tmp_path: Path) -> None:
    path = tmp_path / "writes.db"
    open_workspace(str(path)).close()
    chance = random.Random(SEED)
    claimed = 0
    for run in range(KILLS):
        delay = chance.uniform(0.0, 1.5)
        lines = kill_after(WRITER, [str(path), str(run)], "READY", delay)
        fieldlog_check(path)
        assert _missing(path, lines) == [], (run, delay)
        claimed += sum(1 for line in lines if line[:1] in "ovst")
    assert claimed > KILLS * 3  # the kills did land among the writes


def _timed_import(path: Path, sheet: Path) -> float:
    """Run the import to the end; the seconds from its START to its DONE."""
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(path), str(sheet)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    started = 0.0
    for line in child.stdout:
        if line.startswith("START"):
            started = time.monotonic()
        elif line.startswith("DONE"):
            assert line.split() == ["DONE", str(IMPORT_ROWS)]
            break
    duration = time.monotonic() - started
    _, errors = child.communicate(timeout=120)
    assert child.returncode == 0 and started, errors
    return duration


def _signature(path: Path) -> tuple[int, frozenset[str]]:
    """What an import of organizations changes: their number and names (ids are new each time)."""
    db = open_database(str(path))
    try:
        with db.read() as session:
            names = frozenset(session.scalars(select(Organization.name)))
        return len(names), names
    finally:
        db.close()


@pytest.mark.slow
def test_a_killed_import_is_all_or_nothing(tmp_path: Path) -> None:
    rows = [[f"深圳市导入第{i}家有限公司", "深圳市南山区", f"备注{i}"] for i in range(IMPORT_ROWS)]
    sheet = build_table(tmp_path / "big.xlsx", ["企业名称", "所在地区", "备注"], rows)
    template = tmp_path / "template.db"
    open_workspace(str(template)).close()
    before = _signature(template)
    finished = tmp_path / "finished.db"
    shutil.copy(template, finished)
    duration = _timed_import(finished, sheet)
    after = _signature(finished)
    assert after[0] == before[0] + IMPORT_ROWS
    chance = random.Random(SEED + 1)
    outcomes = []
    for run in range(max(2, KILLS // 5)):
        target = tmp_path / f"killed-{run}.db"
        shutil.copy(template, target)
        # From just after START to a little past the commit: both outcomes get their turn.
        delay = chance.uniform(0.0, duration * 1.2)
        kill_after(IMPORTER, [str(target), str(sheet)], "START", delay)
        fieldlog_check(target)
        state = _signature(target)
        assert state in (before, after), (run, state[0])
        outcomes.append(state == after)
    print(f"import killed {len(outcomes)} times: {sum(outcomes)} after, the rest before")
