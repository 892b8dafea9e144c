"""Simulated laptops for sync tests: real database files, a cheap key derivation, own clocks."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fieldlog.services import sync
from fieldlog.services.maintenance import digest
from fieldlog.services.sync_report import ImportReport
from fieldlog.services.workspace import open_workspace
from fieldlog.store.database import Database, open_database
from fieldlog.store.stamping import system_clock_ms, use_clock
from fieldlog.sync.crypto import KdfParams

PASSPHRASE = "铜仁驻深 team 2020"
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

    def receive(self, *paths: Path) -> ImportReport:
        return sync.import_packages(self.db, list(paths))

    def digest(self) -> str:
        return digest(self.db)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the default catalogs, copied for each laptop (fast)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_workspace(str(path)).close()
    return path


def new_laptop(template: Path, folder: Path, name: str) -> Laptop:
    """A laptop whose database is a copy of the template (a copy takes a node id of its own)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.db"
    shutil.copy(template, path)
    laptop = Laptop(name, open_database(str(path)), folder)
    use_clock(laptop.db.sessions, laptop.clock)
    sync.set_passphrase(laptop.db, PASSPHRASE)
    return laptop


@pytest.fixture
def laptops(template_db: Path, tmp_path: Path) -> Iterator[Callable[[str], Laptop]]:
    """Make laptops by name; closed at the end of the test."""
    made: list[Laptop] = []

    def make(name: str) -> Laptop:
        laptop = new_laptop(template_db, tmp_path / "laptops", name)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.db.close()
