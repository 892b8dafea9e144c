"""Putting a backup in a database's place: the current file kept as a backup first, the WAL
folded in (refused while another connection has the file open), and a copy of the backup with
no node identity and a clock not behind the old one renamed over the file at once.

A restored file takes the state the caller asks for: encrypted with the database's password,
or plain, whatever the backup's (`replace_database`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from fieldlog.domain.messages import msg
from fieldlog.store import cipher, driver
from fieldlog.store.backup import (
    FILE_ERRORS,
    STAMP_FORMAT,
    BackupError,
    automatic_backup,
    backup_folder,
    copy_failure,
    copy_pages,
    temporary_beside,
)
from fieldlog.store.durable import fsync_file, fsync_folder
from fieldlog.store.errors import DatabaseDamaged
from fieldlog.store.location import sqlite_uri
from fieldlog.store.private import new_private_database, new_private_file, private_folder
from fieldlog.store.stamping import HLC_KEY as CLOCK_KEY
from fieldlog.store.stamping import NODE_KEY

#: local_state keys that tie a file to one node (the second is `node_identity.NODE_HOME_KEY`;
#: a file keeps its node under these plain keys, only a server per installation); a restored
#: file must not keep them.
NODE_KEYS = (NODE_KEY, "node_home")
#: A value that could not be read; pages SQLite cannot copy (either library's errors).
_UNREADABLE: tuple[type[Exception], ...] = (*driver.ERRORS, ValueError)
_CANNOT_COPY: tuple[type[Exception], ...] = (DatabaseDamaged, *driver.ERRORS)


def read_clock(path: Path, password: str | None = None) -> int:
    """The clock stored in a database's local_state; 0 when absent or unreadable."""
    try:
        con = driver.connect(sqlite_uri(path), password, uri=True)
        try:
            row = con.execute(
                "SELECT value FROM local_state WHERE key = ?", (CLOCK_KEY,)
            ).fetchone()
        finally:
            con.close()
        return int(row[0]) if row else 0
    except _UNREADABLE:
        return 0


def _forget_node(path: Path, clock: int, password: str | None) -> None:
    """Drop the copy's node identity and move its clock to at least `clock`."""
    con = driver.connect(path, password)
    try:
        with con:
            con.executemany("DELETE FROM local_state WHERE key = ?", [(k,) for k in NODE_KEYS])
            row = con.execute(
                "SELECT value FROM local_state WHERE key = ?", (CLOCK_KEY,)
            ).fetchone()
            value = str(max(clock, int(row[0]) if row else 0))
            con.execute("DELETE FROM local_state WHERE key = ?", (CLOCK_KEY,))
            con.execute("INSERT INTO local_state (key, value) VALUES (?, ?)", (CLOCK_KEY, value))
        con.execute("PRAGMA journal_mode = DELETE")  # a converted copy is in WAL mode
    finally:
        con.close()


def keep_current(
    db_path: Path, reason: str, now: datetime | None = None, *, password: str | None = None
) -> Path | None:
    """Back up the current file before it is replaced; a damaged one is copied byte for byte
    (an encrypted one stays encrypted either way: its bytes are)."""
    if not db_path.exists():
        return None
    try:
        return automatic_backup(db_path, reason, now, password=password)
    except _CANNOT_COPY:  # SQLite cannot copy its pages: keep its bytes
        stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(STAMP_FORMAT)
        dest = backup_folder(db_path) / f"{db_path.stem}-{stamp}-{reason}-damaged.db"
        private_folder(dest.parent)
        # Python opens the file here, which is safe only because no connection of this process
        # holds it: a restore closes its own first (SQLite cannot copy a damaged file).
        temporary = temporary_beside(dest, "backup")
        try:
            new_private_file(temporary)
            shutil.copyfile(db_path, temporary)
            os.replace(temporary, dest)
        finally:
            temporary.unlink(missing_ok=True)
        return dest


def release_database(db_path: Path, password: str | None = None) -> None:
    """Fold the WAL into the file and leave WAL mode, which succeeds only when nobody else has
    the database open; refuse otherwise. A damaged file is left as it is."""
    try:
        con = driver.connect(db_path, password, timeout=2)
        try:
            mode = con.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        finally:
            con.close()
    except driver.OPERATIONAL_ERRORS as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            mode = "wal"
        else:
            return
    except driver.DATABASE_ERRORS:
        return
    if str(mode).lower() != "delete":
        raise BackupError(
            msg(
                "backup.in_use",
                "{path} is in use by another FieldLog (the window?); close it and try again",
                path=str(db_path),
            )
        )


def replace_database(
    db_path: Path,
    source: Path,
    clock: int,
    *,
    password: str | None = None,
    source_password: str | None = None,
) -> None:
    """Make `db_path` a copy of `source` with no node identity and a clock of at least `clock`,
    encrypted with `password` (None: plain) whatever `source` is (`source_password`: the one
    it is read with; None, plain).

    The copy is made beside the database, synced to disk and renamed over it, so the database
    is at every moment either the old file or the whole new one.
    """
    temporary = temporary_beside(db_path, "restore")
    try:
        _copy_as(source, source_password, temporary, password)
        _forget_node(temporary, clock, password)
        fsync_file(temporary)
        if db_path.exists():
            release_database(db_path, password)
        os.replace(temporary, db_path)
    except FILE_ERRORS as exc:
        told = copy_failure(exc, temporary if db_path.exists() else db_path)
        if told is exc:
            raise
        raise told from exc
    finally:
        for leftover in (temporary, *(Path(f"{temporary}{s}") for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):  # stale companions of the old file
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()
    fsync_folder(db_path.parent)


def _copy_as(source: Path, source_password: str | None, dest: Path, password: str | None) -> None:
    """Copy `source` to the new file `dest`, encrypted with `password` (None: plain).

    The backup API copies pages as they are (SQLCipher refuses it between a plain and an
    encrypted file), so a copy that changes state goes through `sqlcipher_export`
    (`store.cipher`), from a snapshot of the source when it has a WAL beside it."""
    if source_password == password:
        new_private_database(dest)  # the database to be: its user's only
        copy_pages(source, dest, password)
        return
    staged = None
    if Path(f"{source}-wal").exists():  # cipher converts only a closed, checkpointed file
        staged = temporary_beside(dest, "staged")
        new_private_database(staged)
        copy_pages(source, staged, source_password)
    try:
        if password is None:
            cipher.decrypt(staged or source, dest, str(source_password))
        else:
            cipher.encrypt(staged or source, dest, password)
    finally:
        if staged is not None:
            staged.unlink(missing_ok=True)
