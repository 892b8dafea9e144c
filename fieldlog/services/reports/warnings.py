"""Staleness warnings (三色预警), leads answered late (迟复), incomplete leads and the weekly lead
quota, by the rules of `domain/warnings.py` and the team's thresholds (`read_rules`)."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from fieldlog.domain.assessment import Verdict, WarningRules
from fieldlog.domain.period import Period
from fieldlog.domain.stages import Stage
from fieldlog.domain.warnings import (
    COLOURS,
    LeadField,
    StaleColour,
    answered_late,
    missing_lead_fields,
    reply_deadline,
    severity,
    staleness,
)
from fieldlog.store.database import Database
from fieldlog.store.repositories.dashboard_rows import live_members
from fieldlog.store.repositories.facts import Scope, project_facts
from fieldlog.store.repositories.report_rows import Named, work_groups
from fieldlog.store.repositories.rules import read_rules
from fieldlog.store.repositories.warning_rows import WatchedProject, watched_projects

__all__ = [
    "IncompleteLead",
    "LateLead",
    "PanelFigures",
    "ProjectMark",
    "QuotaRow",
    "StaleRow",
    "WarningCounts",
    "incomplete_leads",
    "late_leads",
    "lead_quota",
    "panel_figures",
    "project_colours",
    "project_marks",
    "stale_projects",
    "warning_counts",
]


@dataclass(frozen=True)
class StaleRow:
    """A project with a colour on the as-of date (or none: `colour` None)."""

    project_id: uuid.UUID
    name: str
    investor_name: str
    group_name: str
    owner_name: str
    stage: Stage
    last_activity: date
    idle_days: int
    colour: StaleColour | None


def _stale_rows(projects: list[WatchedProject], as_of: date, rules: WarningRules) -> list[StaleRow]:
    rows = []
    for project in projects:
        judged = staleness(project.activity, as_of, rules)
        if judged is None:
            continue
        rows.append(
            StaleRow(
                project.id,
                project.name,
                project.investor_name,
                project.group_name,
                project.owner_name,
                judged.stage,
                judged.last_activity,
                judged.idle_days,
                judged.colour,
            )
        )
    return rows


def _worst_first(row: StaleRow) -> tuple[int, int, str, str]:
    return (-severity(row.colour), -row.idle_days, row.name, str(row.project_id))


def stale_projects(db: Database, as_of: date, scope: Scope | None = None) -> list[StaleRow]:
    """The projects (of `scope`) with a colour on `as_of`, worst first, the longest idle first."""
    with db.read() as session:
        rules = read_rules(session).warnings
        projects = watched_projects(session, as_of, scope)
    rows = [row for row in _stale_rows(projects, as_of, rules) if row.colour is not None]
    return sorted(rows, key=_worst_first)


def project_colours(db: Database, as_of: date) -> dict[uuid.UUID, tuple[StaleColour, int]]:
    """The colour and days idle of every project coloured on `as_of` (the board's badges)."""
    rows = stale_projects(db, as_of)
    return {row.project_id: (row.colour, row.idle_days) for row in rows if row.colour is not None}


@dataclass(frozen=True)
class WarningCounts:
    """How many projects have each colour: for the team, and per work group (display order;
    a project without a live group counts for the team only)."""

    team: dict[StaleColour, int]
    groups: list[tuple[uuid.UUID, str, dict[StaleColour, int]]] = field(default_factory=list)


def _tally(colours: list[StaleColour]) -> dict[StaleColour, int]:
    counted = Counter(colours)
    return {colour: counted.get(colour, 0) for colour in COLOURS}


def warning_counts(db: Database, as_of: date) -> WarningCounts:
    """Projects per colour on `as_of`, for the team and for each live work group."""
    with db.read() as session:
        rules = read_rules(session).warnings
        projects = watched_projects(session, as_of)
        groups = work_groups(session)
    return _counts(projects, groups, as_of, rules)


def _counts(
    projects: list[WatchedProject], groups: list[Named], as_of: date, rules: WarningRules
) -> WarningCounts:
    by_group: dict[uuid.UUID | None, list[StaleColour]] = {}
    team: list[StaleColour] = []
    for project in projects:
        judged = staleness(project.activity, as_of, rules)
        if judged is None or judged.colour is None:
            continue
        team.append(judged.colour)
        by_group.setdefault(project.group_id, []).append(judged.colour)
    return WarningCounts(
        _tally(team), [(g.id, g.name, _tally(by_group.get(g.id, []))) for g in groups]
    )


@dataclass(frozen=True)
class LateLead:
    """A lead answered late: when it was created and the last day it was due an answer."""

    project_id: uuid.UUID
    name: str
    investor_name: str
    group_name: str
    owner_name: str
    created_on: date
    due_on: date


def late_leads(db: Database, as_of: date) -> list[LateLead]:
    """Leads answered late as judged on `as_of`, the oldest first."""
    with db.read() as session:
        rules = read_rules(session).warnings
        projects = watched_projects(session, as_of)
    return _late(projects, as_of, rules)


def _late(projects: list[WatchedProject], as_of: date, rules: WarningRules) -> list[LateLead]:
    late = []
    for project in projects:
        created = project.activity.created_on()
        if created is None or not answered_late(project.activity, as_of, rules):
            continue
        late.append(
            LateLead(
                project.id,
                project.name,
                project.investor_name,
                project.group_name,
                project.owner_name,
                created,
                reply_deadline(created, rules),
            )
        )
    return sorted(late, key=lambda lead: (lead.created_on, lead.name, str(lead.project_id)))


@dataclass(frozen=True)
class IncompleteLead:
    """A lead that lacks some of 项目内容, 投资规模, an investor contact and 投资方诉求."""

    project_id: uuid.UUID
    name: str
    investor_name: str
    group_name: str
    owner_name: str
    created_on: date
    missing: tuple[LeadField, ...]


def _missing(project: WatchedProject) -> tuple[LeadField, ...]:
    return missing_lead_fields(
        content=project.content,
        planned_yuan=project.planned_yuan,
        contact_id=project.contact_id,
        demands=project.demands,
    )


def incomplete_leads(db: Database, as_of: date | None = None) -> list[IncompleteLead]:
    """Projects at stage 线索 on `as_of` (None: now) that are not complete, the oldest first.

    Completeness is read as the fields stand now (their history is not kept).
    """
    day = as_of or date.max
    with db.read() as session:
        projects = watched_projects(session, day)
    found = []
    for project in projects:
        missing = _missing(project)
        created = project.activity.created_on()
        if not missing or created is None or project.activity.stage_on(day) != Stage.LEAD:
            continue
        found.append(
            IncompleteLead(
                project.id,
                project.name,
                project.investor_name,
                project.group_name,
                project.owner_name,
                created,
                missing,
            )
        )
    return sorted(found, key=lambda lead: (lead.created_on, lead.name, str(lead.project_id)))


@dataclass(frozen=True)
class QuotaRow:
    """A member's leads created in the week (owner: 首谈人), how many are complete, the quota."""

    member_id: uuid.UUID
    name: str
    leads: int
    complete: int
    quota: int

    @property
    def met(self) -> bool:
        """Whether the complete leads reach the quota."""
        return self.complete >= self.quota


def lead_quota(db: Database, week: Period) -> list[QuotaRow]:
    """Each live member's leads created in `week` (first stage event in it), complete ones
    counted against the team's weekly quota; members in display order."""
    with db.read() as session:
        rules = read_rules(session).warnings
        end = week.end or date.max
        projects = watched_projects(session, end)
        members = live_members(session)
    return _quota(projects, members, week, rules)


def _quota(
    projects: list[WatchedProject], members: list[Named], week: Period, rules: WarningRules
) -> list[QuotaRow]:
    # Only creation dates and the lead's details count here: what a read up to any day holds.
    leads: Counter[uuid.UUID] = Counter()
    complete: Counter[uuid.UUID] = Counter()
    for project in projects:
        created = project.activity.created_on()
        if project.owner_id is None or created is None or not week.contains(created):
            continue
        leads[project.owner_id] += 1
        complete[project.owner_id] += not _missing(project)
    quota = rules.weekly_lead_quota
    return [QuotaRow(m.id, m.name, leads[m.id], complete[m.id], quota) for m in members]


@dataclass(frozen=True)
class PanelFigures:
    """What the dashboard shows: counts per colour, late leads, the week's lead quota."""

    counts: WarningCounts
    late: list[LateLead]
    quota: list[QuotaRow]


def panel_figures(db: Database, as_of: date, week: Period) -> PanelFigures:
    """`warning_counts` and `late_leads` on `as_of` and `lead_quota` of `week`, from one read
    of the projects (the dashboard refreshes often)."""
    with db.read() as session:
        rules = read_rules(session).warnings
        projects = watched_projects(session, as_of)
        groups, members = work_groups(session), live_members(session)
    return PanelFigures(
        _counts(projects, groups, as_of, rules),
        _late(projects, as_of, rules),
        _quota(projects, members, week, rules),
    )


@dataclass(frozen=True)
class ProjectMark:
    """What the project list shows beside a project: its colour and its assessment verdict."""

    colour: StaleColour | None
    idle_days: int | None
    verdict: Verdict


def project_marks(db: Database, as_of: date) -> dict[uuid.UUID, ProjectMark]:
    """Every live project's colour on `as_of` (None when it has none) and assessment verdict."""
    with db.read() as session:
        team_rules = read_rules(session)
        projects = watched_projects(session, as_of)
        facts = {fact.id: fact for fact in project_facts(session)}
    marks = {}
    for project in projects:
        fact = facts.get(project.id)
        if fact is None:
            continue
        judged = staleness(project.activity, as_of, team_rules.warnings)
        marks[project.id] = ProjectMark(
            judged.colour if judged else None,
            judged.idle_days if judged else None,
            fact.verdict(team_rules.assessment),
        )
    return marks
