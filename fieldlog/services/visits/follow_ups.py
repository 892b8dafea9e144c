"""Follow-ups: what is overdue, due today and due later this week, for me, my group or the team.

Sources: the latest live visit to each organization, when it sets a next follow-up date (a later
visit to the same organization supersedes an earlier visit's follow-up, since it *was* the
follow-up, even if it sets none), and live projects, neither dropped nor paused, with a next
follow-up date. Tombstoned visits, projects, organizations and members are hidden.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from sqlalchemy.orm import Session

from fieldlog.domain.messages import carried, msg
from fieldlog.domain.stages import Stage, known_stage
from fieldlog.services.errors import InvalidInput
from fieldlog.store.database import Database
from fieldlog.store.models import Member
from fieldlog.store.repositories import follow_up_rows as rows
from fieldlog.store.repositories.common import get_live

Scope = Literal["me", "group", "team"]
SCOPES: tuple[Scope, ...] = ("me", "group", "team")


@dataclass(frozen=True)
class FollowUpItem:
    """One due follow-up; `people` are the visitors of a visit or the owner of a project."""

    kind: Literal["visit", "project"]
    id: uuid.UUID
    due: date
    org: str | None
    title: str
    people: tuple[str, ...]
    stage: Stage | str | None = None  # the stored code when only a newer FieldLog's


@dataclass(frozen=True)
class FollowUps:
    """Due follow-ups in three lists, each by due date then organization and title."""

    overdue: list[FollowUpItem] = field(default_factory=list)
    today: list[FollowUpItem] = field(default_factory=list)
    this_week: list[FollowUpItem] = field(default_factory=list)


@dataclass(frozen=True)
class FollowUpCounts:
    """How many follow-ups are overdue, due today and due later this week."""

    overdue: int = 0
    today: int = 0
    this_week: int = 0


@dataclass(frozen=True)
class FollowUpPage:
    """Follow-ups of a range of days, sorted; `next_first` starts the next page (None: done)."""

    items: list[FollowUpItem]
    next_first: date | None


def week_end(today: date) -> date:
    """The Sunday of today's ISO week."""
    return today + timedelta(days=6 - today.weekday())


def _item(row: rows.FollowUpRow) -> FollowUpItem:
    stage = known_stage(row.stage) or row.stage or None
    kind: Literal["visit", "project"] = "visit" if row.kind == "visit" else "project"
    return FollowUpItem(kind, row.id, row.due, row.org, row.title, row.people, stage)


def _sort_key(item: FollowUpItem) -> tuple[date, str, str, str, str]:
    return (item.due, item.org or "", item.title, item.kind, str(item.id))


@dataclass(frozen=True)
class _Whose:
    """Whose follow-ups: None for everybody, else members and the group whose projects count."""

    members: list[uuid.UUID] | None = None
    group_id: uuid.UUID | None = None


def _whose(session: Session, scope: Scope, member_id: uuid.UUID | None) -> _Whose:
    if scope not in SCOPES:
        raise InvalidInput(
            msg(
                "followup.unknown_scope",
                "unknown scope {scope}; use one of {choices}",
                scope=repr(scope),
                choices=", ".join(SCOPES),
            )
        )
    if scope != "team" and member_id is None:
        raise InvalidInput(
            msg(
                "followup.scope_needs_member", "the scope {scope} needs a member", scope=repr(scope)
            )
        )
    if member_id is None or scope == "team":
        return _Whose()
    try:
        member = get_live(session, Member, member_id, "member")
    except LookupError as exc:
        raise InvalidInput(carried(exc)) from exc
    # A member outside any group has only their own follow-ups as "my group".
    if scope == "group" and member.group_id is not None:
        return _Whose(rows.group_members(session, member.group_id), member.group_id)
    return _Whose([member.id])


def _page_end(
    session: Session, first: date | None, last: date, whose: _Whose, limit: int | None
) -> date:
    """The last day of a page holding at least `limit` follow-ups (or all) and whole days."""
    if limit is None:
        return last
    ends = (
        rows.visit_due_at(session, first, last, whose.members, limit),
        rows.project_due_at(session, first, last, whose.members, whose.group_id, limit),
    )
    return min((end for end in ends if end is not None), default=last)


def follow_up_page(
    db: Database,
    *,
    first: date | None,
    last: date,
    limit: int | None = None,
    scope: Scope = "team",
    member_id: uuid.UUID | None = None,
) -> FollowUpPage:
    """Follow-ups due from `first` (None: any time before) to `last`, by due date then
    organization and title; at least `limit` of them when there are, and whole days only."""
    with db.read() as session:
        whose = _whose(session, scope, member_id)
        end = _page_end(session, first, last, whose, limit)
        found = rows.visit_follow_ups(session, first, end, whose.members)
        found += rows.project_follow_ups(session, first, end, whose.members, whose.group_id)
    items = sorted((_item(row) for row in found), key=_sort_key)
    return FollowUpPage(items, end + timedelta(days=1) if end < last else None)


def follow_ups(
    db: Database, *, today: date, scope: Scope = "team", member_id: uuid.UUID | None = None
) -> FollowUps:
    """Follow-ups overdue (before today), due today, and due after today up to Sunday.

    "me" keeps visits the member took part in and projects they own; "group" does the same for
    every member of the member's work group, plus the projects the group holds.
    """
    page = follow_up_page(db, first=None, last=week_end(today), scope=scope, member_id=member_id)
    found = page.items
    return FollowUps(
        overdue=[item for item in found if item.due < today],
        today=[item for item in found if item.due == today],
        this_week=[item for item in found if item.due > today],
    )


def follow_up_counts(
    db: Database, *, today: date, scope: Scope = "team", member_id: uuid.UUID | None = None
) -> FollowUpCounts:
    """How many follow-ups are overdue, due today, and due after today up to Sunday."""
    return _counts(db, today, week_end(today), scope, member_id)


def _counts(
    db: Database, today: date, until: date, scope: Scope, member_id: uuid.UUID | None
) -> FollowUpCounts:
    with db.read() as session:
        whose = _whose(session, scope, member_id)
        visits = rows.visit_due_counts(session, today, until, whose.members)
        projects = rows.project_due_counts(session, today, until, whose.members, whose.group_id)
    return FollowUpCounts(*(a + b for a, b in zip(visits, projects, strict=True)))


def reminder_counts(
    db: Database, *, today: date, scope: Scope = "team", member_id: uuid.UUID | None = None
) -> tuple[int, int]:
    """(overdue, due today) for the reminder shown at start."""
    counts = _counts(db, today, today, scope, member_id)
    return counts.overdue, counts.today
