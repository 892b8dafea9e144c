"""Two real laptops for the sync screens' tests: a team leader and a cadre who exchange files.

The helpers live here (imported by the other tests/ui/test_sync_*.py files); the one test below
checks that the pair they build starts out converged.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.services.exchange.sync_report import SyncImportReport
from fieldlog.services.orgs import orgs
from fieldlog.services.team import identity, team
from fieldlog.store.database import Database, open_database
from fieldlog.sync.crypto import KdfParams

PASSPHRASE = "铜仁驻深 team 2020"
#: scrypt at its lowest accepted cost, for packages the tests make through the service.
FAST_KDF = KdfParams(n=2**10, r=8, p=1)
LEADER, CADRE, SILENT = "张队长", "李娜", "王强"


@dataclass
class Laptop:
    """One laptop's database and the folder its packages go to."""

    db: Database
    folder: Path
    me: uuid.UUID | None = None

    def export(self, name: str, *, full: bool = False) -> Path:
        """Write a package through the service (as another laptop's user would)."""
        path = self.folder / f"{name}.fieldsync"
        sync.export_package(self.db, path, full=full, kdf=FAST_KDF)
        return path

    def receive(self, *paths: Path) -> SyncImportReport:
        """Import packages through the service."""
        return sync.import_packages(self.db, list(paths))

    def digest(self) -> str:
        return digest(self.db)

    def org(self, name: str, notes: str = "") -> uuid.UUID:
        """Create an organization without a credit code."""
        return orgs.save_org(self.db, orgs.OrgInput(name, notes=notes)).id

    def set_notes(self, org_id: uuid.UUID, name: str, notes: str) -> None:
        """Edit an organization's notes."""
        orgs.save_org(self.db, orgs.OrgInput(name, notes=notes), org_id)


@pytest.fixture(scope="session")
def sync_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the default catalogs, copied for each laptop."""
    path = tmp_path_factory.mktemp("sync-template") / "template.db"
    open_workspace(str(path)).close()
    return path


@pytest.fixture
def make_laptop(sync_template: Path, tmp_path: Path) -> Iterator[Callable[..., Laptop]]:
    """Laptops by name (a copied file takes a node id of its own); closed after the test."""
    made: list[Laptop] = []

    def make(
        name: str, *, passphrase: str | None = PASSPHRASE, source: Path | None = None
    ) -> Laptop:
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(source or sync_template, folder / "fieldlog.db")
        laptop = Laptop(open_database(str(folder / "fieldlog.db")), folder)
        if passphrase:
            sync.set_passphrase(laptop.db, passphrase)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.db.close()


@pytest.fixture
def leader_and_cadre(make_laptop: Callable[..., Laptop]) -> tuple[Laptop, Laptop]:
    """The leader's laptop holds the team (three members); the cadre joined from a full package."""
    leader, cadre = make_laptop("leader"), make_laptop("cadre")
    team_id = team.save_team(leader.db, team.TeamInput("铜仁市驻深招商工作队"))
    ids = {
        name: team.save_member(leader.db, team.MemberInput(name), team_id=team_id)
        for name in (LEADER, CADRE, SILENT)
    }
    identity.set_me(leader.db, ids[LEADER])
    leader.me = ids[LEADER]
    cadre.receive(leader.export("leader-full", full=True))
    identity.set_me(cadre.db, ids[CADRE])
    cadre.me = ids[CADRE]
    return leader, cadre


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], list[str]]:
    """Make QFileDialog.getSaveFileName answer `path`; returns the names it proposed."""

    def install(path: Path) -> list[str]:
        proposed: list[str] = []

        def fake(_parent, _caption, directory, *_args, **_kwargs):
            proposed.append(directory)
            return str(path), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
        return proposed

    return install


@pytest.fixture
def open_files(monkeypatch: pytest.MonkeyPatch) -> Callable[[list[Path]], None]:
    """Make QFileDialog.getOpenFileNames answer these paths."""

    def install(paths: list[Path]) -> None:
        answer = ([str(p) for p in paths], "")
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: answer)

    return install


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warning boxes shown (none of them blocks)."""
    shown: list[str] = []

    def fake(_parent, _title, text, *_args, **_kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", fake)
    return shown


def test_the_pair_starts_converged(leader_and_cadre: tuple[Laptop, Laptop]) -> None:
    leader, cadre = leader_and_cadre
    assert leader.digest() == cadre.digest()
    assert leader.db.node_id != cadre.db.node_id
    assert [p.member_name for p in sync.peers(cadre.db)] == [LEADER]
