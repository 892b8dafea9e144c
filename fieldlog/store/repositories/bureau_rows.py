"""The bureau's queries (SPEC §9): its teams, which team each record came from, the decisions
on look-alikes and leads, and the facts of each team's work with an enterprise."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from fieldlog.domain.vocabulary import OrgKind
from fieldlog.store.models import (
    AppliedPackage,
    BureauTeam,
    LeadAssignment,
    Organization,
    OrgIdentity,
    Project,
    RecordTeam,
    SameOrg,
    StageEvent,
    Visit,
)
from fieldlog.store.types import utcnow

CHUNK = 500


# -- teams and their records ------------------------------------------------------------------


def team_rows(session: Session) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of every registered team."""
    return [
        (r.team_id, r.name) for r in session.execute(select(BureauTeam.team_id, BureauTeam.name))
    ]


class ReceiveCounts(NamedTuple):
    """How many packages the bureau has applied and how many teams it has registered."""

    received: int
    teams: int


def receive_counts(session: Session) -> ReceiveCounts:
    """The packages applied and the teams registered so far (a watched folder's waiting
    packages are tried again when these move)."""
    received = session.execute(select(func.count()).select_from(AppliedPackage)).scalar_one()
    teams = session.execute(select(func.count()).select_from(BureauTeam)).scalar_one()
    return ReceiveCounts(int(received), int(teams))


def forget_team(session: Session, team_id: uuid.UUID) -> None:
    """Remove a team's registration."""
    session.execute(delete(BureauTeam).where(BureauTeam.team_id == team_id))


def note_records(
    session: Session, team_id: uuid.UUID, table: str, ids: Sequence[uuid.UUID]
) -> None:
    """Note records of `table` as `team_id`'s (records noted before stay noted)."""
    for start in range(0, len(ids), CHUNK):
        chunk = set(ids[start : start + CHUNK])
        known = set(
            session.execute(
                select(RecordTeam.record_id).where(
                    RecordTeam.team_id == team_id,
                    RecordTeam.table_name == table,
                    RecordTeam.record_id.in_(chunk),
                )
            ).scalars()
        )
        new = [
            {"table_name": table, "record_id": record, "team_id": team_id}
            for record in sorted(chunk - known)
        ]
        if new:
            session.execute(insert(RecordTeam), new)


def org_teams(session: Session) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The teams each organization record came from."""
    rows = session.execute(
        select(RecordTeam.record_id, RecordTeam.team_id).where(
            RecordTeam.table_name == "organization"
        )
    )
    teams: dict[uuid.UUID, list[uuid.UUID]] = {}
    for org, team in rows:
        teams.setdefault(org, []).append(team)
    return teams


# -- one enterprise across teams ------------------------------------------------------------


def org_ids(session: Session, among: Iterable[uuid.UUID] | None = None) -> set[uuid.UUID]:
    """The ids of every organization (or of those in `among` that exist)."""
    query = select(Organization.id)
    if among is not None:
        query = query.where(Organization.id.in_(list(among)))
    return set(session.execute(query).scalars())


def live_enterprises(session: Session) -> list[Any]:
    """(id, name, name_key, credit_code) of every live enterprise."""
    return list(
        session.execute(
            select(
                Organization.id, Organization.name, Organization.name_key, Organization.credit_code
            ).where(Organization.deleted.is_(False), Organization.kind == OrgKind.ENTERPRISE.value)
        ).all()
    )


def decided_pairs(session: Session) -> set[tuple[uuid.UUID, uuid.UUID]]:
    """Every pair the bureau decided, in id order."""
    return {(a, b) for a, b in session.execute(select(SameOrg.first_org_id, SameOrg.second_org_id))}


def confirmed_pairs(session: Session) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """The pairs decided to be one enterprise."""
    query = select(SameOrg.first_org_id, SameOrg.second_org_id).where(SameOrg.same.is_(True))
    return [(a, b) for a, b in session.execute(query)]


def replace_decision(session: Session, first: uuid.UUID, second: uuid.UUID, same: bool) -> None:
    """Keep the bureau's latest decision on a pair (in id order)."""
    session.execute(
        delete(SameOrg).where(SameOrg.first_org_id == first, SameOrg.second_org_id == second)
    )
    session.add(SameOrg(first_org_id=first, second_org_id=second, same=same, decided_at=utcnow()))
    session.flush()


