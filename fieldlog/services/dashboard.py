"""The dashboard's tables: targets against actuals, and rankings by group, member and county."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from fieldlog.domain.counting import METRICS
from fieldlog.domain.period import Period
from fieldlog.services.stats import compute
from fieldlog.services.team import members
from fieldlog.store.database import Database
from fieldlog.store.models import Target
from fieldlog.store.repositories.facts import Scope
from fieldlog.store.repositories.report_rows import (
    Named,
    member_counties,
    team_row,
    work_groups,
)

RANKING_KINDS = ("group", "member", "county")


@dataclass(frozen=True)
class TargetProgress:
    """One target with its actual so far, 完成率, time elapsed share and 超/欠时间进度."""

    metric: str
    scope: str  # "team" or "group"
    scope_name: str
    start: date
    end: date
    target: int
    actual: int
    rate: float | None  # actual / target; None when the target is 0
    elapsed: float  # share of the target period gone by today, 0..1
    ahead: float | None  # rate − elapsed: > 0 ahead of the pace, < 0 behind


@dataclass(frozen=True)
class RankingRow:
    """One group, member or county with its figures for the period."""

    name: str
    enterprises_visited: int
    associations_visited: int
    visits: int
    projects_signed: int
    contract_amount_yuan: int
    funds_in_place_yuan: int


@dataclass(frozen=True)
class _Running:
    """A live target running on the day asked about."""

    scope: str
    scope_id: uuid.UUID
    metric: str
    start: date
    end: date
    value: int


def _targets_on(
    db: Database, scopes: dict[uuid.UUID, tuple[str, str]], day: date
) -> list[_Running]:
    """Live targets of these scopes whose period contains `day`, latest start last."""
    with db.read() as session:
        query = (
            select(Target.scope, Target.scope_id, Target.metric)
            .add_columns(Target.period_start, Target.period_end, Target.value)
            .where(Target.deleted.is_(False), Target.scope_id.in_(scopes))
            .where(Target.period_start <= day, Target.period_end >= day)
            .order_by(Target.period_start, Target.hlc, Target.id)
        )
        rows = [_Running(*row) for row in session.execute(query)]
    return [t for t in rows if scopes[t.scope_id][0] == t.scope]


def _progress(db: Database, target: _Running, scope_name: str, today: date) -> TargetProgress:
    start, end = target.start, target.end
    until = min(today, end)
    scope = None if target.scope == "team" else Scope(target.scope, target.scope_id)
    actual = compute(db, Period(start, until), scope).value(target.metric)
    rate = actual / target.value if target.value else None
    elapsed = ((until - start).days + 1) / ((end - start).days + 1)
    ahead = rate - elapsed if rate is not None else None
    return TargetProgress(
        target.metric, target.scope, scope_name, start, end, target.value, actual,
        rate, elapsed, ahead,
    )  # fmt: skip


def targets_progress(db: Database, *, today: date) -> list[TargetProgress]:
    """The team's and the groups' targets running on `today`, team first, in metric order."""
    with db.read() as session:
        team = team_row(session)
        groups = work_groups(session)
    scopes: dict[uuid.UUID, tuple[str, str]] = {g.id: ("group", g.name) for g in groups}
    if team is not None:
        scopes[team.id] = ("team", team.name)
    latest: dict[tuple[uuid.UUID, str], _Running] = {}
    for target in _targets_on(db, scopes, today):
        # Of several overlapping targets for one metric, the latest start wins (as the return).
        latest[(target.scope_id, target.metric)] = target
    order = [team.id] if team else []
    order += [g.id for g in groups]
    chosen = sorted(
        latest.values(), key=lambda t: (order.index(t.scope_id), METRICS.index(t.metric))
    )
    return [_progress(db, t, scopes[t.scope_id][1], today) for t in chosen]


def _scopes(db: Database, by: str) -> list[Named]:
    if by not in RANKING_KINDS:
        raise ValueError(f"unknown ranking {by!r}; use one of {', '.join(RANKING_KINDS)}")
    with db.read() as session:
        if by == "group":
            return work_groups(session)
        if by == "county":
            return member_counties(session)
    return [Named(m.id, m.name) for m in members(db)]


def rankings(db: Database, period: Period, by: str) -> list[RankingRow]:
    """Each group, member or home county with its figures, most enterprises visited first."""
    rows = []
    for named in _scopes(db, by):
        stats = compute(db, period, Scope(by, named.id))
        rows.append(
            RankingRow(
                named.name,
                stats.enterprises_visited,
                stats.associations_visited,
                stats.visits,
                stats.projects_signed,
                stats.contract_amount_yuan,
                stats.funds_in_place_yuan,
            )
        )
    rows.sort(key=lambda r: (-r.enterprises_visited, -r.visits, r.name))
    return rows
