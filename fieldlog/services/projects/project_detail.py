"""One project in full: its fields with names resolved, stage timeline, funds and linked visits."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from fieldlog.domain.assessment import AssessmentRules, Verdict, verdict
from fieldlog.domain.stages import BY_CODE, stage_label_zh
from fieldlog.domain.vocabulary import ChainRole, label_zh
from fieldlog.services.projects.projects import ProjectInput, TrancheInput
from fieldlog.store.database import Database
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    ChainLink,
    Member,
    Organization,
    Project,
    WorkGroup,
)
from fieldlog.store.repositories import project_detail_rows as rows
from fieldlog.store.repositories.common import catalog_names, get_live
from fieldlog.store.repositories.rules import read_rules


@dataclass(frozen=True)
class StageStep:
    """One move on the timeline; `days` spent in that stage until the next move or today."""

    stage: str
    stage_label: str
    on: date
    member: str
    note: str
    days: int


@dataclass(frozen=True)
class TrancheRow:
    """到位资金: one tranche, with the running total up to and including it."""

    id: uuid.UUID
    received_on: date
    amount_yuan: int
    origin: str
    evidence: str
    note: str
    running_yuan: int
    origin_id: uuid.UUID | None = None

    def as_input(self) -> TrancheInput:
        """The tranche as `projects.edit_tranche` takes it (to put it back as it was)."""
        origin = self.origin_id
        return TrancheInput(self.received_on, self.amount_yuan, origin, self.evidence, self.note)


@dataclass(frozen=True)
class LinkedVisit:
    """A visit whose project is this one."""

    id: uuid.UUID
    visited_on: date
    kind: str
    visitors: str
    summary: str


@dataclass(frozen=True)
class ProjectDetail:
    """A project's fields (ids and resolved names) with its timeline, funds and visits."""

    id: uuid.UUID
    name: str
    investor_id: uuid.UUID | None
    investor: str
    chain_id: uuid.UUID | None
    chain: str
    link_id: uuid.UUID | None
    link: str
    chain_role: str
    chain_role_label: str
    planned_yuan: int | None
    contract_yuan: int | None
    sign_form: str
    signed_on: date | None
    landing_county: str
    owner_id: uuid.UUID | None
    owner: str
    group_id: uuid.UUID | None
    group: str
    progress: str
    problems: str
    next_step: str
    next_follow_up: date | None
    stage: str
    timeline: list[StageStep]
    tranches: list[TrancheRow]
    funds_yuan: int
    funds_rate: Decimal | None
    visits: list[LinkedVisit]
    kind: str = "new"
    origin_id: uuid.UUID | None = None
    origin: str = ""
    stats_on: date | None = None
    above_scale_on: date | None = None
    progress_on: date | None = None
    content: str = ""
    demands: str = ""
    contact_id: uuid.UUID | None = None
    contact: str = ""

    def as_input(self) -> ProjectInput:
        """The saved descriptive fields, as `save_project` and its form take them."""
        return ProjectInput(
            name=self.name,
            investor_id=self.investor_id,
            chain_id=self.chain_id,
            link_id=self.link_id,
            chain_role=self.chain_role,
            planned_yuan=self.planned_yuan,
            landing_county=self.landing_county or None,
            owner_id=self.owner_id,
            group_id=self.group_id,
            progress=self.progress,
            problems=self.problems,
            next_step=self.next_step,
            next_follow_up=self.next_follow_up,
            kind=self.kind,
            origin_id=self.origin_id,
            stats_on=self.stats_on,
            above_scale_on=self.above_scale_on,
            progress_on=self.progress_on,
            content=self.content,
            demands=self.demands,
            contact_id=self.contact_id,
        )

    def verdict(self, rules: AssessmentRules) -> Verdict:
        """Whether the project earns assessment credit as saved (`assessment.verdict`)."""
        return verdict(
            signed_on=self.signed_on,
            contract_yuan=self.contract_yuan,
            kind=self.kind,
            origin_id=self.origin_id,
            rules=rules,
        )


def _timeline(events: list[tuple[str, date, str, str]], today: date) -> list[StageStep]:
    ends = [e[1] for e in events[1:]] + [max(today, events[-1][1])] if events else []
    return [
        StageStep(stage, stage_label_zh(stage), on, who, text, (end - on).days)
        for (stage, on, who, text), end in zip(events, ends, strict=True)
    ]


