"""What the written briefing (工作简报) reads besides the figures: the team, and the projects
signed in a period with the names the briefing cites.

Functions receive a session and never commit; tombstones are hidden (see common).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.domain.period import Period
from fieldlog.store.models import Project, Team
from fieldlog.store.repositories.common import in_period
from fieldlog.store.repositories.project_names import Investor, named_projects


@dataclass(frozen=True)
class BriefTeam:
    """The team as the briefing names it, and its dispatch period (either end may be unset)."""

    name: str
    reporting_unit: str
    dispatch_start: date | None
    dispatch_end: date | None


@dataclass(frozen=True)
class SignedProject:
    """A live project first signed in the period: its work group, name, investor and amount."""

    id: uuid.UUID
    group_id: uuid.UUID | None
    name: str
    investor: str | None
    contract_yuan: int | None
    signed_on: date


def brief_team(session: Session) -> BriefTeam | None:
    """The database's team (the first one created), or None before set-up."""
    query = (
        select(Team.name, Team.reporting_unit, Team.dispatch_start, Team.dispatch_end)
        .where(Team.deleted.is_(False))
        .order_by(Team.created_at, Team.id)
        .limit(1)
    )
    found = session.execute(query).first()
    return BriefTeam(*found) if found else None


def signed_projects(session: Session, period: Period) -> list[SignedProject]:
    """Live projects whose first signing is dated in `period`, largest contract first."""
    query = (
        named_projects(
            Project.id,
            Project.group_id,
            Project.name,
            Investor.name,
            Project.contract_yuan,
            Project.signed_on,
        )
        .where(Project.signed_on.is_not(None), *in_period(Project.signed_on, period))
        .order_by(Project.contract_yuan.desc().nulls_last(), Project.signed_on, Project.id)
    )
    return [SignedProject(*tuple(row)) for row in session.execute(query)]
