"""Figures for any period and scope, by the shared counting rules (SPEC §3.5)."""

from __future__ import annotations

from fieldlog.domain.counting import Stats, stats_with_visit_counts
from fieldlog.domain.period import Period
from fieldlog.store.database import Database
from fieldlog.store.repositories.facts import Scope, project_facts, tranche_facts
from fieldlog.store.repositories.visit_counts import visit_counts


def compute(db: Database, period: Period, scope: Scope | None = None) -> Stats:
    """The figures of `period` (inclusive), for the whole team or one scope."""
    # Visits are the bulk (up to a million), so the database counts them; projects and tranches
    # are few and go through the rules in Python.
    with db.read() as session:
        return stats_with_visit_counts(
            period,
            visit_counts(session, period, scope),
            project_facts(session, scope),
            tranche_facts(session, period, scope),
        )
