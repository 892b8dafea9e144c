"""Targets (目标任务) for the team, a work group, a member or a county."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from fieldlog.domain.counting import METRICS
from fieldlog.domain.period import Period
from fieldlog.services.errors import InvalidInput
from fieldlog.services.validate import required_date
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Member, Replicated, Target, Team, WorkGroup
from fieldlog.store.repositories.common import get_live

SCOPES: dict[str, type[Replicated]] = {
    "team": Team,
    "group": WorkGroup,
    "member": Member,
    "county": CatalogItem,
}


def set_target(
    db: Database, scope: str, scope_id: uuid.UUID, metric: str, period: Period, value: int
) -> uuid.UUID:
    """Set (or replace) the target for one metric, scope and period."""
    if scope not in SCOPES:
        raise InvalidInput(f"unknown target scope {scope!r}; use one of {', '.join(SCOPES)}")
    if metric not in METRICS:
        raise InvalidInput(f"unknown metric {metric!r}; use one of {', '.join(METRICS)}")
    start = required_date(period.start, "target start")
    end = required_date(period.end, "target end")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput("a target must be a whole number, 0 or more")
    with db.begin() as session:
        get_live(session, SCOPES[scope], scope_id, scope)
        query = select(Target).where(
            Target.scope == scope,
            Target.scope_id == scope_id,
            Target.metric == metric,
            Target.period_start == start,
            Target.period_end == end,
            Target.deleted.is_(False),
        )
        target = session.execute(query).scalars().first() or Target(
            scope=scope, scope_id=scope_id, metric=metric, period_start=start, period_end=end
        )
        target.value = value
        session.add(target)
        session.flush()
        return target.id


def targets_for(db: Database, scope: str, scope_id: uuid.UUID, period: Period) -> dict[str, int]:
    """The targets of a scope whose period is exactly `period`, by metric."""
    with db.read() as session:
        query = select(Target.metric, Target.value).where(
            Target.scope == scope,
            Target.scope_id == scope_id,
            Target.period_start == period.start,
            Target.period_end == period.end,
            Target.deleted.is_(False),
        )
        return {metric: value for metric, value in session.execute(query)}
