"""The industry-chain map's rows: chains, links, and who points at them, counted in SQL.

Functions receive a session and never commit; tombstones are hidden. An organization or project
belongs to the chain of its live link when it has one, else to its own chain with no link (the
"unassigned" tile), so every live record tied to a chain is counted exactly once.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from fieldlog.domain.counting import StageFact
from fieldlog.domain.period import Period
from fieldlog.domain.stages import BY_CODE
from fieldlog.store.collation import bytewise
from fieldlog.store.models import (
    Chain,
    ChainLink,
    FundsTranche,
    Organization,
    Project,
    StageEvent,
    Visit,
    WorkGroup,
)
from fieldlog.store.repositories.common import in_period, is_live

#: Organizations listed for one link at most; a province's link may hold thousands.
ORG_LIMIT = 1000


@dataclass(frozen=True)
class ChainRow:
    """A live chain."""

    id: uuid.UUID
    name: str
    sort_order: int


@dataclass(frozen=True)
class LinkRow:
    """A live link of a live chain."""

    id: uuid.UUID
    chain_id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    position: str
    sort_order: int


@dataclass(frozen=True)
class OrgTally:
    """How many live organizations sit on a link (None: the chain without a link), and visited."""

    chain_id: uuid.UUID
    link_id: uuid.UUID | None
    orgs: int
    visited: int


@dataclass(frozen=True)
class ChainProject:
    """A live project placed on the chain map (chain, link or None), with its summed live funds
    tranches."""

    id: uuid.UUID
    name: str
    chain_id: uuid.UUID
    link_id: uuid.UUID | None
    planned_yuan: int | None
    contract_yuan: int | None
    signed_on: date | None
    funds_yuan: int


@dataclass(frozen=True)
class OrgLine:
    """A live organization of a link, whether visited in the period, and its last visit ever."""

    id: uuid.UUID
    name: str
    kind: str
    visited: bool
    last_visit: date | None


_Link = aliased(ChainLink)


def _live_link() -> Any:
    return and_(_Link.deleted.is_(False), _Link.chain_id.in_(_live_chain_ids()))


def _live_chain_ids() -> Any:
    return select(Chain.id).where(Chain.deleted.is_(False))


def _chain_of(model: Any) -> Any:
    """The chain a record counts under: its live link's chain, else its own chain."""
    return func.coalesce(_Link.chain_id, model.chain_id)


def chains(session: Session) -> list[ChainRow]:
    """Live chains in display order."""
    query = (
        select(Chain.id, Chain.name, Chain.sort_order)
        .where(Chain.deleted.is_(False))
        .order_by(Chain.sort_order, bytewise(Chain.name), Chain.id)
    )
    return [ChainRow(*row) for row in session.execute(query)]


def links(session: Session, chain_id: uuid.UUID | None = None) -> list[LinkRow]:
    """Live links of live chains (of one chain when given), by chain and display order."""
    query = select(
        ChainLink.id,
        ChainLink.chain_id,
        ChainLink.parent_id,
        ChainLink.name,
        ChainLink.position,
        ChainLink.sort_order,
    ).where(ChainLink.deleted.is_(False), ChainLink.chain_id.in_(_live_chain_ids()))
    if chain_id is not None:
        query = query.where(ChainLink.chain_id == chain_id)
    query = query.order_by(
        ChainLink.chain_id, ChainLink.sort_order, bytewise(ChainLink.name), ChainLink.id
    )
    return [LinkRow(*row) for row in session.execute(query)]


def _visited(period: Period) -> Any:
    return exists().where(
        Visit.org_id == Organization.id, is_live(Visit), *in_period(Visit.visited_on, period)
    )


def org_tallies(session: Session, period: Period) -> list[OrgTally]:
    """Live organizations and those visited in `period`, per (chain, link or None)."""
    chain = _chain_of(Organization)
    query = (
        select(chain, _Link.id, func.count(), func.sum(case((_visited(period), 1), else_=0)))
        .select_from(Organization)
        .outerjoin(_Link, and_(_Link.id == Organization.link_id, _live_link()))
        .where(Organization.deleted.is_(False), chain.is_not(None))
        .group_by(chain, _Link.id)
    )
    return [OrgTally(c, link, n, int(v or 0)) for c, link, n, v in session.execute(query)]


