"""The demo dispatch: the reference figures exactly, a believable month, all or nothing."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from fieldlog.domain.counting import stage_at
from fieldlog.domain.credit_code import is_valid_credit_code
from fieldlog.domain.period import weeks_between
from fieldlog.domain.stages import ALL_STAGES, Stage
from fieldlog.services.admin.demo import (
    DEMO_AS_OF,
    DEMO_PERIOD,
    DemoRefused,
    demo_refusal,
    load_demo,
    visits_plan,
)
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs.orgs import OrgInput, delete_org, save_org
from fieldlog.services.reports import stats
from fieldlog.services.team.team import MemberInput, TeamInput, save_member, save_team
from fieldlog.services.visits.visits import VisitInput, save_visit
from fieldlog.store.database import Database
from fieldlog.store.models import (
    CatalogItem,
    Contact,
    FundsTranche,
    Member,
    Organization,
    OrgTag,
    Project,
    StageEvent,
    Target,
    Team,
    Visit,
    WorkGroup,
)
from fieldlog.store.repositories.facts import project_facts
from tests.conftest import new_database, new_location, reopen

pytestmark = pytest.mark.slow

EARLIEST, LATEST = date(2020, 3, 20), date(2020, 5, 31)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory):
    """One folder for the module's databases (tests/conftest.py redirects the user folders)."""
    return tmp_path_factory.mktemp("demo")


def _fresh(folders, name: str) -> Database:
    return open_workspace(new_database(folders, f"{name}.db"))


@pytest.fixture(scope="module")
def loaded(folders):
    db = _fresh(folders, "demo")
    summary = load_demo(db)
    yield db, summary
    db.close()


@pytest.fixture(scope="module")
def demo_db(loaded) -> Database:
    """The database holding the demo, loaded once for the module (a load takes seconds)."""
    return loaded[0]


def _rows(db: Database, query) -> list:
    with db.read() as session:
        return list(session.execute(query).all())


def test_the_reference_figures_exactly(demo_db):
    figures = stats.compute(demo_db, DEMO_PERIOD)
    assert figures.enterprises_visited == 346
    assert figures.associations_visited == 40
    assert figures.projects_signed == 22
    assert figures.contract_amount_yuan == 2_914_000_000
    assert figures.funds_in_place_yuan == 438_900_000
    assert figures.inspections > 0
    assert figures.visits > 346 + 40  # revisits, parks, intermediaries, government bodies


def test_summary_counts_what_was_stored(loaded):
    db, summary = loaded
    assert (summary.members, summary.groups) == (24, 12)
    for model, expected in (
        (Organization, summary.organizations),
        (Visit, summary.visits),
        (Project, summary.projects),
        (FundsTranche, summary.tranches),
    ):
        assert _rows(db, select(func.count()).select_from(model))[0][0] == expected


def test_weekly_figures_add_up_to_the_dispatch(demo_db):
    total = stats.compute(demo_db, DEMO_PERIOD)
    weekly = [stats.compute(demo_db, week.period) for week in weeks_between(DEMO_PERIOD)]
    assert sum(w.visits for w in weekly) == total.visits
    assert sum(w.funds_in_place_yuan for w in weekly) == total.funds_in_place_yuan
    assert sum(w.projects_signed for w in weekly) == total.projects_signed
    # Distinct per week: an enterprise visited in two weeks counts in both weeks, once overall.
    assert sum(w.enterprises_visited for w in weekly) > total.enterprises_visited
    assert sum(w.associations_visited for w in weekly) >= total.associations_visited


def test_revisits(demo_db):
    per_org = Counter(org for (org,) in _rows(demo_db, select(Visit.org_id)))
    assert max(per_org.values()) == 4
    assert sum(1 for n in per_org.values() if n > 1) >= 50


