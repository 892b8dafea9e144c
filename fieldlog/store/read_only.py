"""Databases that cannot be written (read-only media, a locked file or folder): opened for
reading over a read-only connection, never refused as damaged."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fieldlog.domain.messages import msg
from fieldlog.store import driver
from fieldlog.store.engine import APPLICATION_ID
from fieldlog.store.errors import (
    DatabaseError,
    DatabaseReadOnly,
    PasswordNeeded,
    WrongPassword,
    classify,
)
from fieldlog.store.files import looks_encrypted, not_a_database
from fieldlog.store.refusals import foreign_database, not_a_file, password_needed, wrong_password

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


def connect_read_only(path: Path, password: str | None = None) -> Any:
    """A read-only connection to `path` (for a backup of a file that cannot be written);
    through SQLCipher with `password` (an encrypted file)."""
    return driver.connect(read_only_uri(path), password, uri=True)


def check_immutable_file(path: Path, password: str | None = None) -> str | None:
    """Refuse a file in a read-only folder that is not a FieldLog database, or is empty; the
    password it opens with (None: plain). An encrypted one needs `password` (PasswordNeeded,
    WrongPassword)."""
    if not path.is_file():
        raise DatabaseError(not_a_file(path))
    if not looks_encrypted(path):
        password = None
    elif password is None:
        raise PasswordNeeded(password_needed(str(path)))
    try:
        probe = driver.connect(path.as_uri() + "?mode=ro&immutable=1", password, uri=True)
        try:
            app_id = probe.execute("PRAGMA application_id").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            probe.close()
    except driver.ERRORS as exc:
        if password is not None and not_a_database(exc):
            raise WrongPassword(wrong_password(str(path))) from None
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
        return password
    if tables == 0:
        raise DatabaseReadOnly(
            msg(
                "db.empty_read_only",
                "{path} is empty and cannot be written; there is nothing to open",
                path=str(path),
            )
        )
    raise DatabaseError(foreign_database(path))
