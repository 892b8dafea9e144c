"""One SQLite library per database file in this process: Python's `sqlite3` for a plain file,
`sqlcipher3` (SQLCipher) for an encrypted one.

The two libraries keep separate records of the POSIX locks this process holds, so a connection
of one closing its descriptor would drop the locks of the other's connections on the same file.
Every connection FieldLog makes to a database file, a backup or a copy is made here, with the
password when the file is encrypted (None: plain), and so by the library that file belongs to.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

from fieldlog.domain.messages import msg

#: Any error of either library (their classes are unrelated; both carry `sqlite_errorcode`).
ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (
    sqlite3.OperationalError,
    sqlcipher3.OperationalError,
)


def key_literal(password: str) -> str:
    """`password` as an SQL string literal for `PRAGMA key` (which takes no bound parameter);
    refused when SQLCipher would not take it as a key (empty means "not encrypted" to it)."""
    if not password:
        raise ValueError(
            msg("cipher.empty_key", "An empty password would leave the database unencrypted.")
        )
    if "\x00" in password:
        raise ValueError(msg("cipher.nul_key", "A password cannot contain a NUL character."))
    return "'" + password.replace("'", "''") + "'"


def connect(target: Path | str, password: str | None = None, **options: Any) -> Any:
    """A connection to the file `target` (a path, or a `file:` URI with `uri=True`): sqlite3's
    when `password` is None, else SQLCipher's, keyed before anything is read. Options are
    `sqlite3.connect`'s. A wrong key shows only at the first read (SQLITE_NOTADB)."""
    if password is None:
        return sqlite3.connect(target, **options)
    literal = key_literal(password)
    connection = sqlcipher3.connect(str(target), **options)
    try:
        # SQLCipher logs a failed page check to standard error; its caller says it instead.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {literal}")
    except BaseException:
        connection.close()
        raise
    return connection


def is_error(exc: BaseException) -> bool:
    """Whether `exc` is an error of either SQLite library."""
    return isinstance(exc, ERRORS)
