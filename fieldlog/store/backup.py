"""Copies of a SQLite database taken with the online backup API (consistent while in use),
the backup folder's naming scheme, and the file checks that restoring one needs (the swap
itself: `store.restore`).

Backups of `x.db` live in `x-backups/` beside it, named `x-<UTC stamp>-<reason>.db`; a copy is
written under a temporary name and renamed, so a crash never leaves a half-written backup that
looks like a good one. Every copy (a backup, the file a restore puts in place) is created
readable by its user only, and so is a backup folder FieldLog creates (`store.private`).
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldlog.domain.messages import carried, msg
from fieldlog.store import driver, migrate
from fieldlog.store.durable import fsync_file, fsync_folder
from fieldlog.store.engine import APPLICATION_ID
from fieldlog.store.errors import classify
from fieldlog.store.files import application_id, looks_encrypted, not_a_database, reads_plain
from fieldlog.store.location import sqlite_uri
from fieldlog.store.private import new_private_database, private_folder

STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
#: A copy that failed on the disk or in SQLite (either library's errors: `store.driver`).
FILE_ERRORS: tuple[type[Exception], ...] = (OSError, *driver.ERRORS)


class BackupError(ValueError):
    """A backup or restore that was refused; the message is one line for the user."""


@dataclass(frozen=True)
class BackupInfo:
    """One file in the backup folder: where, when (aware UTC), how big (bytes), and why."""

    path: Path
    taken_at: datetime
    size: int
    reason: str


def backup_folder(db_path: Path) -> Path:
    """Where a database's automatic backups go: a folder beside it."""
    return db_path.with_name(f"{db_path.stem}-backups")


def _name_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(db_path.stem)}-(\d{{8}}T\d{{12}}Z)-([a-z0-9-]+)\.db")


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups in the database's backup folder, newest first (other files are ignored)."""
    folder, pattern = backup_folder(db_path), _name_pattern(db_path)
    found = []
    for path in folder.iterdir() if folder.is_dir() else ():
        match = pattern.fullmatch(path.name)
        if match is None or not path.is_file():
            continue
        taken = datetime.strptime(match[1], STAMP_FORMAT).replace(tzinfo=UTC)
        found.append(BackupInfo(path, taken, path.stat().st_size, match[2]))
    return sorted(found, key=lambda info: (info.taken_at, info.path.name), reverse=True)


#: The reason of the backup taken before a schema upgrade.
UPGRADE_REASON = "before-upgrade"
#: Pages a watched copy takes per step (256 MiB of 4 KiB pages): the watcher hears how far it is
#: and may stop it between steps, at no measurable cost against a copy in one step.
STEP_PAGES = 65536


def copy_pages(
    source_path: Path, dest: Path, password: str | None, *, watched: bool = False
) -> None:
    """Online backup of `source_path` into the new file `dest`, left in rollback-journal mode;
    an encrypted source (`password`) gives a copy encrypted with the same password. `watched`:
    in steps, each reported to the upgrade's watcher (`migrate.report`)."""
    source = driver.connect(sqlite_uri(source_path), password, uri=True)
    _copy_from(source, dest, password, watched=watched)


def _reported(_status: int, remaining: int, total: int) -> None:
    migrate.report(1 - remaining / total if total else None)


def _copy_from(source: Any, dest: Path, password: str | None, *, watched: bool = False) -> None:
    """Online backup over a connection the caller opened (a read-only file's); closes it.
    SQLCipher copies an encrypted source only into a destination keyed before the copy.

    In steps (`watched`), SQLite releases the source between steps; if another connection
    wrote to it meanwhile, the next step starts the copy again, so the copy is always one
    consistent state of the database. A watcher's error (UpgradeCancelled) stops the copy."""
    try:
        target = driver.connect(dest, password)
        try:
            if watched:
                source.backup(target, pages=STEP_PAGES, progress=_reported)
            else:
                source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        source.close()


def temporary_beside(dest: Path, what: str) -> Path:
    return dest.with_name(f".{dest.name}.{what}-{uuid.uuid4().hex[:8]}.tmp")


def copy_failure(exc: BaseException, dest: Path) -> BaseException:
    """A failed copy as one sentence: a full disk names the copy; damage names the source."""
    return classify(exc, str(dest)) or exc


def backup_file(
    db_path: Path,
    dest: Path,
    source: Any | None = None,
    *,
    password: str | None = None,
    watched: bool = False,
) -> Path:
    """Copy the database at `db_path` (read over `source` when given) to `dest` (page by page,
    then renamed); returns `dest`. An encrypted database (`password`) gives an encrypted copy.
    `watched`: the copy reports its progress to an upgrade's watcher, who may stop it.

    A failure (a full disk, say) or a stop leaves nothing behind: no temporary file, no new
    empty folder.
    """
    new_folder = not dest.parent.exists()
    temporary = temporary_beside(dest, "backup")
    try:
        private_folder(dest.parent)
        new_private_database(temporary)  # a copy of the database: its user's only, like it
        if source is None:
            copy_pages(db_path, temporary, password, watched=watched)
        else:
            _copy_from(source, temporary, password, watched=watched)
        fsync_file(temporary)
        os.replace(temporary, dest)
    except migrate.UpgradeCancelled:
        temporary.unlink(missing_ok=True)
        if new_folder:
            with contextlib.suppress(OSError):
                dest.parent.rmdir()
        raise
    except FILE_ERRORS as exc:
        temporary.unlink(missing_ok=True)
        if new_folder:
            with contextlib.suppress(OSError):
                dest.parent.rmdir()
        told = copy_failure(exc, dest)
        if told is exc:
            raise
        raise told from exc
    finally:
        temporary.unlink(missing_ok=True)
    fsync_folder(dest.parent)
    return dest


