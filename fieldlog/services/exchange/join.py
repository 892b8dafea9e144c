"""Joining a team from a package: what a package file is and which team it joins this laptop
to, found before anything is written (the welcome screen's "Join", a package opened with the
app). The import itself is `sync.import_packages`, which checks all of this again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldlog.services.exchange.passphrase import team_passphrase
from fieldlog.services.file_guard import guard_input
from fieldlog.store.database import Database
from fieldlog.sync import importer
from fieldlog.sync.archive import read_members
from fieldlog.sync.manifest import parse_manifest
from fieldlog.sync.team_check import admit, own_team


@dataclass(frozen=True)
class PackageTeam:
    """A package opened with the passphrase: the team it belongs to and who made it."""

    team: str  # the team's name ("" for a package from a laptop of no team)
    sender: str  # the member who made it ("" when the sender had not said who they are)
    records: int
    joins: bool  # this laptop belongs to no team yet and takes this package's team


def check_package_file(db: Database, path: Path) -> None:
    """What can be said without the passphrase: `path` is a package file (not missing, not the
    open database, a sane ZIP with a valid manifest); PackageError or InvalidInput if not."""
    guard_input(path, db.path, "a sync package")
    raw_manifest, _payload = read_members(path)
    parse_manifest(raw_manifest, path.name)


def stored_passphrase(db: Database) -> str | None:
    """The team passphrase known for this database without asking (the password store, or
    given earlier in this run), if any."""
    return team_passphrase(db)


def package_team(db: Database, path: Path, passphrase: str) -> PackageTeam:
    """Open `path` with `passphrase` (not kept) and name its team; refused (one sentence, nothing
    written) as the import would refuse it: wrong passphrase, damage, another team's package,
    a team's package without the team record on a laptop of no team."""
    with db.read() as session:
        own = own_team(session)
    guard_input(path, db.path, "a sync package")
    package = importer.verify(path, passphrase)
    team = admit(path.name, package.manifest, package.contents, own)
    named = "" if team is None else team.name or str(team.shown())
    return PackageTeam(
        team=named,
        sender=package.contents.header.member,
        records=package.contents.rows,
        joins=own is None and team is not None,
    )
