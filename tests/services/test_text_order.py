"""Orders people see are the same on SQLite and on a PostgreSQL server (`--postgres`).

SQLite compares text by its bytes; a server database sorts by the collation it was made with
(the suite's sort as a Chinese bureau's do: pinyin, letters after Chinese, case-blind). Every
list below must come out by code point, as SQLite gives it, on both.
"""

from __future__ import annotations

from fieldlog.services.orgs import org_directory, orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visit_log
from fieldlog.store.database import Database
from fieldlog.store.repositories.org_list import OrgFilter

#: Byte order and a zh-CN collation disagree on every neighbouring pair here.
NAMES = ["铜仁", "Zoe", "安顺", "_x", "bob", "深圳", "Alice", "阿里"]


def test_members_are_listed_by_code_point(db: Database) -> None:
    for name in NAMES:
        team.save_member(db, team.MemberInput(name))
    assert [m.name for m in team.members(db)] == sorted(NAMES)
    choices = visit_log.filter_choices(db).members
    assert [c.name for c in choices] == sorted(NAMES)


def test_organizations_sort_by_region_in_code_point_order_both_ways(db: Database) -> None:
    for n, region in enumerate(NAMES):
        orgs.save_org(db, orgs.OrgInput(f"深圳市测试{n}有限公司", region=region))
    rows = org_directory.list_orgs(db, OrgFilter(), sort="region")
    assert [r.region for r in rows] == sorted(NAMES)
    backwards = org_directory.list_orgs(db, OrgFilter(), sort="region", descending=True)
    assert [r.region for r in backwards] == sorted(NAMES, reverse=True)
    # Pages of two give the same order, each row once.
    pages = [
        row.region
        for offset in range(0, len(NAMES), 2)
        for row in org_directory.list_orgs(db, OrgFilter(), sort="region", offset=offset, limit=2)
    ]
    assert pages == sorted(NAMES)
