"""The rows of one project's detail: its stage events, funds tranches and linked visits."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.store.collation import bytewise
from fieldlog.store.models import (
    CatalogItem,
    Contact,
    FundsTranche,
    Member,
    StageEvent,
    Visit,
    VisitVisitor,
)
from fieldlog.store.models.base import Replicated
from fieldlog.store.repositories.common import live_join

VISITOR_SEPARATOR = "、"


def stage_rows(session: Session, project_id: uuid.UUID) -> list[tuple[str, date, str, str]]:
    """(stage, date, member name, note) of the live stage events, oldest first."""
    query = (
        select(StageEvent.stage, StageEvent.occurred_on, Member.name, StageEvent.note)
        .outerjoin(Member, live_join(Member, StageEvent.member_id))
        .where(StageEvent.project_id == project_id, StageEvent.deleted.is_(False))
        .order_by(StageEvent.occurred_on, StageEvent.hlc)
    )
    return [(s, on, name or "", text) for s, on, name, text in session.execute(query)]


def tranche_rows(
    session: Session, project_id: uuid.UUID
) -> list[tuple[uuid.UUID, date, int, str, str, str, uuid.UUID | None]]:
    """(id, date, yuan, origin, evidence, note, origin id) of the live tranches, oldest first;
    the origin's name is given even when its catalog entry has been removed since."""
    query = (
        select(
            FundsTranche.id,
            FundsTranche.received_on,
            FundsTranche.amount_yuan,
            CatalogItem.name,
            FundsTranche.evidence,
            FundsTranche.note,
            FundsTranche.origin_id,
        )
        .outerjoin(CatalogItem, CatalogItem.id == FundsTranche.origin_id)
        .where(FundsTranche.project_id == project_id, FundsTranche.deleted.is_(False))
        .order_by(FundsTranche.received_on, FundsTranche.hlc)
    )
    return [
        (i, on, yuan, origin or "", ev, text, origin_id)
        for i, on, yuan, origin, ev, text, origin_id in session.execute(query)
    ]


def visit_rows(
    session: Session, project_id: uuid.UUID
) -> list[tuple[uuid.UUID, date, str, str, str]]:
    """(id, date, kind, visitors, summary) of the live visits linked to a project, newest first."""
    query = (
        select(Visit.id, Visit.visited_on, CatalogItem.name, Visit.summary)
        .outerjoin(CatalogItem, live_join(CatalogItem, Visit.kind_id))
        .where(Visit.project_id == project_id, Visit.deleted.is_(False))
        .order_by(Visit.visited_on.desc(), Visit.id)
    )
    rows = list(session.execute(query))
    names = _visitor_names(session, [r[0] for r in rows])
    return [
        (i, on, kind or "", VISITOR_SEPARATOR.join(names.get(i, [])), s) for i, on, kind, s in rows
    ]


def _visitor_names(session: Session, visit_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    if not visit_ids:
        return {}
    query = (
        select(VisitVisitor.visit_id, Member.name)
        .join(Member, live_join(Member, VisitVisitor.member_id))
        .where(VisitVisitor.visit_id.in_(visit_ids), VisitVisitor.deleted.is_(False))
        .order_by(bytewise(Member.name))
    )
    names: dict[uuid.UUID, list[str]] = {}
    for visit_id, name in session.execute(query):
        names.setdefault(visit_id, []).append(name)
    return names


def name_of(session: Session, model: type[Replicated], record_id: uuid.UUID | None) -> str:
    """The name of a live record, or blank when there is none or it has been deleted."""
    record = session.get(model, record_id) if record_id is not None else None
    if record is None or record.deleted:
        return ""
    return str(getattr(record, "name", ""))


def fund_origin_choices(session: Session) -> list[tuple[str, uuid.UUID]]:
    """(name, id) of the live fund-origin catalog entries, in display order."""
    query = (
        select(CatalogItem.name, CatalogItem.id)
        .where(CatalogItem.kind == "fund_origin", CatalogItem.deleted.is_(False))
        .order_by(CatalogItem.sort_order, bytewise(CatalogItem.name))
    )
    return [(name, item_id) for name, item_id in session.execute(query)]


def contact_name(session: Session, contact_id: uuid.UUID | None) -> str:
    """The name of a contact, deleted or not (a project's investor contact stays named)."""
    contact = session.get(Contact, contact_id) if contact_id is not None else None
    return contact.name if contact is not None else ""


def contact_choices(session: Session, org_id: uuid.UUID) -> list[tuple[str, uuid.UUID]]:
    """(name, id) of the live contacts of an organization, by name."""
    query = (
        select(Contact.name, Contact.id)
        .where(Contact.org_id == org_id, Contact.deleted.is_(False))
        .order_by(bytewise(Contact.name), Contact.id)
    )
    return [(name, contact_id) for name, contact_id in session.execute(query)]
