"""Reads the project and tranche facts that `domain/counting.py` counts, optionally for one scope
(whose work: a group, a member, a home county), and the scopes' members `visit_counts` counts by.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, String, select, type_coerce
from sqlalchemy.orm import Session

from fieldlog.domain.counting import ProjectFact, StageFact, TrancheFact
from fieldlog.domain.period import Period
from fieldlog.domain.stages import BY_CODE
from fieldlog.store.models import (
    FundsTranche,
    Member,
    Project,
    StageEvent,
)
from fieldlog.store.repositories.common import in_period


@dataclass(frozen=True)
class Scope:
    """Whose results: a work group, a member, or the members from a home county."""

    kind: str  # "group", "member" or "county"
    id: uuid.UUID


def members_of(scope: Scope) -> Select[uuid.UUID]:
    """The ids of the members whose work the scope counts."""
    if scope.kind == "member":
        return select(Member.id).where(Member.id == scope.id)
    column = Member.group_id if scope.kind == "group" else Member.county_id
    return select(Member.id).where(column == scope.id, Member.deleted.is_(False))


def scope_members(kind: str) -> Select[uuid.UUID | None, uuid.UUID]:
    """(scope id, member id) for every member counted by a scope of `kind`, all scopes at once."""
    # As `members_of`: a member scope is the member itself; a group or county, its live members.
    if kind == "member":
        return select(Member.id.label("scope_id"), Member.id.label("member_id"))
    column = Member.group_id if kind == "group" else Member.county_id
    return select(column.label("scope_id"), Member.id.label("member_id")).where(
        Member.deleted.is_(False), column.is_not(None)
    )


def _project_filter(scope: Scope | None) -> list[Any]:
    if scope is None:
        return []
    if scope.kind == "group":
        return [Project.group_id == scope.id]
    return [Project.owner_id.in_(members_of(scope))]


def _by_scope(query: Select[*tuple[Any, ...]], kind: str) -> Select[Any]:
    """`query` over projects, with the id of the scope of `kind` each counts for added last."""
    if kind == "group":
        return query.add_columns(_raw(Project.group_id)).where(Project.group_id.is_not(None))
    owners = scope_members(kind).subquery()
    query = query.add_columns(_raw(owners.c.scope_id))
    return query.join(owners, owners.c.member_id == Project.owner_id)


def _raw(column: Any) -> Any:
    # Ids come as the database keeps them, to be made UUIDs once per project, not once per event.
    return type_coerce(column, String())


def _as_uuid(raw: Any) -> Any:
    """The UUID of a raw id: text on SQLite, already a UUID on PostgreSQL (None stays None)."""
    return uuid.UUID(raw) if isinstance(raw, str) else raw


def _projects_with_events() -> Select[Any]:
    # One pass over projects with their events (a project without any comes once, with NULLs).
    events = StageEvent.__table__.alias("live_event")
    return (
        select(
            _raw(Project.id),
            Project.signed_on,
            Project.contract_yuan,
            Project.kind,
            _raw(Project.origin_id),
            Project.stats_on,
            Project.above_scale_on,
            events.c.occurred_on,
            events.c.stage,
            events.c.hlc,
        )
        .outerjoin(events, (events.c.project_id == Project.id) & events.c.deleted.is_(False))
        .where(Project.deleted.is_(False))
    )


def _fold(rows: Iterable[Any]) -> dict[Any, list[ProjectFact]]:
    """ProjectFacts by scope from (project, signed, contract, kind, origin, 入库, 入规, event
    date, stage, stamp, scope)."""
    found: dict[Any, dict[Any, tuple[tuple[Any, ...], list[StageFact]]]] = defaultdict(dict)
    for pid, *project_fields, on, stage, stamp, key in rows:
        projects = found[key]
        project = projects.get(pid)
        if project is None:
            project = projects[pid] = (tuple(project_fields), [])
        if on is not None:
            # A dict lookup per event costs a tenth of calling the enum; a code this version
            # does not know stays a plain string, which the counting rules leave out.
            project[1].append(StageFact(on, BY_CODE.get(stage, stage), stamp))
    return {
        _as_uuid(key): [_project(pid, values, tuple(ev)) for pid, (values, ev) in p.items()]
        for key, p in found.items()
    }


def _project(pid: Any, values: tuple[Any, ...], events: tuple[StageFact, ...]) -> ProjectFact:
    """A ProjectFact from the project's own columns as `_projects_with_events` reads them."""
    signed, amount, kind, origin, stats_on, above_scale_on = values
    return ProjectFact(
        _as_uuid(pid),
        events,
        signed,
        amount,
        kind or "new",
        _as_uuid(origin),
        stats_on,
        above_scale_on,
    )


