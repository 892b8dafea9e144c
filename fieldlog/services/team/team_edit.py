"""Editing the team after set-up: its fields, members and work groups, saving only what differs
from what was shown, so a field nobody touched keeps its value and its sync stamp.

Each record (the team, a group, a member, a county) is merged field by field over what is stored
now (`services/edits.py`): what another user of the database changed since the form was loaded
stays, and a field both changed goes to the later save, the value it replaced to the conflict log.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, fields, replace
from typing import TypeVar

from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.services.edits import merge_edit, save_edit
from fieldlog.services.errors import InvalidInput
from fieldlog.services.team.counties import County, county_list, save_counties
from fieldlog.services.team.team import (
    MemberInput,
    TeamInput,
    current_team,
    save_group,
    save_member,
    save_team,
)
from fieldlog.services.validate import optional_name
from fieldlog.store.database import Database
from fieldlog.store.models import Member, Team, WorkGroup
from fieldlog.store.repositories.common import get_live
from fieldlog.store.repositories.team_rows import groups_in_order, members_first_entered

D = TypeVar("D")  # a form's row or input dataclass


@dataclass(frozen=True)
class MemberRow:
    """A member as the team form shows it; `id` None for a member added in the form."""

    id: uuid.UUID | None
    name: str
    county_id: uuid.UUID | None = None
    group_id: uuid.UUID | None = None
    from_promotion_system: bool = True


@dataclass(frozen=True)
class GroupRow:
    """A work group as the team form shows it: its name and the chain it works."""

    id: uuid.UUID
    name: str
    chain_id: uuid.UUID | None = None


@dataclass
class TeamSheet:
    """The team, its members, work groups and home counties, as one form shows and saves them."""

    team_id: uuid.UUID
    team: TeamInput
    members: list[MemberRow] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)
    counties: list[County] = field(default_factory=list)


def _team_input(team: Team) -> TeamInput:
    return TeamInput(
        team.name,
        team.home_city,
        team.host_city,
        team.reporting_unit,
        team.dispatch_start,
        team.dispatch_end,
        team.return_preparer,
        team.return_reviewer,
        team.return_phone,
    )


def team_sheet(db: Database) -> TeamSheet | None:
    """The team as it is now, or None before set-up."""
    team = current_team(db)
    if team is None:
        return None
    data = _team_input(team)
    with db.read() as session:
        member_rows = [_member_row(m) for m in members_first_entered(session)]
        group_rows = [GroupRow(g.id, g.name, g.chain_id) for g in groups_in_order(session)]
    return TeamSheet(team.id, data, member_rows, group_rows, county_list(db))


def _member_row(member: Member) -> MemberRow:
    return MemberRow(
        member.id, member.name, member.county_id, member.group_id, member.from_promotion_system
    )


def _member_input(db: Database, row: MemberRow) -> MemberInput:
    """The member's full input: the form's fields over what the form does not show."""
    data = MemberInput(
        row.name,
        group_id=row.group_id,
        county=row.county_id,
        from_promotion_system=row.from_promotion_system,
    )
    if row.id is None:
        return data
    with db.read() as session:
        member = get_live(session, Member, row.id, "member")
        return replace(data, role=member.role, home_unit=member.home_unit, phone=member.phone)


def save_team_sheet(db: Database, before: TeamSheet, after: TeamSheet) -> list[uuid.UUID]:
    """Save what differs between the sheet shown and the sheet edited, in one transaction;
    returns the ids of `after.members`, a new member's included."""
    names = [optional_name(m.name) for m in after.members]
    if len(set(filter(None, names))) != len([n for n in names if n]):
        raise InvalidInput(
            msg(
                "team.member_names_alike",
                "two members have the same name; tell them apart (e.g. 张伟（碧江）)",
            )
        )
    shown_groups = {g.id: g for g in before.groups}
    shown_members = {m.id: m for m in before.members}
    ids: list[uuid.UUID] = []
    with db.begin() as session:
        # First the counties: a member's row may name one added in the same form.
        save_counties(db, before.counties, after.counties)
        _edit_team(db, session, before, after)
        for group in after.groups:
            shown = shown_groups.get(group.id)
            if shown is None:
                save_group(db, group.name, chain_id=group.chain_id, group_id=group.id)
            elif shown != group:
                _edit_group(db, session, shown, group)
        for member in after.members:
            shown_member = shown_members.get(member.id) if member.id is not None else None
            if member.id is None or shown_member is None:
                team_id = before.team_id if member.id is None else None
                data = _member_input(db, member)
                ids.append(save_member(db, data, team_id=team_id, member_id=member.id))
                continue
            ids.append(member.id)
            if shown_member != member:
                _edit_member(db, session, shown_member, member)
    return ids


def _cleaned(data: D) -> D:
    """The form's text as it would be stored: a name typed with a space more is no change
    (else it would replace what another user wrote meanwhile)."""
    texts = {}
    for item in fields(data):  # type: ignore[arg-type]
        value = getattr(data, item.name)
        if isinstance(value, str):
            texts[item.name] = optional_name(value)
    return replace(data, **texts)  # type: ignore[type-var]


def _edit_team(db: Database, session: Session, before: TeamSheet, after: TeamSheet) -> None:
    if after.team == before.team:
        return
    team = get_live(session, Team, before.team_id, "team")
    merged = merge_edit(before.team, _cleaned(after.team), _team_input(team))
    save_edit(session, team, merged, lambda data: save_team(db, data, before.team_id))


def _edit_group(db: Database, session: Session, before: GroupRow, after: GroupRow) -> None:
    group = get_live(session, WorkGroup, before.id, "work group")
    merged = merge_edit(before, _cleaned(after), GroupRow(group.id, group.name, group.chain_id))

    def save(data: GroupRow) -> None:
        save_group(db, data.name, chain_id=data.chain_id, group_id=group.id)

    save_edit(session, group, merged, save)


def _edit_member(db: Database, session: Session, before: MemberRow, after: MemberRow) -> None:
    member = get_live(session, Member, before.id, "member")
    merged = merge_edit(before, _cleaned(after), _member_row(member))

    def save(data: MemberRow) -> None:
        save_member(db, _member_input(db, data), member_id=member.id)

    save_edit(session, member, merged, save)
