"""Organizations and their contacts. The same valid credit code always means the same record."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from fieldlog.domain.credit_code import validate_credit_code
from fieldlog.domain.ids import pair_id
from fieldlog.domain.messages import msg
from fieldlog.domain.text import name_key, normalize_phone, pinyin_initials
from fieldlog.domain.vocabulary import OrgKind, code_or_kept
from fieldlog.services.errors import InvalidInput
from fieldlog.services.validate import checked, note, optional_name, required_name, user_errors
from fieldlog.store.database import Database
from fieldlog.store.models import Chain, ChainLink, Contact, Organization, OrgTag
from fieldlog.store.repositories.common import catalog_entry, get_live
from fieldlog.store.repositories.org_rows import org_named, org_with_code, tag_links


@dataclass
class OrgInput:
    """What a person enters for an organization; kind is a code or Chinese label."""

    name: str
    kind: str = OrgKind.ENTERPRISE
    credit_code: str | None = None
    region: str = ""
    address: str = ""
    chain_id: uuid.UUID | None = None
    link_id: uuid.UUID | None = None
    is_target: bool = False
    phone: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Saved:
    """The record a save wrote to, and whether it was new."""

    id: uuid.UUID
    created: bool


def _org_fields(data: OrgInput, kept_kind: str = "") -> dict[str, object]:
    name = required_name(data.name, msg("field.organization_name", "organization name"))
    code = data.credit_code.strip() if data.credit_code else ""
    return {
        "name": name,
        "name_key": name_key(name),
        "name_initials": pinyin_initials(name),
        "kind": checked(lambda: code_or_kept(OrgKind, data.kind, kept_kind)),
        "credit_code": checked(lambda: validate_credit_code(code)) if code else None,
        "region": optional_name(data.region),
        "address": optional_name(data.address),
        "chain_id": data.chain_id,
        "link_id": data.link_id,
        "is_target": bool(data.is_target),
        "phone": checked(lambda: normalize_phone(data.phone)),
        "notes": note(data.notes),
    }


def find_by_code(session: Session, code: str) -> Organization | None:
    """The earliest live organization with this normalized credit code."""
    return org_with_code(session, code)


def find_by_name(session: Session, name: str) -> Organization | None:
    """The earliest live organization whose normalized name matches."""
    return org_named(session, name)


def _check_refs(session: Session, fields: dict[str, object]) -> None:
    if fields["chain_id"] is not None:
        checked(lambda: get_live(session, Chain, fields["chain_id"], "chain"))  # type: ignore[arg-type]
    if fields["link_id"] is not None:
        link = checked(lambda: get_live(session, ChainLink, fields["link_id"], "chain link"))  # type: ignore[arg-type]
        fields["chain_id"] = fields["chain_id"] or link.chain_id


def _set_tags(
    session: Session, org: Organization, names: list[str], *, keep_others: bool = False
) -> None:
    with user_errors():
        wanted = {catalog_entry(session, "org_tag", n).id for n in names if n.strip()}
    existing: dict[uuid.UUID, OrgTag] = {
        t.tag_id: t for t in tag_links(session, [org.id]) if t.tag_id is not None
    }
    if keep_others:
        wanted |= {tag_id for tag_id, row in existing.items() if not row.deleted}
    for tag_id in wanted | set(existing):
        row = existing.get(tag_id)
        if row is None:
            session.add(OrgTag(id=pair_id(org.id, tag_id), org_id=org.id, tag_id=tag_id))
        elif row.deleted == (tag_id in wanted):
            row.deleted = tag_id not in wanted


def save_org(
    db: Database, data: OrgInput, org_id: uuid.UUID | None = None, *, keep_tags: bool = False
) -> Saved:
    """Create or update an organization.

    Without `org_id`, a valid credit code already on file means that organization: the fields
    given (non-empty) and the tags are added to it instead of creating a second record. With
    `org_id`, every field is replaced, and so are the tags unless `keep_tags` (then the given
    tags are added). A code held by another organization is refused.
    """
    with db.begin() as session:
        stored = session.get(Organization, org_id) if org_id is not None else None
        # A newer FieldLog's kind, shown as 未知（code）, survives an unchanged save.
        fields = _org_fields(data, stored.kind if stored is not None else "")
        _check_refs(session, fields)
        code = fields["credit_code"]
        holder = find_by_code(session, code) if isinstance(code, str) else None
        if org_id is None:
            org, created = (holder, False) if holder else (Organization(), True)
        else:
            org, created = get_live(session, Organization, org_id, "organization"), False
            if holder is not None and holder.id != org.id:
                raise InvalidInput(
                    msg(
                        "org.code_taken",
                        "credit code {code} already belongs to {name}",
                        code=code,
                        name=holder.name,
                    )
                )
        merging = org_id is None and not created
        for key, value in fields.items():
            if merging and value in (None, "", False):
                continue
            if getattr(org, key, None) != value:
                setattr(org, key, value)
        session.add(org)
        session.flush()
        _set_tags(session, org, data.tags, keep_others=merging or keep_tags)
        return Saved(org.id, created)


def delete_org(db: Database, org_id: uuid.UUID) -> None:
    """Tombstone an organization (its visits and projects stay, and can be reassigned)."""
    with db.begin() as session:
        get_live(session, Organization, org_id, "organization").deleted = True


@dataclass
class ContactInput:
    """A person at an organization."""

    name: str
    title: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""


def save_contact(
    db: Database, org_id: uuid.UUID, data: ContactInput, contact_id: uuid.UUID | None = None
) -> uuid.UUID:
    """Add a contact to an organization, or update one."""
    name = required_name(data.name, msg("field.contact_name", "contact name"))
    with db.begin() as session:
        checked(lambda: get_live(session, Organization, org_id, "organization"))
        contact = get_live(session, Contact, contact_id, "contact") if contact_id else Contact()
        contact.org_id, contact.name = org_id, name
        contact.title = optional_name(data.title)
        contact.phone = checked(lambda: normalize_phone(data.phone))
        contact.email = optional_name(data.email)
        contact.notes = note(data.notes)
        session.add(contact)
        session.flush()
        return contact.id
