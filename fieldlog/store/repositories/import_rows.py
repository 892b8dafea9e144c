"""What an import of a large sheet reads in bulk: the organizations its rows may mean, their
visits and contacts, a few hundred at a time instead of one query per row.

Each function answers for many keys what `org_rows` and `visit_entry_rows` answer for one, in
the same order (earliest first), so that the import decides exactly as it would row by row.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator, Sequence
from datetime import date
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.store.models import Contact, Organization, Visit

T = TypeVar("T")
CHUNK = 500


class OrgRef(NamedTuple):
    """An organization as matching a row needs it."""

    id: uuid.UUID
    chain_id: uuid.UUID | None
    credit_code: str | None


class ContactRef(NamedTuple):
    """A contact as an imported row meets it."""

    id: uuid.UUID
    title: str
    phone: str


def _chunks(items: Collection[T]) -> Iterator[list[T]]:
    ordered: Sequence[T] = list(items)
    for start in range(0, len(ordered), CHUNK):
        yield list(ordered[start : start + CHUNK])


def _orgs_by(session: Session, column: Any, keys: Collection[str]) -> dict[str, list[OrgRef]]:
    found: dict[str, list[OrgRef]] = {}
    columns = (column, Organization.id, Organization.chain_id, Organization.credit_code)
    for chunk in _chunks(keys):
        query = (
            select(*columns)
            .where(Organization.deleted.is_(False), column.in_(chunk))
            .order_by(Organization.created_at, Organization.id)
        )
        for key, *ref in session.execute(query):
            found.setdefault(key, []).append(OrgRef(*ref))
    return found


def live_orgs_by_code(session: Session, codes: Collection[str]) -> dict[str, list[OrgRef]]:
    """code → the live organizations with it, earliest first (as `org_with_code` orders)."""
    return _orgs_by(session, Organization.credit_code, codes)


def live_orgs_by_name_key(session: Session, keys: Collection[str]) -> dict[str, list[OrgRef]]:
    """name key → the live organizations with it, earliest first (`orgs_with_name_key`)."""
    return _orgs_by(session, Organization.name_key, keys)


def live_visit_keys(
    session: Session, org_ids: Collection[uuid.UUID]
) -> Iterator[tuple[uuid.UUID, date, str]]:
    """(organization, day, summary) of every live visit of these organizations, as read (a
    caller keeping them all keeps what it needs of each)."""
    for chunk in _chunks(org_ids):
        query = select(Visit.org_id, Visit.visited_on, Visit.summary).where(
            Visit.deleted.is_(False), Visit.org_id.in_(chunk)
        )
        yield from session.execute(query)


def live_contacts_by_name(
    session: Session, org_ids: Collection[uuid.UUID]
) -> dict[tuple[uuid.UUID, str], ContactRef]:
    """(organization, name) → its earliest live contact with that name (`contact_named`)."""
    found: dict[tuple[uuid.UUID, str], ContactRef] = {}
    for chunk in _chunks(org_ids):
        query = (
            select(Contact.org_id, Contact.name, Contact.id, Contact.title, Contact.phone)
            .where(Contact.deleted.is_(False), Contact.org_id.in_(chunk))
            .order_by(Contact.created_at, Contact.id)
        )
        for org, name, contact_id, title, phone in session.execute(query):
            found.setdefault((org, name), ContactRef(contact_id, title, phone))
    return found
