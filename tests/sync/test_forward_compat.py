"""A package from a newer FieldLog, with codes this version does not know in every coded column:
received, counted as nothing new, exported as 未知（code）, and forwarded unchanged.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from fieldlog.domain.period import IsoWeek, Period
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.services.projects import pipeline, projects
from fieldlog.services.projects.project_detail import project_detail
from fieldlog.services.reports import stats
from fieldlog.services.reports.exports import export_ledger, export_orgs, export_visits
from fieldlog.services.reports.weekly import export_weekly
from fieldlog.store.database import Database, open_database
from fieldlog.store.models import Member, Organization, Project, StageEvent, Target, Visit
from fieldlog.sync.errors import PackageError
from fieldlog.sync.rows import SPECS, check_widths
from tests.cli.test_cli import run
from tests.conftest import password
from tests.field_dump import db_digest
from tests.newer_laptop import (
    FAST_KDF,
    NEW_NAMES,
    NEW_ORG,
    NEW_PROJECT,
    PASSPHRASE,
    UNKNOWN,
    VISIT_DAY,
    NewerPackage,
    make_newer_package,
)

pytestmark = pytest.mark.slow

DISPATCH = Period(date(2020, 3, 23), date(2020, 4, 22))
TODAY = date(2020, 4, 22)
#: stats arguments: the dispatch, the week of the new visit, a week without it, everything.
PERIODS = {
    "dispatch": ("--from", "2020-03-23", "--to", "2020-04-22"),
    "visit week": ("--week", "2020-W15"),
    "other week": ("--week", "2020-W13"),
    "all": (),
}


@dataclass
class World:
    """The home laptop (the demo) after receiving the newer package, and what it printed before."""

    home: Database
    path: Path
    package: NewerPackage
    before: dict[str, dict[str, object]]
    folder: Path


def _stdin() -> str | None:
    """A command's standard input: an encrypted database's password on its first line."""
    given = password()
    return f"{given}\n" if given else None


def _stats(path: Path, args: tuple[str, ...]) -> dict[str, object]:
    result = run("--db", str(path), "stats", "--json", *args, stdin=_stdin())
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("forward")
    path = folder / "home.db"
    shutil.copyfile(demo_database_file, path)
    home = open_workspace(str(path), password=password())
    sync.set_passphrase(home, PASSPHRASE)
    before = {name: _stats(path, args) for name, args in PERIODS.items()}
    home.close()
    package = make_newer_package(path, folder / "newer")
    home = open_database(str(path), password=password())
    report = sync.import_packages(home, [package.path])
    assert [p.skipped for p in report.packages] == [False]
    assert report.total("new") > 0
    yield World(home, path, package, before, folder)
    home.close()


def test_unknown_codes_are_kept_as_they_came(world: World) -> None:
    with world.home.read() as s:
        org = s.scalars(select(Organization).where(Organization.name == NEW_ORG)).one()
        assert org.kind == UNKNOWN["org_kind"]
        assert s.scalars(select(Visit.intent).where(Visit.org_id == org.id)).one() == "tentative"
        stages = s.scalars(select(StageEvent.stage).where(StageEvent.stage == "evaluating"))
        assert len(stages.all()) == world.package.unknown_events
        assert UNKNOWN["member_role"] in s.scalars(select(Member.role)).all()
        assert UNKNOWN["chain_role"] in s.scalars(select(Project.chain_role)).all()
        metrics = set(s.scalars(select(Target.metric)))
        assert UNKNOWN["target_metric"] in metrics
        assert UNKNOWN["target_scope"] in set(s.scalars(select(Target.scope)))


@pytest.mark.parametrize("name", list(PERIODS))
def test_stats_count_nothing_new(world: World, name: str) -> None:
    """The new visit counts as a visit (to an organization neither enterprise nor association);
    no unknown stage event moves a project: leads, active, signed, inspections all as before."""
    after = _stats(world.path, PERIODS[name])
    expected = dict(world.before[name])
    start, end = expected["from"], expected["to"]
    if (start is None or start <= VISIT_DAY.isoformat()) and (
        end is None or VISIT_DAY.isoformat() <= end
    ):
        expected["visits"] = int(expected["visits"]) + world.package.visits_added  # type: ignore[call-overload]
    assert after == expected


def test_services_place_projects_by_their_known_events(world: World) -> None:
    """The list, the board, a project's detail and `current_stage` read the latest known stage;
    a project whose events are all unknown is listed under its code, on no board column."""
    latest: dict[object, str] = {}
    with world.home.read() as s:
        query = (
            select(StageEvent.project_id, StageEvent.stage)
            .where(StageEvent.deleted.is_(False), StageEvent.stage != UNKNOWN["stage"])
            .order_by(StageEvent.occurred_on, StageEvent.hlc)
        )
        for project_id, stage in s.execute(query):
            latest[project_id] = stage
        new_id = s.scalars(select(Project.id).where(Project.name == NEW_PROJECT)).one()
    listed = {row.id: row.stage for row in pipeline.project_list(world.home, today=TODAY)}
    assert listed.pop(new_id) == UNKNOWN["stage"]
    assert listed == {pid: stage for pid, stage in latest.items() if pid in listed}
    board = {
        c.id: col.stage for col in pipeline.pipeline(world.home, today=TODAY) for c in col.cards
    }
    assert new_id not in board and board == {pid: latest[pid] for pid in board}
    some = sorted(latest, key=str)[:5]
    assert [projects.current_stage(world.home, pid) for pid in some] == [latest[p] for p in some]
    detail = project_detail(world.home, new_id, today=TODAY)
    assert detail.stage == UNKNOWN["stage"]
    assert [step.stage_label for step in detail.timeline] == [_unknown(UNKNOWN["stage"])]


def test_stats_as_text(world: World) -> None:
    result = run(
        "--db", str(world.path), "--lang", "zh_CN", "stats", *PERIODS["dispatch"], stdin=_stdin()
    )
    assert result.returncode == 0, result.stderr
    assert "签约项目" in result.stdout


def _cells(path: Path) -> set[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    found = {
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    book.close()
    return found


def _unknown(code: str) -> str:
    return f"未知（{code}）"


def test_weekly_return_shows_unknown_codes(world: World) -> None:
    cells = _cells(export_weekly(world.home, IsoWeek(2020, 15), out=world.folder / "weekly.xlsx"))
    assert _unknown(UNKNOWN["stage"]) in cells
    assert NEW_ORG in cells


def test_ledger_shows_unknown_codes(world: World) -> None:
    out = world.folder / "ledger.xlsx"
    book = openpyxl.load_workbook(export_ledger(world.home, out=out, today=date(2020, 4, 22)))
    rows = [row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
    unknown_stage = [row for row in rows if _unknown(UNKNOWN["stage"]) in row]
    # Only the project with no known event: every other one stays where its known events are.
    assert len(unknown_stage) == 1 and NEW_PROJECT in unknown_stage[0]
    cells = {str(value) for row in rows for value in row if value is not None}
    assert _unknown(UNKNOWN["chain_role"]) in cells
    assert NEW_NAMES["sign_form"] in cells


def test_orgs_export_shows_unknown_codes(world: World) -> None:
    cells = _cells(export_orgs(world.home, out=world.folder / "orgs.xlsx"))
    assert _unknown(UNKNOWN["org_kind"]) in cells


def test_visits_export_shows_unknown_codes(world: World) -> None:
    cells = _cells(export_visits(world.home, DISPATCH, out=world.folder / "visits.xlsx"))
    assert _unknown(UNKNOWN["intent"]) in cells
    assert NEW_NAMES["visit_kind"] in cells


def test_next_package_carries_unknown_values_unchanged(
    world: World, empty_database_file: Path
) -> None:
    out = world.folder / "onward.fieldsync"
    sync.export_package(world.home, out, full=True, kdf=FAST_KDF)
    third_path = world.folder / "third.db"
    shutil.copyfile(empty_database_file, third_path)
    third = open_database(str(third_path), password=password())
    try:
        sync.set_passphrase(third, PASSPHRASE)
        assert sync.import_packages(third, [out]).total("new") > 0
        assert db_digest(third) == db_digest(world.home)
        with third.read() as s:
            kinds = set(s.scalars(select(Organization.kind)))
        assert UNKNOWN["org_kind"] in kinds
        # The third laptop counts them as nothing too.
        assert stats.compute(third, DISPATCH) == stats.compute(world.home, DISPATCH)
    finally:
        third.close()


def test_a_code_longer_than_its_column_refuses_the_package(
    world: World, empty_database_file: Path
) -> None:
    """A stage of 17 characters cannot be a stage (String(16)): refused, nothing changed."""
    folder = world.folder / "long"
    folder.mkdir()
    sender_path = folder / "sender.db"
    shutil.copyfile(empty_database_file, sender_path)
    sender = open_database(str(sender_path), password=password())
    try:
        sync.set_passphrase(sender, PASSPHRASE)
        _long_stage_project(sender)
        out = folder / "long.fieldsync"
        sync.export_package(sender, out, full=True, kdf=FAST_KDF)
    finally:
        sender.close()
    before = db_digest(world.home)
    with pytest.raises(PackageError, match=r"stage_event\.stage: .*17 characters, at most 16"):
        sync.import_packages(world.home, [out])
    assert db_digest(world.home) == before
    result = run(
        "--db", str(world.path), "--lang", "en", "sync", "import", str(out), stdin=_stdin()
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "stage_event.stage: text of 17 characters, at most 16" in lines[0]
    assert db_digest(world.home) == before


@pytest.mark.parametrize(
    ("table", "column", "width"),
    [
        ("stage_event", "stage", 16),
        ("visit", "intent", 16),
        ("organization", "kind", 16),
        ("organization", "credit_code", 18),
        ("project", "chain_role", 16),
        ("member", "role", 16),
        ("target", "scope", 16),
        ("target", "metric", 32),
        ("chain_link", "position", 16),
        ("catalog_item", "kind", 32),
    ],
)
def test_every_coded_column_takes_its_width_and_no_more(
    table: str, column: str, width: int
) -> None:
    assert SPECS[table].widths[column] == width
    check_widths(table, {column: "未" * width})
    with pytest.raises(ValueError, match=f"{table}.{column}: text of {width + 1} characters"):
        check_widths(table, {column: "未" * (width + 1)})


def test_names_and_notes_keep_the_wide_limit() -> None:
    """This version writes names and phone lists past their declared width on SQLite."""
    assert "name" not in SPECS["member"].widths and "phone" not in SPECS["organization"].widths
    check_widths("member", {"name": "名" * 200, "phone": "1" * 400})


def _long_stage_project(db: Database) -> None:
    from fieldlog.domain.ids import new_id

    with db.begin() as s:
        project = Project(id=new_id(), name="过长阶段项目")
        s.add(project)
        s.flush()
        s.add(StageEvent(id=new_id(), project_id=project.id, stage="x" * 17, occurred_on=VISIT_DAY))
