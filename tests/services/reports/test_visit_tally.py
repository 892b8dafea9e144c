"""The per-organization visit tally stays equal to the visits counted afresh, whatever writes
them, and the all-time figures read from it are the figures the visits give.

Random sequences of writes go through the services (a visit saved, deleted, restored, moved to
another organization; an organization deleted or merged) and through plain SQL (a visit moved,
tombstoned, undeleted, removed, inserted, rewritten unchanged as a sync merge does; an
organization undeleted). After each sequence the tally equals a fresh `GROUP BY`, and the
all-time counts, plain and by credit code, and `stats.compute` equal the old query's (the visits
counted) and the plain reference's.
"""

from __future__ import annotations

import contextlib
import uuid
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldlog.domain.counting import VisitCounts
from fieldlog.domain.credit_code import make_credit_code
from fieldlog.domain.period import Period
from fieldlog.services.orgs import orgs
from fieldlog.services.orgs.org_merge import merge_orgs
from fieldlog.services.reports import stats
from fieldlog.services.visits import visits
from fieldlog.store import visit_tally
from fieldlog.store.database import Database
from fieldlog.store.repositories import visit_counts as counting
from fieldlog.store.repositories.facts import project_facts, tranche_facts
from tests.conftest import sqlite_only
from tests.reference_counting import read_visit_facts, reference_stats, reference_visit_counts
from tests.services.conftest import Small

pytestmark = sqlite_only("the tally is SQLite's; a server counts the visits")

ALL_TIME = Period(None, None)
START = date(2020, 3, 23)
ORGS = 5

org_kinds = st.sampled_from(["enterprise", "enterprise", "association", "park"])
#: (kind, credit code number or None): some organizations share a code.
made_orgs = st.lists(
    st.tuples(org_kinds, st.sampled_from([None, None, None, 0, 1])), min_size=ORGS, max_size=ORGS
)
org = st.integers(0, ORGS - 1)
visit = st.integers(0, 40)  # taken modulo the visits made so far
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), org, st.integers(0, 30)),
        st.tuples(st.just("add"), org, st.integers(0, 30)),
        st.tuples(st.just("add"), org, st.integers(0, 30)),
        st.tuples(st.just("merge"), org, org),
        st.tuples(st.just("delete"), visit),
        st.tuples(st.just("restore"), visit),
        st.tuples(st.just("move"), visit, org),
        st.tuples(st.just("delete_org"), org),
        st.tuples(st.just("merge"), org, org),
        st.tuples(st.just("sql_move"), visit, org),
        st.tuples(st.just("sql_flag"), visit, st.sampled_from([0, 1])),
        st.tuples(st.just("sql_remove"), visit),
        st.tuples(st.just("sql_insert"), org, st.sampled_from([0, 1])),
        st.tuples(st.just("sql_rewrite"), visit),
        st.tuples(st.just("sql_restore_org"), org),
    ),
    min_size=1,
    max_size=30,
)


class _Discard(Exception):
    """Raised to roll back the records one example wrote."""


def _orgs(db: Database, made: list[tuple[str, int | None]]) -> list[uuid.UUID]:
    ids = []
    for n, (kind, code) in enumerate(made):
        value = make_credit_code(f"91440300MA5F{code:05d}") if code is not None else None
        # Saving a code already on file means that record: the second of a code is made
        # without it and given it in SQL, as a sync merge of two laptops' records can.
        data = orgs.OrgInput(f"走访单位{n}", kind=kind)
        ids.append(orgs.save_org(db, data).id)
        if value is not None:
            with db.begin() as session:
                session.execute(
                    text("UPDATE organization SET credit_code = :code WHERE id = :id"),
                    {"code": value, "id": ids[-1].hex},
                )
    return ids


def _sql(session: Session, statement: str, **values: object) -> None:
    session.execute(text(statement), values)


