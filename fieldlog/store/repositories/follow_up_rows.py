"""Follow-ups that are due: from the latest visit to each organization, and from open projects.

Functions receive a session and never commit; tombstones are hidden.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from fieldlog.domain.stages import Stage
from fieldlog.store.models import (
    Member,
    Organization,
    Project,
    StageEvent,
    Visit,
    VisitVisitor,
)
from fieldlog.store.repositories.report_rows import live_join

#: Stages whose projects wait for nobody: their follow-up dates are not due.
RESTING_STAGES = (Stage.DROPPED.value, Stage.PAUSED.value)


@dataclass(frozen=True)
class FollowUpRow:
    """A due follow-up: a visit (org visited, summary) or a project (investor, name, stage)."""

    kind: str
    id: uuid.UUID
    due: date
    org: str | None
    title: str
    people: tuple[str, ...]
    stage: str | None


def _latest_visits() -> Any:
    """Each live visit to a live organization, ranked 1 for the latest per organization."""
    rank = (
        func.row_number()
        .over(
            partition_by=Visit.org_id,
            order_by=(Visit.visited_on.desc(), Visit.created_at.desc(), Visit.id.desc()),
        )
        .label("rank")
    )
    query = select(Visit.id, rank).join(Organization, live_join(Organization, Visit.org_id))
    return query.where(Visit.deleted.is_(False)).subquery()


def _visitors(session: Session, visit_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    query = (
        select(VisitVisitor.visit_id, Member.name)
        .join(Member, live_join(Member, VisitVisitor.member_id))
        .where(VisitVisitor.deleted.is_(False), VisitVisitor.visit_id.in_(visit_ids))
        .order_by(Member.name)
    )
    names: dict[uuid.UUID, list[str]] = defaultdict(list)
    for visit_id, name in session.execute(query):
        names[visit_id].append(name)
    return names


def _visited_by(members: Collection[uuid.UUID]) -> Any:
    """Condition: one of `members` is a live visitor of the visit."""
    inner = select(VisitVisitor.visit_id).where(
        VisitVisitor.deleted.is_(False), VisitVisitor.member_id.in_(members)
    )
    return Visit.id.in_(inner)


def visit_follow_ups(
    session: Session, until: date, members: Collection[uuid.UUID] | None = None
) -> list[FollowUpRow]:
    """Follow-ups due by `until` of the latest visit to each organization.

    A later visit supersedes an earlier one's follow-up (it was the follow-up), even when the later
    visit sets none. `members` (None: everybody) keeps visits one of them took part in.
    """
    latest = _latest_visits()
    query: Any = (
        select(Visit.id, Visit.next_follow_up, Organization.name, Visit.summary)
        .join(latest, (latest.c.id == Visit.id) & (latest.c.rank == 1))
        .join(Organization, Organization.id == Visit.org_id)
        .where(Visit.next_follow_up.is_not(None), Visit.next_follow_up <= until)
    )
    if members is not None:
        query = query.where(_visited_by(members))
    rows = list(session.execute(query))
    names = _visitors(session, [row[0] for row in rows])
    return [
        FollowUpRow("visit", vid, due, org, _first_line(summary), tuple(names[vid]), None)
        for vid, due, org, summary in rows
    ]


def _current_stages() -> Any:
    """Each project's latest live stage event, ranked 1."""
    rank = (
        func.row_number()
        .over(
            partition_by=StageEvent.project_id,
            order_by=(StageEvent.occurred_on.desc(), StageEvent.hlc.desc()),
        )
        .label("rank")
    )
    query = select(StageEvent.project_id, StageEvent.stage, rank)
    return query.where(StageEvent.deleted.is_(False)).subquery()


def project_follow_ups(
    session: Session,
    until: date,
    members: Collection[uuid.UUID] | None = None,
    group_id: uuid.UUID | None = None,
) -> list[FollowUpRow]:
    """Follow-ups due by `until` of live projects that are neither dropped nor paused.

    With `members`, keeps projects one of them owns, or (with `group_id`) that the group holds.
    """
    stage = _current_stages()
    investor = aliased(Organization)
    query: Any = (
        select(Project.id, Project.next_follow_up, investor.name, Project.name)
        .add_columns(Member.name, stage.c.stage)
        .outerjoin(stage, (stage.c.project_id == Project.id) & (stage.c.rank == 1))
        .outerjoin(investor, live_join(investor, Project.investor_id))
        .outerjoin(Member, live_join(Member, Project.owner_id))
        .where(Project.deleted.is_(False), Project.next_follow_up <= until)
        .where(or_(stage.c.stage.is_(None), stage.c.stage.not_in(RESTING_STAGES)))
    )
    if members is not None:
        mine = Project.owner_id.in_(members)
        query = query.where(or_(mine, Project.group_id == group_id) if group_id else mine)
    return [
        FollowUpRow("project", pid, due, org, name, (owner,) if owner else (), current)
        for pid, due, org, name, owner, current in session.execute(query)
    ]


def group_members(session: Session, group_id: uuid.UUID) -> list[uuid.UUID]:
    """The live members of a work group."""
    query = select(Member.id).where(Member.deleted.is_(False), Member.group_id == group_id)
    return list(session.execute(query).scalars())


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0].strip() if text.strip() else ""
