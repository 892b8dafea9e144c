"""The pipeline board's rows: live projects with their names and live stage events, filtered."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, false, or_, select
from sqlalchemy.orm import Session

from fieldlog.domain.text import MAX_NAME_LENGTH
from fieldlog.store.collation import bytewise
from fieldlog.store.models import Chain, ChainLink, Member, Project, StageEvent, WorkGroup
from fieldlog.store.repositories.common import contains, is_live
from fieldlog.store.repositories.project_names import Investor, LandingCounty, named_projects
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
class PipelineProject:
    """A live project with the names a board card and a list row show (blank when deleted)."""

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


def _conditions(wanted: PipelineFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if wanted.group_id is not None:
        conditions.append(Project.group_id == wanted.group_id)
    if wanted.owner_id is not None:
        conditions.append(Project.owner_id == wanted.owner_id)
    if wanted.chain_id is not None:
        conditions.append(Project.chain_id == wanted.chain_id)
    if wanted.county:
        conditions.append(LandingCounty.name == wanted.county.strip())
    stripped = wanted.text.strip()
    # As in the organization search: project and organization names are at most
    # MAX_NAME_LENGTH characters, and a NUL or a lone surrogate is in no stored text.
    if unmatchable(stripped) or len(stripped) > MAX_NAME_LENGTH:
        conditions.append(false())
    elif stripped:
        conditions.append(or_(contains(Project.name, stripped), contains(Investor.name, stripped)))
    return conditions


def pipeline_projects(session: Session, wanted: PipelineFilter) -> list[PipelineProject]:
    """Live projects matching `wanted`, by name."""
    query = (
        named_projects(
            Project.id,
            Project.name,
            Investor.name,
            Chain.name,
            Project.planned_yuan,
            Project.contract_yuan,
            Member.name,
            Project.next_follow_up,
            Project.signed_on,
            ChainLink.name,
            WorkGroup.name,
            LandingCounty.name,
        )
        .where(*_conditions(wanted))
        .order_by(bytewise(Project.name), Project.id)
    )
    return [
        PipelineProject(
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
    ).where(is_live(StageEvent), StageEvent.project_id.in_(project_ids))
    for project_id, on, stage, stamp in session.execute(query):
        events[project_id].append((on, stage, stamp))
    return events
