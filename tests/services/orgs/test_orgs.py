"""Organizations and contacts: normalizing, one record per credit code, clear refusals."""

from __future__ import annotations

import pytest

from fieldlog.domain.text import name_key
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.store.database import Database
from fieldlog.store.models import Organization, OrgTag
from tests.records import fetch

CODE = "91350100M000100Y43"


def test_names_and_codes_are_normalized(db: Database) -> None:
    saved = orgs.save_org(
        db,
        orgs.OrgInput(
            "  深圳市 华为技术有限公司（总部） ", credit_code="９１３５０１００ｍ０００１００ｙ４３"
        ),
    )
    org = fetch(db, Organization, saved.id)
    assert saved.created
    assert org.name == "深圳市 华为技术有限公司（总部）"
    assert org.credit_code == CODE
    assert org.name_key == name_key("深圳市华为技术有限公司(总部)")


def test_same_valid_code_is_the_same_organization(db: Database) -> None:
    first = orgs.save_org(
        db, orgs.OrgInput("华为技术有限公司", credit_code=CODE, tags=["世界500强"])
    )
    second = orgs.save_org(
        db, orgs.OrgInput("华为技术有限公司", credit_code=CODE.lower(), region="深圳市龙岗区")
    )
    assert second == orgs.Saved(first.id, created=False)
    org = fetch(db, Organization, first.id)
    assert org.region == "深圳市龙岗区"
    with db.read() as session:
        tags = session.query(OrgTag).filter_by(org_id=first.id, deleted=False).count()
    assert tags == 1  # adding through the code keeps the tags already there


def test_update_replaces_tags(db: Database) -> None:
    saved = orgs.save_org(db, orgs.OrgInput("某公司", tags=["上市公司", "专精特新"]))
    orgs.save_org(db, orgs.OrgInput("某公司", tags=["专精特新"]), org_id=saved.id)
    with db.read() as session:
        live = session.query(OrgTag).filter_by(org_id=saved.id, deleted=False).count()
        dead = session.query(OrgTag).filter_by(org_id=saved.id, deleted=True).count()
    assert (live, dead) == (1, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (orgs.OrgInput(""), "organization name is required"),
        (orgs.OrgInput("   "), "organization name is required"),
        (orgs.OrgInput("x" * 10_000_000), "too long"),
        (orgs.OrgInput("甲公司", credit_code="91350100M000100Y4Z"), "not allowed"),
        (orgs.OrgInput("甲公司", credit_code="91350100M000100Y44"), "check character"),
        (orgs.OrgInput("甲公司", credit_code="9135"), "18 characters"),
        (orgs.OrgInput("甲公司", kind="factory"), "unknown organization kind"),
        (orgs.OrgInput("甲公司", tags=["最佳雇主"]), "no org tag"),
    ],
    ids=["empty", "blank", "10MB", "bad-char", "bad-check", "short", "kind", "tag"],
)
def test_bad_input_is_refused_and_nothing_changes(
    db: Database, data: orgs.OrgInput, message: str
) -> None:
    orgs.save_org(db, orgs.OrgInput("已有企业"))
    before = digest(db)
    with pytest.raises(InvalidInput, match=message):
        orgs.save_org(db, data)
    assert digest(db) == before


def test_a_code_held_by_another_organization_is_refused(db: Database) -> None:
    orgs.save_org(db, orgs.OrgInput("甲公司", credit_code=CODE))
    other = orgs.save_org(db, orgs.OrgInput("乙公司"))
    before = digest(db)
    with pytest.raises(InvalidInput, match="already belongs to 甲公司"):
        orgs.save_org(db, orgs.OrgInput("乙公司", credit_code=CODE), org_id=other.id)
    assert digest(db) == before


def test_deleted_organization_is_hidden_and_refuses_contacts(db: Database) -> None:
    saved = orgs.save_org(db, orgs.OrgInput("甲公司", credit_code=CODE))
    orgs.delete_org(db, saved.id)
    assert fetch(db, Organization, saved.id).deleted
    with pytest.raises(InvalidInput, match="does not exist or has been deleted"):
        orgs.save_contact(db, saved.id, orgs.ContactInput("张总"))
    again = orgs.save_org(db, orgs.OrgInput("甲公司", credit_code=CODE))
    assert again.created and again.id != saved.id


def test_contact_phone_from_a_spreadsheet_number(db: Database) -> None:
    org = orgs.save_org(db, orgs.OrgInput("甲公司")).id
    contact_id = orgs.save_contact(
        db,
        org,
        orgs.ContactInput("张总", title="总经理", phone=13800138000.0),  # type: ignore[arg-type]
    )
    with db.read() as session:
        from fieldlog.store.models import Contact

        contact = session.get(Contact, contact_id)
        assert contact is not None
        assert (contact.phone, contact.title) == ("13800138000", "总经理")
