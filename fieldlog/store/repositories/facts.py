"""Reads the facts the counting rules need for a period, optionally for one scope."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from fieldlog.domain.counting import ProjectFact, StageFact, TrancheFact, VisitFact
from fieldlog.domain.period import Period
from fieldlog.domain.stages import Stage
from fieldlog.store.models import (
    FundsTranche,
    Member,
    Organization,
    Project,
    StageEvent,
    Visit,
    VisitVisitor,
)


@dataclass(frozen=True)
class Scope:
    """Whose results: a work group, a member, or the members from a home county."""

    kind: str  # "group", "member" or "county"
    id: uuid.UUID


def in_period(column: Any, period: Period) -> list[Any]:
    """Conditions keeping the dates of `column` inside `period` (none for an open end)."""
    conditions = []
    if period.start is not None:
        conditions.append(column >= period.start)
    if period.end is not None:
        conditions.append(column <= period.end)
    return conditions


def members_of(scope: Scope) -> Select[uuid.UUID]:
    """The ids of the members whose work the scope counts."""
    if scope.kind == "member":
        return select(Member.id).where(Member.id == scope.id)
    column = Member.group_id if scope.kind == "group" else Member.county_id
    return select(Member.id).where(column == scope.id, Member.deleted.is_(False))


def visit_facts(session: Session, period: Period, scope: Scope | None = None) -> list[VisitFact]:
    """Live visits to live organizations dated in the period."""
    query = (
        select(Visit.visited_on, Visit.org_id, Organization.kind)
        .join(Organization, Organization.id == Visit.org_id)
        .where(Visit.deleted.is_(False), Organization.deleted.is_(False))
        .where(*in_period(Visit.visited_on, period))
    )
    if scope is not None:
        visitors = select(VisitVisitor.visit_id).where(
            VisitVisitor.deleted.is_(False), VisitVisitor.member_id.in_(members_of(scope))
        )
        query = query.where(Visit.id.in_(visitors))
    return [VisitFact(on, org, kind) for on, org, kind in session.execute(query)]


def _project_filter(scope: Scope | None) -> list[Any]:
    if scope is None:
        return []
    if scope.kind == "group":
        return [Project.group_id == scope.id]
    return [Project.owner_id.in_(members_of(scope))]


def project_facts(session: Session, scope: Scope | None = None) -> list[ProjectFact]:
    """Every live project with its live stage events (all dates: stage at period end needs them)."""
    projects = session.execute(
        select(Project.id, Project.signed_on, Project.contract_yuan)
        .where(Project.deleted.is_(False))
        .where(*_project_filter(scope))
    ).all()
    events: dict[uuid.UUID, list[StageFact]] = defaultdict(list)
    rows = session.execute(
        select(StageEvent.project_id, StageEvent.occurred_on, StageEvent.stage, StageEvent.hlc)
        .join(Project, Project.id == StageEvent.project_id)
        .where(StageEvent.deleted.is_(False), Project.deleted.is_(False))
        .where(*_project_filter(scope))
    )
    for project_id, on, stage, stamp in rows:
        events[project_id].append(StageFact(on, Stage(stage), stamp))
    return [
        ProjectFact(pid, tuple(events[pid]), signed_on, contract)
        for pid, signed_on, contract in projects
    ]


def tranche_facts(
    session: Session, period: Period, scope: Scope | None = None
) -> list[TrancheFact]:
    """Live tranches of live projects dated in the period."""
    query = (
        select(FundsTranche.received_on, FundsTranche.amount_yuan)
        .join(Project, Project.id == FundsTranche.project_id)
        .where(FundsTranche.deleted.is_(False), Project.deleted.is_(False))
        .where(*in_period(FundsTranche.received_on, period))
        .where(*_project_filter(scope))
    )
    return [TrancheFact(on, amount) for on, amount in session.execute(query)]
