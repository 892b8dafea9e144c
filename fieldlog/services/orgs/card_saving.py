"""Saving a business card (名片) a person has checked: the contact, under a known organization or
a new one, with the card photo attached to the contact, in one transaction.

Nothing is saved by reading a card (`card_reading`): only this call stores, and the window calls
it when the person confirms. Every refusal is one sentence and stores nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from fieldlog.domain.card_fields import CardFields
from fieldlog.domain.company_words import ASSOCIATION_WORDS
from fieldlog.domain.credit_code import is_valid_credit_code, normalize_credit_code
from fieldlog.domain.messages import msg
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.services.attachments.attachments import (
    Owner,
    add_checked,
    delete_attachment,
    read_files,
)
from fieldlog.services.attachments.file_checks import CheckedFile, check_file
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs.org_edits import delete_contact
from fieldlog.services.orgs.orgs import (
    ContactInput,
    OrgInput,
    delete_org,
    find_by_code,
    find_by_name,
    save_contact,
    save_org,
)
from fieldlog.services.validate import checked as parsed
from fieldlog.services.validate import optional_name
from fieldlog.store.database import Database
from fieldlog.store.models import Organization
from fieldlog.store.repositories import attachment_rows
from fieldlog.store.repositories.common import get_live
from fieldlog.store.repositories.org_list import live_contacts


@dataclass(frozen=True)
class NewOrganization:
    """An organization the card's company is, not yet on file: its name and the credit code
    the card showed ("" when none)."""

    name: str
    credit_code: str = ""


@dataclass(frozen=True)
class SavedCard:
    """What saving a card stored: the contact, its organization (made for it or not) and the
    photo's attachment."""

    contact_id: uuid.UUID
    org_id: uuid.UUID
    org_created: bool
    attachment_id: uuid.UUID


def save_card(
    db: Database, photo: Path, fields: CardFields, into: uuid.UUID | NewOrganization
) -> SavedCard:
    """Store the confirmed card as a contact of `into` (a known organization's id, or a new
    organization), with the photo attached to it; all of it or nothing, with one sentence why."""
    db.require_writable()
    name = optional_name(fields.name)
    if not name:
        raise InvalidInput(msg("card.no_name", "Type the person's name before saving the card."))
    checked = _checked_photo(db, photo)
    with db.begin() as session:
        if isinstance(into, NewOrganization):
            org_id = _new_organization(db, session, into)
        else:
            org = parsed(lambda: get_live(session, Organization, into, "organization"))
            _not_saved_before(session, org, checked, photo)
            org_id = org.id
        contact = ContactInput(
            name, fields.title, _phones(fields.mobile, fields.phone), fields.email
        )
        contact_id = save_contact(db, org_id, contact)
        [attachment_id] = add_checked(db, Owner("contact", contact_id), [checked])
    return SavedCard(contact_id, org_id, isinstance(into, NewOrganization), attachment_id)


def unsave_card(db: Database, saved: SavedCard) -> None:
    """Take a saved card back (its undo): the attachment and the contact are deleted, and the
    organization too when the card made it."""
    with db.begin():
        delete_attachment(db, saved.attachment_id)
        delete_contact(db, saved.contact_id)
        if saved.org_created:
            delete_org(db, saved.org_id)


def _checked_photo(db: Database, photo: Path) -> CheckedFile:
    """The photo as it will be attached (a phone's large photo stored at a card's size)."""
    [(name, data)] = read_files([photo], db.path)
    return check_file(name, data, downscale=True)


def _phones(mobile: str, phone: str) -> str:
    """A contact has one phone field: the mobile first, then the landline."""
    return ", ".join(number.strip() for number in (mobile, phone) if number.strip())


def _new_organization(db: Database, session: Session, new: NewOrganization) -> uuid.UUID:
    name = optional_name(new.name)
    if not name:
        raise InvalidInput(
            msg(
                "card.no_company",
                "Type the company's name for the new organization, or choose one on file.",
            )
        )
    code = new.credit_code.strip()
    if code and is_valid_credit_code(code):
        holder = find_by_code(session, normalize_credit_code(code))
        if holder is not None:
            raise InvalidInput(
                msg(
                    "card.code_on_file",
                    "Credit code {code} belongs to {name}, which is on file already: choose it "
                    "instead of a new organization.",
                    code=normalize_credit_code(code),
                    name=holder.name,
                )
            )
    if (holder := find_by_name(session, name)) is not None:
        raise InvalidInput(
            msg(
                "card.name_on_file",
                "{name} is on file already: choose it instead of a new organization.",
                name=holder.name,
            )
        )
    kind = OrgKind.ASSOCIATION if name.endswith(ASSOCIATION_WORDS) else OrgKind.ENTERPRISE
    return save_org(db, OrgInput(name, kind=kind, credit_code=code or None)).id


def _not_saved_before(
    session: Session, org: Organization, checked: CheckedFile, photo: Path
) -> None:
    """Refuse a card whose photo is already attached to a contact of `org` (saved twice)."""
    for contact in live_contacts(session, org.id):
        for row in attachment_rows.listed(session, "contact", contact.id):
            if row.sha256 == checked.sha256:
                raise InvalidInput(
                    msg(
                        "card.saved_before",
                        "{file} was saved already as {contact} of {org}.",
                        file=photo.name,
                        contact=contact.name,
                        org=org.name,
                    )
                )