def project_facts(session: Session, scope: Scope | None = None) -> list[ProjectFact]:
    """Every live project with its live stage events (all dates: stage at period end needs them)."""
    # Two reads joined here, not one joined in SQL: a project row fills a page of its own (its
    # texts), and the join's row per event repeated the project's columns and looked each event
    # up through the index; the events read in their stored order give each project its events
    # in the order the join gave them. Plain Core rows: for ten thousand events the ORM's row
    # handling costs more than the query.
    connection = session.connection()
    filters = _project_filter(scope)
    projects = connection.execute(_live_projects().where(*filters)).all()
    events = _live_events()
    if filters:
        events = events.where(StageEvent.project_id.in_(select(Project.id).where(*filters)))
    found: dict[Any, list[StageFact]] = {pid: [] for pid, *_values in projects}
    for pid, on, stage, stamp in connection.execute(events).all():
        listed = found.get(pid)  # None: an event of a deleted project
        if listed is not None:
            # A dict lookup per event costs a tenth of calling the enum; a code this version
            # does not know stays a plain string, which the counting rules leave out.
            listed.append(StageFact(on, BY_CODE.get(stage, stage), stamp))
    return [_project(pid, tuple(values), tuple(found[pid])) for pid, *values in projects]


def _live_projects() -> Select[Any]:
    """(project, signed, contract, kind, origin, 入库, 入规) of the live projects."""
    return select(
        _raw(Project.id),
        Project.signed_on,
        Project.contract_yuan,
        Project.kind,
        _raw(Project.origin_id),
        Project.stats_on,
        Project.above_scale_on,
    ).where(Project.deleted.is_(False))


def _live_events() -> Select[Any]:
    """(project, date, stage, stamp) of every live stage event, in the order they are stored
    (a scan: cheaper than asking for the live projects' ones, which reads the projects again)."""
    return select(
        _raw(StageEvent.project_id), StageEvent.occurred_on, StageEvent.stage, StageEvent.hlc
    ).where(StageEvent.deleted.is_(False))


def project_facts_by(session: Session, kind: str) -> dict[uuid.UUID, list[ProjectFact]]:
    """`project_facts` of every scope of `kind` that has any, by scope id, in one query."""
    rows = session.connection().execute(_by_scope(_projects_with_events(), kind)).all()
    return _fold(rows)


def _tranches(period: Period) -> Select[date, int, Any, Any]:
    return (
        select(
            FundsTranche.received_on,
            FundsTranche.amount_yuan,
            _raw(FundsTranche.project_id),
            _raw(FundsTranche.origin_id),
        )
        .join(Project, Project.id == FundsTranche.project_id)
        .where(FundsTranche.deleted.is_(False), Project.deleted.is_(False))
        .where(*in_period(FundsTranche.received_on, period))
    )


def tranche_facts(
    session: Session, period: Period, scope: Scope | None = None
) -> list[TrancheFact]:
    """Live tranches of live projects dated in the period."""
    query = _tranches(period).where(*_project_filter(scope))
    return [_tranche(*row) for row in session.execute(query)]


def tranche_facts_by(
    session: Session, period: Period, kind: str
) -> dict[uuid.UUID, list[TrancheFact]]:
    """`tranche_facts` of every scope of `kind` that has any, by scope id, in one query."""
    found: dict[Any, list[TrancheFact]] = defaultdict(list)
    for *fact, key in session.execute(_by_scope(_tranches(period), kind)):
        found[key].append(_tranche(*fact))
    return {_as_uuid(key): tranches for key, tranches in found.items()}


def _tranche(on: date, amount: int, project: Any, origin: Any) -> TrancheFact:
    return TrancheFact(on, amount, _as_uuid(project), _as_uuid(origin))
