"""Reading the organization directory: pages of the list, one record's detail, the choices."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from fieldlog.domain.credit_code import normalize_credit_code
from fieldlog.services.orgs.orgs import ContactInput, OrgInput, find_by_code
from fieldlog.store.database import Database
from fieldlog.store.models import Organization
from fieldlog.store.repositories import org_list
from fieldlog.store.repositories.org_list import SORT_KEYS, OrgFilter, OrgListRow

__all__ = [
    "SORT_KEYS",
    "Choices",
    "ContactItem",
    "OrgDetail",
    "OrgFilter",
    "OrgListRow",
    "ProjectItem",
    "VisitItem",
    "choices",
    "code_holder",
    "count_orgs",
    "list_orgs",
    "org_detail",
]


@dataclass(frozen=True)
class ContactItem:
    """A contact of an organization, with what a person entered."""

    id: uuid.UUID
    data: ContactInput


@dataclass(frozen=True)
class VisitItem:
    """A visit in an organization's history; kind is the visit-kind name."""

    id: uuid.UUID
    visited_on: date
    kind: str
    visitors: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class ProjectItem:
    """A project the organization invests in; stage as its code (blank before any event)."""

    id: uuid.UUID
    name: str
    stage: str
    contract_yuan: int | None
    signed_on: date | None


@dataclass(frozen=True)
class OrgDetail:
    """Everything the detail panel shows; `data` can be saved back as it is (undo of an edit)."""

    id: uuid.UUID
    data: OrgInput
    chain: str | None
    link: str | None
    contacts: tuple[ContactItem, ...]
    visits: tuple[VisitItem, ...]
    projects: tuple[ProjectItem, ...]


@dataclass(frozen=True)
class Choices:
    """The catalog entries a directory filter or an organization form offers."""

    tags: tuple[tuple[uuid.UUID, str], ...]
    chains: tuple[tuple[uuid.UUID, str], ...]
    links: dict[uuid.UUID, tuple[tuple[uuid.UUID, str], ...]]  # by chain


def list_orgs(
    db: Database,
    where: OrgFilter,
    *,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[OrgListRow]:
    """One page of the directory: live organizations matching `where`, in a stable order."""
    with db.read() as session:
        return org_list.org_page(
            session, where, sort=sort, descending=descending, offset=offset, limit=limit
        )


def count_orgs(db: Database, where: OrgFilter) -> int:
    """How many live organizations match `where`."""
    with db.read() as session:
        return org_list.org_count(session, where)


def org_input(session: Session, org: Organization) -> OrgInput:
    """An organization as its edit form holds it (what an edit merges with)."""
    tags = org_list.tag_names(session, [org.id]).get(org.id, [])
    return OrgInput(
        name=org.name,
        kind=org.kind,
        credit_code=org.credit_code,
        region=org.region,
        address=org.address,
        chain_id=org.chain_id,
        link_id=org.link_id,
        is_target=org.is_target,
        phone=org.phone,
        notes=org.notes,
        tags=list(tags),
    )


def _visits(session: Session, org_id: uuid.UUID) -> tuple[VisitItem, ...]:
    history = org_list.visit_history(session, org_id)
    people = org_list.visitor_names(session, [row[0] for row in history])
    return tuple(
        VisitItem(vid, on, kind or "", tuple(people.get(vid, ())), summary)
        for vid, on, kind, summary in history
    )


def _projects(session: Session, org_id: uuid.UUID) -> tuple[ProjectItem, ...]:
    rows = org_list.investor_projects(session, org_id)
    stages = org_list.latest_stages(session, [row[0] for row in rows])
    return tuple(
        ProjectItem(pid, name, stages.get(pid, ""), contract, signed)
        for pid, name, contract, signed in rows
    )


def org_detail(db: Database, org_id: uuid.UUID) -> OrgDetail | None:
    """The organization with its contacts, visit history (newest first) and projects; None when
    it does not exist or has been deleted."""
    with db.read() as session:
        org = session.get(Organization, org_id)
        if org is None or org.deleted:
            return None
        chain, link = org_list.chain_names(session, org)
        contacts = tuple(
            ContactItem(c.id, ContactInput(c.name, c.title, c.phone, c.email, c.notes))
            for c in org_list.live_contacts(session, org_id)
        )
        return OrgDetail(
            org.id,
            org_input(session, org),
            chain,
            link,
            contacts,
            _visits(session, org_id),
            _projects(session, org_id),
        )


def org_form(db: Database, org_id: uuid.UUID) -> tuple[OrgInput, tuple[ContactItem, ...]] | None:
    """What the edit form shows: the organization's fields and its contacts (no history); None
    when it does not exist or has been deleted."""
    with db.read() as session:
        org = session.get(Organization, org_id)
        if org is None or org.deleted:
            return None
        contacts = tuple(
            ContactItem(c.id, ContactInput(c.name, c.title, c.phone, c.email, c.notes))
            for c in org_list.live_contacts(session, org_id)
        )
        return org_input(session, org), contacts


def code_holder(db: Database, code: str) -> tuple[uuid.UUID, str] | None:
    """(id, name) of the live organization that holds this credit code, if any."""
    with db.read() as session:
        org = find_by_code(session, normalize_credit_code(code))
        return (org.id, org.name) if org is not None else None


def choices(db: Database) -> Choices:
    """Tags, chains and each chain's links, in display order."""
    with db.read() as session:
        links: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
        for chain_id, link_id, name in org_list.link_choices(session):
            links.setdefault(chain_id, []).append((link_id, name))
        return Choices(
            tuple(org_list.tag_choices(session)),
            tuple(org_list.chain_choices(session)),
            {chain: tuple(items) for chain, items in links.items()},
        )
