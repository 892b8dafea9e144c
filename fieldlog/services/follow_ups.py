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

from fieldlog.domain.stages import Stage
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
    stage: Stage | None = None


@dataclass(frozen=True)
class FollowUps:
    """Due follow-ups in three lists, each by due date then organization and title."""

    overdue: list[FollowUpItem] = field(default_factory=list)
    today: list[FollowUpItem] = field(default_factory=list)
    this_week: list[FollowUpItem] = field(default_factory=list)


def week_end(today: date) -> date:
    """The Sunday of today's ISO week."""
    return today + timedelta(days=6 - today.weekday())


def _item(row: rows.FollowUpRow) -> FollowUpItem:
    stage = Stage(row.stage) if row.stage else None
    kind: Literal["visit", "project"] = "visit" if row.kind == "visit" else "project"
    return FollowUpItem(kind, row.id, row.due, row.org, row.title, row.people, stage)


def _due_rows(
    db: Database, until: date, scope: Scope, member_id: uuid.UUID | None
) -> list[rows.FollowUpRow]:
    if scope not in SCOPES:
        raise InvalidInput(f"unknown scope {scope!r}; use one of {', '.join(SCOPES)}")
    if scope != "team" and member_id is None:
        raise InvalidInput(f"the scope {scope!r} needs a member")
    with db.read() as session:
        members: list[uuid.UUID] | None = None
        group_id = None
        if member_id is not None and scope != "team":
            try:
                member = get_live(session, Member, member_id, "member")
            except LookupError as exc:
                raise InvalidInput(str(exc)) from exc
            members = [member.id]
            # A member outside any group has only their own follow-ups as "my group".
            if scope == "group" and member.group_id is not None:
                group_id = member.group_id
                members = rows.group_members(session, group_id)
        visits = rows.visit_follow_ups(session, until, members)
        return visits + rows.project_follow_ups(session, until, members, group_id)


def follow_ups(
    db: Database, *, today: date, scope: Scope = "team", member_id: uuid.UUID | None = None
) -> FollowUps:
    """Follow-ups overdue (before today), due today, and due after today up to Sunday.

    "me" keeps visits the member took part in and projects they own; "group" does the same for
    every member of the member's work group, plus the projects the group holds.
    """
    found = sorted(
        (_item(row) for row in _due_rows(db, week_end(today), scope, member_id)),
        key=lambda item: (item.due, item.org or "", item.title, item.kind, str(item.id)),
    )
    return FollowUps(
        overdue=[item for item in found if item.due < today],
        today=[item for item in found if item.due == today],
        this_week=[item for item in found if item.due > today],
    )


def reminder_counts(
    db: Database, *, today: date, scope: Scope = "team", member_id: uuid.UUID | None = None
) -> tuple[int, int]:
    """(overdue, due today) for the reminder shown at start."""
    due = [row.due for row in _due_rows(db, today, scope, member_id)]
    return sum(1 for day in due if day < today), sum(1 for day in due if day == today)
