"""The proposal for a card's recognised lines, with the known organization it names; nothing
is stored."""

from __future__ import annotations

import pytest

from fieldlog.domain.credit_code import make_credit_code
from fieldlog.services.orgs import orgs
from fieldlog.services.orgs.card_reading import find_organization, propose
from fieldlog.store.database import Database
from tests.field_dump import db_digest

CODE = make_credit_code("91440300MA5F00001")


@pytest.fixture
def known(db: Database) -> Database:
    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", credit_code=CODE))
    orgs.save_org(db, orgs.OrgInput("深圳市铜仁商会", kind="商协会"))
    return db


def test_the_company_s_exact_name_finds_the_organization_and_its_credit_code(
    known: Database,
) -> None:
    before = db_digest(known)
    proposal = propose(known, ["深圳市德润物流有限公司", "张伟", "总经理", "138 0013 8000"])
    assert proposal.fields.name == "张伟" and proposal.fields.mobile == "13800138000"
    assert proposal.organization is not None
    assert proposal.organization.credit_code == CODE
    assert proposal.organization.matched_by == "name"
    assert db_digest(known) == before


@pytest.mark.parametrize(
    "written", ["德润物流有限公司", "深圳德润物流公司", "德润物流（深圳）有限公司"]
)
def test_a_look_alike_of_the_name_finds_it(known: Database, written: str) -> None:
    found = find_organization(known, written)
    assert found is not None and found.name == "深圳市德润物流有限公司"
    assert found.matched_by == "look_alike"


def test_a_credit_code_printed_on_the_card_wins(known: Database) -> None:
    found = find_organization(known, "另一家公司", [f"统一社会信用代码：{CODE}"])
    assert found is not None and (found.credit_code, found.matched_by) == (CODE, "credit_code")


@pytest.mark.parametrize("company", ["", "深圳市德盛物流有限公司", "上海市铜仁商会"])
def test_an_unknown_or_different_organization_is_not_proposed(
    known: Database, company: str
) -> None:
    assert find_organization(known, company) is None


def test_an_association_is_found_by_its_name(known: Database) -> None:
    proposal = propose(known, ["深圳市铜仁商会", "常务副会长", "司马光明"])
    assert proposal.organization is not None
    assert proposal.organization.name == "深圳市铜仁商会"
    assert (proposal.fields.name, proposal.fields.title) == ("司马光明", "常务副会长")
