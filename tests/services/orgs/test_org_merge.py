"""Merging two records of one organization; the reversible changes behind undo."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from fieldlog.domain.credit_code import make_credit_code
from fieldlog.domain.period import Period
from fieldlog.services.admin import maintenance
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import org_directory, orgs
from fieldlog.services.orgs.org_edits import ContactEdit, OrgEdit, restore_org
from fieldlog.services.orgs.org_merge import merge_orgs, merge_preview
from fieldlog.services.projects import projects
from fieldlog.services.reports import stats
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import OrgAlias, Organization, Project
from tests.records import fetch

CODE = make_credit_code("91440300192203821")
OTHER_CODE = make_credit_code("91440300192203822")
DISPATCH = Period(date(2020, 3, 23), date(2020, 4, 22))


@pytest.fixture
def member(db: Database) -> uuid.UUID:
    return team.save_member(db, team.MemberInput("李娜"))


def _visit(db: Database, org: uuid.UUID, member: uuid.UUID, day: int = 1) -> uuid.UUID:
    return visits.save_visit(db, visits.VisitInput(date(2020, 4, day), org, [member]))


def _pair(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    keep = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", tags=["专精特新"])).id
    merge = orgs.save_org(
        db,
        orgs.OrgInput(
            "德润物流（深圳）",
            credit_code=CODE,
            region="深圳市宝安区",
            phone="0755-12345678",
            is_target=True,
            tags=["世界500强", "专精特新"],
        ),
    ).id
    return keep, merge


def test_everything_follows_the_kept_record(db: Database, member: uuid.UUID) -> None:
    keep, merge = _pair(db)
    visit = _visit(db, merge, member)
    contact = orgs.save_contact(db, merge, orgs.ContactInput("张伟", "总经理"))
    project = projects.open_project(
        db, projects.ProjectInput("分拨中心", investor_id=merge), on=date(2020, 4, 2)
    )
    assert merge_preview(db, keep, merge).counts.visits == 1

    counts = merge_orgs(db, keep, merge)

    assert (counts.visits, counts.projects, counts.contacts, counts.tags) == (1, 1, 1, 2)
    assert fetch(db, Project, project).investor_id == keep
    detail = org_directory.org_detail(db, keep)
    assert detail is not None
    assert [v.id for v in detail.visits] == [visit]
    assert [c.id for c in detail.contacts] == [contact]
    assert [p.id for p in detail.projects] == [project]
    data = detail.data
    assert (data.name, data.credit_code, data.region, data.phone, data.is_target) == (
        "深圳市德润物流有限公司",
        CODE,
        "深圳市宝安区",
        "0755-12345678",
        True,
    )
    assert data.tags == ["世界500强", "专精特新"]
    assert fetch(db, Organization, merge).deleted
    with db.read() as session:
        aliases = session.execute(select(OrgAlias.alias_id, OrgAlias.org_id)).all()
    assert aliases == [(merge, keep)]
    assert org_directory.count_orgs(db, org_directory.OrgFilter()) == 1


def test_the_pair_counts_as_one_organization(db: Database, member: uuid.UUID) -> None:
    keep, merge = _pair(db)
    _visit(db, keep, member, 1)
    _visit(db, merge, member, 8)
    before = stats.compute(db, DISPATCH)
    merge_orgs(db, keep, merge)
    after = stats.compute(db, DISPATCH)
    assert after.enterprises_visited == before.enterprises_visited - 1 == 1
    assert after.visits == before.visits == 2


def test_earlier_aliases_point_at_the_kept_record(db: Database) -> None:
    first = orgs.save_org(db, orgs.OrgInput("甲公司")).id
    second = orgs.save_org(db, orgs.OrgInput("甲公司深圳")).id
    third = orgs.save_org(db, orgs.OrgInput("甲公司（深圳）")).id
    merge_orgs(db, second, third)
    merge_orgs(db, first, second)
    with db.read() as session:
        aliases = set(session.execute(select(OrgAlias.alias_id, OrgAlias.org_id)).all())
    assert aliases == {(third, first), (second, first)}


def test_refusals_change_nothing(db: Database, member: uuid.UUID) -> None:
    keep, merge = _pair(db)
    other = orgs.save_org(db, orgs.OrgInput("另一家公司", credit_code=OTHER_CODE)).id
    gone = orgs.save_org(db, orgs.OrgInput("已删除公司")).id
    orgs.delete_org(db, gone)
    _visit(db, merge, member)
    digest = maintenance.digest(db)
    refusals = [
        ((keep, keep), "cannot be merged with itself"),
        ((keep, gone), "has been deleted"),
        ((gone, keep), "has been deleted"),
        ((merge, other), "different credit codes"),
    ]
    for (first, second), message in refusals:
        with pytest.raises(InvalidInput, match=message):
            merge_orgs(db, first, second)
        assert message in (merge_preview(db, first, second).problem or "")
    assert maintenance.digest(db) == digest


def test_restore_undoes_a_delete_but_not_a_merge(db: Database) -> None:
    keep, merge = _pair(db)
    orgs.delete_org(db, keep)
    restore_org(db, keep)
    assert not fetch(db, Organization, keep).deleted
    merge_orgs(db, keep, merge)
    with pytest.raises(InvalidInput, match="was merged"):
        restore_org(db, merge)


def test_a_new_organization_with_contacts_is_undone_and_redone(db: Database) -> None:
    edit = OrgEdit(
        orgs.OrgInput("深圳市新企业有限公司", credit_code=CODE),
        contacts=[ContactEdit(orgs.ContactInput("王芳", "董事长"))],
    )
    org_id = edit.apply(db)
    every = org_directory.OrgFilter()
    assert org_directory.count_orgs(db, every) == 1
    edit.revert(db)
    assert org_directory.count_orgs(db, every) == 0
    assert org_directory.code_holder(db, CODE) is None
    assert edit.apply(db) == org_id
    detail = org_directory.org_detail(db, org_id)
    assert detail is not None and [c.data.name for c in detail.contacts] == ["王芳"]


def test_an_edit_is_reverted_field_by_field(db: Database) -> None:
    keep, _merge = _pair(db)
    before = org_directory.org_detail(db, keep)
    assert before is not None
    contact = orgs.save_contact(db, keep, orgs.ContactInput("张伟"))
    after = orgs.OrgInput("深圳市德润物流股份有限公司", region="深圳市南山区", tags=["央企"])
    edit = OrgEdit(
        after,
        before.data,
        keep,
        [ContactEdit(orgs.ContactInput("张伟", "总经理"), orgs.ContactInput("张伟"), contact)],
    )
    edit.apply(db)
    changed = org_directory.org_detail(db, keep)
    assert changed is not None and changed.data.tags == ["央企"]
    assert changed.contacts[0].data.title == "总经理"
    edit.revert(db)
    restored = org_directory.org_detail(db, keep)
    assert restored is not None and restored.data == before.data
    assert restored.contacts[0].data.title == ""


def test_a_refused_edit_changes_nothing(db: Database) -> None:
    _pair(db)
    digest = maintenance.digest(db)
    edit = OrgEdit(
        orgs.OrgInput("深圳市德润物流有限公司"),
        contacts=[ContactEdit(orgs.ContactInput(""))],
    )
    with pytest.raises(InvalidInput, match="contact name is required"):
        edit.apply(db)
    assert edit.org_id is None
    assert maintenance.digest(db) == digest
    taken = OrgEdit(orgs.OrgInput("重复企业", credit_code=CODE))
    with pytest.raises(InvalidInput, match="already on file"):
        taken.apply(db)
    assert maintenance.digest(db) == digest