def test_every_stage_is_present_at_the_end_of_the_dispatch(demo_db):
    with demo_db.read() as session:
        facts = project_facts(session)
    stages = Counter(stage_at(p, DEMO_AS_OF) for p in facts)
    assert set(stages) == set(ALL_STAGES)
    # Signed projects that moved on to registered/started/producing still count as signed.
    signed_or_later = (Stage.SIGNED, Stage.REGISTERED, Stage.STARTED, Stage.PRODUCING)
    assert sum(stages[s] for s in signed_or_later) == 22


def test_the_team(demo_db):
    members = _rows(
        demo_db,
        select(Member.role, Member.from_promotion_system, Member.group_id, Member.county_id),
    )
    assert len(members) == 24
    assert sum(1 for m in members if m.from_promotion_system) == 19
    assert Counter(m.role for m in members)["team_leader"] == 1
    assert len({m.county_id for m in members}) == 12
    groups = _rows(demo_db, select(WorkGroup.id, WorkGroup.name, WorkGroup.chain_id))
    assert len(groups) == 12 and all(g.chain_id for g in groups)
    assert "家具灯饰产业招商组" in {g.name for g in groups}
    by_group = Counter(m.group_id for m in members)
    assert set(by_group.values()) == {2}
    leaders = Counter(m.group_id for m in members if m.role == "group_leader")
    assert set(leaders) == {g.id for g in groups} and set(leaders.values()) == {1}
    units = {u for (u,) in _rows(demo_db, select(Member.home_unit))}
    assert "碧江区投资促进局" in units and "万山区工业和信息化局" in units


def test_organizations(demo_db):
    orgs = _rows(demo_db, select(Organization.id, Organization.kind, Organization.credit_code))
    kinds = Counter(o.kind for o in orgs)
    assert {"enterprise", "association", "park", "government", "intermediary"} <= set(kinds)
    codes = [o for o in orgs if o.credit_code]
    assert len(codes) > 0.9 * len(orgs) - kinds["park"]
    assert all(is_valid_credit_code(o.credit_code) for o in codes)
    for kind, head in (("enterprise", "914403"), ("association", "514403")):
        assert all(o.credit_code.startswith(head) for o in codes if o.kind == kind)
    visited = {org for (org,) in _rows(demo_db, select(Visit.org_id))}
    targets = {
        org for (org,) in _rows(demo_db, select(Organization.id).where(Organization.is_target))
    }
    assert targets - visited and targets & visited
    assert _rows(demo_db, select(func.count()).select_from(OrgTag))[0][0] > 20
    contacts = Counter(org for (org,) in _rows(demo_db, select(Contact.org_id)))
    assert all(1 <= contacts[org] <= 2 for org in visited)
    names = {n for (n,) in _rows(demo_db, select(Organization.name))}
    assert {"深圳市贵州商会", "深圳市铜仁商会", "深圳市物流与供应链管理协会"} <= names


def test_dates_stay_around_the_dispatch(demo_db):
    in_period = DEMO_PERIOD.contains
    assert all(in_period(d) for (d,) in _rows(demo_db, select(Visit.visited_on)))
    assert all(in_period(d) for (d,) in _rows(demo_db, select(StageEvent.occurred_on)))
    assert all(in_period(d) for (d,) in _rows(demo_db, select(FundsTranche.received_on)))
    follow_ups = [d for (d,) in _rows(demo_db, select(Visit.next_follow_up)) if d is not None]
    follow_ups += [d for (d,) in _rows(demo_db, select(Project.next_follow_up)) if d is not None]
    assert all(EARLIEST <= d <= LATEST for d in follow_ups)
    assert any(d < DEMO_AS_OF for d in follow_ups) and any(d > DEMO_AS_OF for d in follow_ups)


def test_targets_for_the_team_and_the_groups(demo_db):
    scopes = Counter(scope for (scope,) in _rows(demo_db, select(Target.scope)))
    assert scopes["team"] >= 5 and scopes["group"] >= 12


