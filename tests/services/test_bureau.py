"""The bureau scenario (SPEC §9), on SQLite and on PostgreSQL: three teams with one enterprise in
common, their packages received in a shuffled order (one twice); each team's figures equal its
own, the total counts the shared enterprise once, the overlap names who reported it first."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from fieldlog.domain.period import Period
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.bureau import bureau, figures, overlaps
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange import sync
from fieldlog.services.orgs import orgs
from fieldlog.services.reports import stats
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.sync.errors import PackageError
from tests.conftest import reopen
from tests.services.bureau_teams import SHARED_CODE, TeamLaptop, make_teams

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
ALL_TIME = Period(None, None)


def _open(location: str) -> Database:
    return open_workspace(location) if "://" in location else reopen(location)


@pytest.fixture
def three_teams(empty_database_file: Path, tmp_path: Path) -> list[TeamLaptop]:
    made = make_teams(empty_database_file, tmp_path, 3)
    yield made
    for laptop in made:
        laptop.db.close()


@pytest.fixture
def bureau_db(any_location: str) -> Database:
    db = _open(any_location)
    bureau.init_bureau(db, "铜仁市投资促进局")
    yield db
    db.close()


def test_three_teams_received_in_any_order(
    bureau_db: Database, three_teams: list[TeamLaptop]
) -> None:
    firsts = [t.export(full=True) for t in three_teams]
    sz = three_teams[0]
    org = orgs.save_org(sz.db, orgs.OrgInput("后来走访企业有限公司")).id
    later = [sz.export()]
    for team, first in zip(three_teams, firsts, strict=True):
        bureau.register_team(bureau_db, first, team.passphrase)
    with_visit = _visit_later(sz, org)
    later.append(with_visit)
    shuffled = [*later, firsts[1]]  # one package a second time
    random.Random(7).shuffle(shuffled)
    report = sync.import_packages(bureau_db, shuffled)
    assert [p.skipped for p in report.packages].count(True) == 1

    for team in three_teams:
        entry = bureau.find_team(bureau_db, team.name)
        for period in (NOVEMBER, ALL_TIME):
            assert figures.team_figures(bureau_db, entry, period) == stats.compute(team.db, period)

    total = figures.total_figures(bureau_db, ALL_TIME)
    each = [stats.compute(t.db, ALL_TIME) for t in three_teams]
    assert total.visits == sum(s.visits for s in each)
    assert total.enterprises_visited == sum(s.enterprises_visited for s in each) - 2
    assert total.associations_visited == sum(s.associations_visited for s in each)
    assert total.projects_signed == 3
    assert total.contract_amount_yuan == 530_000_000
    assert total.funds_in_place_yuan == 53_000_000

    [overlap] = overlaps.overlaps(bureau_db)
    assert overlap.credit_code == SHARED_CODE
    assert [w.team.name for w in overlap.teams] == ["驻沪工作队", "驻深工作队", "驻杭工作队"]
    assert overlap.first.first_on == date(2026, 11, 1)
    assert overlap.first.name == "华为技术（上海）有限公司"
    assert [w.contract_yuan for w in overlap.teams] == [150_000_000, 300_000_000, 80_000_000]


def _visit_later(team: TeamLaptop, org: object) -> Path:
    from sqlalchemy import select

    from fieldlog.store.models import Member

    with team.db.read() as session:
        member = session.execute(select(Member.id)).scalar_one()
    visits.save_visit(team.db, visits.VisitInput(date(2026, 11, 28), org, [member]))  # type: ignore[arg-type]
    return team.export()


def test_a_package_of_an_unregistered_team_is_refused(
    bureau_db: Database, three_teams: list[TeamLaptop]
) -> None:
    sz, sh, _hz = three_teams
    bureau.register_team(bureau_db, sz.export(full=True), sz.passphrase)
    before = digest(bureau_db)
    package = sh.export(full=True)
    with pytest.raises(PackageError, match=r"has not registered.*bureau register"):
        sync.import_packages(bureau_db, [package])
    assert digest(bureau_db) == before
    assert [t.name for t in bureau.teams(bureau_db)] == ["驻深工作队"]


def test_a_wrong_passphrase_registers_nothing(
    bureau_db: Database, three_teams: list[TeamLaptop]
) -> None:
    sz = three_teams[0]
    before = digest(bureau_db)
    with pytest.raises(PackageError):
        bureau.register_team(bureau_db, sz.export(full=True), "not the passphrase")
    assert bureau.teams(bureau_db) == []
    assert digest(bureau_db) == before


def test_a_bureau_sends_no_package(
    bureau_db: Database, three_teams: list[TeamLaptop], tmp_path: Path
) -> None:
    sz = three_teams[0]
    bureau.register_team(bureau_db, sz.export(full=True), sz.passphrase)
    with pytest.raises(InvalidInput, match="bureau database"):
        sync.export_package(bureau_db, tmp_path / "out.fieldsync", passphrase="whatever 123")
    assert not (tmp_path / "out.fieldsync").exists()


def test_a_team_database_cannot_become_a_bureau(three_teams: list[TeamLaptop]) -> None:
    sz = three_teams[0]
    before = digest(sz.db)
    with pytest.raises(InvalidInput, match="belongs to team"):
        bureau.init_bureau(sz.db, "铜仁市投资促进局")
    assert digest(sz.db) == before
    with pytest.raises(InvalidInput, match="not a bureau"):
        figures.total_figures(sz.db, ALL_TIME)


def _values(sheet: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_the_consolidated_return_holds_each_teams_own_return(
    bureau_db: Database, three_teams: list[TeamLaptop], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from fieldlog.domain.period import IsoWeek
    from fieldlog.services.bureau.consolidated import OVERVIEW_SHEET, export_bureau
    from fieldlog.services.reports.weekly import export_weekly

    for team in three_teams:
        bureau.register_team(bureau_db, team.export(full=True), team.passphrase)
    week, today = IsoWeek(2026, 48), date(2026, 11, 30)
    path = export_bureau(bureau_db, week, out=tmp_path / "bureau.xlsx", today=today)
    book = load_workbook(path)
    names = [t.name for t in bureau.teams(bureau_db)]
    assert book.sheetnames[0] == OVERVIEW_SHEET
    assert len(book.sheetnames) == 1 + 4 * len(names)
    rows = _values(book[OVERVIEW_SHEET])
    assert [r[0] for r in rows[1:]] == [*names, figures.TOTAL_LABEL_ZH]
    for team in three_teams:
        own = load_workbook(
            export_weekly(team.db, week, out=tmp_path / f"{team.name}.xlsx", today=today)
        )
        prefix = next(
            n for n in book.sheetnames if n.startswith(team.name[:4]) and n.endswith("汇总")
        )
        start = prefix[: -len("汇总")]
        for sheet in own.sheetnames:
            assert _values(book[start + sheet]) == _values(own[sheet]), (team.name, sheet)


def test_the_bureaus_lead_decision_reaches_each_team_concerned(
    bureau_db: Database, three_teams: list[TeamLaptop], tmp_path: Path
) -> None:
    from fieldlog.services.bureau import leads

    for team in three_teams:
        bureau.register_team(bureau_db, team.export(full=True), team.passphrase)
    with pytest.raises(InvalidInput, match="does not work with"):
        leads.decide_lead(bureau_db, SHARED_CODE, "驻京工作队")
    leads.decide_lead(
        bureau_db, SHARED_CODE, "驻深工作队", note="由驻深工作队牵头对接", today=date(2026, 12, 1)
    )
    [overlap] = overlaps.overlaps(bureau_db)
    assert overlap.lead == "驻深工作队"
    sz, sh, hz = three_teams
    sent = {}
    for team in three_teams:
        entry = bureau.find_team(bureau_db, team.name)
        sent[team.name], count = leads.send_decisions(
            bureau_db, entry, tmp_path / f"to-{team.name}.fieldsync"
        )
        assert count == 1
    # A team's package holds only the decision on its own record.
    sync.import_packages(sz.db, [sent["驻深工作队"]])
    [decision] = leads.received_decisions(sz.db)
    assert (decision.enterprise, decision.lead_team, decision.first_team) == (
        "华为技术有限公司",
        "驻深工作队",
        "驻沪工作队",
    )
    assert decision.note == "由驻深工作队牵头对接"
    sync.import_packages(sh.db, [sent["驻沪工作队"]])
    assert [d.lead_team for d in leads.received_decisions(sh.db)] == ["驻深工作队"]
    # Another team's package is refused, changing nothing.
    before = digest(hz.db)
    with pytest.raises(PackageError, match=r"passphrase|another team"):
        sync.import_packages(hz.db, [sent["驻沪工作队"]])
    assert digest(hz.db) == before
    # Sent once: a second send carries nothing new; the decision comes back with the team's work.
    _path, again = leads.send_decisions(
        bureau_db, bureau.find_team(bureau_db, sz.name), tmp_path / "again.fieldsync"
    )
    assert again == 0
    sync.import_packages(bureau_db, [sz.export()])
    assert overlaps.overlaps(bureau_db)[0].lead == "驻深工作队"


def _visit_new_org(team: TeamLaptop, name: str, on: date) -> None:
    from sqlalchemy import select

    from fieldlog.store.models import Member

    org = orgs.save_org(team.db, orgs.OrgInput(name)).id
    with team.db.read() as session:
        member = session.execute(select(Member.id)).scalar_one()
    visits.save_visit(team.db, visits.VisitInput(on, org, [member]))


def test_look_alikes_confirmed_by_the_bureau_count_once(
    bureau_db: Database, three_teams: list[TeamLaptop]
) -> None:
    from fieldlog.services.bureau import identity

    sz, sh, hz = three_teams
    _visit_new_org(sz, "比亚迪汽车工业有限公司", date(2026, 11, 12))
    _visit_new_org(hz, "深圳市比亚迪汽车工业有限公司", date(2026, 11, 9))
    _visit_new_org(sh, "上海某某物流有限公司", date(2026, 11, 9))
    for team in three_teams:
        bureau.register_team(bureau_db, team.export(full=True), team.passphrase)
    before = figures.total_figures(bureau_db, ALL_TIME)
    [pair] = identity.candidates(bureau_db)
    assert {pair.first_team, pair.second_team} == {"驻深工作队", "驻杭工作队"}
    assert len(overlaps.overlaps(bureau_db)) == 1  # proposed, not yet the same enterprise

    identity.decide(bureau_db, pair.first_id, pair.second_id, same=True)
    after = figures.total_figures(bureau_db, ALL_TIME)
    assert after.enterprises_visited == before.enterprises_visited - 1
    assert after.visits == before.visits
    found = overlaps.overlaps(bureau_db)
    assert len(found) == 2
    byd = next(o for o in found if o.name == "深圳市比亚迪汽车工业有限公司")
    assert (byd.first.team.name, byd.first.first_on) == ("驻杭工作队", date(2026, 11, 9))
    assert identity.candidates(bureau_db) == []
    # Each team's own figures do not change with the bureau's decision.
    for team in three_teams:
        entry = bureau.find_team(bureau_db, team.name)
        assert figures.team_figures(bureau_db, entry, ALL_TIME) == stats.compute(team.db, ALL_TIME)

    identity.decide(bureau_db, pair.first_id, pair.second_id, same=False)
    assert figures.total_figures(bureau_db, ALL_TIME) == before
    assert identity.candidates(bureau_db) == []  # decided: never proposed again
