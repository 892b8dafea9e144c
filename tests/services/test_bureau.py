"""The bureau scenario (SPEC §9), on SQLite and on PostgreSQL: three teams with one enterprise in
common, their packages received in a shuffled order (one twice); each team's figures equal its
own, the total counts the shared enterprise once, the overlap names who reported it first."""

from __future__ import annotations

import random
import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest

from fieldlog.domain.period import Period
from fieldlog.excel.weekly_return import RETURN_SHEETS
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.bureau import bureau, figures, overlaps
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange import sync
from fieldlog.services.exchange.bureau_receive import team_passphrase
from fieldlog.services.orgs import orgs
from fieldlog.services.reports import stats
from fieldlog.services.team import team as team_service
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.sync.errors import PackageError
from fieldlog.sync.team_check import own_team
from tests.conftest import copy_of, reopen
from tests.services.bureau_teams import SHARED_CODE, TeamLaptop, make_teams
from tests.sync.conftest import FAST_KDF

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
    # The assessment scope: each team's own rules on its own projects (80,000,000 is below the
    # default minimum of 1亿元), added up.
    assert total.assessment.projects_signed == 2
    assert total.assessment.contract_amount_yuan == 450_000_000
    assert total.assessment.funds_in_place_yuan == sum(
        s.assessment.funds_in_place_yuan for s in each
    )

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
    assert len(book.sheetnames) == 1 + len(RETURN_SHEETS) * len(names)
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


# -- several teams registered at once ---------------------------------------------------------


@pytest.fixture
def two_bureaus(any_location: str, tmp_path: Path) -> list[Database]:
    """Two new bureau databases on one engine: one to register teams at once, one one by one."""
    if "://" in any_location:  # a copy of the new, empty server database (nothing connected)
        other = copy_of(any_location, tmp_path, "one-by-one.db")
    else:
        other = str(tmp_path / "one-by-one.db")
    made = [_open(any_location), _open(other)]
    for db in made:
        bureau.init_bureau(db, "铜仁市投资促进局")
    yield made
    for db in made:
        db.close()


def _bureau_state(db: Database) -> tuple[str, list[bureau.TeamEntry], dict[str, str | None]]:
    """What a refusal must leave as it was: the data, the teams and their kept passphrases."""
    known = bureau.teams(db)
    kept = {t.name: team_passphrase(db, t.id) for t in known}
    return digest(db), known, kept


def test_teams_registered_at_once_count_as_registered_one_by_one(
    two_bureaus: list[Database], three_teams: list[TeamLaptop]
) -> None:
    at_once, one_by_one = two_bureaus
    packages = [(t.export(full=True), t.passphrase) for t in three_teams]
    for path, passphrase in packages:
        bureau.register_team(one_by_one, path, passphrase)

    done = bureau.register_teams(at_once, packages)

    assert [(r.team.name, r.new, r.package.file) for r in done] == [
        (t.name, True, str(path)) for t, (path, _p) in zip(three_teams, packages, strict=True)
    ]
    assert len({id(r.imported) for r in done}) == 1  # one import received all three
    assert [p.file for p in done[0].imported.packages] == [str(p) for p, _ in packages]
    assert digest(at_once) == digest(one_by_one)
    assert bureau.teams(at_once) == bureau.teams(one_by_one)
    for team in three_teams:
        entry = bureau.find_team(at_once, team.name)
        assert team_passphrase(at_once, entry.id) == team.passphrase
        for period in (NOVEMBER, ALL_TIME):
            counted = figures.team_figures(at_once, entry, period)
            assert counted == figures.team_figures(one_by_one, entry, period)
            assert counted == stats.compute(team.db, period)
    for period in (NOVEMBER, ALL_TIME):
        assert figures.total_figures(at_once, period) == figures.total_figures(one_by_one, period)
    assert overlaps.overlaps(at_once) == overlaps.overlaps(one_by_one)


def test_two_packages_of_one_team_register_it_once(
    bureau_db: Database, three_teams: list[TeamLaptop]
) -> None:
    sz = three_teams[0]
    first = sz.export(full=True)
    org = orgs.save_org(sz.db, orgs.OrgInput("后来走访企业有限公司")).id
    later = _visit_later(sz, org)
    done = bureau.register_teams(bureau_db, [(first, sz.passphrase), (later, sz.passphrase)])
    assert [(r.team.name, r.new, r.package.skipped) for r in done] == [
        ("驻深工作队", True, False),
        ("驻深工作队", True, False),
    ]
    assert [t.name for t in bureau.teams(bureau_db)] == ["驻深工作队"]
    entry = bureau.find_team(bureau_db, sz.name)
    assert figures.team_figures(bureau_db, entry, ALL_TIME) == stats.compute(sz.db, ALL_TIME)


def _no_team_package(template: Path, folder: Path) -> Path:
    """A package of a laptop that belongs to no team."""
    db = reopen(shutil.copyfile(template, folder / "lone.db"))
    try:
        sync.set_passphrase(db, "lone 口令 2026")
        orgs.save_org(db, orgs.OrgInput("无队企业有限公司"))
        sync.export_package(db, folder / "lone.fieldsync", kdf=FAST_KDF)
    finally:
        db.close()
    return folder / "lone.fieldsync"


