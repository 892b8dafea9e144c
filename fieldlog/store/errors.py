"""Why a database or a file could not be used, told truthfully in one sentence.

A busy database, a read-only one, a full disk and a file that cannot be opened are all healthy
files that cannot be used now or here: restoring a backup over them would lose data, so they are
`DatabaseUnavailable`. Only damage (`DatabaseDamaged`) is a reason to offer a backup.
"""

from __future__ import annotations

import errno
from typing import Any

from sqlalchemy.exc import DBAPIError

from fieldlog.domain.messages import Message, msg
from fieldlog.store.driver import ERRORS

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
#: Growing the shared-memory file beside a WAL database failed: the disk had no room for it.
SQLITE_IOERR_SHMSIZE = SQLITE_IOERR | (19 << 8)


class DatabaseError(Exception):
    """A database that cannot be opened or used; the message is one line for the user."""


class DatabaseUnavailable(DatabaseError):
    """A healthy database that cannot be used now or here; a backup would not help."""


class DatabaseBusy(DatabaseUnavailable):
    """Another program holds the write lock longer than the busy timeout."""


class DatabaseReadOnly(DatabaseUnavailable):
    """The file, its folder or its disk cannot be written: reading and exporting still work."""


class DiskFull(DatabaseUnavailable):
    """The disk has no room for the change; nothing was changed."""


class DatabaseDamaged(DatabaseError):
    """SQLite found the file damaged (or not a database at all)."""


class ServerUnavailable(DatabaseUnavailable):
    """A database server that cannot be reached, refuses the login, or has no such database."""


class ServerRightsMissing(DatabaseUnavailable):
    """The server's role may not read or change what FieldLog needs."""


class PasswordNeeded(DatabaseError):
    """The database is encrypted and no password was given: ask for one."""


class WrongPassword(DatabaseError):
    """The password given does not open the encrypted database; nothing is wrong with it."""


def busy_sentence(where: str) -> Message:
    return msg(
        "db.busy",
        "another FieldLog is writing to {path}; try again when it has finished",
        path=where,
    )


def read_only_sentence(where: str) -> Message:
    return msg(
        "db.read_only",
        "{path} is opened read-only: you can read and export, not change it",
        path=where,
    )


def full_sentence(where: str) -> Message:
    return msg(
        "db.disk_full",
        "the disk is full: {path} could not be written; free some space and try again",
        path=where,
    )


def sqlite_error(exc: BaseException) -> Any | None:
    """The SQLite error behind `exc` (itself, or the driver error SQLAlchemy wrapped), of
    either library (`store.driver`)."""
    if isinstance(exc, ERRORS):
        return exc
    if isinstance(exc, DBAPIError) and isinstance(exc.orig, ERRORS):
        return exc.orig
    return None


def _primary_code(error: Any) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def classify(exc: BaseException, where: str) -> DatabaseError | None:
    """The one-sentence error for a SQLite or disk failure while using `where`; None when `exc`
    is none of those (a constraint, a programming error: the caller lets it pass).

    A failure raised while handling one of those is told as that one: after a full disk SQLite
    has rolled the transaction back, and undoing a savepoint then fails with "no such savepoint".
    """
    told = _classify_one(exc, where)
    seen: BaseException | None = exc
    visited = set()
    while told is None and seen is not None and sqlite_error(seen) and id(seen) not in visited:
        visited.add(id(seen))
        seen = seen.__context__
        told = _classify_one(seen, where) if seen is not None else None
    return told


