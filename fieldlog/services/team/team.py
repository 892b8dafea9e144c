"""The team, its work groups and members."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, carried, msg
from fieldlog.domain.vocabulary import MemberRole, code_or_kept
from fieldlog.services.errors import InvalidInput
from fieldlog.services.validate import (
    checked,
    optional_name,
    required_name,
    sane_date,
)
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Chain, Member, Team, WorkGroup
from fieldlog.store.repositories.common import NotFound, catalog_entry, get_live
from fieldlog.store.repositories.team_rows import (
    first_team,
    groups_in_order,
    member_named,
    members_by_name,
)


@dataclass
class TeamInput:
    """What a person enters for the team."""

    name: str
    home_city: str = ""
    host_city: str = ""
    reporting_unit: str = ""
    dispatch_start: date | None = None
    dispatch_end: date | None = None
    return_preparer: str = ""  # 填报人 of the weekly return
    return_reviewer: str = ""  # 审核人
    return_phone: str = ""  # 联系电话


#: A name of a person signing the return, and a phone number, fit on the return's signature line.
MAX_SIGNATORY, MAX_PHONE = 50, 40


def _short(value: str, limit: int, what: Message) -> str:
    text = optional_name(value)
    if len(text) > limit:
        raise InvalidInput(
            msg(
                "team.too_long",
                "{what} is {length} characters long, at most {limit}",
                what=what,
                length=len(text),
                limit=limit,
            )
        )
    return text


@dataclass
class MemberInput:
    """What a person enters for a member; county is a county catalog name or id."""

    name: str
    group_id: uuid.UUID | None = None
    role: str = MemberRole.MEMBER
    home_unit: str = ""
    county: str | uuid.UUID | None = None
    from_promotion_system: bool = False
    phone: str = ""


def _team_fields(data: TeamInput) -> dict[str, object]:
    start = sane_date(data.dispatch_start, msg("field.dispatch_start", "dispatch start"))
    end = sane_date(data.dispatch_end, msg("field.dispatch_end", "dispatch end"))
    if start and end and start > end:
        raise InvalidInput(
            msg("team.dispatch_ends_before_start", "the dispatch period ends before it starts")
        )
    return {
        "name": required_name(data.name, msg("field.team_name", "team name")),
        "home_city": optional_name(data.home_city),
        "host_city": optional_name(data.host_city),
        "reporting_unit": optional_name(data.reporting_unit),
        "dispatch_start": start,
        "dispatch_end": end,
        "return_preparer": _short(
            data.return_preparer, MAX_SIGNATORY, msg("team.return_preparer", "the preparer")
        ),
        "return_reviewer": _short(
            data.return_reviewer, MAX_SIGNATORY, msg("team.return_reviewer", "the reviewer")
        ),
        "return_phone": _short(
            data.return_phone, MAX_PHONE, msg("team.return_phone", "the contact phone")
        ),
    }


def save_team(db: Database, data: TeamInput, team_id: uuid.UUID | None = None) -> uuid.UUID:
    """Create the team, or update it when `team_id` is given."""
    fields = _team_fields(data)
    with db.begin() as session:
        team = get_live(session, Team, team_id, "team") if team_id else Team()
        for key, value in fields.items():
            setattr(team, key, value)
        session.add(team)
        session.flush()
        return team.id


def current_team(db: Database) -> Team | None:
    """The team this database belongs to (the first one created), or None before set-up."""
    with db.read() as session:
        return first_team(session)


def save_group(
    db: Database,
    name: str,
    *,
    team_id: uuid.UUID | None = None,
    chain_id: uuid.UUID | None = None,
    group_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Create a work group working one chain, or rename / re-chain an existing one."""
    clean = required_name(name, msg("field.group_name", "group name"))
    with db.begin() as session:
        group = get_live(session, WorkGroup, group_id, "work group") if group_id else WorkGroup()
        if team_id is not None:
            get_live(session, Team, team_id, "team")
        # A chain the group already works stands even if it was deleted since.
        if chain_id is not None and chain_id != group.chain_id:
            checked(lambda: get_live(session, Chain, chain_id, "chain"))
        group.name, group.team_id, group.chain_id = clean, team_id or group.team_id, chain_id
        session.add(group)
        session.flush()
        return group.id


def save_member(
    db: Database,
    data: MemberInput,
    *,
    team_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Add a member to the team, or update one."""
    name = required_name(data.name, msg("field.member_name", "member name"))
    with db.begin() as session:
        member = get_live(session, Member, member_id, "member") if member_id else Member()
        # A newer FieldLog's role, shown as 未知（code）, survives an unchanged save.
        role = checked(lambda: code_or_kept(MemberRole, str(data.role), member.role))
        # What the member already has stands even if its record was deleted since (a sync).
        if data.group_id is not None and data.group_id != member.group_id:
            checked(lambda: get_live(session, WorkGroup, data.group_id, "work group"))
        county_id = member.county_id if data.county == member.county_id else None
        if data.county and county_id is None:
            county_id = _listed_county(session, data.county, name)
        member.name, member.role, member.group_id = name, role, data.group_id
        member.team_id = team_id or member.team_id
        member.home_unit = optional_name(data.home_unit)
        member.county_id = county_id
        member.from_promotion_system = data.from_promotion_system
        member.phone = optional_name(data.phone)
        session.add(member)
        session.flush()
        return member.id


def _listed_county(session: Session, county: str | uuid.UUID, member: str) -> uuid.UUID:
    """A live home county by id or name; one taken off the list is refused by its name."""
    try:
        return catalog_entry(session, "county", county).id
    except NotFound as exc:
        item = session.get(CatalogItem, county) if isinstance(county, uuid.UUID) else None
        if item is None:
            raise InvalidInput(carried(exc)) from exc
        raise InvalidInput(
            msg(
                "team.county_not_listed",
                "{member}'s home county {county} is not on the list of home counties",
                member=member,
                county=item.name,
            )
        ) from None


def members(db: Database) -> list[Member]:
    """Live members by name."""
    with db.read() as session:
        return members_by_name(session)


def member_by_name(db: Database, name: str) -> Member | None:
    """The live member with exactly this name, if any."""
    with db.read() as session:
        return member_named(session, name)


def groups(db: Database) -> list[WorkGroup]:
    """Live work groups in display order."""
    with db.read() as session:
        return groups_in_order(session)
