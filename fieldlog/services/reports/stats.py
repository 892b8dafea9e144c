"""Figures for any period and scope, by the shared counting rules (SPEC §3.5)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

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
    with db.read() as session:
        by_code = TEAM_INFO not in session.info and read_state(session, BUREAU_NAME_KEY) is not None
        return stats_with_visit_counts(
            period,
            visit_counts(session, period, scope, by_code=by_code),
            project_facts(session, scope),
            tranche_facts(session, period, scope),
            read_rules(session).assessment,
        )


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
