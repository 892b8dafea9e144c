"""First-start set-up: one transaction, clear refusals."""

from __future__ import annotations

from datetime import date

import pytest

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.errors import InvalidInput
from fieldlog.services.team import identity, team
from fieldlog.services.team.setup import NewMember, TeamSetup, set_up_team
from fieldlog.store.database import Database

TEAM = team.TeamInput(
    "铜仁市驻深招商工作队", dispatch_start=date(2026, 3, 1), dispatch_end=date(2026, 5, 31)
)


def test_team_groups_members_and_me(db: Database) -> None:
    members = [
        NewMember("李娜", "碧江区", "物流组", role="team_leader"),
        NewMember("王强", "万山区", "物流组"),
        NewMember("赵敏", "江口县", "电镀组", from_promotion_system=False),
    ]
    set_up_team(db, TeamSetup(TEAM, members, me=1))
    current = team.current_team(db)
    assert current is not None and current.name == TEAM.name
    assert [g.name for g in team.groups(db)] == ["物流组", "电镀组"]
    assert [m.name for m in team.members(db)] == sorted(["李娜", "王强", "赵敏"])
    me = team.member_by_name(db, "王强")
    assert me is not None and identity.get_me(db) == me.id


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (TeamSetup(team.TeamInput("")), "team name is required"),
        (TeamSetup(TEAM, [NewMember("李娜"), NewMember("李娜")]), "same name"),
        (TeamSetup(TEAM, [NewMember("李娜", "北京市")]), "no county"),
        (TeamSetup(TEAM, [NewMember("李娜")], me=3), "which member"),
    ],
)
def test_refusals_store_nothing(db: Database, setup: TeamSetup, message: str) -> None:
    before = digest(db)
    with pytest.raises(InvalidInput, match=message):
        set_up_team(db, setup)
    assert digest(db) == before
