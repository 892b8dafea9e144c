"""Opening a FieldLog database: recognise it, refuse what is not ours, migrate, know our node."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from fieldlog.store import migrate
from fieldlog.store.backup import automatic_backup, backup_folder, list_backups
from fieldlog.store.engine import APPLICATION_ID, READ_ONLY, make_engine
from fieldlog.store.files import not_a_database, sqlite_facts
from fieldlog.store.location import describe, installation_id, is_url, to_url
from fieldlog.store.stamping import NODE_INFO, NODE_KEY, read_state, write_state

NODE_HOME_KEY = "node_home"


class DatabaseError(Exception):
    """A database that cannot be opened; the message is one line for the user."""


@dataclass
class Database:
    """An open FieldLog database: its engine, a session factory and this laptop's node id."""

    location: str
    engine: Engine
    sessions: sessionmaker[Session]
    node_id: str

    @property
    def name(self) -> str:
        """The location as shown to people."""
        return describe(self.location)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return None if is_url(self.location) else Path(self.location).expanduser().resolve()

    _active: ContextVar[tuple[Session, bool] | None] = field(
        default_factory=lambda: ContextVar("fieldlog_session", default=None)
    )

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error.

        Inside another unit of work it joins that one, so a caller can make several service
        calls (a demo load, an import) one transaction that stores everything or nothing.
        """
        active = self._active.get()
        if active is not None:
            session, writable = active
            if not writable:
                raise RuntimeError("a change was attempted inside a read-only unit of work")
            yield session
            return
        with self.sessions.begin() as session:
            token = self._active.set((session, True))
            try:
                yield session
            finally:
                self._active.reset(token)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work: a consistent snapshot that takes no write lock.

        Reads nested inside it (several figures of one report) share its snapshot.
        """
        active = self._active.get()
        if active is not None:
            yield active[0]
            return
        bind = self.engine.execution_options(**{READ_ONLY: True})
        with self.sessions(bind=bind) as session, session.begin():
            token = self._active.set((session, False))
            try:
                yield session
            finally:
                self._active.reset(token)

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def _check_sqlite_file(path: Path) -> bool:
    """True when `path` is a FieldLog database; False when it is new or empty; else refuse.

    Asked of SQLite, never read with open(): another connection of this process may hold the
    file, and closing any descriptor of it would drop that connection's locks.
    """
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return False
    if not path.is_file():
        raise DatabaseError(f"{path} is not a file")
    try:
        facts = sqlite_facts(path)
    except sqlite3.Error as exc:
        if not_a_database(exc):  # SQLite cannot tell a stranger from a broken header
            raise DatabaseError(
                f"{path} is not a FieldLog database; it was left untouched (it cannot be read "
                "as a database)"
            ) from exc
        raise DatabaseError(
            f"{path} cannot be read as a database ({exc}); it was left untouched"
        ) from exc
    if facts.application_id == APPLICATION_ID:
        return True
    if facts.schema_entries == 0:
        return False
    raise DatabaseError(
        f"{path} is a database of another program, not FieldLog; it was left untouched"
    )


def _refuse_lost(path: Path) -> None:
    """Refuse to start a new empty database where one was lost: its backups are still here."""
    found = list_backups(path)
    if found:
        raise DatabaseError(
            f"{path} is missing or empty, but {len(found)} backup(s) of it are in "
            f"{backup_folder(path)}: restore the newest with `fieldlog --db {path} restore "
            f"{found[0].path}`, or move that folder away to start an empty database"
        )


def _refuse_missing(path: Path) -> None:
    """Only `init` and `demo` create a database: a typo in --db must not make an empty one."""
    state = "is empty" if path.exists() else "does not exist"
    raise DatabaseError(
        f"{path} {state}, so there is no FieldLog database there (a typo?); nothing was "
        "created: `fieldlog init` creates a new database"
    )


def _prepare_schema(engine: Engine, path: Path | None, location: str) -> None:
    with engine.begin() as conn:
        revision = migrate.current_revision(conn)
        if revision is not None and not migrate.is_known(revision):
            raise DatabaseError(
                f"{describe(location)} was written by a newer FieldLog (schema {revision}); "
                "update FieldLog to open it"
            )
        if revision is None and inspect(conn).get_table_names():
            raise DatabaseError(f"{describe(location)} holds tables that are not FieldLog's")
        if revision == migrate.head_revision():
            return
    if revision is not None and path is not None:
        automatic_backup(path, "before-upgrade")
    with engine.begin() as conn:
        migrate.upgrade(conn)
        if engine.dialect.name == "sqlite":
            conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))


def _node_home(location: str) -> str:
    place = location if is_url(location) else str(Path(location).expanduser().resolve())
    return f"{installation_id()} {place}"


def _ensure_node(sessions: sessionmaker[Session], location: str) -> str:
    """This laptop's node id for this database, renewed when the file has moved or been copied."""
    home = _node_home(location)
    with sessions.begin() as session:
        node = read_state(session, NODE_KEY)
        if node and read_state(session, NODE_HOME_KEY) == home:
            return node
        node = uuid.uuid4().hex
        write_state(session, NODE_KEY, node)
        write_state(session, NODE_HOME_KEY, home)
        return node


def _sidecars(path: Path | None) -> set[Path]:
    """The journal files SQLite keeps beside a database file, of those that exist now."""
    if path is None:
        return set()
    return {p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()}


def _remove_new_sidecars(path: Path | None, before: set[Path]) -> None:
    """A refused file is left as it was found: drop the empty journal files opening it made."""
    for sidecar in _sidecars(path) - before:
        with contextlib.suppress(OSError):
            if sidecar.stat().st_size == 0 or sidecar.name.endswith("-shm"):
                sidecar.unlink()


def open_database(location: str, *, create: bool = True) -> Database:
    """Open (creating or upgrading as needed) the FieldLog database at `location`.

    A path that does not exist (or an empty file) becomes a new database when `create`, and is
    refused, creating nothing, otherwise; an existing file that is not a FieldLog database, or
    one from a newer FieldLog, is refused with DatabaseError and left untouched.
    """
    path = None if is_url(location) else Path(location).expanduser().resolve()
    sidecars = _sidecars(path)
    if path is not None:
        try:
            if not _check_sqlite_file(path):
                _refuse_lost(path)
                if not create:
                    _refuse_missing(path)
        except DatabaseError:
            _remove_new_sidecars(path, sidecars)
            raise
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(to_url(location))
    try:
        _prepare_schema(engine, path, location)
        sessions = sessionmaker(engine, expire_on_commit=False)
        node = _ensure_node(sessions, location)
    except (SQLAlchemyError, UnicodeDecodeError) as exc:  # unreadable pages or scribbled text
        engine.dispose()
        _remove_new_sidecars(path, sidecars)
        reason = exc.__class__.__name__
        raise DatabaseError(f"{describe(location)} cannot be opened: {reason}") from exc
    except BaseException:
        engine.dispose()
        _remove_new_sidecars(path, sidecars)
        raise
    sessions.configure(info={NODE_INFO: node})
    return Database(location=location, engine=engine, sessions=sessions, node_id=node)
