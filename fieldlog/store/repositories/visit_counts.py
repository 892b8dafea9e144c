"""The visit figures of SPEC §3.5 counted by the database, without reading the visits.

This is the one implementation of the visit rules: live visits to live organizations dated in
the period, for a scope those with a live visitor from it; distinct enterprises and associations
visited. Whether for one scope or for every scope of a kind at once, property tests hold it to
the plain-Python reference in `tests/reference_counting.py`.

The all-time figures of the whole team (no period bounds, no scope) read, on SQLite, each
organization's live visits from the table its triggers keep (`store/visit_tally.py`) instead of
counting a million visits: the same per-organization counts, joined to the live organizations
by the same query, with or without the credit-code identity rule. A bureau's team view, which
sees some of the visits only, counts them.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, String, Subquery, case, cast, func, select
from sqlalchemy.orm import Session

from fieldlog.domain.counting import VisitCounts
from fieldlog.domain.period import Period
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.store import visit_tally
from fieldlog.store.models import Organization, OrgIdentity, Visit, VisitVisitor
from fieldlog.store.repositories.common import in_period
from fieldlog.store.repositories.facts import Scope, members_of, scope_members


def visit_counts(
    session: Session, period: Period, scope: Scope | None = None, *, by_code: bool = False
) -> VisitCounts:
    """Visits in `period` (for `scope`, if given) and the distinct organizations they reached.

    `by_code` counts organizations sharing a credit code once, and those a bureau confirmed to
    be one enterprise (`OrgIdentity`): a bureau's records of several teams, each of which has its
    own record of an enterprise both visited.
    """
    tallied = (
        scope is None and _all_time(period) and visit_tally.counts_visits(session.connection())
    )
    per_org = (_tallied() if tallied else _per_org(period, scope)).subquery()
    row = session.execute(_totals_by_code(per_org) if by_code else _totals(per_org)).one()
    return _counts(*row)


def visit_counts_by(session: Session, period: Period, kind: str) -> dict[uuid.UUID, VisitCounts]:
    """`visit_counts` of every scope of `kind` with any visit in `period`, in one query."""
    per_org = _per_scope_org(period, kind).subquery()
    query = _totals(per_org).add_columns(per_org.c.scope_id).group_by(per_org.c.scope_id)
    return {scope_id: _counts(*row) for *row, scope_id in session.execute(query)}


def _counts(visits: int | None, enterprises: int, associations: int) -> VisitCounts:
    return VisitCounts(int(visits or 0), enterprises, associations)


def _live_visits(period: Period) -> list[Any]:
    return [Visit.deleted.is_(False), *in_period(Visit.visited_on, period)]


def _visited(kind: OrgKind) -> Any:
    return func.count(case((Organization.kind == kind.value, 1)))


def _totals(per_org: Subquery) -> Select[Any, int, int]:
    """(visits, enterprises, associations) over per-organization visit counts, live ones only."""
    # Counting per organization first reads the visits from the (org_id, deleted, visited_on)
    # index alone and looks each visited organization up once, not once per visit; counting
    # the two kinds side by side needs no sort by kind.
    return (
        select(func.sum(per_org.c.n), _visited(OrgKind.ENTERPRISE), _visited(OrgKind.ASSOCIATION))
        .select_from(Organization)
        .join(per_org, per_org.c.org_id == Organization.id)
        .where(Organization.deleted.is_(False))
    )


def _identity() -> Any:
    # An organization is the enterprise a bureau confirmed it to be, else its credit code when it
    # has one, else itself.
    return func.coalesce(
        OrgIdentity.key,
        func.nullif(Organization.credit_code, ""),
        cast(Organization.id, String),
    )


def _distinct(kind: OrgKind) -> Any:
    return func.count(func.distinct(case((Organization.kind == kind.value, _identity()))))


def _totals_by_code(per_org: Subquery) -> Select[Any, int, int]:
    """As `_totals`, with organizations that share a credit code counted once."""
    return (
        select(func.sum(per_org.c.n), _distinct(OrgKind.ENTERPRISE), _distinct(OrgKind.ASSOCIATION))
        .select_from(Organization)
        .join(per_org, per_org.c.org_id == Organization.id)
        .outerjoin(OrgIdentity, OrgIdentity.org_id == Organization.id)
        .where(Organization.deleted.is_(False))
    )


def _all_time(period: Period) -> bool:
    return period.start is None and period.end is None


def _tallied() -> Select[Any, int]:
    """Live visits per organization with any, as the triggers keep them (what `_per_org` counts
    over an unbounded period without a scope)."""
    table = visit_tally.visit_tally
    return select(table.c.org_id.label("org_id"), table.c.visits.label("n"))


def _per_org(period: Period, scope: Scope | None) -> Select[uuid.UUID, int]:
    """Live visits in the period (and scope) per organization visited."""
    query = select(Visit.org_id.label("org_id"), func.count().label("n")).where(
        *_live_visits(period)
    )
    if scope is not None:
        # A visit with two visitors from the scope counts once: the visits, not their visitors.
        visitors = (
            select(VisitVisitor.visit_id.label("visit_id"))
            .where(VisitVisitor.deleted.is_(False), VisitVisitor.member_id.in_(members_of(scope)))
            .distinct()
            .subquery()
        )
        query = query.select_from(visitors).join(Visit, Visit.id == visitors.c.visit_id)
    return query.group_by(Visit.org_id)


def _per_scope_org(period: Period, kind: str) -> Select[Any, uuid.UUID, int]:
    """Live visits in the period per scope of `kind` and organization visited."""
    # Driven from the visits in the period (the log's covering index), each looking up its
    # visitors; a visit by two of a scope counts once for it, hence the distinct count.
    members = scope_members(kind).subquery()
    return (
        select(
            members.c.scope_id,
            Visit.org_id.label("org_id"),
            func.count(Visit.id.distinct()).label("n"),
        )
        .join(VisitVisitor, VisitVisitor.visit_id == Visit.id)
        .join(members, members.c.member_id == VisitVisitor.member_id)
        .where(VisitVisitor.deleted.is_(False), *_live_visits(period))
        .group_by(members.c.scope_id, Visit.org_id)
    )
