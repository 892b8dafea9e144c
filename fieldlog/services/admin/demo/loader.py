"""Loading the demo: refuse a database that holds work, then build everything in one transaction."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, msg
from fieldlog.services.admin.demo import (
    assessment_plan,
    orgs_plan,
    projects_plan,
    team_plan,
    visits_plan,
)
from fieldlog.services.admin.demo.state import DEMO_PERIOD, SEED, LoadState
from fieldlog.services.errors import InvalidInput
from fieldlog.services.reports.targets import set_target
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
#: organizations would be doubled by the demo's own, a team would get a second one). Each with
#: how it is counted in the refusal: one, then several.
_WORK = (
    (
        Organization,
        msg("demo.count_organization", "{count} organization"),
        msg("demo.count_organizations", "{count} organizations"),
    ),
    (Visit, msg("demo.count_visit", "{count} visit"), msg("demo.count_visits", "{count} visits")),
    (
        Project,
        msg("demo.count_project", "{count} project"),
        msg("demo.count_projects", "{count} projects"),
    ),
    (
        Member,
        msg("demo.count_member", "{count} member"),
        msg("demo.count_members", "{count} members"),
    ),
    (Team, msg("demo.count_team", "{count} team"), msg("demo.count_teams", "{count} teams")),
)


def demo_refusal(db: Database) -> str | None:
    """Why the demo cannot go into this database (one sentence in the current language), or
    None when it is empty."""
    with db.read() as session:
        reason = _refusal(session)
    return None if reason is None else str(reason)


def _refusal(session: Session) -> Message | None:
    held = [
        replace(one if count == 1 else many, params=(("count", count),))
        for model, one, many in _WORK
        if (count := count_live(session, model))
    ]
    if not held:
        return None
    return msg(
        "demo.holds_work",
        "this database already holds work ({held}); load the demo into a new, empty database",
        held=_listed(held),
    )


def _listed(p: list[Message]) -> Message:
    """The counts as one list, "2 organizations, 1 visit" (a message per length: each language
    joins its list its own way); there are at most five."""
    if len(p) == 1:
        return p[0]
    if len(p) == 2:
        return msg("demo.list_2", "{a}, {b}", a=p[0], b=p[1])
    if len(p) == 3:
        return msg("demo.list_3", "{a}, {b}, {c}", a=p[0], b=p[1], c=p[2])
    if len(p) == 4:
        return msg("demo.list_4", "{a}, {b}, {c}, {d}", a=p[0], b=p[1], c=p[2], d=p[3])
    return msg("demo.list_5", "{a}, {b}, {c}, {d}, {e}", a=p[0], b=p[1], c=p[2], d=p[3], e=p[4])


def load_demo(db: Database, *, seed: int = SEED) -> DemoSummary:
    """Load the demo dispatch into an empty database as one transaction; DemoRefused when any
    live organization, visit, project, member or team is there.

    Another `seed` makes another dispatch of the same shape — other people, enterprises, credit
    codes, days and visits; the same team name, signed projects and amounts — for a bureau's
    several demo teams. The reference figures (SPEC §3.7) are the default seed's.
    """
    with db.begin() as session:
        reason = _refusal(session)
        if reason is not None:
            raise DemoRefused(reason)
        return _build(LoadState(db, random.Random(seed)), assessment_plan.details_rng(seed))


def _build(st: LoadState, details: random.Random) -> DemoSummary:
    """Every step in a fixed order: the seeded generator's draws depend on it. The assessment
    and lead details come last, from a generator of their own (`assessment_plan`)."""
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
    assessment_plan.build_details(st, details)
    return DemoSummary(members=2 * len(st.pairs), groups=len(st.groups), **st.counts)


def _targets(st: LoadState, team: uuid.UUID) -> None:
    for metric, value in _TEAM_TARGETS.items():
        set_target(st.db, "team", team, metric, DEMO_PERIOD, value)
    for group in st.groups:
        for metric, value in _GROUP_TARGETS.items():
            set_target(st.db, "group", group, metric, DEMO_PERIOD, value)
