"""A bureau watching a shared folder over several looks (SPEC §9), on SQLite and on PostgreSQL: a
package that arrives before the earlier package it needs waits and is received once that one
is; a package refused for good is reported once, again only when its file changes; a team
renamed on its laptop is renamed at the bureau by its next package, and only by one received."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from fieldlog.domain.period import IsoWeek, Period
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.bureau import bureau, figures
from fieldlog.services.bureau.consolidated import overview
from fieldlog.services.bureau.watch import WatchResult, watch_once
from fieldlog.services.exchange import sync
from fieldlog.services.orgs import orgs
from fieldlog.services.reports import stats
from fieldlog.services.team import team as team_service
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.sync.errors import PackageError
from tests.services.bureau_teams import TeamLaptop, make_teams
from tests.sync.conftest import FAST_KDF

ALL_TIME = Period(None, None)


@pytest.fixture
def teams(empty_database_file: Path, tmp_path: Path) -> list[TeamLaptop]:
    made = make_teams(empty_database_file, tmp_path / "teams", 2)
    yield made
    for laptop in made:
        laptop.db.close()


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


#: Modification times of the files put in the shared folder, one second apart, in put order.
_clock = [1_800_000_000]


def put(folder: Path, package: Path, name: str | None = None) -> Path:
    """Copy a package into the shared folder, newer than every file put before."""
    target = folder / (name or package.name)
    target.write_bytes(package.read_bytes())
    _clock[0] += 1
    os.utime(target, (_clock[0], _clock[0]))
    return target


def said(results: list[WatchResult]) -> list[tuple[str, str]]:
    return [(r.file.name, r.status) for r in results]


def _member(laptop: TeamLaptop) -> object:
    from sqlalchemy import select

    from fieldlog.store.models import Member

    with laptop.db.read() as session:
        return session.execute(select(Member.id)).scalar_one()


def new_enterprise(laptop: TeamLaptop, name: str) -> object:
    """A new enterprise visited: the team's next package carries both."""
    org = orgs.save_org(laptop.db, orgs.OrgInput(name)).id
    visit_again(laptop, org, date(2026, 11, 26))
    return org


def visit_again(laptop: TeamLaptop, org: object, on: date) -> None:
    visits.save_visit(laptop.db, visits.VisitInput(on, org, [_member(laptop)]))  # type: ignore[arg-type]


def rename(laptop: TeamLaptop, name: str) -> None:
    current = team_service.current_team(laptop.db)
    assert current is not None
    team_service.save_team(laptop.db, team_service.TeamInput(name), current.id)
    laptop.name = name


def test_a_package_waits_for_the_earlier_one_and_is_received_after_it(
    bureau_db: Database, teams: list[TeamLaptop], shared: Path
) -> None:
    sz = teams[0]
    bureau.register_team(bureau_db, sz.export(full=True), sz.passphrase)
    org = new_enterprise(sz, "后来走访企业有限公司")
    second = sz.export()
    visit_again(sz, org, date(2026, 11, 27))
    third = sz.export()  # its visit is of the enterprise the second package brings
    seen: dict = {}

    put(shared, third)
    before = digest(bureau_db)
    [waiting] = watch_once(bureau_db, shared, seen)
    assert (waiting.file.name, waiting.status) == (third.name, "waiting")
    assert "earlier packages" in waiting.reason and "this laptop" not in waiting.reason
    assert "this laptop" not in str(waiting.line()) and "waiting" in str(waiting.line())
    assert waiting.as_dict()["code"] == "bureau.missing_references"
    assert digest(bureau_db) == before
    # Nothing received since: not tried again, not reported again.
    assert watch_once(bureau_db, shared, seen) == []
    assert digest(bureau_db) == before

    put(shared, second)
    looked = watch_once(bureau_db, shared, seen)
    assert said(looked) == [(second.name, "received"), (third.name, "received")]
    assert looked[1].rows > 0
    assert watch_once(bureau_db, shared, seen) == []
    entry = bureau.find_team(bureau_db, sz.name)
    assert figures.team_figures(bureau_db, entry, ALL_TIME) == stats.compute(sz.db, ALL_TIME)


def test_a_waiting_package_is_tried_again_after_a_package_received_elsewhere(
    bureau_db: Database, teams: list[TeamLaptop], shared: Path
) -> None:
    sz, sh = teams
    bureau.register_team(bureau_db, sz.export(full=True), sz.passphrase)
    bureau.register_team(bureau_db, sh.export(full=True), sh.passphrase)
    org = new_enterprise(sz, "后来走访企业有限公司")
    second = sz.export()
    visit_again(sz, org, date(2026, 11, 27))
    third = sz.export()
    seen: dict = {}
    put(shared, third)
    assert said(watch_once(bureau_db, shared, seen)) == [(third.name, "waiting")]

    # Another team's package received: tried again, still waiting, and said so.
    put(shared, sh.export(full=True), "sh-again.fieldsync")
    assert said(watch_once(bureau_db, shared, seen)) == [
        ("sh-again.fieldsync", "received"),
        (third.name, "waiting"),
    ]
    # The earlier package received by another user (`sync import`, a drop on the window).
    sync.import_packages(bureau_db, [second])
    assert said(watch_once(bureau_db, shared, seen)) == [(third.name, "received")]
    entry = bureau.find_team(bureau_db, sz.name)
    assert figures.team_figures(bureau_db, entry, ALL_TIME) == stats.compute(sz.db, ALL_TIME)


