"""Backups of a SQLite database: on demand, daily with rotation, the list, and restore.

Rotation (`rotate_backups`) keeps, in the backup folder beside the database:
- scheduled ("daily") backups: the newest of each of the last 7 days and the newest of each of
  the last 8 ISO weeks (a backup can be both);
- reason-tagged backups taken before an upgrade, import, sync import or restore: the newest 5
  of each reason;
- manual backups (`fieldlog backup` without -o) and files it does not recognise: all.
Days and weeks are those of `now`'s time zone. A backup stamped after `now` is always kept.

The window calls `take_daily_backup(db)` at start and then hourly: it takes a backup when there
is none from today, then rotates. Both are quick no-ops for a server database.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

from fieldlog.domain.messages import Message, msg
from fieldlog.services.errors import InvalidInput
from fieldlog.services.file_guard import Kind, guard_output
from fieldlog.store import cipher
from fieldlog.store.backup import (
    BackupError,
    BackupInfo,
    automatic_backup,
    backup_file,
    backup_password,
    check_database_file,
    forget_backup,
    wrong_password,
)
from fieldlog.store.backup import list_backups as _list_backups
from fieldlog.store.database import Database
from fieldlog.store.errors import DatabaseReadOnly, read_only_sentence
from fieldlog.store.files import looks_encrypted, reads_plain
from fieldlog.store.read_only import connect_read_only, is_writable
from fieldlog.store.restore import keep_current, read_clock, release_database, replace_database

DAILY = "daily"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
DAYS_KEPT = 7
WEEKS_KEPT = 8
TAGGED_KEPT = 5

__all__ = ["BackupInfo", "list_backups", "rotate_backups", "take_daily_backup"]


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of the database at `db_path`, newest first (for the backup list)."""
    return _list_backups(db_path)


def _newest_per(infos: Iterable[BackupInfo], key: Callable[[BackupInfo], object]) -> set[Path]:
    """The newest backup of each bucket; `key` maps a backup to its bucket or None (skip)."""
    chosen: dict[object, BackupInfo] = {}
    for info in infos:
        bucket = key(info)
        if bucket is not None and (bucket not in chosen or info.taken_at > chosen[bucket].taken_at):
            chosen[bucket] = info
    return {info.path for info in chosen.values()}


def backups_to_keep(infos: list[BackupInfo], now: datetime) -> set[Path]:
    """The rotation policy of the module docstring, as the set of backups it keeps."""
    zone = now.tzinfo or UTC
    today = now.astimezone(zone).date()
    this_week = today - timedelta(days=today.weekday())
    first_day = today - timedelta(days=DAYS_KEPT - 1)
    first_week = this_week - timedelta(weeks=WEEKS_KEPT - 1)

    def local_day(info: BackupInfo) -> date:
        return info.taken_at.astimezone(zone).date()

    def week_start(info: BackupInfo) -> date:
        day = info.taken_at.astimezone(zone).date()
        return day - timedelta(days=day.weekday())

    kept = {i.path for i in infos if i.taken_at > now or i.reason == MANUAL}
    daily = [i for i in infos if i.reason == DAILY]
    kept |= _newest_per(daily, lambda i: d if (d := local_day(i)) >= first_day else None)
    kept |= _newest_per(daily, lambda i: w if (w := week_start(i)) >= first_week else None)
    for reason in {i.reason for i in infos} - {DAILY, MANUAL}:
        tagged = sorted((i for i in infos if i.reason == reason), key=lambda i: i.taken_at)
        kept |= {i.path for i in tagged[-TAGGED_KEPT:]}
    return kept