def _placement(model: Any, chain_id: uuid.UUID, link_id: uuid.UUID | None) -> list[Any]:
    if link_id is not None:
        return [_Link.id == link_id]
    return [_Link.id.is_(None), model.chain_id == chain_id]


def chain_projects(
    session: Session, chain_id: uuid.UUID | None = None, link_id: uuid.UUID | None = None
) -> list[ChainProject]:
    """Live projects tied to a chain (to one chain's link, or its unassigned ones), by name."""
    chain = _chain_of(Project)
    funds = (
        select(func.coalesce(func.sum(FundsTranche.amount_yuan), 0))
        .where(FundsTranche.project_id == Project.id, FundsTranche.deleted.is_(False))
        .scalar_subquery()
    )
    query = (
        select(
            Project.id,
            Project.name,
            chain,
            _Link.id,
            Project.planned_yuan,
            Project.contract_yuan,
            Project.signed_on,
            funds,
        )
        .outerjoin(_Link, and_(_Link.id == Project.link_id, _live_link()))
        .where(Project.deleted.is_(False), chain.is_not(None))
        .order_by(bytewise(Project.name), Project.id)
    )
    if chain_id is not None:
        query = query.where(*_placement(Project, chain_id, link_id))
    return [ChainProject(*row) for row in session.execute(query)]


def stage_facts(
    session: Session, project_ids: list[uuid.UUID] | None = None
) -> dict[uuid.UUID, tuple[StageFact, ...]]:
    """Live stage events of live projects (of those given), by project; hlc orders a day's."""
    query = (
        select(StageEvent.project_id, StageEvent.occurred_on, StageEvent.stage, StageEvent.hlc)
        .join(Project, Project.id == StageEvent.project_id)
        .where(StageEvent.deleted.is_(False), Project.deleted.is_(False))
    )
    if project_ids is not None:
        if not project_ids:
            return {}
        query = query.where(StageEvent.project_id.in_(project_ids))
    events: dict[uuid.UUID, list[StageFact]] = defaultdict(list)
    for project_id, on, stage, stamp in session.execute(query):
        # A newer FieldLog's stage stays its code: the counting rules leave it out.
        events[project_id].append(StageFact(on, BY_CODE.get(stage, stage), stamp))
    return {key: tuple(value) for key, value in events.items()}


def org_lines(
    session: Session, chain_id: uuid.UUID, link_id: uuid.UUID | None, period: Period
) -> tuple[list[OrgLine], int]:
    """The organizations of a link (or the chain's unassigned ones), by name; and how many."""
    last = (
        select(func.max(Visit.visited_on))
        .where(Visit.org_id == Organization.id, Visit.deleted.is_(False))
        .scalar_subquery()
    )
    where = [Organization.deleted.is_(False), *_placement(Organization, chain_id, link_id)]
    base = select(Organization.id).outerjoin(
        _Link, and_(_Link.id == Organization.link_id, _live_link())
    )
    total = session.execute(
        select(func.count()).select_from(base.where(*where).subquery())
    ).scalar_one()
    query = (
        select(Organization.id, Organization.name, Organization.kind, _visited(period), last)
        .outerjoin(_Link, and_(_Link.id == Organization.link_id, _live_link()))
        .where(*where)
        .order_by(bytewise(Organization.name), Organization.id)
        .limit(ORG_LIMIT)
    )
    rows = [OrgLine(i, n, k, bool(v), d) for i, n, k, v, d in session.execute(query)]
    return rows, total


def references(
    session: Session, *, chain_id: uuid.UUID | None = None, link_ids: tuple[uuid.UUID, ...] = ()
) -> dict[str, int]:
    """How many live organizations, projects, visits and work groups name the chain or links."""
    counts: dict[str, int] = {}
    for what, model in (
        ("organizations", Organization),
        ("projects", Project),
        ("visits", Visit),
        ("work groups", WorkGroup),
    ):
        conditions = []
        if chain_id is not None and hasattr(model, "chain_id"):
            conditions.append(model.chain_id == chain_id)
        if link_ids and hasattr(model, "link_id"):
            conditions.append(model.link_id.in_(link_ids))
        if conditions:
            query = select(func.count()).where(model.deleted.is_(False), or_(*conditions))
            counts[what] = session.execute(query).scalar_one()
    return counts
