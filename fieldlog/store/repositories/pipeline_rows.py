"""The pipeline board's rows: live projects with their names and live stage events, filtered."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session, aliased

from fieldlog.domain.text import MAX_NAME_LENGTH
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    ChainLink,
    Member,
    Organization,
    Project,
    StageEvent,
    WorkGroup,
)
from fieldlog.store.repositories.search_text import unmatchable


@dataclass(frozen=True)
class PipelineFilter:
    """Which projects the board shows; None or blank means no restriction."""

    group_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    chain_id: uuid.UUID | None = None
    county: str | None = None
    text: str = ""

    def restricts(self) -> bool:
        """Whether any part of the filter leaves projects out."""
        chosen = (self.group_id, self.owner_id, self.chain_id, self.county)
        return any(value is not None for value in chosen) or bool(self.text.strip())


@dataclass(frozen=True)
class ProjectRow:
    """A live project with the names a card and a list row show (blank when deleted)."""

    id: uuid.UUID
    name: str
    investor_name: str
    chain_name: str
    planned_yuan: int | None
    contract_yuan: int | None
    owner_name: str
    next_follow_up: date | None
    signed_on: date | None
    link_name: str = ""
    group_name: str = ""
    county_name: str = ""


#: A live stage event: (date, stage code, hlc) — the hlc breaks ties within a day.
EventRow = tuple[date, str, int]

_County = aliased(CatalogItem)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(wanted: PipelineFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Project.deleted.is_(False)]
    if wanted.group_id is not None:
        conditions.append(Project.group_id == wanted.group_id)
    if wanted.owner_id is not None:
        conditions.append(Project.owner_id == wanted.owner_id)
    if wanted.chain_id is not None:
        conditions.append(Project.chain_id == wanted.chain_id)
    if wanted.county:
        conditions.append(_County.name == wanted.county.strip())
    stripped = wanted.text.strip()
    # As in the organization search: project and organization names are at most
    # MAX_NAME_LENGTH characters, and a NUL or a lone surrogate is in no stored text.
    if unmatchable(stripped) or len(stripped) > MAX_NAME_LENGTH:
        conditions.append(false())
    elif text := _escape(stripped):
        conditions.append(
            or_(
                Project.name.like(f"%{text}%", escape="\\"),
                Organization.name.like(f"%{text}%", escape="\\"),
            )
        )
    return conditions


def _live(model: Any, key: Any) -> ColumnElement[bool]:
    return and_(model.id == key, model.deleted.is_(False))


def project_rows(session: Session, wanted: PipelineFilter) -> list[ProjectRow]:
    """Live projects matching `wanted`, by name."""
    query = (
        select(
            Project.id,
            Project.name,
            Organization.name,
            Chain.name,
            Project.planned_yuan,
            Project.contract_yuan,
            Member.name,
            Project.next_follow_up,
            Project.signed_on,
            ChainLink.name,
            WorkGroup.name,
            _County.name,
        )
        .outerjoin(Organization, _live(Organization, Project.investor_id))
        .outerjoin(Chain, _live(Chain, Project.chain_id))
        .outerjoin(ChainLink, _live(ChainLink, Project.link_id))
        .outerjoin(Member, _live(Member, Project.owner_id))
        .outerjoin(WorkGroup, _live(WorkGroup, Project.group_id))
        .outerjoin(_County, _live(_County, Project.landing_county_id))
        .where(*_conditions(wanted))
        .order_by(Project.name, Project.id)
    )
    return [
        ProjectRow(
            r[0],
            r[1],
            r[2] or "",
            r[3] or "",
            r[4],
            r[5],
            r[6] or "",
            r[7],
            r[8],
            r[9] or "",
            r[10] or "",
            r[11] or "",
        )
        for r in session.execute(query)
    ]


def stage_events(session: Session, project_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[EventRow]]:
    """The live stage events of the projects, by project."""
    events: dict[uuid.UUID, list[EventRow]] = defaultdict(list)
    if not project_ids:
        return events
    query = select(
        StageEvent.project_id, StageEvent.occurred_on, StageEvent.stage, StageEvent.hlc
    ).where(StageEvent.deleted.is_(False), StageEvent.project_id.in_(project_ids))
    for project_id, on, stage, stamp in session.execute(query):
        events[project_id].append((on, stage, stamp))
    return events
