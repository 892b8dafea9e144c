"""Rows of the organization directory (目标企业库) with tags and contacts.

Functions receive a session and never commit; tombstones are hidden.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.store.collation import bytewise
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    ChainLink,
    Contact,
    Organization,
    OrgTag,
)
from fieldlog.store.repositories.common import is_live, live_join


@dataclass(frozen=True)
class ContactRow:
    """A contact of an organization."""

    name: str
    title: str
    phone: str


@dataclass(frozen=True)
class DirectoryOrg:
    """A live organization with its tags and contacts (first entered first); kind as its code."""

    id: uuid.UUID
    name: str
    kind: str
    credit_code: str | None
    chain: str | None
    link: str | None
    region: str
    address: str
    tags: tuple[str, ...]
    is_target: bool
    phone: str
    contacts: tuple[ContactRow, ...]
    notes: str


def _org_tags(session: Session) -> dict[uuid.UUID, list[str]]:
    query = (
        select(OrgTag.org_id, CatalogItem.name)
        .join(CatalogItem, live_join(CatalogItem, OrgTag.tag_id))
        .where(is_live(OrgTag))
        .order_by(CatalogItem.sort_order, bytewise(CatalogItem.name))
    )
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    for org_id, name in session.execute(query):
        found[org_id].append(name)
    return found


def _org_contacts(session: Session) -> dict[uuid.UUID, list[ContactRow]]:
    query = (
        select(Contact.org_id, Contact.name, Contact.title, Contact.phone)
        .where(is_live(Contact))
        .order_by(Contact.created_at, Contact.id)
    )
    found: dict[uuid.UUID, list[ContactRow]] = defaultdict(list)
    for org_id, name, title, phone in session.execute(query):
        found[org_id].append(ContactRow(name, title, phone))
    return found


def org_rows(session: Session) -> list[DirectoryOrg]:
    """Every live organization: targets first, then by name."""
    query = (
        select(
            Organization.id,
            Organization.name,
            Organization.kind,
            Organization.credit_code,
            Chain.name,
            ChainLink.name,
            Organization.region,
            Organization.address,
            Organization.is_target,
            Organization.phone,
            Organization.notes,
        )
        .outerjoin(Chain, live_join(Chain, Organization.chain_id))
        .outerjoin(ChainLink, live_join(ChainLink, Organization.link_id))
        .where(is_live(Organization))
        .order_by(Organization.is_target.desc(), bytewise(Organization.name), Organization.id)
    )
    tags, contacts = _org_tags(session), _org_contacts(session)
    return [
        DirectoryOrg(
            org_id,
            name,
            kind,
            code,
            chain,
            link,
            region,
            address,
            tuple(tags.get(org_id, ())),
            is_target,
            phone,
            tuple(contacts.get(org_id, ())),
            notes,
        )
        for org_id, name, kind, code, chain, link, region, address, is_target, phone, notes in (
            session.execute(query)
        )
    ]
