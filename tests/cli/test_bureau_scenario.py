"""The home bureau's scenario (issue 19, "done when"), on demo-sized teams through the command line.

Three teams, each a demo dispatch of its own seed (about 430 organizations and 570 visits), all
work with one enterprise: one credit code, three spellings (tests/cli/bureau_demo_teams.py). The
bureau registers each team with its full package, then receives the teams' incremental packages
in a shuffled order, one of them twice. Each team's figures on the bureau equal the team's own
`stats`; the total counts an enterprise several teams visited once; the overlap names the team
that reported it first; the consolidated return holds each team's own return. The bureau is a
SQLite file, then a PostgreSQL database (skipped without a server).
"""

from __future__ import annotations

import json
import random
import shutil
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from fieldlog.domain.indicators import AMOUNT_METRICS, BREAKDOWN_METRICS, BY_KEY
from fieldlog.domain.money import yuan_to_yi
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.excel.weekly_return import RETURN_SHEETS
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.bureau.bureau import find_team
from fieldlog.services.bureau.figures import TOTAL_LABEL_ZH
from fieldlog.store.database import Database
from fieldlog.store.models import Organization, Project, Visit
from fieldlog.store.team_view import team_view
from tests.cli.bureau_demo_teams import (
    PERIODS,
    SHARED_CODE,
    SHARED_NAMES,
    WEEK,
    YEAR_TO_WEEK,
    DemoTeam,
    build_demo_teams,
    with_db,
)
from tests.cli.test_sync_cli import cli, ok

# The teams take one to two minutes to make (three demos, twenty-seven commands), each engine
# about a minute (twenty-five commands): more than the suite's two minutes on a busy machine.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

BUREAU = "铜仁市投资促进局"
#: The order the bureau receives the incremental packages in: a team's last package before the
#: one it sent first, and one package twice (drawn once; the test checks the order is such).
SHUFFLE_SEED = 19


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> list[DemoTeam]:
    """The three teams, built once for both engines (one to two minutes)."""
    made = build_demo_teams(tmp_path_factory.mktemp("demo-teams"), demo_database_file)
    for team in made:
        with_db(team, partial(read_facts, made=team))
    return made


def _json(*args: str, stdin: str | None = None) -> Any:
    return json.loads(ok(*args, stdin=stdin))


def _by_name(made: list[DemoTeam]) -> dict[str, DemoTeam]:
    return {team.name: team for team in made}


def test_three_demo_teams_on_one_bureau(
    any_location: str, teams: list[DemoTeam], tmp_path: Path
) -> None:
    db = ["--db", any_location, "--lang", "en"]
    assert BUREAU in ok(*db, "bureau", "init", "--name", BUREAU)
    sz, sh, hz = teams
    for team in (sh, hz, sz):
        out = ok(*db, "bureau", "register", str(team.packages[0]), stdin=team.passphrase + "\n")
        assert f"registered team {team.name}" in out
    assert [t["name"] for t in _json(*db, "bureau", "teams", "--json")] == sorted(
        t.name for t in teams
    )
    # Before the later packages: 驻深's lead of 31 March is the first report; 驻杭 is not in it.
    [before] = _json(*db, "bureau", "overlaps", "--json")
    assert (before["first_team"], before["first_date"], before["first_by"]) == (
        sz.name,
        "2020-03-31",
        "lead",
    )
    assert [t["team"] for t in before["teams"]] == [sz.name, sh.name]

    _receive_shuffled(db, teams, tmp_path)
    _each_team_arrived_whole(any_location, teams)
    _figures_equal_each_teams_own(db, teams)
    _total_counts_a_shared_enterprise_once(db, teams)
    _overlap_names_the_first_reporter(db, teams)
    _consolidated_return(db, teams, tmp_path)


