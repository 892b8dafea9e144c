"""The counting rules of SPEC §3.5 that run in Python, and `Stats`, the figures of a period.

The figures of a period are made in two places, each the only one for its part, joined by
`services/reports/stats.compute` (which every report, view and command calls):

- visits, enterprises and associations visited: counted by the database, without reading the
  visits (`store/repositories/visit_counts.py`), as there may be a million of them;
- leads, projects in negotiation, signed, contract amount, inspections and funds in place:
  counted here (`stats_with_visit_counts`), over the few projects and tranches that
  `store/repositories/facts.py` reads as plain facts (dates, ids, amounts; tombstoned records
  left out by the reader). `stage_at` also tells the pipeline and the reports a project's stage.

`tests/reference_counting.py` is the plain-Python reference of the visit rules that the
database's counts are tested against (`tests/services/reports/test_stats_sql.py`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from datetime import date

from fieldlog.domain.assessment import (
    AssessmentFigures,
    AssessmentRules,
    Verdict,
    tranche_counts,
    verdict,
)
from fieldlog.domain.indicators import METRICS, MILESTONE_KEYS
from fieldlog.domain.period import Period
from fieldlog.domain.stages import ACTIVE_STAGES, BY_CODE, Stage


@dataclass(frozen=True)
class StageFact:
    """A stage event; `order` breaks ties between events of the same day (later wins).

    `stage` is the stored code when this version does not know it (a newer FieldLog's): such an
    event counts as nothing (`known_events`).
    """

    on: date
    stage: Stage | str
    order: int = 0


@dataclass(frozen=True)
class ProjectFact:
    """A live project with its stage events, its first signing and contract amount, and what
    the assessment scope asks of it: its kind and fund origin."""

    id: uuid.UUID
    events: tuple[StageFact, ...]
    signed_on: date | None = None
    contract_yuan: int | None = None
    kind: str = "new"
    origin_id: uuid.UUID | None = None
    #: Milestones after signing: 入库 (纳入统计) and 入规 (规上), counted by their dates.
    stats_on: date | None = None
    above_scale_on: date | None = None

    def verdict(self, rules: AssessmentRules) -> Verdict:
        """Whether this project earns assessment credit, and why (`assessment.verdict`)."""
        return verdict(
            signed_on=self.signed_on,
            contract_yuan=self.contract_yuan,
            kind=self.kind,
            origin_id=self.origin_id,
            rules=rules,
        )


@dataclass(frozen=True)
class TrancheFact:
    """A live funds-in-place tranche, of which project, from which fund origin."""

    on: date
    amount_yuan: int
    project_id: uuid.UUID | None = None
    origin_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Stats:
    """The figures of one period, named as in `stats --json`."""

    period: Period
    visits: int
    enterprises_visited: int
    associations_visited: int
    leads_new: int
    projects_active: int
    projects_signed: int
    contract_amount_yuan: int
    funds_in_place_yuan: int
    inspections: int
    #: The signed figures under the team's assessment scope (考核口径); the plain ones above are
    #: the full scope (全口径).
    assessment: AssessmentFigures = field(default_factory=AssessmentFigures)
    #: Projects whose 入库 (纳入统计) / 入规 (规上) date is in the period.
    projects_in_stats: int = 0
    projects_above_scale: int = 0

    def as_dict(self) -> dict[str, object]:
        """The JSON shape: `from`/`to` as ISO dates or None, the metrics, the milestone counts
        and the `assessment` object."""
        data = asdict(self)
        del data["period"]
        start, end = self.period.start, self.period.end
        return {
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
            **{key: data[key] for key in METRICS},
            **{key: data[key] for key in MILESTONE_KEYS},
            "assessment": data["assessment"],
        }

    def value(self, metric: str) -> int:
        """One metric by name."""
        if metric not in METRICS:
            raise KeyError(metric)
        result: int = getattr(self, metric)
        return result

    def figure(self, key: str) -> int:
        """A metric, a milestone count or an assessment figure (`assessment.<name>`) by the key
        `indicators` names it by."""
        if key in MILESTONE_KEYS:
            return int(getattr(self, key))
        scoped, dot, name = key.partition(".")
        if dot and scoped == "assessment" and name in _ASSESSED:
            return int(getattr(self.assessment, name))
        return self.value(key)


_ASSESSED = frozenset(f.name for f in fields(AssessmentFigures))


def known_events(project: ProjectFact) -> list[StageFact]:
    """The project's events of stages this version knows; the others count as nothing."""
    return [e for e in project.events if e.stage in BY_CODE]


def stage_at(project: ProjectFact, day: date | None) -> Stage | None:
    """The project's stage at the end of `day` (None: now), from its latest known event by then."""
    events = [e for e in known_events(project) if day is None or e.on <= day]
    if not events:
        return None
    return BY_CODE[max(events, key=lambda e: (e.on, e.order)).stage]


@dataclass(frozen=True)
class VisitCounts:
    """The visit figures of a period: visits, and distinct enterprises and associations visited."""

    visits: int = 0
    enterprises: int = 0
    associations: int = 0


def stats_with_visit_counts(
    period: Period,
    visits: VisitCounts,
    projects: Iterable[ProjectFact],
    tranches: Iterable[TrancheFact],
    rules: AssessmentRules | None = None,
) -> Stats:
    """The figures of `period` (inclusive): the visit figures as the database counted them,
    and the rules of SPEC §3.5 for projects and tranches applied here, in the full scope and in
    the assessment scope of `rules` (the defaults when None)."""
    rules = rules or AssessmentRules()
    leads = active = signed = contract = inspections = in_stats = above_scale = 0
    assessed_signed = assessed_contract = 0
    credited: dict[uuid.UUID, uuid.UUID | None] = {}
    for project in projects:
        events = known_events(project)
        if events and period.contains(min(e.on for e in events)):
            leads += 1
        if stage_at(project, period.end) in ACTIVE_STAGES:
            active += 1
        counts = project.signed_on is not None and project.verdict(rules).counts
        if counts:
            credited[project.id] = project.origin_id
        if project.signed_on is not None and period.contains(project.signed_on):
            signed += 1
            contract += project.contract_yuan or 0
            if counts:
                assessed_signed += 1
                assessed_contract += project.contract_yuan or 0
        inspections += sum(
            1 for e in events if e.stage == Stage.INSPECTED and period.contains(e.on)
        )
        in_stats += project.stats_on is not None and period.contains(project.stats_on)
        above_scale += project.above_scale_on is not None and period.contains(
            project.above_scale_on
        )
    funds = assessed_funds = 0
    for tranche in tranches:
        if not period.contains(tranche.on):
            continue
        funds += tranche.amount_yuan
        paid_to = tranche.project_id
        project_counts = paid_to is not None and paid_to in credited
        origin = credited[paid_to] if paid_to is not None and project_counts else None
        if tranche_counts(tranche.origin_id, origin, project_counts, rules):
            assessed_funds += tranche.amount_yuan
    return Stats(
        period=period,
        visits=visits.visits,
        enterprises_visited=visits.enterprises,
        associations_visited=visits.associations,
        leads_new=leads,
        projects_active=active,
        projects_signed=signed,
        contract_amount_yuan=contract,
        funds_in_place_yuan=funds,
        inspections=inspections,
        assessment=AssessmentFigures(assessed_signed, assessed_contract, assessed_funds),
        projects_in_stats=in_stats,
        projects_above_scale=above_scale,
    )
