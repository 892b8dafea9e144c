"""Which team a package belongs to, and whether this laptop takes it (SPEC §6).

A laptop belongs to the team of its team record (the first one created, as the window shows
it); a new laptop has none until it takes its team leader's full package, which brings the
record and so joins that team. A package of format 2 names its sender's team by id in the
authenticated manifest (and by name inside the encryption). A package of format 1 (an earlier
FieldLog) does not, so only the teams its own rows name can vouch for it: it is taken when they
name exactly this laptop's team (or, on a laptop of no team, exactly one team), and refused when
they name none, so a stray old package of another team cannot slip in.

`admit` is the one place where this is decided: a bureau database, which takes the packages of
several teams, relaxes it there.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, msg
from fieldlog.store.models import Team
from fieldlog.sync.changes import Contents
from fieldlog.sync.errors import PackageError
from fieldlog.sync.manifest import Manifest


@dataclass(frozen=True)
class TeamRef:
    """A team by id, with its name where known (for messages only)."""

    id: uuid.UUID
    name: str = ""

    def shown(self) -> Message:
        """The team as messages name it: its name and the end of its id."""
        tail = self.id.hex[-8:]
        if not self.name:
            return msg("sync.team_id", "team id …{tail}", tail=tail)
        return msg("sync.team_named", "{name} (team id …{tail})", name=self.name, tail=tail)

    def __str__(self) -> str:
        return str(self.shown())


def own_team(session: Session) -> TeamRef | None:
    """The team this database belongs to: its first live team record, or None before one."""
    query = (
        select(Team.id, Team.name)
        .where(Team.deleted.is_(False))
        .order_by(Team.created_at, Team.id)
        .limit(1)
    )
    row = session.execute(query).first()
    return TeamRef(row.id, row.name) if row is not None else None


def _listing(teams: list[Message]) -> Message:
    """Several teams in one message, in the order given."""
    listed = teams[0]
    for team in teams[1:]:
        listed = msg("sync.team_list", "{teams}, {team}", teams=listed, team=team)
    return listed


def _named_by_rows(label: str, contents: Contents) -> TeamRef | None:
    """The one team a package's rows are or name; None when they name none."""
    named = sorted(set(contents.teams) | contents.team_refs)
    if len(named) > 1:
        shown = [TeamRef(uuid.UUID(t), contents.teams.get(t, "")).shown() for t in named]
        raise PackageError(
            msg(
                "package.several_teams",
                "{label} holds the records of {count} teams ({teams}); a package belongs to one "
                "team, so nothing was imported",
                label=label,
                count=len(named),
                teams=_listing(shown),
            )
        )
    if not named:
        return None
    return TeamRef(uuid.UUID(named[0]), contents.teams.get(named[0], ""))


def package_team(label: str, manifest: Manifest, contents: Contents) -> TeamRef | None:
    """The team a verified package belongs to; None for one from a laptop of no team."""
    if manifest.team_id is not None:
        name = contents.header.team or contents.teams.get(str(manifest.team_id), "")
        return TeamRef(manifest.team_id, name)
    named = _named_by_rows(label, contents)
    if named is None and manifest.version < 2:
        raise PackageError(
            msg(
                "package.no_team",
                "{label} was made by an earlier FieldLog and none of its records says which team "
                "it belongs to; ask the sender to update FieldLog and send a full package "
                "(sync export --full), so nothing was imported",
                label=label,
            )
        )
    return named


def admit(
    label: str, manifest: Manifest, contents: Contents, own: TeamRef | None
) -> TeamRef | None:
    """Refuse a package of another team; returns this laptop's team once the package is in.

    A laptop of no team takes a package of a team only with that team's record in it (the team
    leader's full package): that is how it joins. A package from a laptop of no team names no
    team and is taken by anyone.
    """
    theirs = package_team(label, manifest, contents)
    if theirs is None:
        return own
    if own is None:
        if str(theirs.id) not in contents.teams:
            raise PackageError(
                msg(
                    "package.team_missing",
                    "{label} is a package of team {team} without the team itself; a laptop that "
                    "belongs to no team yet joins with its team leader's full package "
                    "(sync export --full), so nothing was imported",
                    label=label,
                    team=theirs.shown(),
                )
            )
        return theirs
    if theirs.id != own.id:
        raise PackageError(
            msg(
                "package.other_team",
                "{label} is a package of another team, {team}, and this laptop belongs to "
                "{own}; a laptop takes only its own team's packages, so nothing was imported",
                label=label,
                team=theirs.shown(),
                own=own.shown(),
            )
        )
    return own
