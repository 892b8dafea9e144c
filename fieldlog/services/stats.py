"""Figures for any period and scope, by the shared counting rules (SPEC §3.5)."""

from __future__ import annotations

from fieldlog.domain.counting import Stats, compute_stats
from fieldlog.domain.period import Period
from fieldlog.store.database import Database
from fieldlog.store.repositories.facts import Scope, project_facts, tranche_facts, visit_facts


def compute(db: Database, period: Period, scope: Scope | None = None) -> Stats:
    """The figures of `period` (inclusive), for the whole team or one scope."""
    with db.read() as session:
        return compute_stats(
            period,
            visit_facts(session, period, scope),
            project_facts(session, scope),
            tranche_facts(session, period, scope),
        )
