"""The visit figures of SPEC §3.5 counted by the database, without reading the visits.

Each query here must agree with `counting.count_visits` over `facts.visit_facts` (live visits to
live organizations dated in the period, for a scope: with a live visitor from it); a property
test holds them to that.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from fieldlog.domain.counting import VisitCounts
from fieldlog.domain.period import Period
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.store.models import Organization, Visit, VisitVisitor
from fieldlog.store.repositories.facts import Scope, in_period, members_of


def visit_counts(session: Session, period: Period, scope: Scope | None = None) -> VisitCounts:
    """Visits in `period` (for `scope`, if given) and the distinct organizations they reached."""
    rows = session.execute(_by_kind(period, scope)).all()
    visits = sum(int(n) for _kind, _orgs, n in rows)
    orgs = {kind: n for kind, n, _visits in rows}
    return VisitCounts(
        visits, orgs.get(OrgKind.ENTERPRISE.value, 0), orgs.get(OrgKind.ASSOCIATION.value, 0)
    )


def _live_visits(period: Period) -> list[Any]:
    return [Visit.deleted.is_(False), *in_period(Visit.visited_on, period)]


def _by_kind(period: Period, scope: Scope | None) -> Select[str, int, Any]:
    """(kind, organizations visited, visits) for each kind of live organization visited."""
    # Counting per organization first reads the visits from the (org_id, deleted, visited_on)
    # index alone and looks each visited organization up once, not once per visit.
    per_org = _per_org(period, scope).subquery()
    return (
        select(Organization.kind, func.count(), func.sum(per_org.c.n))
        .join(per_org, per_org.c.org_id == Organization.id)
        .where(Organization.deleted.is_(False))
        .group_by(Organization.kind)
    )


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
