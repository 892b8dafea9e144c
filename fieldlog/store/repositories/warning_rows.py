"""Reads what the staleness warnings, late leads and complete leads (`domain/warnings.py`) are
judged from: every live project with its names, its live stage events, and the dates of its
latest tranche and linked visit on or before a day — a few queries for all projects at once.

The visit dates come from one grouped pass over the visits that name a project (the
`project_id` index: visits without a project, the bulk, are never read); tranches and stage
events are few.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from fieldlog.domain.counting import StageFact
from fieldlog.domain.stages import BY_CODE
from fieldlog.domain.warnings import Activity
from fieldlog.store.collation import bytewise
from fieldlog.store.models import (
    Contact,
    FundsTranche,
    Member,
    Project,
    StageEvent,
    Visit,
    WorkGroup,
)
from fieldlog.store.repositories.common import is_live, live_join
from fieldlog.store.repositories.facts import Scope, members_of
from fieldlog.store.repositories.project_names import Investor, named_projects

LiveContact = aliased(Contact, name="lead_contact")


@dataclass(frozen=True)
class WatchedProject:
    """A live project with the names a warning row shows and what makes a lead complete."""

    activity: Activity
    name: str
    investor_name: str
    group_id: uuid.UUID | None
    group_name: str
    owner_id: uuid.UUID | None
    owner_name: str
    content: str
    planned_yuan: int | None
    contact_id: uuid.UUID | None  # None too when the contact was deleted
    demands: str

    @property
    def id(self) -> uuid.UUID:
        """The project's id."""
        return self.activity.id


def _scope_filter(scope: Scope | None) -> list[ColumnElement[bool]]:
    if scope is None:
        return []
    if scope.kind == "group":
        return [Project.group_id == scope.id]
    return [Project.owner_id.in_(members_of(scope))]


def _events(session: Session) -> dict[uuid.UUID, list[StageFact]]:
    query = (
        select(StageEvent.project_id, StageEvent.occurred_on, StageEvent.stage, StageEvent.hlc)
        .join(Project, live_join(Project, StageEvent.project_id))
        .where(is_live(StageEvent))
    )
    found: dict[uuid.UUID, list[StageFact]] = defaultdict(list)
    for project_id, on, stage, stamp in session.execute(query):
        found[project_id].append(StageFact(on, BY_CODE.get(stage, stage), stamp))
    return found


def _last_tranches(session: Session, as_of: date) -> dict[uuid.UUID, date]:
    query = (
        select(FundsTranche.project_id, func.max(FundsTranche.received_on))
        .where(is_live(FundsTranche), FundsTranche.received_on <= as_of)
        .group_by(FundsTranche.project_id)
    )
    return {pid: on for pid, on in session.execute(query)}


def _visit_dates(session: Session, as_of: date) -> dict[uuid.UUID, date]:
    query = (
        select(Visit.project_id, func.max(Visit.visited_on))
        .where(Visit.project_id.is_not(None), is_live(Visit), Visit.visited_on <= as_of)
        .group_by(Visit.project_id)
    )
    return {pid: on for pid, on in session.execute(query) if pid is not None}


def _first_visits_since_created(session: Session) -> dict[uuid.UUID, date]:
    created = (
        select(StageEvent.project_id, func.min(StageEvent.occurred_on).label("created_on"))
        .where(is_live(StageEvent))
        .group_by(StageEvent.project_id)
        .subquery()
    )
    query = (
        select(Visit.project_id, func.min(Visit.visited_on))
        .join(created, created.c.project_id == Visit.project_id)
        .where(is_live(Visit), Visit.visited_on >= created.c.created_on)
        .group_by(Visit.project_id)
    )
    return {pid: on for pid, on in session.execute(query) if pid is not None}


def watched_projects(
    session: Session, as_of: date, scope: Scope | None = None
) -> list[WatchedProject]:
    """Every live project (of `scope`) with its activity up to `as_of`, by name."""
    events = _events(session)
    tranches = _last_tranches(session, as_of)
    visits = _visit_dates(session, as_of)
    first_visits = _first_visits_since_created(session)
    query = (
        named_projects(
            Project.id,
            Project.name,
            Investor.name,
            Project.group_id,
            WorkGroup.name,
            Project.owner_id,
            Member.name,
            Project.progress_on,
            Project.content,
            Project.planned_yuan,
            LiveContact.id,
            Project.demands,
        )
        .outerjoin(LiveContact, live_join(LiveContact, Project.contact_id))
        .where(*_scope_filter(scope))
        .order_by(bytewise(Project.name), Project.id)
    )
    return [_watched(row, events, tranches, visits, first_visits) for row in session.execute(query)]


def _watched(
    row: Any,
    events: dict[uuid.UUID, list[StageFact]],
    tranches: dict[uuid.UUID, date],
    visits: dict[uuid.UUID, date],
    first_visits: dict[uuid.UUID, date],
) -> WatchedProject:
    pid, name, investor, group_id, group, owner_id, owner, progress_on = row[:8]
    content, planned, contact_id, demands = row[8:]
    activity = Activity(
        pid,
        tuple(events.get(pid, ())),
        tranches.get(pid),
        visits.get(pid),
        progress_on,
        first_visits.get(pid),
    )
    return WatchedProject(
        activity,
        name,
        investor or "",
        group_id,
        group or "",
        owner_id,
        owner or "",
        content or "",
        planned,
        contact_id,
        demands or "",
    )
