"""The home bureau's database: made once, teams registered with a package of theirs (SPEC §9).

`init_bureau` marks a new (or empty) database as a bureau's; `register_teams` takes packages of
teams, each with its team's passphrase, opens every one before anything is kept, keeps each
team's passphrase for this database (password store, per team) and receives all the packages in
one import — one check of the whole database however many teams a bureau sets up at once
(`register_team` is the case of one package). Later packages of a team go through `sync import`
as usual (`services/exchange/bureau_receive.py` chooses each team's passphrase).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fieldlog.domain.ids import new_id
from fieldlog.domain.messages import Message, carried, msg
from fieldlog.services import secrets
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange import sync
from fieldlog.services.exchange.bureau_receive import (
    BUREAU_ID_KEY,
    BUREAU_NAME_KEY,
    bureau_name,
    forget_team_passphrase,
    keep_team_passphrase,
    registered,
    team_of,
    team_passphrase,
)
from fieldlog.services.exchange.sync_report import PackageReport, SyncImportReport
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
    """What registering a team with one package did: the team, whether it was new before, where
    its passphrase went, the import its package was received in (with the other packages given
    at once) and that package's own report."""

    team: TeamEntry
    new: bool
    kept: secrets.Kept
    imported: SyncImportReport
    package: PackageReport


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


def team_labels(registered: Sequence[TeamEntry]) -> list[str]:
    """How each team is named where teams are listed: its name, and where several teams share
    one name, the end of its id too (`find_team` takes either)."""
    count = Counter(team.name for team in registered)
    return [
        team.name if count[team.name] == 1 else f"{team.name}（{team.id.hex[-8:]}）"
        for team in registered
    ]


def find_team(db: Database, name: str) -> TeamEntry:
    """The registered team called `name`, labelled so (`team_labels`) or whose id ends with it;
    InvalidInput when none is, or when several share the name."""
    known = teams(db)
    wanted = name.strip()
    labels = team_labels(known)
    found = [t for t in known if t.name == wanted] or [
        t for t, label in zip(known, labels, strict=True) if label == wanted
    ]
    if not found:
        ending = wanted.replace("-", "").lower()
        found = [t for t in known if ending and t.id.hex.endswith(ending)]
    if len(found) == 1:
        return found[0]
    if found:
        raise InvalidInput(
            msg(
                "bureau.ambiguous_team",
                "{count} registered teams are called {name}; name one with the end of its id: "
                "{teams}",
                count=len(found),
                name=wanted,
                teams="、".join(team_labels(found)),
            )
        )
    raise InvalidInput(
        msg(
            "bureau.no_such_team",
            "no registered team is called {name}; the bureau's teams are: {teams}",
            name=wanted,
            teams="、".join(labels) or "—",
        )
    )


def register_team(db: Database, path: Path, passphrase: str) -> Registration:
    """Register the team that made the package at `path` and receive the package.

    The package must open with `passphrase` (checked before anything is kept); registering a
    team again replaces its kept passphrase (a team that changed it).
    """
    [registration] = register_teams(db, [(path, passphrase)])
    return registration


def register_teams(db: Database, packages: Sequence[tuple[Path, str]]) -> list[Registration]:
    """Register the teams that made `packages` (each with its passphrase) and receive them all
    in one import; one Registration per package, in their order.

    Every package is opened with its passphrase before anything is kept, and the packages of one
    team must come with one passphrase. When the import is refused, the teams this call
    registered are forgotten and every passphrase it kept is put back as it was.
    """
    require_bureau(db)
    checked = _checked(db, packages)
    if not checked:
        return []
    undo = _register(db, checked)
    kept: dict[uuid.UUID, secrets.Kept] = {}
    try:
        for package in checked:
            if package.team_id not in kept:
                undo.passphrases[package.team_id] = team_passphrase(db, package.team_id)
                kept[package.team_id] = keep_team_passphrase(
                    db, package.team_id, package.passphrase
                )
        imported = sync.import_opened(db, [p.opened for p in checked])
    except BaseException:
        _put_back(db, undo)  # nothing half-kept: the bureau is as it was before this call
        raise
    with db.read() as session:
        shown = {t: e.name for t in kept if (e := registered(session, t)) is not None}
    return [
        Registration(
            TeamEntry(p.team_id, shown.get(p.team_id, p.name)),
            p.team_id in undo.new,
            kept[p.team_id],
            imported,
            received,
        )
        for p, received in zip(checked, imported.packages, strict=True)
    ]


@dataclass(frozen=True)
class _Package:
    """A package that opened with its passphrase, and the team that made it."""

    path: Path
    passphrase: str
    team_id: uuid.UUID
    name: str
    opened: importer.Verified


@dataclass
class _Undo:
    """What registering changed, to put back when the import is refused."""

    new: set[uuid.UUID] = field(default_factory=set)
    names: dict[uuid.UUID, str] = field(default_factory=dict)  # a renamed team's name before
    passphrases: dict[uuid.UUID, str | None] = field(default_factory=dict)  # kept before


def _checked(db: Database, packages: Sequence[tuple[Path, str]]) -> list[_Package]:
    """Every package opened with its passphrase (PackageError, naming it, for the first that is
    refused); nothing is kept yet."""
    teams_of: dict[uuid.UUID, tuple[Path, str]] = {}
    found = []
    for path, passphrase in packages:
        guard_input(path, db.path, "a sync package")
        team_id = team_of(path)
        first = teams_of.setdefault(team_id, (path, passphrase))
        if first[1] != passphrase:
            raise InvalidInput(
                msg(
                    "bureau.two_passphrases",
                    "{label} comes from the same team as {other} but was given another "
                    "passphrase; give one passphrase per team, so nothing was registered",
                    label=path.name,
                    other=first[0].name,
                )
            )
        found.append((path, passphrase, team_id))
    checked = []
    for path, passphrase, team_id in found:
        try:
            package = importer.verify(path, passphrase)  # a wrong passphrase stops here
        except PackageError as exc:
            if len(packages) == 1 or path.name in str(exc):
                raise
            raise PackageError(_refused(path, exc)) from None
        header, named = package.contents.header, package.contents.teams
        checked.append(
            _Package(path, passphrase, team_id, header.team or named.get(str(team_id), ""), package)
        )
    return checked


def _refused(path: Path, error: PackageError) -> Message:
    return msg(
        "bureau.package_refused",
        "{label}: {problem}; nothing was registered",
        label=path.name,
        problem=carried(error),
    )


def _register(db: Database, checked: list[_Package]) -> _Undo:
    """Register each team not registered yet; a team's name is the one of its last package."""
    names = {p.team_id: p.name for p in checked}
    undo = _Undo()
    with db.begin() as session:
        for team_id, name in names.items():
            entry = registered(session, team_id)
            if entry is None:
                undo.new.add(team_id)
                session.add(BureauTeam(team_id=team_id, name=name or str(TeamRef(team_id).shown())))
            elif name and name != entry.name:
                undo.names[team_id] = entry.name
                entry.name = name
    return undo


def _put_back(db: Database, undo: _Undo) -> None:
    """Undo `_register` and the passphrases kept since: a team this call registered is forgotten,
    a passphrase it replaced is kept again."""
    for team_id, before in undo.passphrases.items():
        if before is None:
            forget_team_passphrase(db, team_id)
        else:
            keep_team_passphrase(db, team_id, before)
    with db.begin() as session:
        for team_id in undo.new:
            bureau_rows.forget_team(session, team_id)
        for team_id, name in undo.names.items():
            entry = registered(session, team_id)
            if entry is not None:
                entry.name = name