def test_a_second_load_is_refused_and_changes_nothing(demo_db):
    before = digest(demo_db)
    with pytest.raises(
        DemoRefused,
        match=r"already holds work \(\d+ organizations, 569 visits, 54 projects, 24 members, "
        r"1 team\); load the demo into a new",
    ):
        load_demo(demo_db)
    assert digest(demo_db) == before
    assert issubclass(DemoRefused, InvalidInput)


def test_a_database_with_a_visit_is_refused(db, small):
    save_visit(db, VisitInput(date(2020, 3, 2), small.org, [small.alice]))
    before = digest(db)
    with pytest.raises(
        DemoRefused, match=r"already holds work \(2 organizations, 1 visit, 2 members, 1 team\)"
    ):
        load_demo(db)
    assert digest(db) == before


def test_a_database_with_a_team_but_no_visits_is_refused(db):
    save_team(db, TeamInput("自建工作队"))
    before = digest(db)
    with pytest.raises(DemoRefused, match=r"already holds work \(1 team\)"):
        load_demo(db)
    assert digest(db) == before


def test_a_failed_load_leaves_the_database_empty(db, monkeypatch):
    empty = digest(db)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(visits_plan, "save_visit", broken)  # visits come after everything else
    with pytest.raises(RuntimeError):
        load_demo(db)
    assert digest(db) == empty


def _content(db: Database) -> dict[str, list]:
    """What the demo holds, without ids and timestamps."""
    visits = (
        select(Visit.visited_on, Organization.name, CatalogItem.name, Visit.summary, Visit.intent)
        .join(Organization, Organization.id == Visit.org_id)
        .join(CatalogItem, CatalogItem.id == Visit.kind_id)
    )
    projects = select(Project.name, Project.planned_yuan, Project.contract_yuan, Project.signed_on)
    events = select(Project.name, StageEvent.stage, StageEvent.occurred_on).join(
        Project, Project.id == StageEvent.project_id
    )
    people = select(Member.name, Member.role, Member.home_unit, Member.phone)
    orgs = select(Organization.name, Organization.credit_code, Organization.address)
    return {
        name: sorted((tuple(row) for row in _rows(db, query)), key=repr)
        for name, query in (
            ("visits", visits),
            ("projects", projects),
            ("events", events),
            ("people", people),
            ("orgs", orgs),
        )
    }


@pytest.fixture(scope="module")
def again(folders, demo_database_file):
    """A second database with the demo loaded: the run's own load (tests/conftest.py loads it
    into a new database with the default catalogs, as `fieldlog demo` does), not this module's."""
    other = reopen(new_location(demo_database_file, folders, "again.db"))
    yield other
    other.close()


def test_two_loads_hold_the_same_content(again, demo_db):
    assert _content(again) == _content(demo_db)


def test_two_loads_are_two_teams(again, demo_db):
    """The team id is fresh per load, so sync tells two demo databases apart (SPEC §6)."""
    [[first]], [[second]] = (_rows(db, select(Team.id)) for db in (demo_db, again))
    assert first != second


def test_a_database_with_imported_organizations_only_is_refused(db):
    for name in ("深圳市德润物流有限公司", "深圳市铜仁商会"):
        save_org(db, OrgInput(name))
    before = digest(db)
    with pytest.raises(
        DemoRefused, match=r"^this database already holds work \(2 organizations\);"
    ):
        load_demo(db)
    assert digest(db) == before
    assert demo_refusal(db) == (
        "this database already holds work (2 organizations); "
        "load the demo into a new, empty database"
    )


def test_a_database_with_a_member_only_is_refused(db):
    save_member(db, MemberInput("李娜"))
    before = digest(db)
    with pytest.raises(DemoRefused, match=r"already holds work \(1 member\);"):
        load_demo(db)
    assert digest(db) == before


def test_a_deleted_organization_does_not_count(db):
    org = save_org(db, OrgInput("深圳市德润物流有限公司")).id
    delete_org(db, org)
    assert demo_refusal(db) is None