def _classify_one(exc: BaseException, where: str) -> DatabaseError | None:
    if isinstance(exc, DatabaseError):
        return exc
    server = _server_error(exc)
    if server is not None:
        return _server_sentence(server, where)
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return DiskFull(full_sentence(str(exc.filename or where)))
        return None
    error = sqlite_error(exc)
    if error is None:
        return None
    code = _primary_code(error)
    if getattr(error, "sqlite_errorcode", None) == SQLITE_IOERR_SHMSIZE:
        return DiskFull(full_sentence(where))
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusy(busy_sentence(where))
    if code == SQLITE_READONLY:
        return DatabaseReadOnly(read_only_sentence(where))
    if code == SQLITE_FULL:
        return DiskFull(full_sentence(where))
    if code == SQLITE_CANTOPEN:
        return DatabaseUnavailable(
            msg(
                "db.cannot_open",
                "{path} cannot be opened: SQLite could not open the file or its journal (check "
                "that the file and its folder can be read); nothing was changed",
                path=where,
            )
        )
    if code == SQLITE_IOERR:
        return DatabaseUnavailable(
            msg(
                "db.io_error",
                "{path} could not be read or written (a disk input/output error); nothing was "
                "changed",
                path=where,
            )
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseDamaged(
            msg("db.damaged", "{path} is damaged ({detail})", path=where, detail=str(error))
        )
    return None


def sentence(exc: BaseException, where: str = "the database") -> str:
    """One line for the user about any failure: the classified sentence, else the first line
    of the message, else the exception's class name."""
    told = classify(exc, where)
    text = str(told if told is not None else exc).strip()
    if isinstance(exc, DBAPIError) and told is None:
        text = str(exc.orig).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# -- a database server (PostgreSQL through psycopg) ---------------------------------------------

#: SQLSTATE classes and codes: insufficient privilege, invalid authorization, connection errors.
_NO_RIGHTS = "42501"
_CONNECTION_CLASS = "08"
_SHUTDOWN = ("57P01", "57P02", "57P03")
#: What libpq says when a connection fails or breaks (it gives no SQLSTATE for these).
_CONNECTION_WORDS = (
    "connection failed",
    "failed to resolve",
    "server closed the connection",
    "connection to server",
    "consuming input failed",
    "connection is lost",
)
#: What libpq says when it cannot connect (no SQLSTATE comes with these), first match wins.
_LOGIN_FAILURES = (
    ("password authentication failed", "login"),
    ("no password supplied", "login"),
    ('role "', "login"),
    ("no pg_hba.conf entry", "not_allowed"),
    ('database "', "no_database"),
    ("permission denied for database", "rights"),
)


def _server_error(exc: BaseException) -> Any | None:
    """The driver error of a database server behind `exc` (psycopg's), without importing it."""
    error = exc.orig if isinstance(exc, DBAPIError) else exc
    return error if type(error).__module__.startswith("psycopg") else None


def _server_sentence(error: Any, where: str) -> DatabaseError | None:
    state = getattr(error, "sqlstate", None) or ""
    text = str(error)
    if state == _NO_RIGHTS:
        detail = text.splitlines()[0] if text else state
        return ServerRightsMissing(
            msg(
                "db.server_rights",
                "the server's role for {path} may not do what FieldLog needs ({detail}); ask its "
                "administrator to make that role the database's owner; nothing was changed",
                path=where,
                detail=detail,
            )
        )
    if state and not state.startswith(_CONNECTION_CLASS) and state not in _SHUTDOWN:
        return None
    if not state and not any(words in text for words in _CONNECTION_WORDS):
        return None
    kind = next((kind for needle, kind in _LOGIN_FAILURES if needle in text), None)
    if kind is not None:
        return ServerUnavailable(_SERVER_SENTENCES[kind](where))
    if "FATAL:" in text:  # the server answered, in words not known here (another language)
        detail = " ".join(text.split("FATAL:", 1)[1].split())
        return ServerUnavailable(
            msg(
                "db.server_refused",
                "the server refused the connection to {path} ({detail}); nothing was changed",
                path=where,
                detail=detail,
            )
        )
    return ServerUnavailable(_SERVER_SENTENCES["unreachable"](where))


_SERVER_SENTENCES = {
    "login": lambda where: msg(
        "db.server_login",
        "the server refused the user name or password given for {path}; nothing was changed",
        path=where,
    ),
    "not_allowed": lambda where: msg(
        "db.server_not_allowed",
        "the server does not accept this computer or user for {path} (no pg_hba.conf line "
        "allows it); nothing was changed",
        path=where,
    ),
    "no_database": lambda where: msg(
        "db.server_no_database",
        "{path} does not exist on the server; create it first (packaging/server/"
        "setup_postgres.sh); nothing was changed",
        path=where,
    ),
    "rights": lambda where: msg(
        "db.server_connect_rights",
        "the server's role for {path} may not connect to that database; nothing was changed",
        path=where,
    ),
    "unreachable": lambda where: msg(
        "db.server_unreachable",
        "the database server of {path} cannot be reached (is it running, and are its address "
        "and port right?); nothing was changed",
        path=where,
    ),
}
