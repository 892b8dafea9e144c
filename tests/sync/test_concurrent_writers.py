"""Several writers on one database (a server, or one file shared by the window and a command
line): what the next package carries must hold under concurrent transactions (SPEC §9).

A slow writer holds its transaction open while fast ones write and export; whatever order they
commit in, a receiver that imports every package ends with the shared database's digest.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange import sync
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.store.stamping import SEQ_KEY, read_state
from tests.conftest import reopen
from tests.sync.conftest import FAST_KDF, PASSPHRASE


def _shared(location: str) -> Database:
    db = open_workspace(location) if "://" in location else reopen(location)
    sync.set_passphrase(db, PASSPHRASE)
    return db


def _receiver(tmp_path: Path, founder: Path) -> Database:
    receiver = reopen(tmp_path / "receiver.db")
    sync.set_passphrase(receiver, PASSPHRASE)
    sync.import_packages(receiver, [founder])
    return receiver


def _names(db: Database) -> set[str]:
    with db.read() as session:
        return set(session.execute(text("SELECT name FROM organization")).scalars())


def _slow_save(db: Database, started: threading.Event, release: threading.Event) -> None:
    """Save an organization in a transaction that stays open until `release`."""
    with db.begin():
        orgs.save_org(db, orgs.OrgInput("慢事务企业有限公司"))
        started.set()
        release.wait(30)


def test_a_transaction_that_commits_late_still_travels(any_location: str, tmp_path: Path) -> None:
    shared = _shared(any_location)
    second = _shared(any_location)  # another user of the same database: its own engine
    try:
        team.save_team(shared, team.TeamInput("驻深工作队"))
        founder = tmp_path / "founder.fieldsync"
        sync.export_package(shared, founder, full=True, kdf=FAST_KDF)
        receiver = _receiver(tmp_path, founder)

        started, release = threading.Event(), threading.Event()
        slow = threading.Thread(target=_slow_save, args=(second, started, release))
        slow.start()
        assert started.wait(30)

        def fast() -> None:
            for n in range(3):
                orgs.save_org(shared, orgs.OrgInput(f"快事务企业{n}有限公司"))
            sync.export_package(shared, tmp_path / "fast.fieldsync", kdf=FAST_KDF)

        quick = threading.Thread(target=fast)
        quick.start()
        time.sleep(0.3)  # the fast writer is under way (or queued behind the slow one)
        release.set()
        slow.join(30)
        quick.join(60)
        assert not slow.is_alive() and not quick.is_alive()
        sync.export_package(shared, tmp_path / "later.fieldsync", kdf=FAST_KDF)

        sync.import_packages(receiver, [tmp_path / "fast.fieldsync", tmp_path / "later.fieldsync"])
        assert digest(receiver) == digest(shared)
        assert "慢事务企业有限公司" in _names(receiver)
        receiver.close()
    finally:
        second.close()
        shared.close()


def test_writers_at_once_draw_distinct_change_numbers(any_location: str) -> None:
    # Two users writing at the same moment, each on its own engine: every change number is
    # drawn once, and the counter ends at the number of changes made.
    first = _shared(any_location)
    with first.read() as session:
        start = int(read_state(session, SEQ_KEY) or 0)
    users = [first, _shared(any_location)]
    errors: list[BaseException] = []

    def write(db: Database, who: int) -> None:
        try:
            for n in range(15):
                orgs.save_org(db, orgs.OrgInput(f"并发企业{who}-{n}有限公司"))
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(db, i)) for i, db in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    try:
        assert errors == []
        with first.read() as session:
            seqs = session.execute(
                text("SELECT local_seq FROM organization WHERE name LIKE '并发企业%'")
            ).scalars()
            seqs = sorted(seqs)
            end = int(read_state(session, SEQ_KEY) or 0)
        assert len(seqs) == len(set(seqs)) == 30
        assert end >= start + 30
    finally:
        for db in users:
            db.close()


@pytest.mark.parametrize("count", [2])
def test_first_writes_at_once_on_a_new_database(any_location: str, count: int) -> None:
    # Two programs that both make their first write to a new database (each stores its node
    # id and the counters): neither fails, both writes are kept.
    opened = [open_workspace(any_location) if "://" in any_location else reopen(any_location)]
    opened += [
        open_workspace(any_location) if "://" in any_location else reopen(any_location)
        for _ in range(count - 1)
    ]
    errors: list[BaseException] = []
    barrier = threading.Barrier(count)

    def first_write(db: Database, who: int) -> None:
        try:
            barrier.wait(30)
            orgs.save_org(db, orgs.OrgInput(f"首次写入{who}有限公司"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=first_write, args=(db, i)) for i, db in enumerate(opened)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    try:
        assert errors == []
        assert {n for n in _names(opened[0]) if n.startswith("首次写入")} == {
            f"首次写入{i}有限公司" for i in range(count)
        }
    finally:
        for db in opened:
            db.close()


def test_one_package_received_by_two_users_at_once_is_applied_once(
    any_location: str, tmp_path: Path
) -> None:
    sender = reopen(tmp_path / "sender.db")
    sync.set_passphrase(sender, PASSPHRASE)
    team.save_team(sender, team.TeamInput("驻深工作队"))
    for n in range(20):
        orgs.save_org(sender, orgs.OrgInput(f"同时接收企业{n}有限公司"))
    package = tmp_path / "team.fieldsync"
    sync.export_package(sender, package, full=True, kdf=FAST_KDF)
    users = [_shared(any_location), _shared(any_location)]
    barrier = threading.Barrier(2)
    reports: list[object] = []
    errors: list[BaseException] = []

    def receive(db: Database) -> None:
        try:
            barrier.wait(30)
            reports.append(sync.import_packages(db, [package]))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=receive, args=(db,)) for db in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    try:
        assert errors == []
        skipped = sorted(r.packages[0].skipped for r in reports)  # type: ignore[attr-defined]
        assert skipped == [False, True]
        assert digest(users[0]) == digest(sender)
        with users[0].read() as session:
            applied = session.execute(text("SELECT count(*) FROM applied_package")).scalar()
        assert applied == 1
    finally:
        for db in users:
            db.close()
        sender.close()