def _receive_shuffled(db: list[str], teams: list[DemoTeam], folder: Path) -> None:
    later = [path for team in teams for path in team.packages[1:]]
    resent = folder / f"重发-{later[2].name}"  # the same package, sent again under another name
    shutil.copyfile(later[2], resent)
    batch = [*later, resent]
    random.Random(SHUFFLE_SEED).shuffle(batch)
    names = [p.name for p in batch]
    assert any(
        names.index(f"{t.key}-3.fieldsync") < names.index(f"{t.key}-2.fieldsync") for t in teams
    )
    report = _json(*db, "sync", "import", *map(str, batch), "--json")
    assert report["skipped"] == 1 and report["conflicts"] == 0
    second = max(resent, later[2], key=batch.index)  # the copy received second is skipped
    assert [p["file"] for p in report["packages"] if p["skipped"]] == [str(second)]

    # Received once more, alone: nothing changes.
    digest = ok(*db, "digest")
    again = cli(*db, "sync", "import", str(resent))
    assert again.returncode == 0 and "already imported before; skipped" in again.stdout
    assert ok(*db, "digest") == digest


def _each_team_arrived_whole(location: str, teams: list[DemoTeam]) -> None:
    """Each team's records on the bureau are exactly its own: the digest of the team's view
    equals the team's own `digest`, whatever order its packages came in."""
    bureau = open_workspace(location)
    try:
        for team in teams:
            with team_view(bureau, find_team(bureau, team.name).id) as view:
                assert digest(view) == team.own_digest, team.name
    finally:
        bureau.close()


def _figures_equal_each_teams_own(db: list[str], teams: list[DemoTeam]) -> None:
    for team in teams:
        for period in PERIODS:
            shown = _json(*db, "stats", "--team", team.name, *period, "--json")
            assert shown == team.own_stats[period], (team.name, period)


def _total_counts_a_shared_enterprise_once(db: list[str], teams: list[DemoTeam]) -> None:
    for period in PERIODS:
        total = _json(*db, "stats", *period, "--json")
        assert total == expected_total(teams, period), period
    total = _json(*db, "stats", "--team", "all", "--json")
    everyone = sum(t.own_stats[()]["enterprises_visited"] for t in teams)
    # Three teams share one enterprise: two fewer than the teams' own figures added up.
    assert total["enterprises_visited"] == everyone - 2
    # And so is the chamber of commerce all three visited (one credit code).
    chambers = sum(t.own_stats[()]["associations_visited"] for t in teams)
    assert total["associations_visited"] == chambers - 2
    assert total["visits"] == sum(t.own_stats[()]["visits"] for t in teams)


def _overlap_names_the_first_reporter(db: list[str], teams: list[DemoTeam]) -> None:
    sz, sh, hz = teams
    found = _json(*db, "bureau", "overlaps", "--json")
    assert {o["credit_code"] for o in found} == expected_overlap_codes(teams) == {SHARED_CODE}
    [shared] = found
    assert (shared["first_team"], shared["first_date"], shared["first_by"]) == (
        sh.name,
        "2020-03-26",
        "visit",
    )
    assert shared["enterprise"] == SHARED_NAMES["sh"]
    assert shared["lead_team"] == ""
    works = [
        (
            w["team"],
            w["name"],
            w["first_date"],
            w["first_by"],
            w["projects"],
            w["contract_amount_yuan"],
            w["planned_amount_yuan"],
        )
        for w in shared["teams"]
    ]
    assert works == [
        (sh.name, SHARED_NAMES["sh"], "2020-03-26", "visit", 1, 500_000_000, 600_000_000),
        (sz.name, SHARED_NAMES["sz"], "2020-03-31", "lead", 1, 0, 1_000_000_000),
        (hz.name, SHARED_NAMES["hz"], "2020-04-20", "visit", 0, 0, 0),
    ]


def _cell(metric: str, value: int) -> object:
    """A figure as the workbook holds it: an amount in 亿元."""
    return float(yuan_to_yi(value)) if metric in AMOUNT_METRICS else value


