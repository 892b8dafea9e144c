"""The home bureau's database: made once, teams registered with a package of theirs (SPEC §9).

`init_bureau` marks a new (or empty) database as a bureau's; `register_team` takes a package of a
team with that team's passphrase, keeps the passphrase for this database (password store, per
team) and receives the package; later packages of the team go through `sync import` as usual
(`services/exchange/bureau_receive.py` chooses each team's passphrase).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from fieldlog.domain.ids import new_id
from fieldlog.domain.messages import msg
from fieldlog.services import secrets
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange import sync
from fieldlog.services.exchange.bureau_receive import (
    BUREAU_ID_KEY,
    BUREAU_NAME_KEY,
    bureau_name,
    keep_team_passphrase,
    peek_manifest,
    registered,
)
from fieldlog.services.exchange.sync_report import SyncImportReport
from fieldlog.services.file_guard import guard_input
from fieldlog.store.database import Database
from fieldlog.store.models import BureauTeam
from fieldlog.store.repositories import bureau_rows
from fieldlog.store.stamping import write_state
from fieldlog.sync import importer
from fieldlog.sync.errors import PackageError
from fieldlog.sync.team_check import TeamRef, own_team

MAX_NAME = 100


@dataclass(frozen=True)
class TeamEntry:
    """A team the bureau receives."""

    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class Registration:
    """What registering a team did: the team, whether it was new, where its passphrase went,
    and the import of its package."""

    team: TeamEntry
    new: bool
    kept: secrets.Kept
    imported: SyncImportReport


def _not_a_bureau() -> InvalidInput:
    return InvalidInput(
        msg(
            "bureau.not_a_bureau",
            "this database is not a bureau database; make one with `fieldlog bureau init --name "
            "NAME` on a new database",
        )
    )


def require_bureau(db: Database) -> str:
    """The bureau's name, or InvalidInput when `db` is not a bureau database."""
    with db.read() as session:
        name = bureau_name(session)
    if name is None:
        raise _not_a_bureau()
    return name


def init_bureau(db: Database, name: str) -> str:
    """Make `db` a bureau database named `name` (renames an existing bureau); returns the name.

    A database that already holds a team's records is refused: a bureau's figures must be its
    teams', never a laptop's own.
    """
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise InvalidInput(
            msg(
                "bureau.bad_name",
                "the bureau's name must have 1 to {count} characters",
                count=MAX_NAME,
            )
        )
    with db.begin() as session:
        if bureau_name(session) is None:
            team = own_team(session)
            if team is not None:
                raise InvalidInput(
                    msg(
                        "bureau.team_database",
                        "this database belongs to team {team}; a bureau database is a new one "
                        "(give another --db), so nothing was changed",
                        team=team.name or str(team.id),
                    )
                )
            write_state(session, BUREAU_ID_KEY, str(new_id()))
        write_state(session, BUREAU_NAME_KEY, name)
    return name


def teams(db: Database) -> list[TeamEntry]:
    """The registered teams, by name."""
    with db.read() as session:
        rows = bureau_rows.team_rows(session)
    return sorted((TeamEntry(team, name) for team, name in rows), key=lambda t: (t.name, t.id))


def find_team(db: Database, name: str) -> TeamEntry:
    """The registered team called `name` (or whose id ends with it); InvalidInput otherwise."""
    known = teams(db)
    wanted = name.strip()
    found = [t for t in known if t.name == wanted] or [
        t for t in known if wanted and t.id.hex.endswith(wanted.replace("-", "").lower())
    ]
    if len(found) == 1:
        return found[0]
    raise InvalidInput(
        msg(
            "bureau.no_such_team",
            "no registered team is called {name}; the bureau's teams are: {teams}",
            name=wanted,
            teams="、".join(t.name for t in known) or "—",
        )
    )


def register_team(db: Database, path: Path, passphrase: str) -> Registration:
    """Register the team that made the package at `path` and receive the package.

    The package must open with `passphrase` (checked before anything is kept); registering a
    team again replaces its kept passphrase (a team that changed it).
    """
    require_bureau(db)
    guard_input(path, db.path, "a sync package")
    manifest = peek_manifest(path)
    if manifest.team_id is None:
        raise PackageError(
            msg(
                "bureau.no_team",
                "{label} was made on a laptop that belongs to no team; a bureau takes only the "
                "packages of its teams, so nothing was imported",
                label=path.name,
            )
        )
    package = importer.verify(path, passphrase)  # a wrong passphrase stops here
    team_id = manifest.team_id
    name = package.contents.header.team or package.contents.teams.get(str(team_id), "")
    with db.begin() as session:
        new = registered(session, team_id) is None
        if new:
            session.add(BureauTeam(team_id=team_id, name=name or str(TeamRef(team_id).shown())))
        elif name:
            session.get(BureauTeam, team_id).name = name  # type: ignore[union-attr]
    kept = keep_team_passphrase(db, team_id, passphrase)
    try:
        imported = sync.import_packages(db, [path])
    except BaseException:
        if new:  # nothing half-written: a team whose package was refused is not registered
            with db.begin() as session:
                bureau_rows.forget_team(session, team_id)
        raise
    with db.read() as session:
        entry = session.get(BureauTeam, team_id)
        shown = entry.name if entry else name
    return Registration(TeamEntry(team_id, shown), new, kept, imported)