def rotate_backups(db_path: Path, now: datetime) -> list[Path]:
    """Delete the backups the policy no longer keeps; returns the deleted paths."""
    infos = _list_backups(db_path)
    kept = backups_to_keep(infos, now)
    removed = [info.path for info in infos if info.path not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def take_daily_backup(db: Database, now: datetime | None = None) -> Path | None:
    """Take today's scheduled backup unless there is one already, then rotate.

    Returns the new backup, or None (one exists today, the database is on a server, or it
    was closed). Safe while the window uses the database: the SQLite online backup API copies
    a snapshot; closing the database waits for the copy to end.
    """
    if db.path is None or db.read_only:
        return None
    with db.in_background() as usable:
        if not usable:  # closed meanwhile: its file is being converted or restored
            return None
        now = now or datetime.now().astimezone()
        today = now.date()
        zone = now.tzinfo or UTC
        taken = None
        if not any(
            i.reason == DAILY and i.taken_at.astimezone(zone).date() == today
            for i in _list_backups(db.path)
        ):
            taken = automatic_backup(db.path, DAILY, now, password=db.password)
        rotate_backups(db.path, now)
        return taken


def pg_dump_command(location: str) -> str:
    """The pg_dump command that backs up the server database at `location`, without its
    password (pg_dump asks for it, or reads ~/.pgpass or PGPASSWORD)."""
    url = make_url(location)
    parts = ["pg_dump", "--format=custom"]
    if url.host:
        parts.append(f"--host={url.host}")
    if url.port:
        parts.append(f"--port={url.port}")
    if url.username:
        parts.append(f"--username={url.username}")
    name = url.database or "fieldlog"
    parts += [f"--file={name}-{date.today().isoformat()}.dump", name]
    return " ".join(shlex.quote(part) for part in parts)


def server_backup_advice(db: Database) -> Message | None:
    """How a server database is backed up (one sentence, no password); None for a file."""
    if db.path is not None:
        return None
    if make_url(db.location).get_backend_name() == "postgresql":
        return msg(
            "backups.server_pg_dump",
            "{name} is a PostgreSQL server database, which FieldLog does not copy: back it "
            "up with pg_dump, for example {command} (it asks for the password); nothing "
            "was written",
            name=db.name,
            command=pg_dump_command(db.location),
        )
    return msg(
        "backups.server_database",
        "{name} is a server database; back it up with the server's own tools (pg_dump)",
        name=db.name,
    )


def _sqlite_path(db: Database) -> Path:
    advice = server_backup_advice(db)
    if advice is not None or db.path is None:
        raise InvalidInput(advice or "")
    return db.path


def backup_now(db: Database, dest: Path | None = None) -> Path:
    """A backup to `dest`, or into the backup folder (kept by rotation); returns its path.

    An existing `dest` is replaced only when it is an earlier backup; the database itself, its
    companion files, a live database and any other file are refused and left untouched.
    """
    path = _sqlite_path(db)
    if dest is None:
        if db.read_only:
            raise InvalidInput(
                msg(
                    "backups.read_only_folder",
                    "{name} is opened read-only and so is its backup folder; "
                    "name a file elsewhere to write the backup to",
                    name=db.name,
                )
            )
        return automatic_backup(path, MANUAL, password=db.password)
    dest = guard_output(dest.expanduser().resolve(), Kind.BACKUP, path, password=db.password)
    source = connect_read_only(path, db.password) if db.read_only else None
    return backup_file(path, dest, source, password=db.password)


@dataclass
class RestoreReport:
    """What a restore did: the database, the file restored, where the old one was kept."""

    database: Path
    source: Path
    kept_as: Path | None
    revision: str


def _refuse_self(db_path: Path, source: Path) -> None:
    names = {db_path.name + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    same = source.parent == db_path.parent and source.name in names
    if same or (source.exists() and db_path.exists() and source.samefile(db_path)):
        raise InvalidInput(
            msg(
                "backups.restore_itself",
                "{path} is the database itself; choose a backup to restore",
                path=str(source),
            )
        )


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


def _database_password(db_path: Path, password: str | None, source_key: str | None) -> str | None:
    """The state the restored file takes, the database's: its password, or None when it is
    plain. A missing or empty file takes `password` (given: encrypted). An encrypted one needs
    its password, proven by opening it, or (its first page damaged) by opening the encrypted
    backup (`source_key`); otherwise one sentence, nothing changed."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return password
    if reads_plain(db_path):
        return None
    if not looks_encrypted(db_path):  # neither plain nor encrypted: what was asked for
        return password
    if password is None:
        raise BackupError(
            msg(
                "backups.restore_password_needed",
                "{path} is encrypted; a backup is restored into it only with its password; "
                "nothing was changed",
                path=str(db_path),
            )
        )
    if source_key == password or cipher.check_key(db_path, password):
        return password
    raise wrong_password(db_path)


def restore_backup(db_path: Path, source: Path, password: str | None = None) -> RestoreReport:
    """Replace the database file at `db_path` with a checked copy of `source`.

    Works on paths, so it can bring back a database that no longer opens. The caller closes
    its own connections first. Refusals (InvalidInput or BackupError, one sentence) change
    nothing. On success the current file has been kept as a "before-restore" backup, and the
    restored file has no node id (the next open issues a fresh one) and a clock no earlier
    than the replaced file's, so no sync stamp is ever issued twice. An older schema is
    upgraded by the next open.

    `password` is the database's when it is encrypted: an encrypted backup is read with it,
    and the restored file takes the database's state whatever the backup's: encrypted with
    that password (a plain backup is encrypted on the way), or plain (an encrypted backup is
    decrypted with the password given). A missing database becomes encrypted when a password
    is given.
    """
    db_path = db_path.expanduser().resolve()
    source = source.expanduser().resolve()
    _refuse_self(db_path, source)
    revision = check_database_file(source, password)
    source_key = backup_password(source, password)
    target = _database_password(db_path, password, source_key)
    if not is_writable(db_path) or not os.access(db_path.parent, os.W_OK):
        raise DatabaseReadOnly(read_only_sentence(str(db_path)))
    if db_path.exists():
        release_database(db_path, target)  # refuses while another connection has it open
    clock = read_clock(db_path, target)
    kept = keep_current(db_path, BEFORE_RESTORE, password=target)
    old = _inode(db_path)
    try:
        replace_database(db_path, source, clock, password=target, source_password=source_key)
    except BaseException:
        if old is not None and _inode(db_path) == old:  # the old file is still in place
            forget_backup(kept)
        raise
    return RestoreReport(db_path, source, kept, revision)
