"""Type-ahead search over organizations, and the laptop's own member."""

from __future__ import annotations

import uuid

import pytest

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.orgs.org_search import search_orgs
from fieldlog.services.team import identity, team
from fieldlog.store.database import Database


@pytest.fixture
def directory(db: Database) -> Database:
    for name, code, kind in (
        ("深圳市华为技术有限公司", "914403001922038216", "企业"),
        ("华侨城集团有限公司", None, "企业"),
        ("深圳市铜仁商会", None, "商协会"),
        ("深圳市物流与供应链管理协会", None, "商协会"),
    ):
        orgs.save_org(db, orgs.OrgInput(name, kind=kind, credit_code=code))
    orgs.delete_org(db, orgs.save_org(db, orgs.OrgInput("已注销华为代理公司")).id)
    return db


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("华", ["华侨城集团有限公司", "深圳市华为技术有限公司"]),
        ("华为", ["深圳市华为技术有限公司"]),
        ("hw", ["深圳市华为技术有限公司"]),
        ("SZSTR", ["深圳市铜仁商会"]),
        ("914403", ["深圳市华为技术有限公司"]),
        ("物流", ["深圳市物流与供应链管理协会"]),
        ("100%", []),
        ("_", []),
    ],
)
def test_search_by_fragment_initials_and_code(
    directory: Database, fragment: str, expected: list[str]
) -> None:
    assert [hit.name for hit in search_orgs(directory, fragment)] == expected


def test_search_limits_and_kind(directory: Database) -> None:
    assert len(search_orgs(directory, "深圳", limit=2)) == 2
    assert [h.name for h in search_orgs(directory, "深圳", kind="association")] == [
        "深圳市铜仁商会",
        "深圳市物流与供应链管理协会",
    ]


def test_me_is_local_and_checked(db: Database) -> None:
    assert identity.get_me(db) is None
    member = team.save_member(db, team.MemberInput("李娜"))
    before = digest(db)
    identity.set_me(db, member)
    assert identity.get_me(db) == member
    assert digest(db) == before  # local to this laptop: not replicated
    with pytest.raises(InvalidInput, match="does not exist"):
        identity.set_me(db, uuid.uuid4())
