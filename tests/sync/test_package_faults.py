"""Packages that lie about where they come from, or come from a clock far off, as users meet them.

Every package is received through `fieldlog sync import` in a real subprocess, and a sender's
clock far off writes through `fieldlog sync export` in one (other packages are made through the
service, where making them is not the case). A sender's clock is skewed in its own process:
`clocked()` runs the command line with `time.time` and `time.time_ns` moved by a given amount
(what the ZIP writer and the stamps read), so no setting of the product is needed for it. Every
refusal is one line on stderr, exit 1, and the receiver's digest as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import uuid
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.store.stamping import read_state, system_clock_ms, use_clock
from fieldlog.sync import package as package_module
from fieldlog.sync.changes import Header, build_payload, changed_rows
from fieldlog.sync.crypto import KdfParams
from fieldlog.sync.package import new_package_fields, write_package
from tests.conftest import plain_copy

PASSPHRASE = "铜仁驻深 team 2020"
TEAM, OTHER_TEAM = "铜仁市驻深招商工作队", "黔东南州驻深招商工作队"
FAST_KDF = KdfParams(n=2**10)
#: The command line in a process whose wall clock is `sys.argv[1]` nanoseconds off.
CLOCKED = textwrap.dedent(
    """
    import sys, time
    lead, real_ns = int(sys.argv[1]), time.time_ns
    time.time_ns = lambda: real_ns() + lead
    time.time = lambda: time.time_ns() / 1e9
    from fieldlog.cli import main
    raise SystemExit(main(sys.argv[2:]))
    """
)

pytestmark = pytest.mark.slow


def lead_to(year: int) -> int:
    """Milliseconds from now to 1 June of `year`."""
    return int(datetime(year, 6, 1, tzinfo=UTC).timestamp() * 1000) - system_clock_ms()


def clocked(*args: str, lead_ms: int = 0, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`fieldlog ARGS` in a subprocess whose clock is `lead_ms` off."""
    return subprocess.run(
        [sys.executable, "-c", CLOCKED, str(lead_ms * 1_000_000), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=dict(os.environ),
        timeout=180,
    )


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """The one error line of a refused command."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldlog: error: "), result.stderr
    return lines[0]


def with_db(path: Path, action: Callable[[Database], object]) -> object:
    db = open_workspace(str(path))
    try:
        return action(db)
    finally:
        db.close()


def new_db(path: Path, *, team_name: str | None = None) -> Path:
    """A database with the passphrase, optionally set up as a team with one member."""

    def set_up(db: Database) -> None:
        sync.set_passphrase(db, PASSPHRASE)
        if team_name:
            team_id = team.save_team(db, team.TeamInput(team_name))
            team.save_member(db, team.MemberInput(f"{team_name[:2]}队长"), team_id=team_id)

    with_db(path, set_up)
    return path


def export(db_path: Path, out: Path, *, lead_ms: int) -> Path:
    """`fieldlog sync export` in a subprocess whose clock is `lead_ms` off."""
    result = clocked("--db", str(db_path), "sync", "export", "-o", str(out), lead_ms=lead_ms)
    assert result.returncode == 0, result.stderr
    return out


def sent(db_path: Path, out: Path, *, full: bool = False) -> Path:
    """A package written through the service (where the export itself is not the case)."""
    with_db(db_path, lambda db: sync.export_package(db, out, full=full, kdf=FAST_KDF))
    return out


def receive(db_path: Path, *packages: Path) -> subprocess.CompletedProcess[str]:
    return clocked("--db", str(db_path), "sync", "import", *map(str, packages))


@pytest.fixture(scope="module")
def leader(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The team leader's database and the full package new laptops join with."""
    folder = tmp_path_factory.mktemp("leader")
    path = new_db(folder / "leader.db", team_name=TEAM)
    return path, sent(path, folder / "team.fieldsync", full=True)


@pytest.fixture
def receiver(leader: tuple[Path, Path], tmp_path: Path) -> Path:
    """A copy of the leader's database for one test (a copy is a laptop of its own)."""
    path = tmp_path / "receiver.db"
    shutil.copy(leader[0], path)
    return path


def joined(leader: tuple[Path, Path], path: Path) -> Path:
    """A new laptop that joined the team with the leader's package."""
    new_db(path)
    with_db(path, lambda db: sync.import_packages(db, [leader[1]]))
    return path


# A sender's clock far off --------------------------------------------------------------------


def _work_at(path: Path, lead_ms: int) -> None:
    """A change made on a laptop whose clock is `lead_ms` off."""

    def work(db: Database) -> None:
        use_clock(db.sessions, lambda: system_clock_ms() + lead_ms)
        orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司"))

    with_db(path, work)


@pytest.mark.parametrize("year", [1975, 2099, 2150, 2300])
def test_a_sender_clock_far_off_writes_a_package_the_receiver_answers_in_one_sentence(
    leader: tuple[Path, Path], receiver: Path, tmp_path: Path, year: int
) -> None:
    sender = joined(leader, tmp_path / "sender.db")
    lead = lead_to(year)
    _work_at(sender, lead)
    package = export(sender, tmp_path / f"from-{year}.fieldsync", lead_ms=lead)
    with zipfile.ZipFile(package) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    before = with_db(receiver, digest)
    result = receive(receiver, package)
    if year == 2300:
        line = refused(result)
        assert "the year 2300" in line and "the sender's clock is wrong" in line
        assert with_db(receiver, digest) == before
        return
    assert result.returncode == 0, result.stderr
    assert "1 new" in result.stdout
    warnings = [line for line in result.stdout.splitlines() if line.startswith("warning:")]
    if year == 1975:  # its stamps follow the team's clock (it had joined): nothing to say
        assert warnings == []
    else:
        [warning] = warnings
        assert f"computer says {year}-06-01, " in warning
        assert "years ahead of this computer's; its changes were applied" in warning
    assert with_db(receiver, digest) == with_db(sender, digest)


# Another team ------------------------------------------------------------------------------


def test_another_teams_package_is_refused_naming_both_teams(
    leader: tuple[Path, Path], receiver: Path, tmp_path: Path
) -> None:
    other = new_db(tmp_path / "other.db", team_name=OTHER_TEAM)
    package = sent(other, tmp_path / "other.fieldsync")
    before = with_db(receiver, digest)
    line = refused(receive(receiver, package))
    assert f"another team, {OTHER_TEAM} (team id …" in line
    assert f"this laptop belongs to {TEAM} (team id …" in line
    assert with_db(receiver, digest) == before


def test_a_new_laptop_joins_and_then_keeps_to_its_team(
    leader: tuple[Path, Path], tmp_path: Path
) -> None:
    newcomer = tmp_path / "new.db"
    assert clocked("--db", str(newcomer), "init").returncode == 0
    saved = clocked("--db", str(newcomer), "team", "passphrase", stdin=PASSPHRASE + "\n")
    assert saved.returncode == 0, saved.stderr
    joining = receive(newcomer, leader[1])
    assert joining.returncode == 0 and "new" in joining.stdout, joining.stderr
    assert with_db(newcomer, digest) == with_db(leader[0], digest)
    other = new_db(tmp_path / "other.db", team_name=OTHER_TEAM)
    before = with_db(newcomer, digest)
    line = refused(receive(newcomer, sent(other, tmp_path / "other.fieldsync", full=True)))
    assert OTHER_TEAM in line and TEAM in line
    assert with_db(newcomer, digest) == before


def test_a_new_laptop_takes_one_team_only_even_in_one_import(
    leader: tuple[Path, Path], tmp_path: Path
) -> None:
    fresh = new_db(tmp_path / "fresh.db")
    other = new_db(tmp_path / "other.db", team_name=OTHER_TEAM)
    theirs = sent(other, tmp_path / "other.fieldsync", full=True)
    before = with_db(fresh, digest)
    line = refused(receive(fresh, leader[1], theirs))
    assert "other.fieldsync is a package of another team" in line
    assert with_db(fresh, digest) == before


def test_a_new_laptop_needs_the_full_package_to_join(
    leader: tuple[Path, Path], tmp_path: Path
) -> None:
    cadre = joined(leader, tmp_path / "cadre.db")
    sent(cadre, tmp_path / "cadre-1.fieldsync")  # it forwarded the team record there
    with_db(cadre, lambda db: orgs.save_org(db, orgs.OrgInput("深圳市铜仁商会")))
    incremental = sent(cadre, tmp_path / "cadre-2.fieldsync")
    fresh = new_db(tmp_path / "fresh.db")
    before = with_db(fresh, digest)
    line = refused(receive(fresh, incremental))
    assert "without the team itself" in line and "sync export --full" in line
    assert with_db(fresh, digest) == before


def test_a_package_from_a_laptop_of_no_team_is_taken(receiver: Path, tmp_path: Path) -> None:
    loner = new_db(tmp_path / "loner.db")
    with_db(loner, lambda db: orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")))
    result = receive(receiver, sent(loner, tmp_path / "loner.fieldsync"))
    assert result.returncode == 0 and "1 new" in result.stdout, result.stderr


def test_two_demo_databases_are_two_teams(tmp_path: Path, demo_database_file: Path) -> None:
    """The reported case: a demo database took another demo's package ("3 new") silently."""
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    assert clocked("--db", str(first), "demo").returncode == 0
    plain_copy(demo_database_file, second)  # the run's own load of the demo: another one
    for path in (first, second):
        new_db(path)
    package = sent(second, tmp_path / "second.fieldsync", full=True)
    before = with_db(first, digest)
    line = refused(receive(first, package))
    ids = [part.split(")")[0] for part in line.split("team id …")[1:]]
    assert line.count(TEAM) == 2 and len(set(ids)) == 2, line
    assert with_db(first, digest) == before


# Tampering and the previous format -----------------------------------------------------------


def _rewrite_manifest(source: Path, out: Path, change: Callable[[dict], None]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
            new.writestr(info, data)
    return out


def _other_team_id(manifest: dict) -> None:
    manifest["package"]["team_id"] = str(uuid.uuid4())


def _as_previous_format(manifest: dict) -> None:
    manifest["version"] = 1
    del manifest["package"]["team_id"]


@pytest.mark.parametrize("change", [_other_team_id, _as_previous_format])
def test_an_edited_team_id_is_refused_as_tampered(
    leader: tuple[Path, Path], receiver: Path, tmp_path: Path, change: Callable[[dict], None]
) -> None:
    other = new_db(tmp_path / "other.db", team_name=OTHER_TEAM)
    original = sent(other, tmp_path / "other.fieldsync")
    edited = _rewrite_manifest(original, tmp_path / "edited.fieldsync", change)
    before = with_db(receiver, digest)
    assert "altered or damaged" in refused(receive(receiver, edited))
    assert with_db(receiver, digest) == before


def _previous_format(db_path: Path, out: Path, *, full: bool) -> Path:
    """A package as the previous FieldLog wrote it: format 1, no team id, sealed the same way."""

    def write(db: Database) -> None:
        with db.read() as session:
            since = None if full else int(read_state(session, sync.LAST_EXPORT_KEY) or 0)
            payload, counts = build_payload(Header("", None, {}), changed_rows(session, since))
        fields = new_package_fields(
            package_id=uuid.uuid4(), team_id=None, sender_node=db.node_id, full=full, counts=counts
        )
        del fields["team_id"]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(package_module, "VERSION", 1)
            write_package(
                out, package=fields, plaintext=payload, passphrase=PASSPHRASE, kdf=FAST_KDF
            )

    with_db(db_path, write)
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["version"] == 1 and "team_id" not in manifest["package"]
    return out


@pytest.fixture
def old_cadre(leader: tuple[Path, Path], tmp_path: Path) -> Iterator[Path]:
    """A cadre of the team with a new organization not sent yet."""
    cadre = joined(leader, tmp_path / "cadre.db")
    with_db(cadre, lambda db: orgs.save_org(db, orgs.OrgInput("深圳市铜仁商会")))
    yield cadre


def test_a_previous_format_package_whose_rows_carry_the_team_is_taken(
    old_cadre: Path, receiver: Path, tmp_path: Path
) -> None:
    package = _previous_format(old_cadre, tmp_path / "old-full.fieldsync", full=True)
    result = receive(receiver, package)
    assert result.returncode == 0 and "1 new" in result.stdout, result.stderr
    assert with_db(receiver, digest) == with_db(old_cadre, digest)


def test_a_previous_format_package_that_names_no_team_is_refused(
    old_cadre: Path, receiver: Path, tmp_path: Path
) -> None:
    with_db(old_cadre, lambda db: sync.export_package(db, tmp_path / "sent.fieldsync"))
    with_db(old_cadre, lambda db: orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")))
    package = _previous_format(old_cadre, tmp_path / "old-1.fieldsync", full=False)
    before = with_db(receiver, digest)
    line = refused(receive(receiver, package))
    assert "earlier FieldLog" in line and "sync export --full" in line
    assert with_db(receiver, digest) == before


def test_a_previous_format_package_of_another_team_is_refused(
    receiver: Path, tmp_path: Path
) -> None:
    other = new_db(tmp_path / "other.db", team_name=OTHER_TEAM)
    package = _previous_format(other, tmp_path / "old-other.fieldsync", full=True)
    before = with_db(receiver, digest)
    line = refused(receive(receiver, package))
    assert f"another team, {OTHER_TEAM}" in line and TEAM in line
    assert with_db(receiver, digest) == before


def test_a_previous_format_full_package_lets_a_new_laptop_join(
    leader: tuple[Path, Path], tmp_path: Path
) -> None:
    package = _previous_format(leader[0], tmp_path / "old-team.fieldsync", full=True)
    fresh = new_db(tmp_path / "fresh.db")
    assert receive(fresh, package).returncode == 0
    assert with_db(fresh, digest) == with_db(leader[0], digest)
