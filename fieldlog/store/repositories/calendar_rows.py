"""What a follow-up's calendar entry says beyond the follow-ups list: the visit's or project's
text, the organization's address and phone, and the people to call.

Functions receive a session and never commit; tombstoned contacts are left out.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from fieldlog.store.collation import bytewise
from fieldlog.store.models import Contact, Member, Organization, Project, Visit, VisitContact
from fieldlog.store.repositories.common import live_join


@dataclass(frozen=True)
class FollowUpDetail:
    """The text and the numbers to call of one visit's or project's follow-up."""

    org_id: uuid.UUID | None
    visited_on: date | None
    text: str  # the visit's summary, or the project's next step
    progress: str  # a project's progress note ("" for a visit)
    address: str
    phone: str
    contacts: tuple[str, ...]  # "name title phone", the contacts met or the project's contact


def _contact_line(name: str, title: str, phone: str) -> str:
    return " ".join(part for part in (name, title, phone) if part)


def visit_details(
    session: Session, visit_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, FollowUpDetail]:
    """Each visit's organization, date, summary, and the contacts met there."""
    query = (
        select(Visit.id, Visit.org_id, Visit.visited_on, Visit.summary)
        .add_columns(Organization.address, Organization.phone)
        .join(Organization, Organization.id == Visit.org_id)
        .where(Visit.id.in_(visit_ids))
    )
    met = (
        select(VisitContact.visit_id, Contact.name, Contact.title, Contact.phone)
        .join(Contact, live_join(Contact, VisitContact.contact_id))
        .where(VisitContact.deleted.is_(False), VisitContact.visit_id.in_(visit_ids))
        .order_by(bytewise(Contact.name))
    )
    contacts: dict[uuid.UUID, list[str]] = defaultdict(list)
    for visit_id, name, title, phone in session.execute(met):
        contacts[visit_id].append(_contact_line(name, title, phone))
    return {
        vid: FollowUpDetail(org, day, summary, "", address, phone, tuple(contacts[vid]))
        for vid, org, day, summary, address, phone in session.execute(query)
    }


def project_details(
    session: Session, project_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, FollowUpDetail]:
    """Each project's investor, next step, progress note and investor contact."""
    investor = aliased(Organization)
    query = (
        select(Project.id, Project.investor_id, Project.next_step, Project.progress)
        .add_columns(investor.address, investor.phone, Contact.name, Contact.title, Contact.phone)
        .outerjoin(investor, live_join(investor, Project.investor_id))
        .outerjoin(Contact, live_join(Contact, Project.contact_id))
        .where(Project.id.in_(project_ids))
    )
    found = {}
    for pid, org, step, progress, address, phone, name, title, mobile in session.execute(query):
        contacts = (_contact_line(name, title, mobile),) if name else ()
        found[pid] = FollowUpDetail(org, None, step, progress, address or "", phone or "", contacts)
    return found


def members_named(session: Session, name: str) -> list[uuid.UUID]:
    """The live members with exactly this name (surrounding spaces ignored)."""
    query = select(Member.id).where(Member.deleted.is_(False), Member.name == name.strip())
    return list(session.execute(query).scalars())