@pytest.mark.parametrize("bad", ["wrong passphrase", "no team", "two passphrases"])
def test_a_bad_package_among_several_registers_none(
    bad: str,
    bureau_db: Database,
    three_teams: list[TeamLaptop],
    empty_database_file: Path,
    tmp_path: Path,
) -> None:
    sz, sh, hz = three_teams
    bureau.register_team(bureau_db, sz.export(full=True), sz.passphrase)
    before = _bureau_state(bureau_db)
    given = [(sh.export(full=True), sh.passphrase), (hz.export(full=True), hz.passphrase)]
    if bad == "wrong passphrase":
        given.append((sz.export(full=True), "not the passphrase"))
        said = r"^驻深工作队-2\.fieldsync: wrong team passphrase.*; nothing was registered$"
    elif bad == "no team":
        given.insert(1, (_no_team_package(empty_database_file, tmp_path), "lone 口令 2026"))
        said = r"^lone\.fieldsync was made on a laptop that belongs to no team;"
    else:
        given.append((sh.export(full=True), "another passphrase 2026"))
        said = (
            r"^驻沪工作队-2\.fieldsync comes from the same team as 驻沪工作队-1\.fieldsync but "
            r"was given another passphrase; .*nothing was registered$"
        )
    with pytest.raises((PackageError, InvalidInput), match=said):
        bureau.register_teams(bureau_db, given)
    assert _bureau_state(bureau_db) == before
    for team in (sh, hz):
        assert team_passphrase(bureau_db, _team_id(team)) is None


def _team_id(team: TeamLaptop) -> uuid.UUID:
    with team.db.read() as session:
        found = own_team(session)
    assert found is not None
    return found.id


def _package_missing_a_record(team: TeamLaptop, passphrase: str) -> Path:
    """A later package of `team`, made under a new `passphrase`, that refers to an enterprise
    only an earlier package (never received) carries: its import is refused."""
    _visit_new_org(team, "未收到的企业有限公司", date(2026, 11, 26))
    team.export()  # withheld
    sync.set_passphrase(team.db, passphrase)
    team.passphrase = passphrase
    from sqlalchemy import select

    from fieldlog.store.models import Member, Organization

    with team.db.read() as session:
        member = session.execute(select(Member.id)).scalar_one()
        org = session.execute(
            select(Organization.id).where(Organization.name == "未收到的企业有限公司")
        ).scalar_one()
    visits.save_visit(team.db, visits.VisitInput(date(2026, 11, 27), org, [member]))
    return team.export()


@pytest.fixture(params=["store", "no_store"])
def keeping(request: pytest.FixtureRequest) -> None:
    """A computer with a password store, then one without (the teams' laptops too): made first."""
    request.getfixturevalue(request.param)


def test_a_refused_import_puts_every_registration_and_passphrase_back(
    keeping: None, bureau_db: Database, three_teams: list[TeamLaptop]
) -> None:
    sz, sh, _hz = three_teams
    bureau.register_team(bureau_db, sz.export(full=True), sz.passphrase)
    before = _bureau_state(bureau_db)
    team_service.save_team(
        sz.db, team_service.TeamInput("驻深圳工作队"), _team_id(sz)
    )  # renamed since
    refused = _package_missing_a_record(sz, "驻深 新口令 2027")
    given = [(sh.export(full=True), sh.passphrase), (refused, sz.passphrase)]
    with pytest.raises(PackageError, match="refer to records"):
        bureau.register_teams(bureau_db, given)
    assert _bureau_state(bureau_db) == before  # 驻深's old name and passphrase, no 驻沪
    assert team_passphrase(bureau_db, _team_id(sh)) is None
    with pytest.raises(PackageError, match="refer to records"):  # one package: the same
        bureau.register_team(bureau_db, refused, sz.passphrase)
    assert _bureau_state(bureau_db) == before


def test_the_total_assessment_takes_each_teams_own_rules(
    bureau_db: Database, three_teams: list[TeamLaptop]
) -> None:
    from sqlalchemy import select

    from fieldlog.store.models import Team

    lenient = three_teams[2]  # its 80,000,000 project is below the default minimum of 1亿元
    with lenient.db.begin() as session:
        session.execute(select(Team)).scalar_one().assess_min_contract_yuan = 50_000_000
    for team in three_teams:
        bureau.register_team(bureau_db, team.export(full=True), team.passphrase)
    each = [stats.compute(t.db, ALL_TIME).assessment for t in three_teams]
    assert [a.projects_signed for a in each] == [1, 1, 1]
    total = figures.total_figures(bureau_db, ALL_TIME).assessment
    assert total.projects_signed == 3
    assert total.contract_amount_yuan == 530_000_000
    entry = bureau.find_team(bureau_db, lenient.name)
    assert figures.team_figures(bureau_db, entry, ALL_TIME).assessment == each[2]
