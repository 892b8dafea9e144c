"""Rows for the Excel returns: visits, projects, tranches and organizations with names resolved.

Functions receive a session and never commit. Tombstones are hidden everywhere: a deleted chain,
member, contact or catalog entry shows as blank. A visit is listed only while its organization is
live — exactly the visits the counting rules count, so 走访明细 has as many rows as 走访次数. A
project is listed whatever became of its investor (the rules count it either way); a deleted
investor shows as blank.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from fieldlog.domain.period import Period
from fieldlog.store.collation import bytewise
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    Contact,
    Member,
    Organization,
    Target,
    Team,
    Visit,
    VisitContact,
    VisitVisitor,
    WorkGroup,
)
from fieldlog.store.repositories.common import in_period, is_live, live_join

_ROLE_ORDER = {"team_leader": 0, "group_leader": 1}


@dataclass(frozen=True)
class Named:
    """A record's id and name."""

    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class TeamRow:
    """What the weekly return needs of the team."""

    id: uuid.UUID
    name: str
    reporting_unit: str
    dispatch_start: date | None
    return_preparer: str = ""
    return_reviewer: str = ""
    return_phone: str = ""


@dataclass(frozen=True)
class TargetRow:
    """A target's period and value (a count, or yuan)."""

    start: date
    end: date
    value: int


@dataclass(frozen=True)
class Visitor:
    """A member on a visit, with the name of their work group (blank when none)."""

    name: str
    group: str


@dataclass(frozen=True)
class VisitDetail:
    """A visit with everything 走访明细 (the visit details sheet) shows; codes (kind, intent) are
    left for labelling."""

    id: uuid.UUID
    visited_on: date
    org_name: str
    org_kind: str
    credit_code: str | None
    chain: str | None
    visit_kind: str | None
    summary: str
    intent: str
    next_follow_up: date | None
    visitors: tuple[Visitor, ...]  # leaders first, then by name
    contacts: tuple[tuple[str, str], ...]  # (name, title)


def team_row(session: Session) -> TeamRow | None:
    """The database's team (the first one created), or None before set-up."""
    query = (
        select(
            Team.id,
            Team.name,
            Team.reporting_unit,
            Team.dispatch_start,
            Team.return_preparer,
            Team.return_reviewer,
            Team.return_phone,
        )
        .where(Team.deleted.is_(False))
        .order_by(Team.created_at, Team.id)
        .limit(1)
    )
    found = session.execute(query).first()
    return TeamRow(*found) if found else None


def team_targets(session: Session, team_id: uuid.UUID, day: date) -> dict[str, TargetRow]:
    """The team's target per metric whose period contains `day`; of several, the latest start."""
    query = (
        select(Target.metric, Target.period_start, Target.period_end, Target.value)
        .where(Target.deleted.is_(False), Target.scope == "team", Target.scope_id == team_id)
        .where(Target.period_start <= day, Target.period_end >= day)
        .order_by(Target.period_start, Target.hlc, Target.id)
    )
    # Later rows overwrite earlier ones, so the latest start wins.
    return {metric: TargetRow(s, e, v) for metric, s, e, v in session.execute(query)}


def work_groups(session: Session) -> list[Named]:
    """Live work groups in display order."""
    query = (
        select(WorkGroup.id, WorkGroup.name)
        .where(WorkGroup.deleted.is_(False))
        .order_by(WorkGroup.sort_order, bytewise(WorkGroup.name), WorkGroup.id)
    )
    return [Named(*row) for row in session.execute(query)]


def member_counties(session: Session) -> list[Named]:
    """Counties (catalog order) that are the home county of at least one live member."""
    homes = select(Member.county_id).where(Member.deleted.is_(False))
    query = (
        select(CatalogItem.id, CatalogItem.name)
        .where(CatalogItem.kind == "county", CatalogItem.deleted.is_(False))
        .where(CatalogItem.id.in_(homes))
        .order_by(CatalogItem.sort_order, bytewise(CatalogItem.name))
    )
    return [Named(*row) for row in session.execute(query)]


def _visits_in(period: Period) -> Select[Any]:
    return (
        select(Visit.id)
        .join(Organization, live_join(Organization, Visit.org_id))
        .where(is_live(Visit), *in_period(Visit.visited_on, period))
    )


def _visitors(session: Session, period: Period) -> dict[uuid.UUID, list[Visitor]]:
    query = (
        select(VisitVisitor.visit_id, Member.name, Member.role, WorkGroup.name)
        .join(Member, live_join(Member, VisitVisitor.member_id))
        .outerjoin(WorkGroup, live_join(WorkGroup, Member.group_id))
        .where(VisitVisitor.deleted.is_(False), VisitVisitor.visit_id.in_(_visits_in(period)))
    )
    ranked: dict[uuid.UUID, list[tuple[int, str, Visitor]]] = defaultdict(list)
    for visit_id, name, role, group in session.execute(query):
        ranked[visit_id].append((_ROLE_ORDER.get(role, 2), name, Visitor(name, group or "")))
    return {key: [v for *_, v in sorted(items)] for key, items in ranked.items()}


def _visit_contacts(session: Session, period: Period) -> dict[uuid.UUID, list[tuple[str, str]]]:
    query = (
        select(VisitContact.visit_id, Contact.name, Contact.title)
        .join(Contact, live_join(Contact, VisitContact.contact_id))
        .where(VisitContact.deleted.is_(False), VisitContact.visit_id.in_(_visits_in(period)))
        .order_by(Contact.created_at, Contact.id)
    )
    found: dict[uuid.UUID, list[tuple[str, str]]] = defaultdict(list)
    for visit_id, name, title in session.execute(query):
        found[visit_id].append((name, title))
    return found


def visit_details(session: Session, period: Period) -> list[VisitDetail]:
    """Live visits to live organizations dated in the period, by date then organization."""
    kind = aliased(CatalogItem)
    query = (
        select(
            Visit.id,
            Visit.visited_on,
            Organization.name,
            Organization.kind,
            Organization.credit_code,
            Chain.name,
            kind.name,
            Visit.summary,
            Visit.intent,
            Visit.next_follow_up,
        )
        .join(Organization, live_join(Organization, Visit.org_id))
        .outerjoin(Chain, live_join(Chain, Visit.chain_id))
        .outerjoin(kind, live_join(kind, Visit.kind_id))
        .where(is_live(Visit), *in_period(Visit.visited_on, period))
        .order_by(Visit.visited_on, bytewise(Organization.name), Visit.created_at, Visit.id)
    )
    visitors = _visitors(session, period)
    contacts = _visit_contacts(session, period)
    return [
        VisitDetail(
            *row[:10],
            visitors=tuple(visitors.get(row[0], ())),
            contacts=tuple(contacts.get(row[0], ())),
        )
        for row in session.execute(query)
    ]
