"""首报首谈 across teams: an enterprise in more than one team's work, and who reported it first.

An enterprise is the same in two teams when their records share a credit code, or when the
bureau confirmed them the same (`identity.py`: look-alike names are proposed, a person decides). A
team's work with it is its first live visit or its first project lead (the project's earliest
stage event): the team that reported it first is the one with the earliest date, then the
smallest stamp (hybrid logical clock), then the team id — the same answer on every run.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from fieldlog.services.bureau.bureau import TeamEntry, require_bureau, teams
from fieldlog.store.database import Database
from fieldlog.store.repositories import bureau_rows
from fieldlog.store.team_view import team_view


@dataclass(frozen=True)
class TeamWork:
    """One team's work with an enterprise: its record, first report and what is at stake."""

    team: TeamEntry
    org_id: uuid.UUID
    name: str
    first_on: date
    first_stamp: int
    first_by: str  # "visit" or "lead"
    projects: int = 0
    contract_yuan: int = 0
    planned_yuan: int = 0


@dataclass(frozen=True)
class Overlap:
    """An enterprise in the work of several teams; `teams` in the order they reported it."""

    key: str
    credit_code: str
    teams: tuple[TeamWork, ...] = field(default_factory=tuple)
    #: The team the bureau decided leads it ("" before a decision).
    lead: str = ""

    @property
    def first(self) -> TeamWork:
        """The team that reported it first (首报)."""
        return self.teams[0]

    @property
    def name(self) -> str:
        """The enterprise as the first reporter named it."""
        return self.first.name


def _key(org: uuid.UUID, code: str | None, confirmed: str | None) -> str:
    if confirmed:
        return f"code:{confirmed}" if not confirmed.startswith("same:") else confirmed
    return f"code:{code}" if code else f"org:{org.hex}"


def _earliest(found: dict[uuid.UUID, tuple[date, int, str]], org: uuid.UUID, when: tuple) -> None:
    if org not in found or when[:2] < found[org][:2]:
        found[org] = when


def _team_work(db: Database, team: TeamEntry) -> list[TeamWork]:
    """Every enterprise a team visited or has a project with, with its first report."""
    with team_view(db, team.id) as view:
        return _work_in(view, team)


def _work_in(view: Database, team: TeamEntry) -> list[TeamWork]:
    first: dict[uuid.UUID, tuple[date, int, str]] = {}
    stakes: dict[uuid.UUID, list[int]] = defaultdict(lambda: [0, 0, 0])
    with view.read() as session:
        for org, on, stamp in bureau_rows.first_visits(session):
            _earliest(first, org, (on, stamp, "visit"))
        for org, on, stamp in bureau_rows.lead_events(session):
            _earliest(first, org, (on, stamp, "lead"))
        for org, contract, planned in bureau_rows.project_stakes(session):
            stake = stakes[org]
            stake[0] += 1
            stake[1] += contract or 0
            stake[2] += planned or 0
        orgs = bureau_rows.enterprise_names(session, list(first))
    return [
        TeamWork(team, org, name, *first[org], *stakes[org])
        if org in stakes
        else TeamWork(team, org, name, *first[org])
        for org, name in orgs
    ]


def overlaps(db: Database) -> list[Overlap]:
    """Every enterprise in more than one team's work, the earliest first report first."""
    require_bureau(db)
    by_key: dict[str, list[TeamWork]] = defaultdict(list)
    codes: dict[str, str] = {}
    with db.read() as session:
        identity = bureau_rows.org_identities(session)
    for team in teams(db):
        for work in _team_work(db, team):
            code, confirmed = identity[work.org_id]
            key = _key(work.org_id, code, confirmed)
            codes[key] = codes.get(key) or code
            by_key[key].append(work)
    found = []
    for key, works in by_key.items():
        ordered = sorted(works, key=lambda w: (w.first_on, w.first_stamp, w.team.id.hex))
        per_team: dict[uuid.UUID, TeamWork] = {}
        for work in ordered:  # a team's earliest record of the enterprise speaks for it
            per_team.setdefault(work.team.id, work)
        if len(per_team) > 1:
            found.append(Overlap(key, codes[key], tuple(per_team.values())))
    with db.read() as session:
        leads = bureau_rows.lead_teams(session)
    found = [replace(o, lead=leads.get(o.first.org_id, "")) for o in found]
    return sorted(found, key=lambda o: (o.first.first_on, o.first.first_stamp, o.key))
