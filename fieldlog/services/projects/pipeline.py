"""The project pipeline: every stage with its projects as cards, and moving a card."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from fieldlog.domain.counting import ProjectFact, StageFact, known_events, stage_at
from fieldlog.domain.period import Period
from fieldlog.domain.stages import ALL_STAGES, BY_CODE, Stage
from fieldlog.services.projects import projects
from fieldlog.services.projects.project_detail import funds_rate
from fieldlog.services.projects.projects import Signing
from fieldlog.store.database import Database
from fieldlog.store.repositories import pipeline_rows
from fieldlog.store.repositories.common import catalog_names
from fieldlog.store.repositories.ledger_rows import funds_by_project
from fieldlog.store.repositories.pipeline_rows import EventRow, PipelineFilter, PipelineProject
from fieldlog.store.repositories.visit_list import FilterChoice, filter_choices

__all__ = [
    "PipelineChoices",
    "PipelineFilter",
    "ProjectCard",
    "ProjectListRow",
    "Signing",
    "StageColumn",
    "choices",
    "move_project",
    "pipeline",
    "project_list",
    "urgency",
]


@dataclass(frozen=True)
class ProjectCard:
    """One project on the board; amounts in yuan; overdue when the follow-up is before today."""

    id: uuid.UUID
    name: str
    investor_name: str
    chain_name: str
    planned_yuan: int | None
    contract_yuan: int | None
    owner_name: str
    days_in_stage: int
    next_follow_up: date | None
    overdue: bool
    signed: bool


@dataclass(frozen=True)
class StageColumn:
    """A stage with its most urgent cards (all, or the first `limit`), and how many projects it
    holds and their summed planned and contract amounts (always all of them)."""

    stage: Stage
    cards: list[ProjectCard]
    count: int
    planned_yuan: int
    contract_yuan: int


@dataclass(frozen=True)
class ProjectListRow:
    """One project in the list view: what its card shows, with link, group, county and funds.

    Amounts in yuan; `funds_yuan` is every live tranche; `funds_rate` (到位率) is None without a
    contract amount.
    """

    id: uuid.UUID
    name: str
    investor_name: str
    chain_name: str
    link_name: str
    stage: Stage | str  # the stored code when no event has a stage this version knows
    days_in_stage: int
    planned_yuan: int | None
    contract_yuan: int | None
    funds_yuan: int
    funds_rate: Decimal | None
    owner_name: str
    group_name: str
    county: str
    signed_on: date | None
    next_follow_up: date | None
    overdue: bool


@dataclass(frozen=True)
class PipelineChoices:
    """What the board's filters and the signing dialog offer."""

    groups: list[FilterChoice]
    owners: list[FilterChoice]
    chains: list[FilterChoice]
    counties: list[str]
    sign_forms: list[str]


def _placed(
    row: PipelineProject, events: list[EventRow], today: date
) -> tuple[Stage | str, int] | None:
    """The project's stage now and the days since it got there; None without a stage event.

    Events of a stage this version does not know leave the project where its known events put
    it; a project with none but unknown ones is placed at the latest unknown code (listed as
    未知（code）, on no board column).
    """
    facts = tuple(StageFact(on, BY_CODE.get(code, code), stamp) for on, code, stamp in events)
    if not facts:
        return None
    project = ProjectFact(row.id, facts)
    known = known_events(project)
    if not known:
        latest = max(facts, key=lambda e: (e.on, e.order))
        return latest.stage, (today - latest.on).days
    stage = stage_at(project, None)
    assert stage is not None
    return stage, (today - max(e.on for e in known)).days


def _overdue(row: PipelineProject, today: date) -> bool:
    return row.next_follow_up is not None and row.next_follow_up < today


