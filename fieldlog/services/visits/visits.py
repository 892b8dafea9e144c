"""Recording, editing and deleting visits."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from sqlalchemy.orm import Session

from fieldlog.domain.ids import pair_id
from fieldlog.domain.messages import msg
from fieldlog.domain.vocabulary import Intent, code_or_kept
from fieldlog.services.errors import InvalidInput
from fieldlog.services.validate import checked, note, required_date, sane_date, user_errors
from fieldlog.store.database import Database
from fieldlog.store.models import (
    Chain,
    Contact,
    Member,
    Organization,
    Project,
    Visit,
    VisitContact,
    VisitVisitor,
)
from fieldlog.store.repositories.common import catalog_entry, get_any, get_live
from fieldlog.store.repositories.visit_entry_rows import link_rows


@dataclass
class VisitInput:
    """One visit as entered: kind is a visit-kind catalog name, intent a code or 强/中/弱/无."""

    visited_on: date
    org_id: uuid.UUID
    visitor_ids: list[uuid.UUID]
    kind: str = "上门走访"
    summary: str = ""
    intent: str = ""
    next_follow_up: date | None = None
    contact_ids: list[uuid.UUID] = field(default_factory=list)
    project_id: uuid.UUID | None = None
    chain_id: uuid.UUID | None = None


def _fields(session: Session, data: VisitInput, kept_intent: str = "") -> dict[str, object]:
    on = required_date(data.visited_on, msg("field.visit_date", "visit date"))
    follow_up = sane_date(
        data.next_follow_up, msg("field.next_follow_up_date", "next follow-up date")
    )
    if follow_up is not None and follow_up < on:
        raise InvalidInput(
            msg("visit.follow_up_before", "the next follow-up date is before the visit")
        )
    org = checked(lambda: get_live(session, Organization, data.org_id, "organization"))
    if data.project_id is not None:
        checked(lambda: get_live(session, Project, data.project_id, "project"))
    if data.chain_id is not None:
        checked(lambda: get_live(session, Chain, data.chain_id, "chain"))
    return {
        "visited_on": on,
        "org_id": org.id,
        "kind_id": checked(lambda: catalog_entry(session, "visit_kind", data.kind)).id,
        "chain_id": data.chain_id or org.chain_id,
        "project_id": data.project_id,
        "summary": note(data.summary),
        "intent": checked(lambda: code_or_kept(Intent, data.intent, kept_intent))
        if data.intent
        else "",
        "next_follow_up": follow_up,
    }


def _link_rows(
    session: Session,
    visit: Visit,
    model: type[VisitVisitor] | type[VisitContact],
    column: str,
    wanted: set[uuid.UUID],
) -> None:
    """Make the visit's link rows (visitors or contacts) exactly `wanted`, by tombstones."""
    rows = cast(list[VisitVisitor | VisitContact], link_rows(session, model, visit.id))
    existing = {getattr(row, column): row for row in rows}
    for target in wanted | set(existing):
        row = existing.get(target)
        if row is None:
            session.add(model(id=pair_id(visit.id, target), visit_id=visit.id, **{column: target}))
        elif row.deleted == (target in wanted):
            row.deleted = target not in wanted


def _check_people(session: Session, data: VisitInput) -> None:
    if not data.visitor_ids:
        raise InvalidInput(msg("visit.no_visitor", "a visit needs at least one visitor"))
    with user_errors():
        for member_id in data.visitor_ids:
            get_live(session, Member, member_id, "member")
        contacts = [get_live(session, Contact, c, "contact") for c in data.contact_ids]
    for contact in contacts:
        if contact.org_id != data.org_id:
            raise InvalidInput(
                msg(
                    "visit.contact_elsewhere",
                    "contact {name} does not belong to the visited organization",
                    name=contact.name,
                )
            )


def save_visit(db: Database, data: VisitInput, visit_id: uuid.UUID | None = None) -> uuid.UUID:
    """Record a new visit, or edit one; visitors and contacts met are replaced by the given ones."""
    with db.begin() as session:
        visit = get_live(session, Visit, visit_id, "visit") if visit_id else Visit()
        fields = _fields(session, data, visit.intent or "")
        _check_people(session, data)
        for key, value in fields.items():
            if getattr(visit, key, None) != value:
                setattr(visit, key, value)
        session.add(visit)
        session.flush()
        _link_rows(session, visit, VisitVisitor, "member_id", set(data.visitor_ids))
        _link_rows(session, visit, VisitContact, "contact_id", set(data.contact_ids))
        return visit.id


def delete_visit(db: Database, visit_id: uuid.UUID) -> None:
    """Tombstone a visit; it disappears from every list and count."""
    with db.begin() as session:
        get_live(session, Visit, visit_id, "visit").deleted = True


def restore_visit(db: Database, visit_id: uuid.UUID) -> None:
    """Undo a delete."""
    with db.begin() as session, user_errors():
        get_any(session, Visit, visit_id, "visit").deleted = False
