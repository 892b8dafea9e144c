"""A test guard for SQLite's POSIX locks: fail when Python opens a database file (or its -wal,
-shm) that an SQLite connection of this process has open.

Closing any descriptor of a file drops every POSIX lock this process holds on it, so the next
process believes it is the last connection and deletes the -wal and -shm under the window
(SQLite, "How To Corrupt An SQLite Database File" §2.2). Connections are tracked by wrapping
`sqlite3.connect` (SQLAlchemy's pysqlite dialect calls it too) with a connection class that
knows when it is closed; a connection that is garbage-collected unclosed counts until then.
"""

from __future__ import annotations

import builtins
import io
import os
import pathlib
import sqlite3
import sqlite3.dbapi2
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import pytest

SIDECARS = ("", "-wal", "-shm", "-journal")


class _Tracked(sqlite3.Connection):
    """A connection that remembers the files it opened until it is closed."""

    files: frozenset[str] = frozenset()

    def close(self) -> None:
        self.files = frozenset()
        super().close()


class LockGuard:
    """Tracks open connections and records every forbidden open."""

    def __init__(self) -> None:
        self.connections: weakref.WeakSet[_Tracked] = weakref.WeakSet()
        self.violations: list[str] = []

    def connect(self, real: Callable[..., sqlite3.Connection]) -> Callable[..., Any]:
        def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
            if "factory" in kwargs:
                return real(*args, **kwargs)
            connection = real(*args, factory=_Tracked, **kwargs)
            assert isinstance(connection, _Tracked)
            # What SQLite itself opened, whatever the spelling of the name or URI.
            try:
                rows = connection.execute("PRAGMA database_list").fetchall()
                names = [row[2] for row in rows if row[2]]
            except sqlite3.Error:
                names = [os.fsdecode(args[0] if args else kwargs["database"])]
            connection.files = frozenset(
                os.path.realpath(name) + suffix for name in names for suffix in SIDECARS
            )
            self.connections.add(connection)
            return connection

        return connect

    def held(self) -> set[str]:
        """The files (with their companions) some open connection holds."""
        held: set[str] = set()
        for connection in list(self.connections):
            held |= connection.files
        return held

    def check(self, target: Any, how: str) -> None:
        if isinstance(target, int) or not self.connections:
            return
        try:
            name = os.path.realpath(os.fsdecode(target))
        except (TypeError, ValueError):
            return
        if name in self.held():
            message = (
                f"{how}({name!r}) while an SQLite connection of this process has it open: "
                "closing that descriptor drops the process's POSIX locks on the database "
                "(ask SQLite instead)"
            )
            self.violations.append(message)
            raise AssertionError(message)


def _wrap(guard: LockGuard, how: str, real: Callable[..., Any], method: bool) -> Any:
    if method:

        def wrapped(self: Any, *args: Any, **kwargs: Any) -> Any:
            guard.check(self, how)
            return real(self, *args, **kwargs)
    else:

        def wrapped(file: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[misc]
            guard.check(file, how)
            return real(file, *args, **kwargs)

    return wrapped


@pytest.fixture
def lock_guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[LockGuard]:
    """Fail the test if Python opens a file an SQLite connection of this process holds."""
    guard = LockGuard()
    connect = guard.connect(sqlite3.connect)
    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", connect)  # the module SQLAlchemy uses
    opener = _wrap(guard, "open", builtins.open, method=False)
    monkeypatch.setattr(builtins, "open", opener)
    monkeypatch.setattr(io, "open", opener)
    monkeypatch.setattr(os, "open", _wrap(guard, "os.open", os.open, method=False))
    for name in ("open", "read_bytes", "read_text", "write_bytes", "write_text"):
        real = getattr(pathlib.Path, name)
        monkeypatch.setattr(pathlib.Path, name, _wrap(guard, f"Path.{name}", real, method=True))
    yield guard
    if guard.violations:
        pytest.fail("\n".join(guard.violations), pytrace=False)