def _card(
    row: PipelineProject, events: list[EventRow], today: date
) -> tuple[Stage, ProjectCard] | None:
    placed = _placed(row, events, today)
    if placed is None:
        return None
    stage, days = placed
    if not isinstance(stage, Stage):
        return None  # the board has a column for each known stage only
    card = ProjectCard(
        id=row.id,
        name=row.name,
        investor_name=row.investor_name,
        chain_name=row.chain_name,
        planned_yuan=row.planned_yuan,
        contract_yuan=row.contract_yuan,
        owner_name=row.owner_name,
        days_in_stage=days,
        next_follow_up=row.next_follow_up,
        overdue=_overdue(row, today),
        signed=row.signed_on is not None,
    )
    return stage, card


def urgency(card: ProjectCard) -> tuple[bool, date, int]:
    """Board order: the oldest follow-up first (overdue ones lead), then projects without one,
    newest first (ids are UUIDv7, so they grow with creation time)."""
    return (card.next_follow_up is None, card.next_follow_up or date.max, -card.id.int)


def _column(stage: Stage, cards: list[ProjectCard], limit: int | None) -> StageColumn:
    cards.sort(key=urgency)
    return StageColumn(
        stage=stage,
        cards=cards if limit is None else cards[:limit],
        count=len(cards),
        planned_yuan=sum(c.planned_yuan or 0 for c in cards),
        contract_yuan=sum(c.contract_yuan or 0 for c in cards),
    )


def pipeline(
    db: Database, *, today: date, filter: PipelineFilter | None = None, limit: int | None = None
) -> list[StageColumn]:
    """Every stage of ALL_STAGES (main line, then paused and dropped) with its matching projects,
    most urgent first, at most `limit` cards a stage (the counts and sums still cover all)."""
    with db.read() as session:
        rows = pipeline_rows.pipeline_projects(session, filter or PipelineFilter())
        events = pipeline_rows.stage_events(session, [row.id for row in rows])
    by_stage: dict[Stage, list[ProjectCard]] = {stage: [] for stage in ALL_STAGES}
    for row in rows:
        placed = _card(row, events.get(row.id, []), today)
        if placed is not None:
            by_stage[placed[0]].append(placed[1])
    return [_column(stage, cards, limit) for stage, cards in by_stage.items()]


def project_list(
    db: Database, *, today: date, filter: PipelineFilter | None = None
) -> list[ProjectListRow]:
    """The projects the board shows under `filter`, by name, as rows for a table."""
    with db.read() as session:
        rows = pipeline_rows.pipeline_projects(session, filter or PipelineFilter())
        events = pipeline_rows.stage_events(session, [row.id for row in rows])
        funds = funds_by_project(session, Period.all_time())
    listed = []
    for row in rows:
        placed = _placed(row, events.get(row.id, []), today)
        if placed is not None:
            listed.append(_list_row(row, *placed, funds.get(row.id, 0), today))
    return listed


def _list_row(
    row: PipelineProject, stage: Stage | str, days: int, funds: int, today: date
) -> ProjectListRow:
    return ProjectListRow(
        id=row.id,
        name=row.name,
        investor_name=row.investor_name,
        chain_name=row.chain_name,
        link_name=row.link_name,
        stage=stage,
        days_in_stage=days,
        planned_yuan=row.planned_yuan,
        contract_yuan=row.contract_yuan,
        funds_yuan=funds,
        funds_rate=funds_rate(funds, row.contract_yuan),
        owner_name=row.owner_name,
        group_name=row.group_name,
        county=row.county_name,
        signed_on=row.signed_on,
        next_follow_up=row.next_follow_up,
        overdue=_overdue(row, today),
    )


def choices(db: Database) -> PipelineChoices:
    """Live work groups, members, chains, counties and sign forms, in display order."""
    with db.read() as session:
        owners, groups, chains = filter_choices(session)
        counties = catalog_names(session, "county")
        forms = catalog_names(session, "sign_form")
    return PipelineChoices(groups, owners, chains, counties, forms)


def move_project(
    db: Database,
    project_id: uuid.UUID,
    stage: Stage,
    *,
    on: date,
    member_id: uuid.UUID | None = None,
    signing: Signing | None = None,
) -> None:
    """Move a project's stage; the rules live in one place, `projects.move_stage`."""
    projects.move_stage(db, project_id, stage, on=on, member_id=member_id, signing=signing)
