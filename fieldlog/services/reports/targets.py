"""Targets (目标任务) for the team, a work group, a member or a county, and progress towards them.

Values are counts, or integer yuan for the amount metrics (entered in 万元 by the window).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from fieldlog.domain.indicators import METRICS
from fieldlog.domain.messages import msg
from fieldlog.domain.period import Period
from fieldlog.services.edits import merge_edit, save_edit
from fieldlog.services.errors import InvalidInput
from fieldlog.services.reports.stats import compute
from fieldlog.services.validate import required_date, user_errors
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Member, Replicated, Target, Team, WorkGroup
from fieldlog.store.repositories.common import get_live
from fieldlog.store.repositories.dashboard_rows import counties, live_members
from fieldlog.store.repositories.facts import Scope
from fieldlog.store.repositories.report_rows import Named, team_row, work_groups
from fieldlog.store.repositories.target_rows import (
    RunningTarget,
    running_targets,
    target_records,
    target_values,
)

SCOPES: dict[str, type[Replicated]] = {
    "team": Team,
    "group": WorkGroup,
    "member": Member,
    "county": CatalogItem,
}


@dataclass(frozen=True)
class TargetProgress:
    """One target with its actual so far, 完成率, time elapsed share and 超/欠时间进度."""

    metric: str
    scope: str  # "team", "group", "member" or "county"
    scope_name: str
    start: date
    end: date
    target: int
    actual: int
    rate: float | None  # actual / target; None when the target is 0
    elapsed: float  # share of the target period gone by today, 0..1
    ahead: float | None  # rate − elapsed: > 0 ahead of the pace, < 0 behind


def _checked(scope: str, metric: str, period: Period) -> tuple[date, date]:
    if scope not in SCOPES:
        raise InvalidInput(
            msg(
                "target.unknown_scope",
                "unknown target scope {scope}; use one of {scopes}",
                scope=repr(scope),
                scopes=", ".join(SCOPES),
            )
        )
    if metric not in METRICS:
        raise InvalidInput(
            msg(
                "target.unknown_metric",
                "unknown metric {metric}; use one of {metrics}",
                metric=repr(metric),
                metrics=", ".join(METRICS),
            )
        )
    return required_date(period.start, msg("field.target_start", "target start")), required_date(
        period.end, msg("field.target_end", "target end")
    )


def _checked_value(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(msg("target.not_a_count", "a target must be a whole number, 0 or more"))
    return value


def _live_scope(session: Session, scope: str, scope_id: uuid.UUID) -> None:
    with user_errors():
        record = get_live(session, SCOPES[scope], scope_id, scope)
    if isinstance(record, CatalogItem) and record.kind != "county":
        raise InvalidInput(
            msg("target.not_a_county", "{name} is not a county", name=repr(record.name))
        )


def set_target(
    db: Database, scope: str, scope_id: uuid.UUID, metric: str, period: Period, value: int
) -> uuid.UUID:
    """Set (or replace) the target for one metric, scope and period."""
    start, end = _checked(scope, metric, period)
    value = _checked_value(value)
    with db.begin() as session:
        _live_scope(session, scope, scope_id)
        found = target_records(session, scope, scope_id, metric, Period(start, end))
        target = found[0] if found else Target(
            scope=scope, scope_id=scope_id, metric=metric, period_start=start, period_end=end
        )  # fmt: skip
        target.value, target.deleted = value, False
        session.add(target)
        session.flush()
        return target.id


def clear_target(
    db: Database, scope: str, scope_id: uuid.UUID, metric: str, period: Period
) -> bool:
    """Remove (tombstone) the target for one metric, scope and period; False if there was none."""
    _checked(scope, metric, period)
    with db.begin() as session:
        live = [
            t for t in target_records(session, scope, scope_id, metric, period) if not t.deleted
        ]
        for target in live:
            target.deleted = True
        return bool(live)


def targets_for(db: Database, scope: str, scope_id: uuid.UUID, period: Period) -> dict[str, int]:
    """The targets of a scope whose period is exactly `period`, by metric."""
    with db.read() as session:
        return target_values(session, scope, scope_id, period)


def save_targets(
    db: Database,
    scope: str,
    scope_id: uuid.UUID,
    period: Period,
    values: Mapping[str, int | None],
    shown: Mapping[str, int | None] | None = None,
) -> dict[str, int | None]:
    """Set each metric's target (None clears it) in one transaction; returns the changed
    metrics' previous values (None: had none). With `shown` (the targets the form loaded), a
    metric whose value is as shown is left as stored now, and a value another user set
    meanwhile that this save replaces goes to the conflict log (`services/edits.py`); undo is
    the same save with `values` and `shown` swapped."""
    _checked(scope, METRICS[0], period)  # the scope and period, even when no value is given
    for metric, value in values.items():
        _checked(scope, metric, period)
        if value is not None:
            _checked_value(value)
    with db.begin() as session:
        _live_scope(session, scope, scope_id)
        stored = targets_for(db, scope, scope_id, period)
        changed = {}
        for metric, value in values.items():
            loaded = stored.get(metric) if shown is None else shown.get(metric)
            if _save_one(db, session, (scope, scope_id, metric, period), value, loaded):
                changed[metric] = stored.get(metric)
        return changed


@dataclass(frozen=True)
class _Value:
    value: int | None


def _save_one(
    db: Database,
    session: Session,
    key: tuple[str, uuid.UUID, str, Period],
    value: int | None,
    loaded: int | None,
) -> bool:
    """Merge one metric's value from its form over the stored one; False when nothing changed."""
    scope, scope_id, metric, period = key
    stored = target_values(session, scope, scope_id, period).get(metric)
    merged = merge_edit(_Value(loaded), _Value(value), _Value(stored))
    if not merged.changed or stored == value:
        return False

    def save(data: _Value) -> None:
        if data.value is None:
            clear_target(db, scope, scope_id, metric, period)
        else:
            set_target(db, scope, scope_id, metric, period, data.value)

    found = target_records(session, scope, scope_id, metric, period)
    if not found:
        save(merged.data)
        return True
    # A target set over one cleared meanwhile, or cleared over one set meanwhile, replaces its
    # tombstone: that is the value to log (and to restore).
    column = "value" if stored is not None and value is not None else "deleted"
    return save_edit(session, found[0], merged, save, {"value": column})


