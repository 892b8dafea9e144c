"""Saving a confirmed business card: the contact under a known or a new organization, with the
photo attached, in one transaction; every refusal one sentence with nothing stored."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PIL import Image

from fieldlog.domain.card_fields import CardFields
from fieldlog.domain.credit_code import make_credit_code
from fieldlog.services.attachments.attachments import Owner, attachments_of, file_of
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.orgs.card_saving import NewOrganization, save_card, unsave_card
from fieldlog.store.database import Database
from fieldlog.store.models import Contact, Organization
from tests.field_dump import db_digest

CODE = make_credit_code("91440300MA5F00001")
FIELDS = CardFields(
    name="欧阳明",
    title="招商总监",
    mobile="13800138000",
    phone="0755-86001234",
    email="oym@163.com",
    company="深圳市德润物流有限公司",
)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "名片.png"
    Image.new("RGB", (1050, 600), (240, 240, 230)).save(path)
    return path


@pytest.fixture
def known(db: Database) -> uuid.UUID:
    return orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", credit_code=CODE)).id


def contact(db: Database, contact_id: uuid.UUID) -> Contact:
    with db.read() as session:
        found = session.get(Contact, contact_id)
        assert found is not None
        session.expunge(found)
        return found


def refused(db: Database, pattern: str, *args: object) -> None:
    before = db_digest(db)
    with pytest.raises(InvalidInput, match=pattern) as caught:
        save_card(db, *args)  # type: ignore[arg-type]
    assert str(caught.value).count(".") <= 2  # one sentence (a file name may hold a dot)
    assert db_digest(db) == before


def test_a_card_is_saved_under_a_known_organization_with_its_photo(
    db: Database, known: uuid.UUID, photo: Path
) -> None:
    saved = save_card(db, photo, FIELDS, known)
    assert (saved.org_id, saved.org_created) == (known, False)
    stored = contact(db, saved.contact_id)
    assert (stored.org_id, stored.name, stored.title) == (known, "欧阳明", "招商总监")
    assert (stored.phone, stored.email) == ("13800138000, 0755-86001234", "oym@163.com")
    [attached] = attachments_of(db, Owner("contact", saved.contact_id))
    assert attached.id == saved.attachment_id and attached.name == "名片.png"
    assert file_of(db, attached.id)[1] == photo.read_bytes()


def test_a_card_makes_a_new_organization_with_the_credit_code_it_showed(
    db: Database, photo: Path
) -> None:
    saved = save_card(db, photo, FIELDS, NewOrganization("深圳市德润物流有限公司", CODE))
    assert saved.org_created
    with db.read() as session:
        org = session.get(Organization, saved.org_id)
        assert org is not None
        assert (org.name, org.credit_code, org.kind) == (FIELDS.company, CODE, "enterprise")
    assert contact(db, saved.contact_id).org_id == saved.org_id


def test_an_association_on_a_card_is_made_an_association(db: Database, photo: Path) -> None:
    saved = save_card(db, photo, FIELDS, NewOrganization("深圳市铜仁商会"))
    with db.read() as session:
        org = session.get(Organization, saved.org_id)
        assert org is not None and (org.kind, org.credit_code) == ("association", None)


def test_an_empty_name_is_refused(db: Database, known: uuid.UUID, photo: Path) -> None:
    blank = CardFields(name="  ", mobile="13800138000")
    refused(db, r"^Type the person's name before saving the card\.$", photo, blank, known)


@pytest.mark.parametrize(
    ("content", "pattern"),
    [
        (b"%PDF-1.7\n" + b"x" * 2000, r"^名片\.jpg is named as a JPEG photo but holds a PDF"),
        (b"", r"^名片\.jpg is empty$"),
    ],
)
def test_a_photo_that_cannot_be_attached_refuses_the_whole_save(
    db: Database, tmp_path: Path, content: bytes, pattern: str
) -> None:
    bad = tmp_path / "名片.jpg"
    bad.write_bytes(content)
    refused(db, pattern, bad, FIELDS, NewOrganization("深圳市德润物流有限公司"))


def test_a_damaged_jpeg_refuses_the_whole_save(
    db: Database, known: uuid.UUID, tmp_path: Path
) -> None:
    whole = tmp_path / "whole.jpg"
    Image.new("RGB", (800, 500), (200, 10, 10)).save(whole)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[:400])
    refused(db, r"^cut\.jpg looks like a JPEG photo but cannot be read", cut, FIELDS, known)


def test_the_same_card_is_not_saved_twice_under_one_organization(
    db: Database, known: uuid.UUID, photo: Path, tmp_path: Path
) -> None:
    save_card(db, photo, FIELDS, known)
    again = tmp_path / "again.png"
    again.write_bytes(photo.read_bytes())  # the same photo under another name
    refused(
        db,
        r"^again\.png was saved already as 欧阳明 of 深圳市德润物流有限公司\.$",
        again,
        CardFields(name="欧阳明"),
        known,
    )


def test_the_same_photo_may_be_a_contact_of_another_organization(
    db: Database, known: uuid.UUID, photo: Path
) -> None:
    other = orgs.save_org(db, orgs.OrgInput("深圳市德润物流集团")).id
    save_card(db, photo, FIELDS, known)
    assert save_card(db, photo, FIELDS, other).org_id == other


def test_a_new_organization_already_on_file_is_refused(
    db: Database, known: uuid.UUID, photo: Path
) -> None:
    refused(
        db,
        r"^Credit code .+ belongs to 深圳市德润物流有限公司, which is on file already",
        photo,
        FIELDS,
        NewOrganization("另一家公司", CODE),
    )
    refused(
        db,
        r"^深圳市德润物流有限公司 is on file already: choose it",
        photo,
        FIELDS,
        NewOrganization("深圳市德润物流有限公司"),
    )


def test_a_new_organization_needs_a_name_and_a_valid_code(db: Database, photo: Path) -> None:
    refused(db, r"^Type the company's name for the new organization", photo, FIELDS,
            NewOrganization(" "))  # fmt: skip
    refused(db, r"credit code", photo, FIELDS, NewOrganization("新公司", "91440300MA5F00002"))


def test_an_organization_deleted_meanwhile_is_refused(
    db: Database, known: uuid.UUID, photo: Path
) -> None:
    orgs.delete_org(db, known)
    refused(db, r"organization", photo, FIELDS, known)


def test_a_refusal_after_the_organization_was_made_stores_nothing(
    db: Database, photo: Path
) -> None:
    """The new organization is made before the contact is refused: one transaction undoes it."""
    too_long = CardFields(name="王伟", title="经理" * 300)
    refused(db, r".", photo, too_long, NewOrganization("深圳市鼎盛科技有限公司"))


def test_unsaving_takes_the_card_back_and_it_can_be_saved_again(db: Database, photo: Path) -> None:
    before = db_digest(db)
    saved = save_card(db, photo, FIELDS, NewOrganization("深圳市德润物流有限公司"))
    assert db_digest(db) != before
    unsave_card(db, saved)
    with db.read() as session:
        assert session.get(Contact, saved.contact_id).deleted  # type: ignore[union-attr]
        assert session.get(Organization, saved.org_id).deleted  # type: ignore[union-attr]
    again = save_card(db, photo, FIELDS, NewOrganization("深圳市德润物流有限公司"))
    assert again.contact_id != saved.contact_id
