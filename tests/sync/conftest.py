"""Simulated laptops for sync tests: real database files, a cheap key derivation, own clocks.

The laptops of one test are one team: the first sets the team up (its team leader) and writes
the full package every later laptop joins with, as a new laptop does from the welcome screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.exchange import sync
from fieldlog.services.exchange.sync_report import SyncImportReport
from fieldlog.services.team import team
from fieldlog.store.database import Database, open_database
from fieldlog.store.stamping import system_clock_ms, use_clock
from fieldlog.sync.crypto import KdfParams
from tests.conftest import new_location, password

PASSPHRASE = "铜仁驻深 team 2020"
TEAM = "铜仁市驻深招商工作队"
#: scrypt at its lowest accepted cost: the tests exchange hundreds of packages.
FAST_KDF = KdfParams(n=2**10, r=8, p=1)


@dataclass
class Laptop:
    """One laptop's database, with a clock that can be skewed and a folder for packages."""

    name: str
    db: Database
    folder: Path
    offset_ms: int = 0
    sent: list[Path] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"Laptop({self.name})"

    def clock(self) -> int:
        return system_clock_ms() + self.offset_ms

    def export(self, *, full: bool = False) -> Path:
        path = self.folder / f"{self.name}-{len(self.sent) + 1}.fieldsync"
        sync.export_package(self.db, path, full=full, kdf=FAST_KDF)
        self.sent.append(path)
        return path

    def receive(self, *paths: Path) -> SyncImportReport:
        return sync.import_packages(self.db, list(paths))

    def digest(self) -> str:
        return digest(self.db)


@pytest.fixture(scope="session")
def template_db(empty_database_file: Path) -> Path:
    """A migrated database with the default catalogs, copied for each laptop (fast)."""
    return empty_database_file


def new_laptop(template: Path, folder: Path, name: str, *, join: Path | None = None) -> Laptop:
    """A laptop whose database is a copy of the template (a copy takes a node id of its own);
    with `join`, it has joined the team with that package of its team leader."""
    folder.mkdir(parents=True, exist_ok=True)
    location = new_location(template, folder, f"{name}.db")
    laptop = Laptop(name, open_database(location, password=password()), folder)
    use_clock(laptop.db.sessions, laptop.clock)
    sync.set_passphrase(laptop.db, PASSPHRASE)
    if join is not None:
        laptop.receive(join)
    return laptop


def found_team(leader: Laptop, name: str = TEAM) -> Path:
    """The team leader sets the team up; returns the full package the others join with."""
    team.save_team(leader.db, team.TeamInput(name))
    path = leader.folder / f"{leader.name}-team.fieldsync"
    sync.export_package(leader.db, path, full=True, kdf=FAST_KDF)
    return path


def team_of(template: Path, folder: Path, names: list[str]) -> list[Laptop]:
    """Laptops of one team: the first founds it, the others join with its package."""
    leader = new_laptop(template, folder, names[0])
    join = found_team(leader)
    return [leader, *(new_laptop(template, folder, name, join=join) for name in names[1:])]


@pytest.fixture
def laptops(template_db: Path, tmp_path: Path) -> Iterator[Callable[[str], Laptop]]:
    """Make laptops of one team by name (the first founds it); closed at the end of the test."""
    made: list[Laptop] = []
    joining: list[Path] = []

    def make(name: str) -> Laptop:
        folder = tmp_path / "laptops"
        laptop = new_laptop(template_db, folder, name, join=joining[0] if joining else None)
        if not joining:
            joining.append(found_team(laptop))
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.db.close()