def target_scopes(db: Database) -> dict[str, list[Named]]:
    """What targets can be set for: the team, each work group, member and county, in order."""
    with db.read() as session:
        team = team_row(session)
        return {
            "team": [Named(team.id, team.name)] if team else [],
            "group": work_groups(session),
            "member": live_members(session),
            "county": counties(session),
        }


def _targets_on(
    db: Database, names: dict[tuple[str, uuid.UUID], str], day: date
) -> list[RunningTarget]:
    """Live targets of these scopes whose period contains `day`, latest start last."""
    with db.read() as session:
        rows = running_targets(session, {i for _s, i in names}, day)
    # A newer FieldLog's scope or metric is skipped: this version cannot count it.
    return [t for t in rows if (t.scope, t.scope_id) in names and t.metric in METRICS]


def _progress(db: Database, target: RunningTarget, scope_name: str, today: date) -> TargetProgress:
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
    """Targets running on `today`: the team's, then each group's, member's and county's, each
    in metric order."""
    order = [(kind, named) for kind, found in target_scopes(db).items() for named in found]
    names = {(kind, named.id): named.name for kind, named in order}
    rank = {key: index for index, key in enumerate(names)}
    latest: dict[tuple[str, uuid.UUID, str], RunningTarget] = {}
    for target in _targets_on(db, names, today):
        # Of several overlapping targets for one metric, the latest start wins (as the return).
        latest[(target.scope, target.scope_id, target.metric)] = target
    chosen = sorted(
        latest.values(),
        key=lambda t: (rank[(t.scope, t.scope_id)], METRICS.index(t.metric)),
    )
    return [_progress(db, t, names[(t.scope, t.scope_id)], today) for t in chosen]
