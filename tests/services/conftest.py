"""A small team with a group, two members and an organization, for service tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.bureau import bureau
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.store.database import Database
from tests.conftest import reopen


@dataclass
class Small:
    """Ids of the records of the small team."""

    team: uuid.UUID
    group: uuid.UUID
    alice: uuid.UUID
    bob: uuid.UUID
    org: uuid.UUID
    association: uuid.UUID


@pytest.fixture
def small(db: Database) -> Small:
    return make_small(db)


def make_small(db: Database) -> Small:
    """The small team in `db` (for a fixture of a wider scope than `small`)."""
    team_id = team.save_team(
        db,
        team.TeamInput(
            "测试工作队", dispatch_start=date(2020, 3, 23), dispatch_end=date(2020, 4, 22)
        ),
    )
    group = team.save_group(db, "物流组", team_id=team_id)
    alice = team.save_member(
        db, team.MemberInput("李娜", group_id=group, county="碧江区"), team_id=team_id
    )
    bob = team.save_member(
        db, team.MemberInput("王强", group_id=group, county="万山区"), team_id=team_id
    )
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    association = orgs.save_org(db, orgs.OrgInput("深圳市铜仁商会", kind="商协会")).id
    return Small(team_id, group, alice, bob, org, association)


@pytest.fixture
def bureau_db(any_location: str) -> Iterator[Database]:
    """A new bureau database: a file, then a server database (`any_location`)."""
    db = open_workspace(any_location) if "://" in any_location else reopen(any_location)
    bureau.init_bureau(db, "铜仁市投资促进局")
    yield db
    db.close()
