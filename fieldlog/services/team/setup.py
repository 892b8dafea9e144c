"""First start: set up the team, its work groups and members in one go."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from fieldlog.domain.messages import msg
from fieldlog.domain.vocabulary import MemberRole
from fieldlog.services.errors import InvalidInput
from fieldlog.services.team import identity
from fieldlog.services.team.counties import County, save_counties
from fieldlog.services.team.team import MemberInput, TeamInput, save_group, save_member, save_team
from fieldlog.services.validate import optional_name
from fieldlog.store.database import Database


@dataclass
class NewMember:
    """A member as entered on the set-up form: county a county catalog name or id, group a
    work-group name (created as needed)."""

    name: str
    county: str | uuid.UUID | None = None
    group: str = ""
    from_promotion_system: bool = True
    role: str = MemberRole.MEMBER


@dataclass
class TeamSetup:
    """What the first-start form asks for; `me` indexes the member using this laptop. The home
    counties are saved where `counties` differs from `shown_counties` (the list the form showed)."""

    team: TeamInput
    members: list[NewMember] = field(default_factory=list)
    me: int | None = None
    counties: list[County] = field(default_factory=list)
    shown_counties: list[County] = field(default_factory=list)


def set_up_team(db: Database, setup: TeamSetup) -> uuid.UUID:
    """Create the team, its groups and members as one transaction; returns the team id."""
    names = [optional_name(m.name) for m in setup.members]
    if len(set(filter(None, names))) != len([n for n in names if n]):
        raise InvalidInput(
            msg(
                "team.member_names_alike",
                "two members have the same name; tell them apart (e.g. 张伟（碧江）)",
            )
        )
    if setup.me is not None and not 0 <= setup.me < len(setup.members):
        raise InvalidInput(msg("setup.no_me", "choose which member uses this laptop"))
    with db.begin():
        save_counties(db, setup.shown_counties, setup.counties)
        team_id = save_team(db, setup.team)
        groups: dict[str, uuid.UUID] = {}
        ids = []
        for member in setup.members:
            group = optional_name(member.group)
            if group and group not in groups:
                groups[group] = save_group(db, group, team_id=team_id)
            data = MemberInput(
                member.name,
                group_id=groups.get(group),
                role=member.role,
                county=member.county or None,
                from_promotion_system=member.from_promotion_system,
            )
            ids.append(save_member(db, data, team_id=team_id))
        if setup.me is not None:
            identity.set_me(db, ids[setup.me])
    return team_id
