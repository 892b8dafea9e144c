"""The team, groups, members, targets and scoped figures."""

from __future__ import annotations

from datetime import date

import pytest

from fieldlog.domain.period import Period
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.errors import InvalidInput
from fieldlog.services.reports import stats, targets
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import Target
from fieldlog.store.repositories.common import catalog_entry
from fieldlog.store.repositories.facts import Scope
from tests.services.conftest import Small

DISPATCH = Period(date(2020, 3, 23), date(2020, 4, 22))


def test_current_team_is_the_first_one(db: Database, small: Small) -> None:
    current = team.current_team(db)
    assert current is not None
    assert (current.id, current.dispatch_start) == (small.team, date(2020, 3, 23))


def test_bad_team_input_is_refused(db: Database) -> None:
    before = digest(db)
    with pytest.raises(InvalidInput, match="ends before it starts"):
        team.save_team(
            db,
            team.TeamInput("甲队", dispatch_start=date(2020, 4, 1), dispatch_end=date(2020, 3, 1)),
        )
    with pytest.raises(InvalidInput, match="team name is required"):
        team.save_team(db, team.TeamInput(" "))
    with pytest.raises(InvalidInput, match="no county"):
        team.save_member(db, team.MemberInput("张三", county="朝阳区"))
    assert digest(db) == before


def test_targets_replace_and_read_back(db: Database, small: Small) -> None:
    first = targets.set_target(db, "team", small.team, "enterprises_visited", DISPATCH, 300)
    again = targets.set_target(db, "team", small.team, "enterprises_visited", DISPATCH, 320)
    assert first == again
    assert targets.targets_for(db, "team", small.team, DISPATCH) == {"enterprises_visited": 320}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("galaxy", "enterprises_visited", 1), "unknown target scope"),
        (("team", "happiness", 1), "unknown metric"),
        (("team", "visits", -1), "0 or more"),
    ],
)
def test_bad_targets_are_refused(db: Database, small: Small, args: tuple, message: str) -> None:
    scope, metric, value = args
    with pytest.raises(InvalidInput, match=message):
        targets.set_target(db, scope, small.team, metric, DISPATCH, value)


def test_scoped_figures_follow_the_visitors(db: Database, small: Small) -> None:
    other_group = team.save_group(db, "电镀组", team_id=small.team)
    carol = team.save_member(db, team.MemberInput("赵敏", group_id=other_group, county="碧江区"))
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), small.org, [small.alice]))
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 2), small.association, [carol]))
    by_group = stats.compute(db, DISPATCH, Scope("group", small.group))
    by_member = stats.compute(db, DISPATCH, Scope("member", carol))
    with db.read() as session:
        from fieldlog.store.models import Member

        county = session.get(Member, small.alice).county_id  # 碧江区: alice and carol
    by_county = stats.compute(db, DISPATCH, Scope("county", county))
    assert (by_group.enterprises_visited, by_group.associations_visited) == (1, 0)
    assert (by_member.enterprises_visited, by_member.associations_visited) == (0, 1)
    assert by_county.visits == 2


def test_clearing_a_target_tombstones_it_and_setting_it_again_revives_it(
    db: Database, small: Small
) -> None:
    first = targets.set_target(db, "group", small.group, "visits", DISPATCH, 50)
    assert targets.clear_target(db, "group", small.group, "visits", DISPATCH) is True
    assert targets.targets_for(db, "group", small.group, DISPATCH) == {}
    with db.read() as session:
        assert session.get(Target, first).deleted  # a tombstone, not a removed row
    assert targets.clear_target(db, "group", small.group, "visits", DISPATCH) is False
    assert targets.set_target(db, "group", small.group, "visits", DISPATCH, 60) == first
    assert targets.targets_for(db, "group", small.group, DISPATCH) == {"visits": 60}


def test_save_targets_returns_what_undoes_it(db: Database, small: Small) -> None:
    targets.set_target(db, "member", small.alice, "visits", DISPATCH, 10)
    targets.set_target(db, "member", small.alice, "leads_new", DISPATCH, 2)
    start = digest(db)
    before = targets.save_targets(
        db,
        "member",
        small.alice,
        DISPATCH,
        {"visits": 12, "leads_new": None, "projects_signed": 1, "inspections": None},
    )
    assert before == {"visits": 10, "leads_new": 2, "projects_signed": None}
    saved = targets.targets_for(db, "member", small.alice, DISPATCH)
    assert saved == {"visits": 12, "projects_signed": 1}
    targets.save_targets(db, "member", small.alice, DISPATCH, before)
    assert targets.targets_for(db, "member", small.alice, DISPATCH) == {
        "visits": 10,
        "leads_new": 2,
    }
    assert digest(db) != start  # the undo is a change like any other (it syncs)
    unchanged = digest(db)
    assert targets.save_targets(db, "member", small.alice, DISPATCH, {"visits": 10}) == {}
    assert digest(db) == unchanged


def test_county_targets_name_a_county(db: Database, small: Small) -> None:
    scopes = targets.target_scopes(db)
    assert [n.name for n in scopes["team"]] == ["测试工作队"]
    assert [n.name for n in scopes["member"]] == sorted(["李娜", "王强"])
    assert len(scopes["county"]) == 12 and scopes["county"][0].name == "碧江区"
    county = scopes["county"][0].id
    targets.save_targets(db, "county", county, DISPATCH, {"contract_amount_yuan": 500_000_000})
    assert targets.targets_for(db, "county", county, DISPATCH) == {
        "contract_amount_yuan": 500_000_000
    }


@pytest.mark.parametrize(
    ("scope", "period", "values", "message"),
    [
        ("team", DISPATCH, {"visits": 10, "leads_new": -1}, "0 or more"),
        ("team", DISPATCH, {"visits": 10, "leads_new": 1.5}, "whole number"),
        ("team", DISPATCH, {"visits": 10, "happiness": 1}, "unknown metric"),
        ("team", Period(date(2020, 3, 23), None), {"visits": 10}, "target end is required"),
        ("galaxy", DISPATCH, {}, "unknown target scope"),
        ("group", DISPATCH, {"visits": 10}, "does not exist"),
    ],
)
def test_bad_target_sets_change_nothing(
    db: Database, small: Small, scope: str, period: Period, values: dict, message: str
) -> None:
    before = digest(db)
    with pytest.raises(InvalidInput, match=message):
        targets.save_targets(db, scope, small.team, period, values)
    assert digest(db) == before


def test_a_catalog_entry_that_is_no_county_is_refused(db: Database, small: Small) -> None:
    with db.read() as session:
        form = catalog_entry(session, "sign_form", "正式合同").id
    with pytest.raises(InvalidInput, match="not a county"):
        targets.set_target(db, "county", form, "visits", DISPATCH, 1)