def _apply(db: Database, small: Small, ids: list[uuid.UUID], made: list, step: tuple) -> None:
    """One write; a refusal (a deleted visit deleted again, a merge of a deleted record) is
    part of the sequence too."""
    kind, *args = step
    pick = (lambda n: made[n % len(made)]) if made else None
    with db.begin() as session:
        if kind == "add":
            data = visits.VisitInput(START + timedelta(days=args[1]), ids[args[0]], [small.alice])
            made.append(visits.save_visit(db, data))
        elif pick is None:
            pass
        elif kind == "delete":
            visits.delete_visit(db, pick(args[0]))
        elif kind == "restore":
            visits.restore_visit(db, pick(args[0]))
        elif kind == "move":
            data = visits.VisitInput(START, ids[args[1]], [small.alice])
            visits.save_visit(db, data, visit_id=pick(args[0]))
        elif kind == "sql_move":
            _sql(session, "UPDATE visit SET org_id = :o WHERE id = :v", o=ids[args[1]].hex,
                 v=pick(args[0]).hex)  # fmt: skip
        elif kind == "sql_flag":
            _sql(session, "UPDATE visit SET deleted = :d WHERE id = :v", d=args[1],
                 v=pick(args[0]).hex)  # fmt: skip
        elif kind == "sql_remove":
            gone = pick(args[0])
            _sql(session, "DELETE FROM visit_visitor WHERE visit_id = :v", v=gone.hex)
            _sql(session, "DELETE FROM visit WHERE id = :v", v=gone.hex)
            made.remove(gone)
        elif kind == "sql_rewrite":  # every column written again, as a sync merge writes
            _sql(session, "UPDATE visit SET org_id = org_id, deleted = deleted,"
                 " summary = summary WHERE id = :v", v=pick(args[0]).hex)  # fmt: skip
        if kind == "sql_insert":
            new = uuid.uuid4()
            _sql(
                session,
                "INSERT INTO visit (visited_on, org_id, summary, intent, id, created_at,"
                " updated_at, node_id, hlc, deleted, field_stamps, local_seq) VALUES"
                " ('2020-04-01', :o, '', '', :v, '2020-04-01 00:00:00.000000',"
                " '2020-04-01 00:00:00.000000', 'sql', 1, :d, '{}', 0)",
                o=ids[args[0]].hex,
                v=new.hex,
                d=args[1],
            )
            made.append(new)
        elif kind == "delete_org":
            orgs.delete_org(db, ids[args[0]])
        elif kind == "merge":
            merge_orgs(db, ids[args[0]], ids[args[1]])
        elif kind == "sql_restore_org":
            _sql(session, "UPDATE organization SET deleted = 0 WHERE id = :o", o=ids[args[0]].hex)


def _tally(session: Session) -> list[tuple[str, int]]:
    return sorted(
        (str(o), int(n))
        for o, n in session.execute(text(f"SELECT org_id, visits FROM {visit_tally.TABLE}"))
    )


def _fresh(session: Session) -> list[tuple[str, int]]:
    query = "SELECT org_id, count(*) FROM visit WHERE deleted = 0 GROUP BY org_id"
    return sorted((str(o), int(n)) for o, n in session.execute(text(query)))


def counted_afresh(session: Session, *, by_code: bool = False) -> VisitCounts:
    """The all-time figures as the visit counts gave them before the tally: the visits counted
    per organization."""
    per_org = counting._per_org(ALL_TIME, None).subquery()
    totals = counting._totals_by_code(per_org) if by_code else counting._totals(per_org)
    return counting._counts(*session.execute(totals).one())


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(made_orgs, operations)
def test_the_tally_is_the_visits_counted_afresh(db: Database, small: Small, kinds, steps) -> None:
    with pytest.raises(_Discard), db.begin() as session:
        ids = _orgs(db, kinds)
        made: list[uuid.UUID] = []
        for step in steps:
            # A refusal (InvalidInput, NotFound: both ValueErrors) writes nothing.
            with contextlib.suppress(ValueError):
                _apply(db, small, ids, made, step)
                event(f"written: {step[0]}")
        assert visit_tally.counts_visits(session.connection())
        assert _tally(session) == _fresh(session)
        assert visit_tally.differences(session.connection()) == 0
        facts = read_visit_facts(session, ALL_TIME)
        for by_code in (False, True):
            tallied = counting.visit_counts(session, ALL_TIME, by_code=by_code)
            assert tallied == counted_afresh(session, by_code=by_code)
        assert counting.visit_counts(session, ALL_TIME) == reference_visit_counts(ALL_TIME, facts)
        expected = reference_stats(
            ALL_TIME, facts, project_facts(session), tranche_facts(session, ALL_TIME)
        )
        assert stats.compute(db, ALL_TIME) == expected
        raise _Discard


def test_the_all_time_figures_read_the_tally(db: Database, small: Small) -> None:
    # Proof that the figures come from the tally (a test that could not fail otherwise): a
    # tally made wrong on purpose shows in the all-time figures, not in a bounded period's.
    on = date(2020, 4, 1)
    for _ in range(3):
        visits.save_visit(db, visits.VisitInput(on, small.org, [small.alice]))
    with db.begin() as session:
        before = counting.visit_counts(session, ALL_TIME)
        assert before == VisitCounts(3, 1, 0) == counted_afresh(session)
        _sql(session, f"UPDATE {visit_tally.TABLE} SET visits = 7")
        assert counting.visit_counts(session, ALL_TIME).visits == 7
        assert counting.visit_counts(session, Period(None, on)).visits == 3
        assert visit_tally.differences(session.connection()) == 1
        visit_tally.rebuild(session.connection())
        assert counting.visit_counts(session, ALL_TIME) == before
        assert visit_tally.differences(session.connection()) == 0


def test_a_deleted_organization_keeps_its_count_but_is_not_counted(
    db: Database, small: Small
) -> None:
    on = date(2020, 4, 1)
    first = visits.save_visit(db, visits.VisitInput(on, small.org, [small.alice]))
    visits.save_visit(db, visits.VisitInput(on, small.association, [small.alice]))
    orgs.delete_org(db, small.org)
    with db.read() as session:
        assert (small.org.hex, 1) in _tally(session)
        assert counting.visit_counts(session, ALL_TIME) == VisitCounts(1, 0, 1)
    visits.delete_visit(db, first)
    with db.read() as session:  # at 0 an organization's row goes
        assert _tally(session) == [(small.association.hex, 1)] == _fresh(session)