def _without_filling_date(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    # The day the return was written (填报日期) is the day the command ran.
    return [tuple(None if str(v).startswith("填报日期") else v for v in row) for row in rows]


def _consolidated_return(db: list[str], teams: list[DemoTeam], folder: Path) -> None:
    out = folder / "局周报.xlsx"
    written = ok(*db, "export", "bureau", "--week", WEEK, "-o", str(out)).strip()
    assert Path(written) == out
    book = load_workbook(out)
    overview = list(book["各工作队汇总"].iter_rows(values_only=True))
    header = list(overview[0])
    names = sorted(t.name for t in teams)
    assert [row[0] for row in overview[1:]] == [*names, TOTAL_LABEL_ZH]
    week, year = ("--week", WEEK), YEAR_TO_WEEK
    for row in overview[1:]:
        if row[0] == TOTAL_LABEL_ZH:
            this_week, this_year = (expected_total(teams, p) for p in (week, year))
        else:
            own = _by_name(teams)[str(row[0])].own_stats
            this_week, this_year = own[week], own[year]
        for metric in BREAKDOWN_METRICS:
            heading = BY_KEY[metric].heading_zh
            assert row[header.index(f"本周{heading}")] == _cell(metric, this_week[metric])
            assert row[header.index(f"本年累计{heading}")] == _cell(metric, this_year[metric])
    assert len(book.sheetnames) == 1 + len(RETURN_SHEETS) * len(teams)
    for team in teams:
        own = load_workbook(team.own_return)
        [summary] = [
            n for n in book.sheetnames if n.endswith("·汇总") and team.name.startswith(n[:-3])
        ]
        prefix = summary[: -len("汇总")]
        for sheet in own.sheetnames:
            mine = list(book[prefix + sheet].iter_rows(values_only=True))
            theirs = list(own[sheet].iter_rows(values_only=True))
            assert _without_filling_date(mine) == _without_filling_date(theirs), (team.name, sheet)
        visits_row = next(
            r for r in book[summary].iter_rows(values_only=True) if r[0] == "走访企业（家）"
        )
        assert visits_row[1] == team.own_stats[week]["enterprises_visited"]


def _period_of(options: tuple[str, ...]) -> Period:
    if not options:
        return Period(None, None)
    if options[0] == "--week":
        return IsoWeek.parse(options[1]).period
    return Period(date.fromisoformat(options[1]), date.fromisoformat(options[3]))


def read_facts(db: Database, made: DemoTeam) -> None:
    """What the team's own file says, read without the bureau's code."""
    live_visits = (Visit.deleted.is_(False), Organization.deleted.is_(False))
    visited = select(Organization.kind, Organization.credit_code, Organization.id, Visit.visited_on)
    enterprise = (Organization.deleted.is_(False), Organization.kind == OrgKind.ENTERPRISE.value)
    worked = (
        select(Organization.credit_code)
        .join(Visit, Visit.org_id == Organization.id)
        .where(Visit.deleted.is_(False), *enterprise)
        .union(
            select(Organization.credit_code)
            .join(Project, Project.investor_id == Organization.id)
            .where(Project.deleted.is_(False), *enterprise)
        )
    )
    with db.read() as session:
        rows = session.execute(
            visited.join(Visit, Visit.org_id == Organization.id).where(*live_visits)
        ).all()
        made.worked_codes = {code for code in session.execute(worked).scalars() if code}
    for options in PERIODS:
        period = _period_of(options)
        made.visited[options] = {
            (kind, code or f"org:{org.hex}")
            for kind, code, org, on in rows
            if (period.start is None or on >= period.start)
            and (period.end is None or on <= period.end)
        }


# -- what the bureau must show, from the teams' own figures and files -------------------------


def expected_total(made: list[DemoTeam], period: tuple[str, ...]) -> dict[str, Any]:
    """The bureau's total: each team's own figures added up, but an enterprise or association
    (by credit code; one without a code is its own) that several teams visited counted once."""
    total = {
        key: sum(one.own_stats[period][key] for one in made) if isinstance(value, int) else value
        for key, value in made[0].own_stats[period].items()
    }
    # The assessment scope: each team's own rules on its own projects, added up.
    total["assessment"] = {
        key: sum(one.own_stats[period]["assessment"][key] for one in made)
        for key in made[0].own_stats[period]["assessment"]
    }
    visited = set().union(*(one.visited[period] for one in made))
    total["enterprises_visited"] = sum(kind == "enterprise" for kind, _ in visited)
    total["associations_visited"] = sum(kind == "association" for kind, _ in visited)
    return total


def expected_overlap_codes(made: list[DemoTeam]) -> set[str]:
    """The credit codes of enterprises in the work of more than one team."""
    return {
        code
        for code in set().union(*(one.worked_codes for one in made))
        if sum(code in one.worked_codes for one in made) > 1
    }