def test_a_package_refused_for_good_is_reported_once(
    bureau_db: Database, teams: list[TeamLaptop], shared: Path, tmp_path: Path
) -> None:
    sz, sh = teams
    bureau.register_team(bureau_db, sz.export(full=True), sz.passphrase)
    visit_again(sz, new_enterprise(sz, "后来走访企业有限公司"), date(2026, 11, 27))
    wrong = tmp_path / "wrong.fieldsync"
    sync.export_package(sz.db, wrong, passphrase="另一个口令 2026", kdf=FAST_KDF)
    put(shared, wrong)
    put(shared, sh.export(full=True), "stranger.fieldsync")
    broken = shared / "broken.fieldsync"
    broken.write_bytes(b"not a package")
    os.utime(broken, (_clock[0] + 1, _clock[0] + 1))
    _clock[0] += 1
    seen: dict = {}
    before = digest(bureau_db)

    first = watch_once(bureau_db, shared, seen)
    assert said(first) == [
        ("wrong.fieldsync", "refused"),
        ("stranger.fieldsync", "refused"),
        ("broken.fieldsync", "refused"),
    ]
    reasons = {r.file.name: r.reason for r in first}
    assert "wrong team passphrase" in reasons["wrong.fieldsync"]
    assert "has not registered" in reasons["stranger.fieldsync"]
    assert "bureau register" in reasons["stranger.fieldsync"]
    assert reasons["broken.fieldsync"]
    assert str(first[0].line()).startswith("wrong.fieldsync: refused: ")
    assert digest(bureau_db) == before

    # A package received in the folder: the refused ones are not tried again.
    later = put(shared, sz.export())
    assert said(watch_once(bureau_db, shared, seen)) == [(later.name, "received")]
    assert watch_once(bureau_db, shared, seen) == []
    # The damaged file replaced (a copy that had not finished): tried again, alone.
    after = digest(bureau_db)
    broken.write_bytes(b"still not a package, longer")
    assert said(watch_once(bureau_db, shared, seen)) == [("broken.fieldsync", "refused")]
    assert digest(bureau_db) == after
    # The stranger's team registered meanwhile: its package is tried again and received.
    bureau.register_team(bureau_db, sh.export(full=True), sh.passphrase)
    assert said(watch_once(bureau_db, shared, seen)) == [("stranger.fieldsync", "received")]
    assert watch_once(bureau_db, shared, seen) == []


def test_a_renamed_team_is_renamed_by_its_next_package(
    bureau_db: Database, teams: list[TeamLaptop]
) -> None:
    sz = teams[0]
    for laptop in teams:
        bureau.register_team(bureau_db, laptop.export(full=True), laptop.passphrase)
    visit_again(sz, new_enterprise(sz, "改名前企业有限公司"), date(2026, 11, 27))
    older = sz.export(full=True)  # its team record has the old name; received last
    rename(sz, "驻深圳市工作队")
    renamed = sz.export()

    sync.import_packages(bureau_db, [renamed])
    assert sorted(t.name for t in bureau.teams(bureau_db)) == ["驻沪工作队", "驻深圳市工作队"]
    entry = bureau.find_team(bureau_db, "驻深圳市工作队")
    with pytest.raises(Exception, match="no registered team is called 驻深工作队"):
        bureau.find_team(bureau_db, "驻深工作队")
    sync.import_packages(bureau_db, [older])  # an older name arriving late changes nothing
    assert bureau.find_team(bureau_db, "驻深圳市工作队") == entry
    assert figures.team_figures(bureau_db, entry, ALL_TIME) == stats.compute(sz.db, ALL_TIME)
    names = [row[0] for row in overview(bureau_db, IsoWeek(2026, 48)).rows]
    assert sorted(names) == ["驻沪工作队", "驻深圳市工作队"]


def test_a_refused_package_renames_nothing(
    bureau_db: Database, teams: list[TeamLaptop], shared: Path
) -> None:
    sz = teams[0]
    bureau.register_team(bureau_db, sz.export(full=True), sz.passphrase)
    org = new_enterprise(sz, "后来走访企业有限公司")
    missed = sz.export()
    visit_again(sz, org, date(2026, 11, 27))
    rename(sz, "驻深圳市工作队")
    renamed = sz.export()  # needs the enterprise of the package missed
    before = digest(bureau_db)
    with pytest.raises(PackageError, match="not sent this bureau yet") as refused:
        sync.import_packages(bureau_db, [renamed])
    assert "this laptop" not in str(refused.value)
    assert digest(bureau_db) == before
    assert [t.name for t in bureau.teams(bureau_db)] == ["驻深工作队"]

    put(shared, renamed)
    put(shared, missed)
    assert said(watch_once(bureau_db, shared, {})) == [
        (missed.name, "received"),
        (renamed.name, "received"),
    ]
    assert [t.name for t in bureau.teams(bureau_db)] == ["驻深圳市工作队"]
