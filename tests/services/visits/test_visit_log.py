"""The visit log's pages: filters, search, sorts and stable paging, all in the database."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pytest

from fieldlog.domain.period import Period
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visit_log, visits
from fieldlog.services.visits.visit_log import VisitFilter, VisitSort
from fieldlog.store.database import Database
from tests.services.conftest import Small

HUAWEI_CODE = "91350100M000100Y43"


@dataclass
class Log:
    """Ids of the visits of a small log."""

    small: Small
    carol: uuid.UUID
    group2: uuid.UUID
    logistics: uuid.UUID
    chamber: uuid.UUID
    huawei: uuid.UUID
    deleted: uuid.UUID
    of_deleted_org: uuid.UUID


@pytest.fixture
def log(db: Database, small: Small) -> Log:
    group2 = team.save_group(db, "智能终端组", team_id=small.team)
    carol = team.save_member(db, team.MemberInput("张敏", group_id=group2), team_id=small.team)
    huawei = orgs.save_org(db, orgs.OrgInput("华为技术有限公司", credit_code=HUAWEI_CODE)).id
    gone = orgs.save_org(db, orgs.OrgInput("深圳市消失物流有限公司")).id

    def visit(day: str, org: uuid.UUID, who: list[uuid.UUID], **more: object) -> uuid.UUID:
        data = visits.VisitInput(date.fromisoformat(day), org, who, **more)  # type: ignore[arg-type]
        return visits.save_visit(db, data)

    ids = Log(
        small,
        carol,
        group2,
        logistics=visit(
            "2020-04-01",
            small.org,
            [small.alice],
            summary="洽谈物流园项目\n第二行不显示",
            intent="强",
            next_follow_up=date(2020, 4, 10),
        ),
        chamber=visit("2020-04-05", small.association, [small.bob], kind="座谈会", intent="弱"),
        huawei=visit("2020-03-20", huawei, [carol], kind="电话联系", summary="介绍营商环境"),
        deleted=visit("2020-04-05", small.org, [small.alice, small.bob]),
        of_deleted_org=visit("2020-04-02", gone, [small.alice]),
    )
    visits.delete_visit(db, ids.deleted)
    orgs.delete_org(db, gone)
    return ids


def ids_of(
    db: Database, wanted: VisitFilter, sort: VisitSort = visit_log.NEWEST_FIRST
) -> list[uuid.UUID]:
    return [row.id for row in visit_log.visit_page(db, wanted, sort, 0, 100)]


def test_newest_first_without_tombstones(db: Database, log: Log) -> None:
    assert ids_of(db, VisitFilter()) == [log.chamber, log.logistics, log.huawei]
    assert visit_log.count_matching_visits(db, VisitFilter()) == 3


def test_a_row_carries_names_and_the_first_line(db: Database, log: Log) -> None:
    row = visit_log.visit_page(db, VisitFilter(text="物流园"), VisitSort(), 0, 10)[0]
    assert (row.org_name, row.org_kind, row.kind_name) == (
        "深圳市德润物流有限公司",
        "enterprise",
        "上门走访",
    )
    assert (row.visitors, row.intent, row.next_follow_up) == ("李娜", "strong", date(2020, 4, 10))
    assert row.summary == "洽谈物流园项目"
    assert row.full_summary == "洽谈物流园项目\n第二行不显示"


def test_visitors_are_joined(db: Database, small: Small) -> None:
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), small.org, [small.bob, small.alice]))
    row = visit_log.visit_page(db, VisitFilter(), VisitSort(), 0, 10)[0]
    assert sorted(row.visitors.split("、")) == ["李娜", "王强"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("物流", ["logistics"]),  # Chinese fragment of a name (the deleted organization is hidden)
        ("营商环境", ["huawei"]),  # fragment of a summary
        ("szs", ["chamber", "logistics"]),  # pinyin initials
        ("HWJS", ["huawei"]),  # initials in upper case
        ("9135", ["huawei"]),  # credit-code prefix
        ("91350100m0", ["huawei"]),  # lower-case code prefix
        ("100Y43", []),  # a code matches by its prefix only
        ("%", []),  # LIKE wildcards are plain text
        ("  ", ["chamber", "logistics", "huawei"]),
    ],
)
def test_search(db: Database, log: Log, text: str, expected: list[str]) -> None:
    wanted = VisitFilter(text=text)
    assert ids_of(db, wanted) == [getattr(log, name) for name in expected]
    assert visit_log.count_matching_visits(db, wanted) == len(expected)


def test_member_and_group_filters(db: Database, log: Log) -> None:
    assert ids_of(db, VisitFilter(member_id=log.small.alice)) == [log.logistics]
    assert ids_of(db, VisitFilter(member_id=log.carol)) == [log.huawei]
    assert ids_of(db, VisitFilter(group_id=log.small.group)) == [log.chamber, log.logistics]
    assert ids_of(db, VisitFilter(group_id=log.group2)) == [log.huawei]
    both = VisitFilter(member_id=log.small.bob, group_id=log.group2)
    assert visit_log.count_matching_visits(db, both) == 0


def test_period_kind_and_combined_filters(db: Database, log: Log) -> None:
    april = Period(date(2020, 4, 1), date(2020, 4, 30))
    assert ids_of(db, VisitFilter(period=april)) == [log.chamber, log.logistics]
    assert ids_of(db, VisitFilter(period=Period(None, date(2020, 4, 1)))) == [
        log.logistics,
        log.huawei,
    ]
    assert ids_of(db, VisitFilter(org_kind="association")) == [log.chamber]
    combined = VisitFilter(text="szs", period=april, org_kind="enterprise")
    assert ids_of(db, combined) == [log.logistics]


def test_chain_filter(db: Database, small: Small) -> None:
    chain = visit_log.filter_choices(db).chains[0]
    on_chain = visits.save_visit(
        db, visits.VisitInput(date(2020, 4, 1), small.org, [small.alice], chain_id=chain.id)
    )
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 2), small.org, [small.alice]))
    assert ids_of(db, VisitFilter(chain_id=chain.id)) == [on_chain]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (VisitSort("date", descending=False), ["huawei", "logistics", "chamber"]),
        (VisitSort("organization"), ["chamber", "logistics", "huawei"]),  # szstrsh > szsd… > hw…
        (VisitSort("organization", descending=False), ["huawei", "logistics", "chamber"]),
        (VisitSort("kind", descending=False), ["logistics", "huawei", "chamber"]),
        (VisitSort("intent", descending=False), ["logistics", "chamber", "huawei"]),
        (VisitSort("intent"), ["chamber", "logistics", "huawei"]),  # blank intent stays last
        (VisitSort("follow_up", descending=False), ["logistics", "chamber", "huawei"]),
    ],
)
def test_sorts(db: Database, log: Log, sort: VisitSort, expected: list[str]) -> None:
    assert ids_of(db, VisitFilter(), sort) == [getattr(log, name) for name in expected]


def test_an_unknown_sort_key_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown sort key"):
        VisitSort("colour")


@pytest.mark.parametrize("key", visit_log.SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_are_stable_and_complete(
    db: Database, small: Small, key: str, descending: bool
) -> None:
    # Many ties (same day, kind, organization, intent) so that only the id tells rows apart.
    made = {
        visits.save_visit(
            db, visits.VisitInput(date(2020, 4, 1 + n % 2), small.org, [small.alice], intent="中")
        )
        for n in range(23)
    }
    sort, seen = VisitSort(key, descending), []
    for offset in range(0, 30, 5):
        seen += [row.id for row in visit_log.visit_page(db, VisitFilter(), sort, offset, 5)]
    assert len(seen) == len(set(seen)) == 23 and set(seen) == made


def test_a_page_size_is_checked(db: Database) -> None:
    with pytest.raises(ValueError, match="a page holds"):
        visit_log.visit_page(db, VisitFilter(), VisitSort(), 0, 0)


def test_filter_choices_hide_tombstones(db: Database, log: Log) -> None:
    choices = visit_log.filter_choices(db)
    assert [m.name for m in choices.members] == sorted(["李娜", "王强", "张敏"])
    assert {g.name for g in choices.groups} == {"物流组", "智能终端组"}
    assert len(choices.chains) == 12
