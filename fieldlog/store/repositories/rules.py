"""Reads a team's rules (`domain/assessment.TeamRules`): its assessment scope and warning
thresholds from the team record, the excluded fund origins from their catalog items."""

from __future__ import annotations

from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.domain.assessment import AssessmentRules, TeamRules, WarningRules
from fieldlog.store.models import CatalogItem, Team


def read_rules(session: Session) -> TeamRules:
    """The rules of the database's team (the first one created); the defaults before set-up.

    Inside a bureau's team view that is the viewed team (the bureau's total adds up each team's
    assessment figures: `services/bureau/figures.total_figures`).
    """
    excluded = MappingProxyType(
        dict(
            session.execute(
                select(CatalogItem.id, CatalogItem.name)
                .where(CatalogItem.deleted.is_(False), CatalogItem.kind == "fund_origin")
                .where(CatalogItem.assess_excluded.is_(True))
            ).all()
        )
    )
    team = session.execute(
        select(
            Team.assess_min_contract_yuan,
            Team.assess_follow_on_min_yuan,
            Team.stale_yellow_days,
            Team.stale_red_days,
            Team.stale_retire_days,
            Team.lead_reply_days,
            Team.weekly_lead_quota,
        )
        .where(Team.deleted.is_(False))
        .order_by(Team.created_at, Team.id)
        .limit(1)
    ).first()
    if team is None:
        return TeamRules(AssessmentRules(excluded_origins=excluded))
    return TeamRules(
        AssessmentRules(team[0], team[1], excluded),
        WarningRules(*team[2:]),
    )
