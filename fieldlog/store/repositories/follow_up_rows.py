"""Follow-ups that are due: from the latest visit to each organization, and from open projects.

Functions receive a session and never commit; tombstones are hidden. Dates are ranges of due
dates, `first` (None: no lower bound) to `last`, inclusive. On SQLite the latest visit of each
organization is read from the table its triggers keep (fieldlog.store.follow_up_index);
elsewhere visits are ranked by a window function.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from fieldlog.domain.stages import KNOWN_CODES, Stage
from fieldlog.store import follow_up_index
from fieldlog.store.collation import bytewise
from fieldlog.store.models import (
    Member,
    Organization,
    Project,
    StageEvent,
    Visit,
    VisitVisitor,
)
from fieldlog.store.repositories.common import between, live_join

#: Stages whose projects wait for nobody: their follow-up dates are not due.
RESTING_STAGES = (Stage.DROPPED.value, Stage.PAUSED.value)

#: (overdue, due today, due later up to the range's end).
Counts = tuple[int, int, int]


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


def reads_derived_table(session: Session) -> bool:
    """Whether the latest visits come from follow_up_latest (SQLite) or a ranking of visits."""
    return follow_up_index.present(session.connection())


def _ranked_latest() -> Any:
    """(visit_id, due) of each live organization's latest live visit that sets a follow-up."""
    rank = (
        func.row_number()
        .over(
            partition_by=Visit.org_id,
            order_by=(Visit.visited_on.desc(), Visit.created_at.desc(), Visit.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(Visit.id, Visit.next_follow_up, rank)
        .join(Organization, live_join(Organization, Visit.org_id))
        .where(Visit.deleted.is_(False))
        .subquery()
    )
    query = select(ranked.c.id.label("visit_id"), ranked.c.next_follow_up.label("due"))
    return query.where(ranked.c.rank == 1, ranked.c.next_follow_up.is_not(None)).subquery()


def _latest(session: Session) -> Any:
    return follow_up_index.follow_up_latest if reads_derived_table(session) else _ranked_latest()


def _visit_conditions(
    latest: Any,
    first: date | None,
    last: date,
    members: Collection[uuid.UUID] | None,
    counting: bool = False,
) -> list[ColumnElement[bool]]:
    conditions = between(latest.c.due, first, last)
    if members is None:
        return conditions
    live = (VisitVisitor.deleted.is_(False), VisitVisitor.member_id.in_(members))
    if counting and len(members) == 1:
        # Counting all: one member's visits are fewer than the due follow-ups, so read them and
        # look each up. A page in due order probes instead, and stops when it is full.
        conditions.append(latest.c.visit_id.in_(select(VisitVisitor.visit_id).where(*live)))
    else:
        # A group's visits outnumber the due follow-ups: probe the visitors of each.
        visited = select(VisitVisitor.id).where(VisitVisitor.visit_id == latest.c.visit_id, *live)
        conditions.append(visited.exists())
    return conditions


def _visitors(session: Session, visit_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    query = (
        select(VisitVisitor.visit_id, Member.name)
        .join(Member, live_join(Member, VisitVisitor.member_id))
        .where(VisitVisitor.deleted.is_(False), VisitVisitor.visit_id.in_(visit_ids))
        .order_by(bytewise(Member.name))
    )
    names: dict[uuid.UUID, list[str]] = defaultdict(list)
    for visit_id, name in session.execute(query):
        names[visit_id].append(name)
    return names


def visit_follow_ups(
    session: Session,
    first: date | None,
    last: date,
    members: Collection[uuid.UUID] | None = None,
) -> list[FollowUpRow]:
    """Follow-ups due in the range of the latest visit to each organization.

    A later visit supersedes an earlier one's follow-up (it was the follow-up), even when the later
    visit sets none. `members` (None: everybody) keeps visits one of them took part in.
    """
    latest = _latest(session)
    query: Any = (
        select(Visit.id, latest.c.due, Organization.name, Visit.summary)
        .select_from(latest)
        .join(Visit, Visit.id == latest.c.visit_id)
        .join(Organization, Organization.id == Visit.org_id)
        .where(*_visit_conditions(latest, first, last, members))
    )
    rows = list(session.execute(query))
    names = _visitors(session, [row[0] for row in rows])
    return [
        FollowUpRow("visit", vid, due, org, _first_line(summary), tuple(names[vid]), None)
        for vid, due, org, summary in rows
    ]


def visit_due_at(
    session: Session,
    first: date | None,
    last: date,
    members: Collection[uuid.UUID] | None,
    position: int,
) -> date | None:
    """The due date of the `position`-th (from 1) visit follow-up in the range by due date."""
    latest = _latest(session)
    query = (
        select(latest.c.due)
        .where(*_visit_conditions(latest, first, last, members))
        .order_by(latest.c.due)
        .offset(position - 1)
        .limit(1)
    )
    found: date | None = session.execute(query).scalar()
    return found


def _bucket_counts(due: Any, today: date) -> Any:
    def count(condition: ColumnElement[bool]) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    return (count(due < today), count(due == today), count(due > today))


def visit_due_counts(
    session: Session, today: date, until: date, members: Collection[uuid.UUID] | None = None
) -> Counts:
    """How many visit follow-ups are overdue, due today, and due after today up to `until`."""
    latest = _latest(session)
    query = select(*_bucket_counts(latest.c.due, today)).where(
        *_visit_conditions(latest, None, until, members, counting=True)
    )
    overdue, due_today, later = session.execute(query).one()
    return int(overdue), int(due_today), int(later)


def _current_stages() -> Any:
    """Each project's latest live stage event of a known stage, ranked 1 (a newer FieldLog's
    unknown stage leaves the project where its known events put it); a project with unknown
    stages only, its latest event."""
    unknown_last = case((StageEvent.stage.in_(KNOWN_CODES), 0), else_=1)
    rank = (
        func.row_number()
        .over(
            partition_by=StageEvent.project_id,
            order_by=(unknown_last, StageEvent.occurred_on.desc(), StageEvent.hlc.desc()),
        )
        .label("rank")
    )
    query = select(StageEvent.project_id, StageEvent.stage, rank)
    return query.where(StageEvent.deleted.is_(False)).subquery()


def _open_projects(
    query: Any,
    stage: Any,
    first: date | None,
    last: date,
    members: Collection[uuid.UUID] | None,
    group_id: uuid.UUID | None,
) -> Any:
    query = (
        query.outerjoin(stage, (stage.c.project_id == Project.id) & (stage.c.rank == 1))
        .where(Project.deleted.is_(False), *between(Project.next_follow_up, first, last))
        .where(or_(stage.c.stage.is_(None), stage.c.stage.not_in(RESTING_STAGES)))
    )
    if members is not None:
        mine = Project.owner_id.in_(members)
        query = query.where(or_(mine, Project.group_id == group_id) if group_id else mine)
    return query


def project_follow_ups(
    session: Session,
    first: date | None,
    last: date,
    members: Collection[uuid.UUID] | None = None,
    group_id: uuid.UUID | None = None,
) -> list[FollowUpRow]:
    """Follow-ups due in the range of live projects that are neither dropped nor paused.

    With `members`, keeps projects one of them owns, or (with `group_id`) that the group holds.
    """
    stage = _current_stages()
    investor = aliased(Organization)
    query: Any = (
        select(Project.id, Project.next_follow_up, investor.name, Project.name)
        .add_columns(Member.name, stage.c.stage)
        .outerjoin(investor, live_join(investor, Project.investor_id))
        .outerjoin(Member, live_join(Member, Project.owner_id))
    )
    query = _open_projects(query, stage, first, last, members, group_id)
    return [
        FollowUpRow("project", pid, due, org, name, (owner,) if owner else (), current)
        for pid, due, org, name, owner, current in session.execute(query)
    ]


def project_due_at(
    session: Session,
    first: date | None,
    last: date,
    members: Collection[uuid.UUID] | None,
    group_id: uuid.UUID | None,
    position: int,
) -> date | None:
    """The due date of the `position`-th (from 1) project follow-up in the range by due date."""
    query = select(Project.next_follow_up).order_by(Project.next_follow_up)
    query = _open_projects(query, _current_stages(), first, last, members, group_id)
    found: date | None = session.execute(query.offset(position - 1).limit(1)).scalar()
    return found


def project_due_counts(
    session: Session,
    today: date,
    until: date,
    members: Collection[uuid.UUID] | None = None,
    group_id: uuid.UUID | None = None,
) -> Counts:
    """How many project follow-ups are overdue, due today, and due after today up to `until`."""
    query = select(*_bucket_counts(Project.next_follow_up, today))
    query = _open_projects(query, _current_stages(), None, until, members, group_id)
    overdue, due_today, later = session.execute(query).one()
    return int(overdue), int(due_today), int(later)


def group_members(session: Session, group_id: uuid.UUID) -> list[uuid.UUID]:
    """The live members of a work group."""
    query = select(Member.id).where(Member.deleted.is_(False), Member.group_id == group_id)
    return list(session.execute(query).scalars())


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0].strip() if text.strip() else ""
