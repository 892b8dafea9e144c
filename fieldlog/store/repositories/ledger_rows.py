"""Rows of the project ledger and the funds-in-place sheet, with names resolved.

Functions receive a session and never commit; tombstones are hidden (see common).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from fieldlog.domain.period import Period
from fieldlog.store.collation import bytewise
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    ChainLink,
    FundsTranche,
    Member,
    Organization,
    Project,
    WorkGroup,
)
from fieldlog.store.repositories.common import in_period, is_live, live_join
from fieldlog.store.repositories.project_names import (
    Investor,
    LandingCounty,
    SignForm,
    named_projects,
)

#: The project's fund origin (资金来源), a catalog entry like the signing form.
Origin = aliased(CatalogItem, name="project_origin")


@dataclass(frozen=True)
class LedgerProject:
    """A live project with the names 项目台账 shows; amounts in yuan, chain role as its code."""

    id: uuid.UUID
    name: str
    investor: str | None
    credit_code: str | None
    chain: str | None
    link: str | None
    chain_role: str
    planned_yuan: int | None
    contract_yuan: int | None
    sign_form: str | None
    signed_on: date | None
    landing_county: str | None
    owner: str | None
    group: str | None
    progress: str
    problems: str
    next_step: str
    next_follow_up: date | None
    kind: str = "new"  # 项目类型 as its code
    origin: str | None = None  # 资金来源
    stats_on: date | None = None  # 入库
    above_scale_on: date | None = None  # 入规


@dataclass(frozen=True)
class LedgerTranche:
    """A live tranche of a live project."""

    received_on: date
    project: str
    investor: str | None
    amount_yuan: int
    origin: str | None
    evidence: str


def ledger_projects(
    session: Session, project_ids: Collection[uuid.UUID] | None = None
) -> list[LedgerProject]:
    """Every live project (or those of `project_ids`) with its names resolved, oldest first.

    The caller picks by stage; an id that is unknown or deleted is left out.
    """
    query = named_projects(
        Project.id,
        Project.name,
        Investor.name,
        Investor.credit_code,
        Chain.name,
        ChainLink.name,
        Project.chain_role,
        Project.planned_yuan,
        Project.contract_yuan,
        SignForm.name,
        Project.signed_on,
        LandingCounty.name,
        Member.name,
        WorkGroup.name,
        Project.progress,
        Project.problems,
        Project.next_step,
        Project.next_follow_up,
        Project.kind,
        Origin.name,
        Project.stats_on,
        Project.above_scale_on,
    )
    query = query.outerjoin(Origin, live_join(Origin, Project.origin_id))
    query = query.order_by(Project.created_at, Project.id)
    if project_ids is not None:
        query = query.where(Project.id.in_(list(project_ids)))
    return [LedgerProject(*tuple(row)) for row in session.execute(query)]


def funds_by_project(session: Session, period: Period) -> dict[uuid.UUID, int]:
    """Yuan of live tranches dated in the period, per live project (projects with none left out)."""
    query = (
        select(FundsTranche.project_id, func.sum(FundsTranche.amount_yuan))
        .join(Project, live_join(Project, FundsTranche.project_id))
        .where(is_live(FundsTranche), *in_period(FundsTranche.received_on, period))
        .group_by(FundsTranche.project_id)
    )
    return {project_id: int(total) for project_id, total in session.execute(query)}


def ledger_tranches(session: Session, period: Period) -> list[LedgerTranche]:
    """Live tranches of live projects dated in the period, by date then project."""
    investor, origin = aliased(Organization), aliased(CatalogItem)
    query = (
        select(
            FundsTranche.received_on,
            Project.name,
            investor.name,
            FundsTranche.amount_yuan,
            origin.name,
            FundsTranche.evidence,
        )
        .join(Project, live_join(Project, FundsTranche.project_id))
        .outerjoin(investor, live_join(investor, Project.investor_id))
        .outerjoin(origin, live_join(origin, FundsTranche.origin_id))
        .where(is_live(FundsTranche), *in_period(FundsTranche.received_on, period))
        .order_by(FundsTranche.received_on, bytewise(Project.name), FundsTranche.id)
    )
    return [LedgerTranche(*row) for row in session.execute(query)]
