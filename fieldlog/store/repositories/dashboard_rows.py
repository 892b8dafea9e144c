"""Rows for the dashboard's charts and target scopes: counts and sums done by the database.

Each query counts exactly what the counting rules (SPEC §3.5) count: live visits to live
organizations, live projects by their first signing, live tranches of live projects.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldlog.domain.period import Period
from fieldlog.store.collation import bytewise
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    FundsTranche,
    Member,
    Organization,
    Project,
    Team,
    Visit,
)
from fieldlog.store.repositories.common import in_period, is_live, live_join
from fieldlog.store.repositories.report_rows import Named


def team_dispatch(session: Session) -> tuple[date | None, date | None] | None:
    """The dispatch start and end of the database's team (the first created), or None."""
    query = (
        select(Team.dispatch_start, Team.dispatch_end)
        .where(Team.deleted.is_(False))
        .order_by(Team.created_at, Team.id)
        .limit(1)
    )
    found = session.execute(query).first()
    return (found[0], found[1]) if found else None


def visits_by_day(session: Session, period: Period) -> dict[date, int]:
    """How many live visits to live organizations each day of the period holds (days with any)."""
    query = (
        select(Visit.visited_on, func.count())
        .join(Organization, live_join(Organization, Visit.org_id))
        .where(is_live(Visit), *in_period(Visit.visited_on, period))
        .group_by(Visit.visited_on)
    )
    return {day: count for day, count in session.execute(query)}


def _live_chain(chain_id: Any) -> Any:
    # A project whose chain was deleted counts as having none, so sums still add up.
    live = select(Chain.id).where(Chain.id == chain_id, Chain.deleted.is_(False))
    return live.scalar_subquery()


def contract_by_chain(session: Session, period: Period) -> dict[uuid.UUID | None, int]:
    """Contract amounts (yuan) of live projects first signed in the period, by live chain."""
    chain = _live_chain(Project.chain_id)
    query = (
        select(chain, func.coalesce(func.sum(Project.contract_yuan), 0))
        .where(Project.deleted.is_(False), Project.signed_on.is_not(None))
        .where(*in_period(Project.signed_on, period))
        .group_by(chain)
    )
    return {chain_id: int(total) for chain_id, total in session.execute(query)}


def funds_by_chain(session: Session, period: Period) -> dict[uuid.UUID | None, int]:
    """Live tranches (yuan) of live projects dated in the period, by the project's live chain."""
    chain = _live_chain(Project.chain_id)
    query = (
        select(chain, func.sum(FundsTranche.amount_yuan))
        .join(Project, Project.id == FundsTranche.project_id)
        .where(FundsTranche.deleted.is_(False), Project.deleted.is_(False))
        .where(*in_period(FundsTranche.received_on, period))
        .group_by(chain)
    )
    return {chain_id: int(total) for chain_id, total in session.execute(query)}


def chains(session: Session) -> list[Named]:
    """Live industry chains in display order."""
    query = (
        select(Chain.id, Chain.name)
        .where(Chain.deleted.is_(False))
        .order_by(Chain.sort_order, bytewise(Chain.name), Chain.id)
    )
    return [Named(*row) for row in session.execute(query)]


def counties(session: Session) -> list[Named]:
    """Every live county of the catalog, in catalog order (targets may name any of them)."""
    query = (
        select(CatalogItem.id, CatalogItem.name)
        .where(CatalogItem.kind == "county", CatalogItem.deleted.is_(False))
        .order_by(CatalogItem.sort_order, bytewise(CatalogItem.name), CatalogItem.id)
    )
    return [Named(*row) for row in session.execute(query)]


def live_members(session: Session) -> list[Named]:
    """Live members by name."""
    query = (
        select(Member.id, Member.name)
        .where(Member.deleted.is_(False))
        .order_by(bytewise(Member.name), Member.id)
    )
    return [Named(*row) for row in session.execute(query)]
