"""The plain-Python reference of the visit rules of SPEC §3.5, for tests only.

The application counts visits in SQL (`store/repositories/visit_counts.py`), never reading them;
this reference reads every visit one by one and applies the rules as SPEC words them, so property
tests can hold the SQL to it (`tests/services/reports/test_stats_sql.py`) and check the rules'
own properties (`tests/domain/test_counting.py`). Projects and tranches are counted in Python by
the application itself (`domain/counting.stats_with_visit_counts`), which `reference_stats` uses.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.domain.counting import (
    ProjectFact,
    Stats,
    TrancheFact,
    VisitCounts,
    stats_with_visit_counts,
)
from fieldlog.domain.period import Period
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.store.models import Member, Organization, Visit, VisitVisitor
from fieldlog.store.repositories.facts import Scope


@dataclass(frozen=True)
class VisitFact:
    """A live visit: when, and which organization of which kind."""

    on: date
    org_id: uuid.UUID
    org_kind: str


def reference_visit_counts(period: Period, visits: Iterable[VisitFact]) -> VisitCounts:
    """Visits dated in `period`, and the distinct enterprises and associations they went to."""
    count = 0
    enterprises: set[uuid.UUID] = set()
    associations: set[uuid.UUID] = set()
    for visit in visits:
        if not period.contains(visit.on):
            continue
        count += 1
        if visit.org_kind == OrgKind.ENTERPRISE:
            enterprises.add(visit.org_id)
        elif visit.org_kind == OrgKind.ASSOCIATION:
            associations.add(visit.org_id)
    return VisitCounts(count, len(enterprises), len(associations))


def reference_stats(
    period: Period,
    visits: Iterable[VisitFact],
    projects: Iterable[ProjectFact],
    tranches: Iterable[TrancheFact],
) -> Stats:
    """Every figure of `period`: the visit rules by this reference, the others as the app does."""
    counts = reference_visit_counts(period, visits)
    return stats_with_visit_counts(period, counts, projects, tranches)


def read_visit_facts(
    session: Session, period: Period, scope: Scope | None = None
) -> list[VisitFact]:
    """Live visits to live organizations dated in `period`, read one by one; for a scope, those
    with a live visitor among its members (a member scope: that member; a group or a home
    county: its live members)."""
    counted = None if scope is None else _members(session, scope)
    orgs = {org.id: org for org in session.scalars(select(Organization))}
    visitors: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for pair in session.scalars(select(VisitVisitor)):
        if not pair.deleted:
            visitors[pair.visit_id].add(pair.member_id)
    facts = []
    for visit in session.scalars(select(Visit)):
        org = orgs.get(visit.org_id)
        if visit.deleted or org is None or org.deleted or not period.contains(visit.visited_on):
            continue
        if counted is not None and not visitors[visit.id] & counted:
            continue
        facts.append(VisitFact(visit.visited_on, org.id, org.kind))
    return facts


def _members(session: Session, scope: Scope) -> set[uuid.UUID]:
    members = session.scalars(select(Member)).all()
    if scope.kind == "member":
        return {m.id for m in members if m.id == scope.id}
    if scope.kind == "group":
        return {m.id for m in members if not m.deleted and m.group_id == scope.id}
    return {m.id for m in members if not m.deleted and m.county_id == scope.id}