def codes_of(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str | None]:
    """The credit code of each organization in `ids`."""
    query = select(Organization.id, Organization.credit_code).where(Organization.id.in_(list(ids)))
    return {org: code for org, code in session.execute(query)}


def replace_identities(session: Session, rows: list[dict[str, Any]]) -> None:
    """Replace every `OrgIdentity` with `rows` ({"org_id", "key"})."""
    session.execute(delete(OrgIdentity))
    if rows:
        session.execute(insert(OrgIdentity), rows)


def org_identities(session: Session) -> dict[uuid.UUID, tuple[str, str | None]]:
    """Each organization's credit code ("" without one) and confirmed key (None without one)."""
    query = select(Organization.id, Organization.credit_code, OrgIdentity.key).outerjoin(
        OrgIdentity, OrgIdentity.org_id == Organization.id
    )
    return {org: (code or "", key) for org, code, key in session.execute(query)}


# -- each team's work with an enterprise (read on the team's view) -------------------------


def first_visits(session: Session) -> list[tuple[uuid.UUID, date, int]]:
    """Per organization visited: its first live visit's date and the smallest stamp that day."""
    dated = select(Visit.org_id, func.min(Visit.visited_on)).where(Visit.deleted.is_(False))
    firsts = {org: on for org, on in session.execute(dated.group_by(Visit.org_id))}
    stamps = select(Visit.org_id, Visit.visited_on, func.min(Visit.hlc)).where(
        Visit.deleted.is_(False)
    )
    found = []
    for org, on, stamp in session.execute(stamps.group_by(Visit.org_id, Visit.visited_on)):
        if firsts.get(org) == on:
            found.append((org, on, int(stamp)))
    return found


def lead_events(session: Session) -> list[tuple[uuid.UUID, date, int]]:
    """(investor, date, stamp) of every live stage event of a live project with an investor."""
    query = (
        select(Project.investor_id, StageEvent.occurred_on, StageEvent.hlc)
        .join(StageEvent, StageEvent.project_id == Project.id)
        .where(Project.deleted.is_(False), StageEvent.deleted.is_(False))
        .where(Project.investor_id.is_not(None))
    )
    return [(org, on, int(stamp)) for org, on, stamp in session.execute(query) if org]


def project_stakes(session: Session) -> list[tuple[uuid.UUID, int | None, int | None]]:
    """(investor, contract, planned) of every live project with an investor."""
    query = select(Project.investor_id, Project.contract_yuan, Project.planned_yuan).where(
        Project.deleted.is_(False), Project.investor_id.is_not(None)
    )
    return [(org, contract, planned) for org, contract, planned in session.execute(query) if org]


def enterprise_names(session: Session, ids: Iterable[uuid.UUID]) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of the live enterprises among `ids`."""
    query = select(Organization.id, Organization.name).where(
        Organization.deleted.is_(False),
        Organization.kind == OrgKind.ENTERPRISE.value,
        Organization.id.in_(list(ids)),
    )
    return [(org, name) for org, name in session.execute(query)]


# -- leads ------------------------------------------------------------------------------------


def lead_teams(session: Session) -> dict[uuid.UUID, str]:
    """The lead team decided for each organization that has a decision."""
    query = select(LeadAssignment.org_id, LeadAssignment.lead_team).where(
        LeadAssignment.deleted.is_(False)
    )
    return {org: team for org, team in session.execute(query)}


def lead_rows_since(
    session: Session, team_id: uuid.UUID, since: int, columns: Sequence[str]
) -> list[Any]:
    """`columns` of the decisions on `team_id`'s records changed after change number `since`."""
    table = LeadAssignment.__table__
    owned = select(RecordTeam.record_id).where(
        RecordTeam.team_id == team_id, RecordTeam.table_name == LeadAssignment.__tablename__
    )
    query = (
        select(*(table.c[key] for key in columns))
        .where(table.c.id.in_(owned), table.c.local_seq > since)
        .order_by(table.c.id)
    )
    return list(session.execute(query).mappings())


def received_leads(session: Session) -> list[tuple[str, LeadAssignment]]:
    """(organization name, decision) of every live decision this database holds."""
    query = (
        select(Organization.name, LeadAssignment)
        .join(Organization, Organization.id == LeadAssignment.org_id)
        .where(LeadAssignment.deleted.is_(False))
    )
    return [(name, lead) for name, lead in session.execute(query)]
