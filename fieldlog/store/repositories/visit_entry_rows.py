"""Visits as recording and editing them needs: a visit's visitor and contact links, the same
visit already on file, and what the entry form offers for an organization.

Functions receive a session and never commit. Link rows are returned with their tombstones
where saving needs them (a link removed and given again is revived, not added twice).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.store.collation import bytewise
from fieldlog.store.models import Contact, Project, Visit, VisitContact, VisitVisitor
from fieldlog.store.repositories.common import live


def link_rows(
    session: Session, model: type[VisitVisitor] | type[VisitContact], visit_id: uuid.UUID
) -> list[Any]:
    """Every visitor or contact link (by `model`) of a visit, tombstoned ones included."""
    query = select(model).where(model.visit_id == visit_id)
    return list(session.execute(query).scalars())


def visitors_of(session: Session, visit_id: uuid.UUID) -> list[uuid.UUID]:
    """The members on a visit (live links), in the order they were linked."""
    query = select(VisitVisitor.member_id).where(
        VisitVisitor.visit_id == visit_id, VisitVisitor.deleted.is_(False)
    )
    return list(session.execute(query.order_by(VisitVisitor.created_at)).scalars())


def contacts_met(session: Session, visit_id: uuid.UUID) -> list[uuid.UUID]:
    """The contacts met on a visit (live links), in the order they were linked."""
    query = select(VisitContact.contact_id).where(
        VisitContact.visit_id == visit_id, VisitContact.deleted.is_(False)
    )
    return list(session.execute(query.order_by(VisitContact.created_at)).scalars())


def same_visit(session: Session, org_id: uuid.UUID, visited_on: date, summary: str) -> Visit | None:
    """The earliest live visit of this organization on this day with exactly this summary."""
    query = live(Visit).where(
        Visit.org_id == org_id, Visit.visited_on == visited_on, Visit.summary == summary
    )
    return session.execute(query.order_by(Visit.created_at, Visit.id)).scalars().first()


def contacts_by_name(session: Session, org_id: uuid.UUID) -> list[Contact]:
    """The organization's live contacts, by name."""
    query = (
        live(Contact).where(Contact.org_id == org_id).order_by(bytewise(Contact.name), Contact.id)
    )
    return list(session.execute(query).scalars())


def projects_newest_first(session: Session, org_id: uuid.UUID) -> list[Project]:
    """The live projects the organization invests in, newest first."""
    query = live(Project).where(Project.investor_id == org_id).order_by(Project.created_at.desc())
    return list(session.execute(query).scalars())
