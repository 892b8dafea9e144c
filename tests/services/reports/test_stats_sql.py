"""The database's visit counts agree with the plain reference over the visits read one by one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from fieldlog.domain.period import Period
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.services.reports import stats
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import (
    CatalogItem,
    Member,
    Organization,
    Visit,
    VisitVisitor,
    WorkGroup,
)
from fieldlog.store.repositories.facts import Scope, project_facts, tranche_facts
from fieldlog.store.repositories.visit_counts import visit_counts
from tests.reference_counting import read_visit_facts, reference_stats, reference_visit_counts
from tests.services.conftest import Small

START = date(2020, 3, 23)
DAYS = 20
GROUPS, COUNTIES, MEMBERS, ORGS = 2, 1, 4, 8

days = st.integers(0, DAYS - 1).map(lambda n: START + timedelta(days=n))
members = st.lists(
    st.tuples(st.integers(0, GROUPS), st.integers(0, COUNTIES), st.booleans()),
    min_size=MEMBERS,
    max_size=MEMBERS,
)
#: A kind of a newer FieldLog (SPEC §3.4) is kept as its code and counts as neither kind.
org_kinds = st.sampled_from([kind.value for kind in OrgKind] + ["cooperative", "enterprise_v2"])
orgs = st.lists(st.tuples(org_kinds, st.booleans()), min_size=ORGS, max_size=ORGS)
visitors = st.lists(st.tuples(st.integers(0, MEMBERS - 1), st.booleans()), max_size=MEMBERS)
made_visits = st.lists(
    st.tuples(days, st.integers(0, ORGS - 1), st.booleans(), visitors), max_size=30
)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start, end = draw(st.one_of(st.none(), days)), draw(st.one_of(st.none(), days))
    if start is not None and end is not None and start > end:
        start, end = end, start
    return Period(start, end)


scopes = st.one_of(
    st.none(),
    st.tuples(st.sampled_from(("member", "group", "county")), st.integers(0, MEMBERS)),
)


class _Discard(Exception):
    """Raised to roll back the records one example wrote."""


@dataclass
class _Ids:
    groups: list[uuid.UUID]
    counties: list[uuid.UUID]
    members: list[uuid.UUID]


def _team(session: Session, people: list[tuple[int, int, bool]]) -> _Ids:
    groups = [WorkGroup(name=f"组{n}") for n in range(GROUPS)]
    counties = [CatalogItem(kind="county", name=f"县{n}") for n in range(COUNTIES)]
    session.add_all([*groups, *counties])
    session.flush()
    rows = []
    for n, (group, county, deleted) in enumerate(people):
        rows.append(
            Member(
                name=f"队员{n}",
                group_id=groups[group].id if group < GROUPS else None,
                county_id=counties[county].id if county < COUNTIES else None,
                deleted=deleted,
            )
        )
    session.add_all(rows)
    session.flush()
    return _Ids([g.id for g in groups], [c.id for c in counties], [m.id for m in rows])


def _visits(session: Session, ids: _Ids, kinds: list, made: list) -> None:
    records = [
        Organization(name=f"单位{n}", name_key=f"dw{n}", kind=kind, deleted=deleted)
        for n, (kind, deleted) in enumerate(kinds)
    ]
    session.add_all(records)
    session.flush()
    for on, org, deleted, who in made:
        visit = Visit(visited_on=on, org_id=records[org].id, deleted=deleted)
        session.add(visit)
        session.flush()
        # One row per pair, as the app keeps it; a later tombstone wins for a repeated member.
        pairs = {member: gone for member, gone in who}
        session.add_all(
            VisitVisitor(visit_id=visit.id, member_id=ids.members[m], deleted=gone)
            for m, gone in pairs.items()
        )
    session.flush()


def _scope(ids: _Ids, drawn: tuple[str, int] | None) -> Scope | None:
    if drawn is None:
        return None
    kind, n = drawn
    pool = {"member": ids.members, "group": ids.groups, "county": ids.counties}[kind]
    return Scope(kind, pool[n] if n < len(pool) else uuid.UUID(int=n))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(members, orgs, made_visits, periods(), scopes)
def test_sql_counts_equal_the_reference(db: Database, people, kinds, made, period, drawn) -> None:
    with pytest.raises(_Discard), db.begin() as session:
        ids = _team(session, people)
        _visits(session, ids, kinds, made)
        scope = _scope(ids, drawn)
        facts = read_visit_facts(session, period, scope)
        assert visit_counts(session, period, scope) == reference_visit_counts(period, facts)
        expected = reference_stats(
            period, facts, project_facts(session, scope), tranche_facts(session, period, scope)
        )
        assert stats.compute(db, period, scope) == expected
        raise _Discard


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(members, orgs, made_visits, periods(), st.sampled_from(("member", "group", "county")))
def test_every_scope_at_once_equals_each_scope(
    db: Database, people, kinds, made, period, kind
) -> None:
    with pytest.raises(_Discard), db.begin() as session:
        ids = _team(session, people)
        _visits(session, ids, kinds, made)
        pool = {"member": ids.members, "group": ids.groups, "county": ids.counties}[kind]
        scopes = [*pool, uuid.UUID(int=1)]
        each = stats.compute_each(db, period, kind, scopes)
        assert each == {n: stats.compute(db, period, Scope(kind, n)) for n in scopes}
        raise _Discard


def test_a_visit_by_two_of_a_group_counts_once(db: Database, small: Small) -> None:
    both = [small.alice, small.bob]
    visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), small.org, both))
    by_group = stats.compute(db, Period.all_time(), Scope("group", small.group))
    assert (by_group.visits, by_group.enterprises_visited) == (1, 1)


#: Organizations of several teams: kind, tombstone, and a credit code shared by some (0–2) or
#: none; mostly live enterprises and associations, so that shared codes meet in the counts.
rarely = st.sampled_from([False, False, False, True])
coded_orgs = st.lists(
    st.tuples(
        st.sampled_from(["enterprise", "enterprise", "association", "park", "cooperative"]),
        rarely,
        st.one_of(st.none(), st.integers(0, 2), st.integers(0, 2)),
    ),
    min_size=ORGS,
    max_size=ORGS,
)
busy_visits = st.lists(
    st.tuples(days, st.integers(0, ORGS - 1), rarely, visitors), min_size=4, max_size=30
)


def reference_by_code(session: Session, period: Period, codes: dict[uuid.UUID, str]) -> tuple:
    """(visits, enterprises, associations) with organizations sharing a credit code counted once,
    from the visits read one by one."""
    facts = read_visit_facts(session, period)
    enterprises = {codes.get(f.org_id, f.org_id) for f in facts if f.org_kind == OrgKind.ENTERPRISE}
    associations = {
        codes.get(f.org_id, f.org_id) for f in facts if f.org_kind == OrgKind.ASSOCIATION
    }
    return len(facts), len(enterprises), len(associations)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(coded_orgs, busy_visits, st.one_of(st.just(Period(None, None)), periods()))
def test_counting_by_credit_code_counts_each_code_once(db: Database, kinds, made, period) -> None:
    # What a bureau's total counts: several teams' records of one enterprise (one credit code)
    # are one enterprise; organizations without a code are themselves.
    from fieldlog.domain.credit_code import make_credit_code

    with pytest.raises(_Discard), db.begin() as session:
        ids = _team(session, [(0, 0, False)] * MEMBERS)
        records = []
        codes: dict[uuid.UUID, str] = {}
        for n, (kind, deleted, code) in enumerate(kinds):
            value = make_credit_code(f"91440300MA5F{code:05d}") if code is not None else None
            org = Organization(
                name=f"单位{n}", name_key=f"dw{n}", kind=kind, deleted=deleted, credit_code=value
            )
            records.append(org)
        session.add_all(records)
        session.flush()
        codes = {o.id: o.credit_code for o in records if o.credit_code}
        for on, org, deleted, who in made:
            visit = Visit(visited_on=on, org_id=records[org].id, deleted=deleted)
            session.add(visit)
            session.flush()
            pairs = {member: gone for member, gone in who}
            session.add_all(
                VisitVisitor(visit_id=visit.id, member_id=ids.members[m], deleted=gone)
                for m, gone in pairs.items()
            )
        session.flush()
        counted = visit_counts(session, period, by_code=True)
        expected = reference_by_code(session, period, codes)
        assert (counted.visits, counted.enterprises, counted.associations) == expected
        raise _Discard