def _current(timeline: list[StageStep]) -> str:
    """The stage code now: the latest known one (a newer FieldLog's stage leaves the project
    where its known events put it), else the latest code, else ""."""
    known = [step.stage for step in timeline if step.stage in BY_CODE]
    return known[-1] if known else (timeline[-1].stage if timeline else "")


def _tranches(
    found: list[tuple[uuid.UUID, date, int, str, str, str, uuid.UUID | None]],
) -> list[TrancheRow]:
    total, result = 0, []
    for tranche_id, on, yuan, origin, evidence, text, origin_id in found:
        total += yuan
        result.append(TrancheRow(tranche_id, on, yuan, origin, evidence, text, total, origin_id))
    return result


def funds_rate(funds_yuan: int, contract_yuan: int | None) -> Decimal | None:
    """到位率: funds in place over the contract amount; None without a contract amount."""
    if not contract_yuan:
        return None
    return Decimal(funds_yuan) / Decimal(contract_yuan)


def _any_name(session: Session, item_id: uuid.UUID | None) -> str:
    item = session.get(CatalogItem, item_id) if item_id is not None else None
    return item.name if item is not None else ""


def project_detail(db: Database, project_id: uuid.UUID, *, today: date) -> ProjectDetail:
    """A live project in full; NotFound (a ValueError) when deleted or unknown."""
    with db.read() as session:
        p = get_live(session, Project, project_id, "project")
        tranches = _tranches(rows.tranche_rows(session, p.id))
        timeline = _timeline(rows.stage_rows(session, p.id), today)
        funds = tranches[-1].running_yuan if tranches else 0
        return ProjectDetail(
            id=p.id,
            name=p.name,
            investor_id=p.investor_id,
            investor=rows.name_of(session, Organization, p.investor_id),
            chain_id=p.chain_id,
            chain=rows.name_of(session, Chain, p.chain_id),
            link_id=p.link_id,
            link=rows.name_of(session, ChainLink, p.link_id),
            chain_role=p.chain_role,
            chain_role_label=label_zh(ChainRole, p.chain_role),
            planned_yuan=p.planned_yuan,
            contract_yuan=p.contract_yuan,
            sign_form=rows.name_of(session, CatalogItem, p.sign_form_id),
            signed_on=p.signed_on,
            # A county removed from the list since is still the project's: shown by name.
            landing_county=_any_name(session, p.landing_county_id),
            owner_id=p.owner_id,
            owner=rows.name_of(session, Member, p.owner_id),
            group_id=p.group_id,
            group=rows.name_of(session, WorkGroup, p.group_id),
            progress=p.progress,
            problems=p.problems,
            next_step=p.next_step,
            next_follow_up=p.next_follow_up,
            stage=_current(timeline),
            timeline=timeline,
            tranches=tranches,
            funds_yuan=funds,
            funds_rate=funds_rate(funds, p.contract_yuan),
            visits=[LinkedVisit(*v) for v in rows.visit_rows(session, p.id)],
            kind=p.kind,
            origin_id=p.origin_id,
            # A fund origin or contact removed since is still the project's: shown by name.
            origin=_any_name(session, p.origin_id),
            stats_on=p.stats_on,
            above_scale_on=p.above_scale_on,
            progress_on=p.progress_on,
            content=p.content,
            demands=p.demands,
            contact_id=p.contact_id,
            contact=rows.contact_name(session, p.contact_id),
        )


def fund_origins(db: Database) -> list[str]:
    """The names of the fund-origin catalog, in display order."""
    with db.read() as session:
        return catalog_names(session, "fund_origin")


def fund_origin_choices(db: Database) -> list[tuple[str, uuid.UUID]]:
    """(name, id) of the fund-origin catalog's live entries, in display order."""
    with db.read() as session:
        return rows.fund_origin_choices(session)


def assessment_rules(db: Database) -> AssessmentRules:
    """The team's assessment scope, which a project's verdict is judged by."""
    with db.read() as session:
        return read_rules(session).assessment


def investor_contacts(db: Database, org_id: uuid.UUID | None) -> list[tuple[str, uuid.UUID]]:
    """(name, id) of the live contacts of an organization, by name; none without one."""
    if org_id is None:
        return []
    with db.read() as session:
        return rows.contact_choices(session, org_id)
