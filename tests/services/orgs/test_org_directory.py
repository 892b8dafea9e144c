"""The organization directory: search, filters, sorting, pages, detail; tombstones hidden."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pytest

from fieldlog.domain.credit_code import make_credit_code
from fieldlog.domain.stages import Stage
from fieldlog.domain.text import pinyin_initials
from fieldlog.services.orgs import org_directory, orgs
from fieldlog.services.orgs.org_directory import OrgFilter, count_orgs, list_orgs, org_detail
from fieldlog.services.projects import projects
from fieldlog.services.projects.projects import Signing
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database

HUAWEI_CODE = make_credit_code("91440300192203821")


@dataclass
class Directory:
    """Ids of a few organizations with visits, tags and chains."""

    huawei: uuid.UUID
    logistics: uuid.UUID
    chamber: uuid.UUID
    member: uuid.UUID
    logistics_chain: uuid.UUID
    tag: uuid.UUID


def _names(rows: list[org_directory.OrgListRow]) -> list[str]:
    return [row.name for row in rows]


@pytest.fixture
def directory(db: Database) -> Directory:
    found = org_directory.choices(db)
    chain = next(cid for cid, name in found.chains if name == "物流")
    tag = next(tid for tid, name in found.tags if name == "世界500强")
    huawei = orgs.save_org(
        db,
        orgs.OrgInput("深圳市华为技术有限公司", credit_code=HUAWEI_CODE, tags=["世界500强"]),
    ).id
    logistics = orgs.save_org(
        db, orgs.OrgInput("深圳市德润物流有限公司", chain_id=chain, is_target=True)
    ).id
    chamber = orgs.save_org(db, orgs.OrgInput("深圳市铜仁商会", kind="商协会")).id
    member = team.save_member(db, team.MemberInput("李娜"))
    for day in (date(2020, 4, 1), date(2020, 4, 8)):
        visits.save_visit(db, visits.VisitInput(day, logistics, [member], summary="洽谈仓储"))
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 3), huawei, [member]))
    return Directory(huawei, logistics, chamber, member, chain, tag)


def test_search_by_fragment_initials_and_code(db: Database, directory: Directory) -> None:
    assert _names(list_orgs(db, OrgFilter("华为"))) == ["深圳市华为技术有限公司"]
    assert _names(list_orgs(db, OrgFilter("drwl"))) == ["深圳市德润物流有限公司"]
    assert _names(list_orgs(db, OrgFilter(HUAWEI_CODE[:6].lower()))) == ["深圳市华为技术有限公司"]
    assert count_orgs(db, OrgFilter("深圳")) == 3
    assert list_orgs(db, OrgFilter("不存在")) == []


def test_each_filter(db: Database, directory: Directory) -> None:
    assert _names(list_orgs(db, OrgFilter(kind="association"))) == ["深圳市铜仁商会"]
    assert _names(list_orgs(db, OrgFilter(tag_id=directory.tag))) == ["深圳市华为技术有限公司"]
    by_chain = OrgFilter(chain_id=directory.logistics_chain)
    assert _names(list_orgs(db, by_chain)) == ["深圳市德润物流有限公司"]
    assert _names(list_orgs(db, OrgFilter(is_target=True))) == ["深圳市德润物流有限公司"]
    assert count_orgs(db, OrgFilter(is_target=False)) == 2
    assert count_orgs(db, OrgFilter("深圳", kind="enterprise", is_target=False)) == 1


def test_rows_carry_tags_visits_and_the_last_visit(db: Database, directory: Directory) -> None:
    rows = {row.id: row for row in list_orgs(db, OrgFilter())}
    assert rows[directory.huawei].tags == ("世界500强",)
    assert rows[directory.logistics].chain == "物流"
    assert (rows[directory.logistics].visits, rows[directory.logistics].last_visit) == (
        2,
        date(2020, 4, 8),
    )
    assert (rows[directory.chamber].visits, rows[directory.chamber].last_visit) == (0, None)


def test_sorting(db: Database, directory: Directory) -> None:
    most_visited = list_orgs(db, OrgFilter(), sort="visits", descending=True)
    assert _names(most_visited)[:2] == ["深圳市德润物流有限公司", "深圳市华为技术有限公司"]
    # Blanks come last whichever the direction.
    for descending in (False, True):
        rows = list_orgs(db, OrgFilter(), sort="last_visit", descending=descending)
        assert rows[-1].id == directory.chamber
        rows = list_orgs(db, OrgFilter(), sort="credit_code", descending=descending)
        assert rows[0].id == directory.huawei
    by_name = list_orgs(db, OrgFilter(), sort="name")
    assert _names(by_name) == sorted(_names(by_name), key=lambda n: (pinyin_initials(n), n))
    with pytest.raises(ValueError, match="cannot sort"):
        list_orgs(db, OrgFilter(), sort="nonsense")


@pytest.mark.parametrize("sort", org_directory.SORT_KEYS)
def test_pages_are_complete_and_stable(db: Database, sort: str) -> None:
    for n in range(23):
        orgs.save_org(db, orgs.OrgInput(f"测试企业{n % 5}号", region=f"区{n % 3}"))
    everything = list_orgs(db, OrgFilter(), sort=sort, limit=1000)
    pages = [
        row
        for offset in range(0, 30, 7)
        for row in list_orgs(db, OrgFilter(), sort=sort, offset=offset, limit=7)
    ]
    assert [r.id for r in pages] == [r.id for r in everything]
    assert len({r.id for r in pages}) == 23 == count_orgs(db, OrgFilter())
    assert list_orgs(db, OrgFilter(), sort=sort, limit=1000) == everything


def test_tombstones_are_hidden(db: Database, directory: Directory) -> None:
    orgs.delete_org(db, directory.chamber)
    assert directory.chamber not in {r.id for r in list_orgs(db, OrgFilter())}
    assert count_orgs(db, OrgFilter()) == 2
    assert org_detail(db, directory.chamber) is None
    history = org_detail(db, directory.logistics)
    assert history is not None
    visits.delete_visit(db, history.visits[0].id)
    row = next(r for r in list_orgs(db, OrgFilter()) if r.id == directory.logistics)
    assert (row.visits, row.last_visit) == (1, date(2020, 4, 1))


def test_detail_holds_contacts_visits_and_projects(db: Database, directory: Directory) -> None:
    orgs.save_contact(db, directory.logistics, orgs.ContactInput("张伟", "总经理", "13800138000"))
    project = projects.open_project(
        db,
        projects.ProjectInput("德润物流铜仁分拨中心", investor_id=directory.logistics),
        on=date(2020, 4, 2),
    )
    projects.move_stage(
        db,
        project,
        Stage.SIGNED,
        on=date(2020, 4, 9),
        signing=Signing(date(2020, 4, 9), 120_000_000, "正式合同"),
    )
    detail = org_detail(db, directory.logistics)
    assert detail is not None
    assert detail.data.name == "深圳市德润物流有限公司" and detail.data.is_target
    assert detail.chain == "物流"
    assert [c.data.name for c in detail.contacts] == ["张伟"]
    assert [(v.visited_on, v.kind, v.visitors) for v in detail.visits] == [
        (date(2020, 4, 8), "上门走访", ("李娜",)),
        (date(2020, 4, 1), "上门走访", ("李娜",)),
    ]
    assert [(p.name, p.stage, p.contract_yuan) for p in detail.projects] == [
        ("德润物流铜仁分拨中心", "signed", 120_000_000)
    ]


def test_code_holder(db: Database, directory: Directory) -> None:
    assert org_directory.code_holder(db, HUAWEI_CODE.lower()) == (
        directory.huawei,
        "深圳市华为技术有限公司",
    )
    assert org_directory.code_holder(db, make_credit_code("91440300000000001")) is None
