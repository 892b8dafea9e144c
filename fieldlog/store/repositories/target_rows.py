"""Targets (目标任务) as setting them and measuring progress need them.

Functions receive a session and never commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.domain.period import Period
from fieldlog.store.models import Target


@dataclass(frozen=True)
class RunningTarget:
    """A live target running on the day asked about."""

    scope: str
    scope_id: uuid.UUID
    metric: str
    start: date
    end: date
    value: int


def target_records(
    session: Session, scope: str, scope_id: uuid.UUID, metric: str, period: Period
) -> Sequence[Target]:
    """Every row for one metric, scope and exact period: live rows first, then tombstones,
    latest stamp first within each (setting a cleared target again revives the latest)."""
    query = select(Target).where(
        Target.scope == scope,
        Target.scope_id == scope_id,
        Target.metric == metric,
        Target.period_start == period.start,
        Target.period_end == period.end,
    )
    return session.execute(query.order_by(Target.deleted, Target.hlc.desc())).scalars().all()


def target_values(
    session: Session, scope: str, scope_id: uuid.UUID, period: Period
) -> dict[str, int]:
    """The live targets of a scope whose period is exactly `period`, by metric."""
    query = select(Target.metric, Target.value).where(
        Target.scope == scope,
        Target.scope_id == scope_id,
        Target.period_start == period.start,
        Target.period_end == period.end,
        Target.deleted.is_(False),
    )
    return {metric: value for metric, value in session.execute(query)}


def running_targets(
    session: Session, scope_ids: Collection[uuid.UUID], day: date
) -> list[RunningTarget]:
    """The live targets of these scopes whose period contains `day`, latest start last (then by
    stamp, so the later of two same-day starts comes last)."""
    query = (
        select(Target.scope, Target.scope_id, Target.metric)
        .add_columns(Target.period_start, Target.period_end, Target.value)
        .where(Target.deleted.is_(False), Target.scope_id.in_(set(scope_ids)))
        .where(Target.period_start <= day, Target.period_end >= day)
        .order_by(Target.period_start, Target.hlc, Target.id)
    )
    return [RunningTarget(*row) for row in session.execute(query)]
