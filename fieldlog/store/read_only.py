"""Databases that cannot be written (read-only media, a locked file or folder): opened for
reading over a read-only connection, never refused as damaged."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from fieldlog.domain.messages import msg
from fieldlog.store.engine import APPLICATION_ID
from fieldlog.store.errors import DatabaseError, DatabaseReadOnly, classify
from fieldlog.store.refusals import foreign_database, not_a_file

SQLITE_MAGIC = b"SQLite format 3\x00"


def is_writable(path: Path) -> bool:
    """Whether SQLite can write the file: it and its folder (for the journal) can be written."""
    if not path.exists():
        return True
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def is_immutable(path: Path) -> bool:
    """Whether nobody can change the file: its folder cannot be written, so no journal can
    appear, and none is there. SQLite then reads it without a shared-memory file beside it
    (which a read-only folder cannot hold, so a WAL database would not open at all)."""
    return not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists()


def read_only_uri(path: Path) -> str:
    """The SQLite URI that reads `path` without writing anything beside it."""
    return path.as_uri() + ("?mode=ro&immutable=1" if is_immutable(path) else "?mode=ro")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to `path` (for a backup of a file that cannot be written)."""
    return sqlite3.connect(read_only_uri(path), uri=True)


def check_immutable_file(path: Path) -> None:
    """Refuse a file in a read-only folder that is not a FieldLog database, or is empty."""
    if not path.is_file():
        raise DatabaseError(not_a_file(path))
    try:
        probe = sqlite3.connect(path.as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            app_id = probe.execute("PRAGMA application_id").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.Error as exc:
        told = classify(exc, str(path))
        raise told or DatabaseError(
            msg(
                "db.unreadable",
                "{path} cannot be read as a database ({detail})",
                path=str(path),
                detail=str(exc),
            )
        ) from exc
    if app_id == APPLICATION_ID:
        return
    if tables == 0:
        raise DatabaseReadOnly(
            msg(
                "db.empty_read_only",
                "{path} is empty and cannot be written; there is nothing to open",
                path=str(path),
            )
        )
    raise DatabaseError(foreign_database(path))
