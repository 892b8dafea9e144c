"""Loading the demo: refuse a database that holds work, then build everything in one transaction."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from fieldlog.services.demo import orgs_plan, projects_plan, team_plan, visits_plan
from fieldlog.services.demo.state import DEMO_PERIOD, SEED, LoadState
from fieldlog.services.errors import InvalidInput
from fieldlog.services.targets import set_target
from fieldlog.store.database import Database
from fieldlog.store.models import Member, Organization, Project, Team, Visit
from fieldlog.store.repositories.common import count_live

_TEAM_TARGETS = {
    "enterprises_visited": 300,
    "associations_visited": 30,
    "projects_signed": 20,
    "contract_amount_yuan": 2_500_000_000,
    "funds_in_place_yuan": 400_000_000,
}
_GROUP_TARGETS = {"enterprises_visited": 25, "projects_signed": 2}


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind the demo created."""

    members: int
    groups: int
    organizations: int
    visits: int
    projects: int
    tranches: int


class DemoRefused(InvalidInput):
    """The database already holds work; the demo goes only into an empty one."""


#: Records whose presence means the database holds work: the demo would sit beside them (imported
#: organizations would be doubled by the demo's own, a team would get a second one).
_WORK = (
    (Organization, "organization"),
    (Visit, "visit"),
    (Project, "project"),
    (Member, "member"),
    (Team, "team"),
)


def demo_refusal(db: Database) -> str | None:
    """Why the demo cannot go into this database (one sentence), or None when it is empty."""
    with db.read() as session:
        return _refusal(session)


def _refusal(session: Session) -> str | None:
    held = [
        f"{count} {what}{'' if count == 1 else 's'}"
        for model, what in _WORK
        if (count := count_live(session, model))
    ]
    if not held:
        return None
    return (
        f"this database already holds work ({', '.join(held)}); "
        "load the demo into a new, empty database"
    )


def load_demo(db: Database) -> DemoSummary:
    """Load the demo dispatch into an empty database as one transaction; DemoRefused when any
    live organization, visit, project, member or team is there."""
    with db.begin() as session:
        reason = _refusal(session)
        if reason is not None:
            raise DemoRefused(reason)
        return _build(LoadState(db, random.Random(SEED)))


def _build(st: LoadState) -> DemoSummary:
    """Every step in a fixed order: the seeded generator's draws depend on it."""
    team = team_plan.build_team(st)
    specs = projects_plan.build_specs(st)
    per_chain = [sum(s.chain == c for s in specs) for c in range(12)]
    investors = orgs_plan.build_enterprises(st, per_chain)
    orgs_plan.build_associations(st)
    orgs_plan.build_others(st)
    for spec in specs:
        projects_plan.build_project(st, spec, investors[spec.chain].pop(0))
    for org in st.orgs:
        visits_plan.build_visits(st, org)
    _targets(st, team)
    return DemoSummary(members=2 * len(st.pairs), groups=len(st.groups), **st.counts)


def _targets(st: LoadState, team: uuid.UUID) -> None:
    for metric, value in _TEAM_TARGETS.items():
        set_target(st.db, "team", team, metric, DEMO_PERIOD, value)
    for group in st.groups:
        for metric, value in _GROUP_TARGETS.items():
            set_target(st.db, "group", group, metric, DEMO_PERIOD, value)
