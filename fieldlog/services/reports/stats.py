"""Figures for any period and scope, by the shared counting rules (SPEC §3.5)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from fieldlog.domain.assessment import AssessmentFigures
from fieldlog.domain.counting import Stats, VisitCounts, stats_with_visit_counts
from fieldlog.domain.period import Period
from fieldlog.store.database import Database
from fieldlog.store.repositories.facts import (
    Scope,
    project_facts,
    project_facts_by,
    tranche_facts,
    tranche_facts_by,
)
from fieldlog.store.repositories.rules import read_rules
from fieldlog.store.repositories.visit_counts import visit_counts, visit_counts_by
from fieldlog.store.stamping import read_state
from fieldlog.store.team_view import BUREAU_NAME_KEY, TEAM_INFO


def compute(db: Database, period: Period, scope: Scope | None = None) -> Stats:
    """The figures of `period` (inclusive), for the whole team or one scope.

    On a bureau database (all its teams at once) organizations that share a credit code count
    once: an enterprise two teams visited is two records, one per team, and one enterprise.
    """
    # Visits are the bulk (up to a million), so the database counts them; projects and tranches
    # are few and go through the rules in Python.
    if _side_by_side(db):
        return _compute_side_by_side(db, period, scope)
    with db.read() as session:
        return stats_with_visit_counts(
            period,
            _visit_counts(session, period, scope),
            project_facts(session, scope),
            tranche_facts(session, period, scope),
            read_rules(session).assessment,
        )


def _visit_counts(session: Session, period: Period, scope: Scope | None) -> VisitCounts:
    by_code = TEAM_INFO not in session.info and read_state(session, BUREAU_NAME_KEY) is not None
    return visit_counts(session, period, scope, by_code=by_code)


def _side_by_side(db: Database) -> bool:
    """Whether the visits can be counted on a connection of their own while the projects are
    read: a SQLite file's own pool (not a team's view), outside any unit of work whose one
    snapshot the figures would have to share."""
    own_pool = isinstance(db.engine.pool, QueuePool) and db.engine.dialect.name == "sqlite"
    outside = not db.in_unit_of_work
    return own_pool and outside and TEAM_INFO not in (db.sessions.kw.get("info") or {})


def _compute_side_by_side(db: Database, period: Period, scope: Scope | None) -> Stats:
    """`compute`, with the visits counted on another thread and connection (SQLite counts
    without holding Python's lock) while the projects and tranches are read and ruled here:
    the time of the visit count alone instead of the sum of both. Each side reads one
    snapshot; a change committed by another program between their starts (a fraction of a
    millisecond) is the only way their states could differ, as if the figures had been asked
    for a moment apart."""
    counted: dict[str, VisitCounts | BaseException] = {}

    def count() -> None:
        try:
            with db.read() as session:
                counted["visits"] = _visit_counts(session, period, scope)
        except BaseException as exc:  # raised again on the caller's thread
            counted["visits"] = exc

    worker = threading.Thread(target=count, name="fieldlog-visit-counts")
    worker.start()
    try:
        with db.read() as session:
            projects = project_facts(session, scope)
            tranches = tranche_facts(session, period, scope)
            rules = read_rules(session).assessment
    finally:
        worker.join()
    visits = counted["visits"]
    if isinstance(visits, BaseException):
        raise visits
    return stats_with_visit_counts(period, visits, projects, tranches, rules)


def assessment_figures(db: Database, period: Period) -> AssessmentFigures:
    """The assessment-scope figures alone (`compute(...).assessment` without counting visits)."""
    with db.read() as session:
        return stats_with_visit_counts(
            period,
            VisitCounts(),
            project_facts(session),
            tranche_facts(session, period),
            read_rules(session).assessment,
        ).assessment


def compute_each(
    db: Database, period: Period, kind: str, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, Stats]:
    """`compute` for each scope of `kind` in `ids`, from one query per kind of fact."""
    # Rankings and breakdowns need every member, group or county: reading each kind of fact once
    # for all of them costs about what one scope did.
    with db.read() as session:
        visits = visit_counts_by(session, period, kind)
        projects = project_facts_by(session, kind)
        tranches = tranche_facts_by(session, period, kind)
        rules = read_rules(session).assessment
    return {
        scope_id: stats_with_visit_counts(
            period,
            visits.get(scope_id, VisitCounts()),
            projects.get(scope_id, []),
            tranches.get(scope_id, []),
            rules,
        )
        for scope_id in ids
    }
