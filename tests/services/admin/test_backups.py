"""Rotation of the backup folder, the daily backup, and what a restore does to node and clock."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fieldlog.services.admin import backups
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.errors import InvalidInput
from fieldlog.store import driver
from fieldlog.store.backup import STAMP_FORMAT, BackupError, backup_folder
from fieldlog.store.database import Database
from fieldlog.store.engine import held_here
from tests.conftest import password, reopen, sqlite_only

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # a Saturday


def fabricate(db_path: Path, taken_at: datetime, reason: str) -> Path:
    folder = backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    path = folder / f"{db_path.stem}-{taken_at.strftime(STAMP_FORMAT)}-{reason}.db"
    path.write_bytes(b"x" * 10)
    return path


def test_rotation_keeps_days_weeks_and_the_newest_tagged(tmp_path: Path) -> None:
    db_path = tmp_path / "fieldlog.db"
    daily = {
        days: fabricate(db_path, NOW - timedelta(days=days, hours=h), "daily")
        for days in range(0, 90)
        for h in (1,)
    }
    extra_today = fabricate(db_path, NOW - timedelta(hours=3), "daily")
    imports = [fabricate(db_path, NOW - timedelta(hours=i), "before-import") for i in range(9)]
    manual = fabricate(db_path, NOW - timedelta(days=400), "manual")
    future = fabricate(db_path, NOW + timedelta(days=1), "daily")
    stranger = backup_folder(db_path) / "notes.txt"
    stranger.write_text("mine")

    removed = set(backups.rotate_backups(db_path, NOW))
    kept = {info.path for info in backups.list_backups(db_path)}

    assert {daily[d] for d in range(7)} <= kept and extra_today in removed
    weekly = {p for d, p in daily.items() if d >= 7 and p in kept}
    # the newest of each of 8 ISO weeks: this week's and last week's (Sunday 22nd) are among
    # the daily ones; the 6 weeks before them keep their Sundays, back to 11 October
    assert len(weekly) == 6 and daily[48] in weekly and daily[55] in removed
    assert all((NOW - timedelta(days=d)).weekday() == 6 for d, p in daily.items() if p in weekly)
    assert set(imports[:5]) <= kept and set(imports[5:]) <= removed
    assert {manual, future} <= kept and stranger.exists()
    assert not kept & removed
    # rotating again changes nothing
    assert backups.rotate_backups(db_path, NOW) == []


def test_list_backups_is_newest_first_with_sizes(tmp_path: Path) -> None:
    db_path = tmp_path / "a-b.db"
    older = fabricate(db_path, NOW - timedelta(days=2), "before-sync-import")
    newer = fabricate(db_path, NOW, "daily")
    fabricate(tmp_path / "a.db", NOW, "daily")  # another database's name: b-… is not ours
    infos = backups.list_backups(db_path)
    assert [(i.path, i.reason, i.size) for i in infos] == [
        (newer, "daily", 10),
        (older, "before-sync-import", 10),
    ]
    assert infos[0].taken_at == NOW.replace(microsecond=0)


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_daily_backup_is_taken_once_a_day(db: Database) -> None:
    assert db.path is not None
    first = backups.take_daily_backup(db, NOW)
    assert first is not None and first.exists()
    assert backups.take_daily_backup(db, NOW + timedelta(hours=1)) is None
    second = backups.take_daily_backup(db, NOW + timedelta(days=1))
    assert second is not None
    assert [i.reason for i in backups.list_backups(db.path)] == ["daily", "daily"]


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_closing_waits_for_the_scheduled_backup_and_none_starts_after(db: Database) -> None:
    # The window's backup copies the file on a worker thread over a connection of its own; a
    # conversion or a restore closes the database first and must then find the file free.
    assert db.path is not None
    copying, may_finish = threading.Event(), threading.Event()

    def scheduled_backup() -> None:
        with db.in_background() as usable:
            assert usable
            connection = driver.connect(db.path, db.password)
            copying.set()
            may_finish.wait(30)
            connection.close()

    worker = threading.Thread(target=scheduled_backup)
    worker.start()
    assert copying.wait(30)
    closer = threading.Thread(target=db.close)
    closer.start()
    closer.join(0.5)
    assert closer.is_alive(), "close returned while the backup still held the file"
    may_finish.set()
    closer.join(30)
    worker.join(30)
    assert not closer.is_alive() and not held_here(db.path)
    assert backups.take_daily_backup(db, NOW) is None
    assert backups.list_backups(db.path) == []


def _state(path: Path) -> dict[str, str]:
    con = driver.connect(path, password())
    try:
        return dict(con.execute("SELECT key, value FROM local_state").fetchall())
    finally:
        con.close()


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_restore_gives_a_fresh_node_and_a_clock_not_behind(db: Database, tmp_path: Path) -> None:
    from fieldlog.services.orgs import orgs

    assert db.path is not None
    old = backups.backup_now(db, tmp_path / "old.db")
    for name in ("甲公司", "乙公司"):
        orgs.save_org(db, orgs.OrgInput(name=name))
    before = _state(db.path)
    db.close()

    report = backups.restore_backup(db.path, old, password())

    assert report.kept_as is not None and report.kept_as.name.endswith("-before-restore.db")
    restored = _state(db.path)
    assert "node_id" not in restored and int(restored["hlc"]) == int(before["hlc"])
    reopened = reopen(db.path)
    try:
        assert reopened.node_id != before["node_id"]
        assert digest(reopened) != ""
        orgs.save_org(reopened, orgs.OrgInput(name="丙公司"))
        assert int(_state(db.path)["hlc"]) > int(before["hlc"])
    finally:
        reopened.close()


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_restore_refuses_the_database_itself(db: Database) -> None:
    assert db.path is not None
    with pytest.raises(InvalidInput, match="the database itself"):
        backups.restore_backup(db.path, db.path, password())
    with pytest.raises(BackupError, match="does not exist"):
        backups.restore_backup(db.path, db.path.with_name("missing.db"), password())
    assert not backup_folder(db.path).exists()


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_backup_refuses_to_overwrite_a_foreign_file(db: Database, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me")
    with pytest.raises(InvalidInput, match="left untouched"):
        backups.backup_now(db, notes)
    assert notes.read_text() == "keep me"
    again = backups.backup_now(db, tmp_path / "copy.db")
    assert backups.backup_now(db, again) == again  # an earlier backup may be replaced


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_restore_is_refused_while_the_database_is_open(db: Database, tmp_path: Path) -> None:
    assert db.path is not None
    copy = backups.backup_now(db, tmp_path / "copy.db")
    before = digest(db)
    with pytest.raises(BackupError, match="in use"):
        backups.restore_backup(db.path, copy, password())
    assert digest(db) == before and backups.list_backups(db.path) == []


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_an_older_schema_is_restored_then_upgraded(db: Database, tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    from fieldlog.store import migrate

    assert db.path is not None
    old = tmp_path / "old-version.db"
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "0001")
        conn.execute(text("PRAGMA application_id = 1179406151"))
    engine.dispose()
    db.close()

    report = backups.restore_backup(db.path, old, password())

    assert report.revision.startswith("0001")
    reopened = reopen(db.path)
    try:
        with reopened.read() as session:
            assert migrate.current_revision(session.connection()) == migrate.head_revision()
    finally:
        reopened.close()
    reasons = [i.reason for i in backups.list_backups(db.path)]
    assert sorted(reasons) == ["before-restore", "before-upgrade"]
