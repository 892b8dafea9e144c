"""Three demo-sized teams for the bureau scenario (tests/cli/test_bureau_scenario.py).

Each team is the demo dispatch loaded with a seed of its own (other people, enterprises, credit
codes and days), renamed, on a plain SQLite file of its own. All three work with one enterprise:
one credit code, written three ways. Each sends a full package, then logs more work and sends two
incremental packages; the passphrase, the exports and one week's visit log go through the
command line, as a team leader's laptop runs them.

What the shared enterprise's record looks like on each laptop (the first reporter is 驻沪):
- 驻深 opens a lead on 31 March (planned 10亿), visits on 2 April, negotiates from 10 April;
- 驻沪 visits on 3 April, opens a project on 6 April, signs 5亿 on 15 April (0.5亿 in place),
  and in its last package logs, late, a visit it made on 26 March: it becomes the first reporter
  only when that package is received;
- 驻杭 meets it only after its first package: its visit log of 20 April (imported from a
  workbook) creates the record, and its last package visits it again.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select

from fieldlog.domain.credit_code import make_credit_code
from fieldlog.domain.stages import Stage
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.services.admin.demo import load_demo
from fieldlog.services.admin.demo.state import SEED
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import Organization, Visit
from tests.cli.test_sync_cli import ok
from tests.conftest import plain_copy

#: The enterprise all three teams work with.
SHARED_CODE = make_credit_code("91440300MA5HW0001")
#: A chamber of commerce every demo visits, given one credit code in all three teams (each demo
#: draws its own codes): an association visited by several teams counts once in the total.
CHAMBER, CHAMBER_CODE = "深圳市贵州商会", make_credit_code("51440300MJ0000001")
SHARED_NAMES = {
    "sz": "深圳市华为技术有限公司",
    "sh": "华为技术有限公司（深圳）",
    "hz": "华为技术（深圳）有限公司",
}
#: An enterprise each team meets after its first package (no credit code known yet).
NEW_NAMES = {
    "sz": "深圳市鹏程新材料有限公司",
    "sh": "深圳市前海云途科技有限公司",
    "hz": "杭州新结识科技有限公司",
}
#: The week of the consolidated return: the teams' later visits fall in it.
WEEK = "2020-W17"
#: 1 January to the week's Sunday: the return's 本年累计.
YEAR_TO_WEEK = ("--from", "2020-01-01", "--to", "2020-04-26")
#: The periods the figures are compared for (as `stats` options): all time, the return's week
#: and its year.
PERIODS: tuple[tuple[str, ...], ...] = ((), ("--week", WEEK), YEAR_TO_WEEK)


@dataclass(frozen=True)
class Plan:
    """A team to make: its key, name, host city and demo seed."""

    key: str
    name: str
    host: str
    seed: int


PLANS = (
    Plan("sz", "铜仁市驻深招商工作队", "深圳市", SEED),
    Plan("sh", "铜仁市驻沪招商工作队", "上海市", 1),
    Plan("hz", "铜仁市驻杭招商工作队", "杭州市", 2),
)


@dataclass
class DemoTeam:
    """A team's laptop after the scenario's team side: its file, passphrase and packages (the
    full one, then two incremental ones), its own `stats --json` for each of PERIODS and its own
    weekly return."""

    key: str
    name: str
    path: Path
    passphrase: str
    packages: list[Path] = field(default_factory=list)
    own_stats: dict[tuple[str, ...], dict[str, Any]] = field(default_factory=dict)
    #: The team's own weekly return of WEEK (`export weekly`), and the digest of its data.
    own_return: Path | None = None
    own_digest: str = ""
    #: Read from the team's file by the scenario (`test_bureau_scenario.read_facts`): per period,
    #: (kind, credit code or "org:<id>") of each organization visited, and the credit codes of
    #: the enterprises in its work (a live visit, or a live project it invests in).
    visited: dict[tuple[str, ...], set[tuple[str, str]]] = field(default_factory=dict)
    worked_codes: set[str] = field(default_factory=set)


def _cli(team: DemoTeam, *args: str, stdin: str | None = None) -> str:
    return ok("--db", str(team.path), "--lang", "en", *args, stdin=stdin)


def with_db(team: DemoTeam, work: Callable[[Database], None]) -> None:
    db = open_workspace(str(team.path))
    try:
        work(db)
    finally:
        db.close()


def _send(team: DemoTeam, *, full: bool = False) -> None:
    out = team.path.parent / f"{team.key}-{len(team.packages) + 1}.fieldsync"
    _cli(team, "sync", "export", *(["--full"] if full else []), "-o", str(out))
    team.packages.append(out)


def build_demo_teams(folder: Path, demo_file: Path) -> list[DemoTeam]:
    """The three teams with their packages written and their own figures taken; `demo_file` is
    the demo of the default seed (tests/conftest.py's `demo_database_file`), 驻深's start."""
    made = []
    for plan in PLANS:
        made.append(_demo_team(folder, plan, demo_file))
    for step in (_first_step, _second_step):
        for made_team in made:
            step(made_team)
            _send(made_team)
    for made_team in made:
        for period in PERIODS:
            made_team.own_stats[period] = json.loads(_cli(made_team, "stats", *period, "--json"))
        made_team.own_return = made_team.path.parent / "周报.xlsx"
        _cli(made_team, "export", "weekly", "--week", WEEK, "-o", str(made_team.own_return))
        made_team.own_digest = _cli(made_team, "digest").strip()
    return made


def _demo_team(folder: Path, plan: Plan, demo_file: Path) -> DemoTeam:
    path = folder / plan.key / f"{plan.key}.db"
    path.parent.mkdir(parents=True)
    made = DemoTeam(plan.key, plan.name, path, f"{plan.name}的同步口令")
    if plan.seed == SEED:  # the run's demo already holds this seed's load: a copy of it
        plain_copy(demo_file, path)
    with_db(made, lambda db: _load(db, plan))
    _cli(made, "team", "passphrase", stdin=made.passphrase + "\n")
    _send(made, full=True)
    return made


def _load(db: Database, plan: Plan) -> None:
    if plan.seed != SEED:
        load_demo(db, seed=plan.seed)
    own = team.current_team(db)
    assert own is not None
    data = team.TeamInput(
        plan.name,
        own.home_city,
        plan.host,
        own.reporting_unit,
        own.dispatch_start,
        own.dispatch_end,
    )
    team.save_team(db, data, team_id=own.id)
    _chamber_coded(db)
    if plan.key == "sz":
        _sz_before(db)
    elif plan.key == "sh":
        _sh_before(db)


def _chamber_coded(db: Database) -> None:
    with db.read() as session:
        org = session.execute(select(Organization).where(Organization.name == CHAMBER)).scalar_one()
    kept = (org.region, org.address, org.chain_id, org.link_id, org.is_target, org.phone)
    data = orgs.OrgInput(org.name, org.kind, CHAMBER_CODE, *kept, notes=org.notes)
    orgs.save_org(db, data, org.id, keep_tags=True)


def _pair(db: Database) -> list[uuid.UUID]:
    return [m.id for m in team.members(db)[:2]]


def _shared(db: Database, key: str) -> uuid.UUID:
    return orgs.save_org(db, orgs.OrgInput(SHARED_NAMES[key], credit_code=SHARED_CODE)).id


def _sz_before(db: Database) -> None:
    org, pair = _shared(db, "sz"), _pair(db)
    data = projects.ProjectInput(
        "华为终端配套产业园项目", investor_id=org, owner_id=pair[0], planned_yuan=1_000_000_000
    )
    project = projects.open_project(db, data, on=date(2020, 3, 31))
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 2), org, pair, project_id=project))
    projects.move_stage(db, project, Stage.NEGOTIATING, on=date(2020, 4, 10))


def _sh_before(db: Database) -> None:
    org, pair = _shared(db, "sh"), _pair(db)
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 3), org, pair))
    data = projects.ProjectInput(
        "华为云数据中心项目", investor_id=org, owner_id=pair[0], planned_yuan=600_000_000
    )
    project = projects.open_project(db, data, on=date(2020, 4, 6))
    projects.move_stage(db, project, Stage.NEGOTIATING, on=date(2020, 4, 8))
    signing = projects.Signing(date(2020, 4, 15), 500_000_000, "正式合同")
    projects.move_stage(db, project, Stage.SIGNED, on=date(2020, 4, 15), signing=signing)
    projects.add_tranche(db, project, received_on=date(2020, 4, 20), amount_yuan=50_000_000)


def _known_enterprises(db: Database, count: int) -> list[tuple[uuid.UUID, str]]:
    """`count` enterprises of the demo (by name), to visit again."""
    query = (
        select(Organization.id, Organization.name)
        .where(Organization.kind == OrgKind.ENTERPRISE.value, Organization.deleted.is_(False))
        .where(Organization.credit_code != SHARED_CODE)
        .order_by(Organization.name)
        .limit(count)
    )
    with db.read() as session:
        return [(org, name) for org, name in session.execute(query)]


def _first_step(made: DemoTeam) -> None:
    """The week after the first package: visits to known and new enterprises."""
    if made.key == "hz":
        _visit_log(made)
        return

    def work(db: Database) -> None:
        pair = _pair(db)
        for n, (org, _name) in enumerate(_known_enterprises(db, 3)):
            visits.save_visit(db, visits.VisitInput(date(2020, 4, 20 + n % 2), org, pair))
        new = orgs.save_org(db, orgs.OrgInput(NEW_NAMES[made.key])).id
        visits.save_visit(db, visits.VisitInput(date(2020, 4, 21), new, pair[:1]))

    with_db(made, work)


def _visit_log(made: DemoTeam) -> None:
    """驻杭's week, typed into a visit log and imported: it meets the shared enterprise."""
    rows: list[tuple[object, ...]] = []

    def read(db: Database) -> None:
        names = [m.name for m in team.members(db)[:2]]
        visitors = "、".join(names)
        rows.append((date(2020, 4, 20), SHARED_NAMES["hz"], SHARED_CODE, visitors, "初次接洽"))
        for n, (_org, name) in enumerate(_known_enterprises(db, 2)):
            rows.append((date(2020, 4, 21 + n), name, None, names[0], "回访"))
        rows.append((date(2020, 4, 21), NEW_NAMES["hz"], None, visitors, "初访"))

    with_db(made, read)
    book = Workbook()
    sheet = book.active
    sheet.append(["走访日期", "走访对象", "统一社会信用代码", "走访人员", "洽谈内容"])
    for row in rows:
        sheet.append(list(row))
    log = made.path.parent / "走访明细.xlsx"
    book.save(log)
    report = json.loads(_cli(made, "import", "visits", str(log), "--json"))
    assert report["rejected"] == [] and report["created"] == len(rows), report


def _second_step(made: DemoTeam) -> None:
    """The last package: a late entry, a deleted visit, visits to records of the last package."""

    def work(db: Database) -> None:
        pair = _pair(db)
        if made.key == "sh":  # a visit of 26 March, logged late: 驻沪 reported it first
            shared = _org(db, Organization.credit_code == SHARED_CODE)
            visits.save_visit(db, visits.VisitInput(date(2020, 3, 26), shared, pair))
            visits.delete_visit(db, _a_visit_on(db, date(2020, 4, 21)))
        elif made.key == "hz":
            shared = _org(db, Organization.credit_code == SHARED_CODE)
            visits.save_visit(db, visits.VisitInput(date(2020, 4, 22), shared, pair))
            new = _org(db, Organization.name == NEW_NAMES["hz"])
            visits.save_visit(db, visits.VisitInput(date(2020, 4, 22), new, pair[:1]))
        else:  # a visit of the last package deleted, one more made
            new = _org(db, Organization.name == NEW_NAMES[made.key])
            visits.delete_visit(db, _a_visit_on(db, date(2020, 4, 21), new))
            visits.save_visit(db, visits.VisitInput(date(2020, 4, 22), new, pair))

    with_db(made, work)


def _org(db: Database, *where: Any) -> uuid.UUID:
    with db.read() as session:
        return session.execute(select(Organization.id).where(*where)).scalar_one()


def _a_visit_on(db: Database, day: date, org: uuid.UUID | None = None) -> uuid.UUID:
    query = select(Visit.id).where(Visit.visited_on == day, Visit.deleted.is_(False))
    if org is not None:
        query = query.where(Visit.org_id == org)
    with db.read() as session:
        return session.execute(query.order_by(Visit.id).limit(1)).scalar_one()
