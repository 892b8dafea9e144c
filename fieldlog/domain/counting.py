"""The counting rules of SPEC §3.5: the one implementation every report, view and command uses.

The rules work on plain facts (dates, ids, amounts) that the store reads for a period; they never
see a session. Tombstoned records are left out by the reader, so nothing here sees them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from fieldlog.domain.period import Period
from fieldlog.domain.stages import ACTIVE_STAGES, BY_CODE, Stage
from fieldlog.domain.vocabulary import OrgKind

#: The metrics, in report order; amounts are integer yuan.
METRICS: tuple[str, ...] = (
    "enterprises_visited",
    "associations_visited",
    "visits",
    "leads_new",
    "projects_active",
    "projects_signed",
    "contract_amount_yuan",
    "funds_in_place_yuan",
    "inspections",
)
AMOUNT_METRICS = frozenset({"contract_amount_yuan", "funds_in_place_yuan"})

#: Report labels, exactly as the weekly return prints them (SPEC §4.1); amounts in 亿元.
LABELS_ZH: dict[str, str] = {
    "enterprises_visited": "走访企业（家）",
    "associations_visited": "走访商协会（个）",
    "visits": "走访次数（次）",
    "leads_new": "新增线索（个）",
    "projects_active": "在谈项目（个）",
    "projects_signed": "签约项目（个）",
    "contract_amount_yuan": "合同投资额（亿元）",
    "funds_in_place_yuan": "到位资金（亿元）",
    "inspections": "考察批次（次）",
}
LABELS_EN: dict[str, str] = {
    "enterprises_visited": "Enterprises visited",
    "associations_visited": "Associations visited",
    "visits": "Visits",
    "leads_new": "New leads",
    "projects_active": "Projects in negotiation",
    "projects_signed": "Projects signed",
    "contract_amount_yuan": "Contract amount (100M yuan)",
    "funds_in_place_yuan": "Funds in place (100M yuan)",
    "inspections": "Inspection visits",
}


@dataclass(frozen=True)
class VisitFact:
    """A live visit: when, and which organization of which kind."""

    on: date
    org_id: uuid.UUID
    org_kind: str


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
    """A live project with its stage events, its first signing and contract amount."""

    id: uuid.UUID
    events: tuple[StageFact, ...]
    signed_on: date | None = None
    contract_yuan: int | None = None


@dataclass(frozen=True)
class TrancheFact:
    """A live funds-in-place tranche."""

    on: date
    amount_yuan: int


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

    def as_dict(self) -> dict[str, object]:
        """The JSON shape: metrics plus `from` and `to` as ISO dates or None."""
        data = asdict(self)
        del data["period"]
        start, end = self.period.start, self.period.end
        return {
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
            **{key: data[key] for key in METRICS},
        }

    def value(self, metric: str) -> int:
        """One metric by name."""
        if metric not in METRICS:
            raise KeyError(metric)
        result: int = getattr(self, metric)
        return result


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


def count_visits(period: Period, visits: Iterable[VisitFact]) -> VisitCounts:
    """Visits dated in `period`, and the distinct enterprises and associations they went to."""
    count = 0
    enterprises: set[uuid.UUID] = set()
    associations: set[uuid.UUID] = set()
    for visit in visits:
        if not period.contains(visit.on):
            continue
        count += 1
        if visit.org_kind == OrgKind.ENTERPRISE:
            enterprises.add(visit.org_id)
        elif visit.org_kind == OrgKind.ASSOCIATION:
            associations.add(visit.org_id)
    return VisitCounts(count, len(enterprises), len(associations))


def compute_stats(
    period: Period,
    visits: Iterable[VisitFact],
    projects: Iterable[ProjectFact],
    tranches: Iterable[TrancheFact],
) -> Stats:
    """Apply every counting rule of SPEC §3.5 to the facts, for `period` (inclusive)."""
    return stats_with_visit_counts(period, count_visits(period, visits), projects, tranches)


def stats_with_visit_counts(
    period: Period,
    visits: VisitCounts,
    projects: Iterable[ProjectFact],
    tranches: Iterable[TrancheFact],
) -> Stats:
    """The rules of SPEC §3.5 for `period`, with the visit figures already counted.

    The store counts visits itself when there are too many to read (`count_visits` is the rule
    it must agree with); projects and tranches are few and are counted here.
    """
    leads = active = signed = contract = inspections = 0
    for project in projects:
        events = known_events(project)
        if events and period.contains(min(e.on for e in events)):
            leads += 1
        if stage_at(project, period.end) in ACTIVE_STAGES:
            active += 1
        if project.signed_on is not None and period.contains(project.signed_on):
            signed += 1
            contract += project.contract_yuan or 0
        inspections += sum(
            1 for e in events if e.stage == Stage.INSPECTED and period.contains(e.on)
        )
    funds = sum(t.amount_yuan for t in tranches if period.contains(t.on))
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
    )
