"""A bureau database receiving the packages of several teams (SPEC §9).

A bureau database is marked by its name in `local_state` (`fieldlog bureau init`). It takes a
package only from a team it has registered (`BureauTeam`), opened with that team's own
passphrase, kept in the password store under this database's entry and the team's id — never in
the database, never in a package. The team is read from the package's manifest before it is
opened (to choose the passphrase), and the manifest is authenticated by that passphrase, so a
package cannot claim another team's id and still open.

Every record a package brings is noted as that team's (`RecordTeam`), so each team's figures are
counted from its own records (`store/team_view.py`). A bureau does not run the team's automatic
merges (same credit code, look-alikes): each team's own laptops make them and their results
arrive in the team's packages; enterprises two teams share are the bureau's overlaps instead.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from pathlib import Path

from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.services import secrets
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange.passphrase import entry_scope
from fieldlog.services.secrets import Secret
from fieldlog.store.database import Database
from fieldlog.store.models import BureauTeam, Team
from fieldlog.store.repositories import bureau_rows
from fieldlog.store.stamping import read_state
from fieldlog.store.team_view import BUREAU_NAME_KEY
from fieldlog.sync import importer
from fieldlog.sync.archive import read_members
from fieldlog.sync.changes import MAX_TEAM_NAME, read_rows
from fieldlog.sync.errors import PackageError
from fieldlog.sync.manifest import Manifest, parse_manifest
from fieldlog.sync.package import inflate
from fieldlog.sync.team_check import TeamRef

#: local_state key of a bureau database's id (its name, `BUREAU_NAME_KEY`, marks it a bureau).
BUREAU_ID_KEY = "bureau_id"

#: The code of a refusal that a later package can cure: the package's records need records of
#: an earlier package of its team, not received yet (`bureau watch` tries it again).
MISSING_REFERENCES = "bureau.missing_references"
#: The code of a refusal that registering the team cures.
UNREGISTERED = "bureau.unregistered"


def bureau_name(session: Session) -> str | None:
    """The bureau's name when this database is a bureau's, else None."""
    return read_state(session, BUREAU_NAME_KEY) or None


def is_bureau(db: Database) -> bool:
    """Whether `db` is a bureau database."""
    with db.read() as session:
        return bureau_name(session) is not None


def peek_manifest(path: Path) -> Manifest:
    """The manifest of a package, read before it is opened (PackageError when unreadable); not
    yet authenticated: opening the package with the team's passphrase authenticates it."""
    raw, _payload = read_members(path)
    return parse_manifest(raw, path.name)


def _team_scope(db: Database, team_id: uuid.UUID) -> str:
    return f"{entry_scope(db)}/team/{team_id}"


def keep_team_passphrase(db: Database, team_id: uuid.UUID, passphrase: str) -> secrets.Kept:
    """Keep a registered team's passphrase for this bureau database."""
    return secrets.save(Secret.TEAM_PASSPHRASE, _team_scope(db, team_id), passphrase)


def forget_team_passphrase(db: Database, team_id: uuid.UUID) -> None:
    """Forget the passphrase kept for a team (a registration undone)."""
    secrets.forget(Secret.TEAM_PASSPHRASE, _team_scope(db, team_id))


def team_passphrase(db: Database, team_id: uuid.UUID) -> str | None:
    """The passphrase kept for a registered team, or None."""
    return secrets.read(Secret.TEAM_PASSPHRASE, _team_scope(db, team_id))


def registered(session: Session, team_id: uuid.UUID) -> BureauTeam | None:
    """The registration of a team, or None."""
    return session.get(BureauTeam, team_id)


def team_of(path: Path) -> uuid.UUID:
    """The team that made the package at `path`, read from its manifest before it is opened;
    refused (PackageError) for a package of a laptop that belongs to no team."""
    return _team_id(path, peek_manifest(path))


def _team_id(path: Path, manifest: Manifest) -> uuid.UUID:
    if manifest.team_id is None:
        raise PackageError(
            msg(
                "bureau.no_team",
                "{label} was made on a laptop that belongs to no team; a bureau takes only the "
                "packages of its teams, so nothing was imported",
                label=path.name,
            )
        )
    return manifest.team_id


def verify_for_bureau(db: Database, path: Path) -> importer.Verified:
    """Open a package with the passphrase of the registered team that made it."""
    team_id = _team_id(path, peek_manifest(path))
    with db.read() as session:
        team = registered(session, team_id)
    if team is None:
        raise PackageError(
            msg(
                "bureau.unregistered",  # UNREGISTERED (a literal: the catalog is extracted)
                "{label} comes from {team}, which this bureau has not registered; register it "
                "once with `fieldlog bureau register {label}` and that team's passphrase, so "
                "nothing was imported",
                label=path.name,
                team=TeamRef(team_id).shown(),
            )
        )
    passphrase = team_passphrase(db, team_id)
    if not passphrase:
        raise InvalidInput(
            msg(
                "bureau.passphrase_unknown",
                "the passphrase of team {team} is not kept on this computer; register the team "
                "again with one of its packages (`fieldlog bureau register`), so nothing was "
                "imported",
                team=team.name or TeamRef(team_id).shown(),
            )
        )
    return importer.verify(path, passphrase)


def missing_references() -> PackageError:
    """The refusal of packages whose records need records their team has not sent yet."""
    return PackageError(
        msg(
            "bureau.missing_references",  # MISSING_REFERENCES
            "the packages refer to records that their team has not sent this bureau yet; receive "
            "the team's earlier packages first, or ask the team for a full package (sync export "
            "--full). Nothing was imported",
        )
    )


def attribute(session: Session, package: importer.Verified) -> None:
    """Note every record of `package` as its team's (records noted before stay noted), and
    follow a rename of the team (in the receive's transaction: a refused package renames
    nothing)."""
    team_id = package.manifest.team_id
    assert team_id is not None  # verify_for_bureau refuses a package of no team
    header, rows = read_rows(inflate(package.packed, package.path.name), package.path.name)
    _follow_name(session, team_id, header.team)
    ids: dict[str, list[uuid.UUID]] = defaultdict(list)
    for spec, row in rows:
        ids[spec.name].append(
            row["id"] if isinstance(row["id"], uuid.UUID) else uuid.UUID(row["id"])
        )
    for table, found in ids.items():
        bureau_rows.note_records(session, team_id, table, found)


def _follow_name(session: Session, team_id: uuid.UUID, said: str) -> None:
    """Give a registered team the name its team record has here once the package is merged.

    The record, not the package's header: packages may arrive in any order, and the merge keeps
    the newest name by its stamp, so an older package received late cannot bring back the name
    the team dropped. The header names the team only while no package has brought the record.
    """
    entry = registered(session, team_id)
    record = session.get(Team, team_id)
    name = (record.name if record is not None else said)[:MAX_TEAM_NAME]
    if entry is not None and name.strip() and entry.name != name:
        entry.name = name