def automatic_backup(
    db_path: Path, reason: str, now: datetime | None = None, *, password: str | None = None
) -> Path:
    """A timestamped backup into the backup folder (before a migration, an import, daily …);
    encrypted with the database's `password` when it is encrypted."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(STAMP_FORMAT)
    dest = backup_folder(db_path) / f"{db_path.stem}-{stamp}-{reason}.db"
    if reason != UPGRADE_REASON or not migrate.is_reported():
        return backup_file(db_path, dest, password=password)
    key = migrate.BACKUP_STEP
    with migrate.in_step(migrate.UpgradeStep(key, migrate.step_name(key), 0, 0)):
        taken = backup_file(db_path, dest, password=password, watched=True)
        migrate.note_backup(taken)
    return taken


def forget_backup(path: Path | None) -> None:
    """Delete the backup taken before a change that then failed: it equals the database (the
    change was rolled back), and a failed attempt leaves nothing behind."""
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
            path.parent.rmdir()  # only when that backup was all it held


def is_fieldlog_file(path: Path, password: str | None = None) -> bool:
    """Whether `path` is a FieldLog database, or an SQLite file too damaged to tell (a damaged
    database rather than a stranger). An encrypted file that `password` (or the lack of one)
    does not open counts as one too: it is not a stranger, and without the key nothing more
    can be told. Asked of SQLite: the file may be the open database, which Python must never
    open itself."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    key = None if reads_plain(path) else password
    if key is None and looks_encrypted(path):
        return True
    try:
        return application_id(path, key) == APPLICATION_ID
    except driver.ERRORS as exc:
        if key is not None and not_a_database(exc):
            return looks_encrypted(path)
        return getattr(exc, "sqlite_errorname", "") == "SQLITE_CORRUPT"


def backup_password(path: Path, password: str | None) -> str | None:
    """The password `path` is read with: None for a plain file, `password` for any other; a
    BackupError (one sentence) for an encrypted file when no password was given."""
    if reads_plain(path):
        return None
    if password is None and looks_encrypted(path):
        raise BackupError(
            msg(
                "backup.password_needed",
                "{path} is encrypted; it opens only with its password; nothing was changed",
                path=str(path),
            )
        )
    return password


def wrong_password(path: Path) -> BackupError:
    """The password given does not open the encrypted file `path` (never called damaged)."""
    return BackupError(
        msg(
            "backup.wrong_password",
            "The password does not open {path}; nothing was changed",
            path=str(path),
        )
    )


def _refuse_unless_fieldlog(path: Path, password: str | None) -> str | None:
    """Refuse what is no FieldLog database; the password `path` is read with (None: plain)."""
    if not path.exists():
        raise BackupError(msg("backup.missing", "{path} does not exist", path=str(path)))
    if not path.is_file():
        raise BackupError(msg("backup.not_a_file", "{path} is not a file", path=str(path)))
    if path.stat().st_size == 0:
        raise BackupError(
            msg("backup.empty", "{path} is empty, not a FieldLog backup", path=str(path))
        )
    key = backup_password(path, password)
    try:
        found = application_id(path, key)
    except driver.ERRORS as exc:
        if not_a_database(exc):
            if key is not None and looks_encrypted(path):
                raise wrong_password(path) from None
            raise BackupError(
                msg("backup.not_fieldlog", "{path} is not a FieldLog database", path=str(path))
            ) from None
        return key  # unreadable: check_database_file says why
    if found != APPLICATION_ID:
        raise BackupError(
            msg(
                "backup.foreign",
                "{path} is not a FieldLog database (a database of another program?)",
                path=str(path),
            )
        )
    return key


def _inspect(con: Any) -> str:
    if [row[0] for row in con.execute("PRAGMA integrity_check")] != ["ok"]:
        raise BackupError(msg("backup.integrity", "is damaged (integrity check failed)"))
    if con.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise BackupError(
            msg("backup.foreign_keys", "is damaged (records point at missing records)")
        )
    try:
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except driver.OPERATIONAL_ERRORS:
        revision = None
    if revision is None:
        raise BackupError(msg("backup.no_schema", "holds no FieldLog schema"))
    if not migrate.is_known(revision[0]):
        raise BackupError(
            msg(
                "backup.newer_schema",
                "was written by a newer FieldLog (schema {revision})",
                revision=revision[0],
            )
        )
    return str(revision[0])


def check_database_file(path: Path, password: str | None = None) -> str:
    """Check that `path` is a sound FieldLog database this version can open; its revision.

    Read-only: SQLite header and application id, integrity_check, foreign_key_check and a known
    schema revision (an older one is fine: it is upgraded when opened). Raises BackupError.
    An encrypted file is read with `password` (a plain one without it); without a password,
    or with one that does not open it, it is refused as such, never called damaged.
    """
    key = _refuse_unless_fieldlog(path, password)
    try:
        con = driver.connect(sqlite_uri(path), key, uri=True)
        try:
            return _inspect(con)
        finally:
            con.close()
    except BackupError as exc:
        raise BackupError(
            msg(
                "backup.refused",
                "{path} {problem}; nothing was changed",
                path=str(path),
                problem=carried(exc),
            )
        ) from exc
    except driver.ERRORS as exc:
        raise BackupError(
            msg(
                "backup.unreadable",
                "{path} cannot be read as a database ({detail}); nothing was changed",
                path=str(path),
                detail=str(exc),
            )
        ) from exc
