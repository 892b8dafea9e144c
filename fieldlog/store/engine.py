"""The SQLAlchemy engine, with SQLite's safety settings on SQLite only (SPEC §7)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, pool
from sqlalchemy.engine import URL

from fieldlog.store import driver

#: Written into the SQLite header (PRAGMA application_id) so a FieldLog file is recognized as one.
APPLICATION_ID = 0x464C4F47  # "FLOG"
BUSY_TIMEOUT_MS = 10_000

_patience: ContextVar[int] = ContextVar("fieldlog_busy_timeout_ms", default=BUSY_TIMEOUT_MS)

_FILES = "fieldlog_files"


@contextmanager
def patience(milliseconds: int) -> Iterator[None]:
    """Wait at most `milliseconds` for another program's write lock in the transactions begun
    inside (the window retries behind a dialog that can be cancelled instead of freezing)."""
    token = _patience.set(milliseconds)
    try:
        yield
    finally:
        _patience.reset(token)


def _hold(dbapi_connection: Any, record: Any) -> None:
    # The files as SQLite itself opened them, whatever the spelling of the path or URI.
    rows = dbapi_connection.execute("PRAGMA database_list").fetchall()
    files = [os.path.realpath(row[2]) for row in rows if row[2]]
    record.info[_FILES] = files
    driver.hold(files, driver.library_of(dbapi_connection))


def _let_go(_dbapi_connection: Any, record: Any) -> None:
    driver.let_go(record.info.pop(_FILES, []))


def _track(engine: Engine) -> None:
    event.listen(engine, "connect", _hold)
    event.listen(engine, "close", _let_go)
    event.listen(engine, "close_detached", _let_go)


def release_after_rollback(engine: Engine) -> None:
    """Make the engine release a savepoint right after rolling back to it.

    `ROLLBACK TO` leaves its savepoint open (SQLite, PostgreSQL and the SQL standard agree), yet
    SQLAlchemy then forgets it: each row an import refused in a savepoint of its own left one
    more savepoint open to the end of the transaction. SQLite journals a page again for every
    savepoint opened after it while an older one is open, so a large import with a few
    refused rows wrote its pages into the statement journal over and over (gigabytes for a
    200,000-row log) and tested every page against each open savepoint.
    """
    dialect = engine.dialect
    rollback_to = dialect.do_rollback_to_savepoint

    def rollback_to_and_release(connection: Any, name: str) -> None:
        rollback_to(connection, name)
        dialect.do_release_savepoint(connection, name)

    setattr(dialect, "do_rollback_to_savepoint", rollback_to_and_release)  # noqa: B010 - an instance's


def held_here(path: Path) -> bool:
    """Whether a connection of this process (an engine's, or one `store.driver` made) has the
    SQLite file `path` open."""
    return driver.held_by(path) is not None


def held_encrypted(path: Path) -> bool:
    """Whether connections of this process hold `path` through SQLCipher (an encrypted file
    open here: never to be touched with Python's sqlite3, whose closing would drop their locks)."""
    return driver.held_by(path) == driver.CIPHER


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level; transactions are begun explicitly below, so reads and
    # writes of one unit of work share one transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (
        f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
        "PRAGMA foreign_keys = ON",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
    ):
        cursor.execute(pragma)
    cursor.close()


#: Execution option marking a read-only unit of work, which needs no write lock.
READ_ONLY = "fieldlog_read_only"


def _on_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front: a read-then-write transaction never fails midway
    # because another process (the window and a command line, say) wrote in between. Readers
    # take a plain snapshot and never block a writer (WAL).
    read_only = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql(f"PRAGMA busy_timeout = {_patience.get()}")
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    # A read-only file keeps its journal mode and sync setting: changing them is a write.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}", "PRAGMA foreign_keys = ON"):
        cursor.execute(pragma)
    cursor.close()


def make_read_only_engine(path: Path, *, immutable: bool, password: str | None = None) -> Engine:
    """An engine that only reads the SQLite file at `path` (read-only media, a locked file);
    through SQLCipher with `password` when the file is encrypted.

    `immutable` tells SQLite that nobody can change the file, so it needs no shared-memory file
    beside it: a WAL database in a folder that cannot be written opens only so.
    """
    uri = path.as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")

    def connect() -> Any:
        return driver.connect(uri, password, uri=True, check_same_thread=False)

    # `connect` keys an encrypted file's connections itself (store.driver); a pool as for a
    # plain file, not the SQLCipher dialect's one connection per thread.
    url = (
        URL.create("sqlite", database=str(path)) if password is None else driver.encrypted_url(path)
    )
    engine = create_engine(url, creator=connect, poolclass=pool.QueuePool)
    release_after_rollback(engine)
    event.listen(engine, "connect", _on_connect_read_only)
    event.listen(engine, "begin", _on_begin)
    _track(engine)
    return engine


#: The PostgreSQL advisory lock every write transaction of a FieldLog database takes first
#: ("FLOGWRIT"): one writer at a time, as SQLite's write lock gives.
WRITE_LOCK_KEY = 0x464C4F4757524954


def _on_begin_server(connection: Any) -> None:
    # A server has no BEGIN IMMEDIATE. Writers queue on one transaction-scoped advisory lock, so
    # write transactions commit in the order they took it: the change numbers they draw after it
    # (READ COMMITTED: each statement sees what committed before) rise in commit order, and a
    # package built from "everything after number N" never misses a transaction that committed
    # late with a smaller number. Readers take one snapshot for the whole unit of work
    # (REPEATABLE READ), so a report's figures agree with each other, and never wait.
    if connection.get_execution_options().get(READ_ONLY, False):
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        return
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(_patience.get())}")
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def make_engine(url: URL) -> Engine:
    """An engine for `url`; SQLite gets WAL, synchronous=FULL, foreign keys and a busy timeout,
    PostgreSQL one writer at a time and a snapshot per read."""
    engine = create_engine(url)
    release_after_rollback(engine)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        _track(engine)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "begin", _on_begin_server)
    return engine
