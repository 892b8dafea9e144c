"""Opening a FieldLog database: recognise it, refuse what is not ours, migrate, know our node.

Opening only reads: a database another program is writing to, or one on read-only media, opens
for reading. What must be written (this laptop's node id, catalogs a newer FieldLog ships) is
written by the first unit of work that writes; a schema upgrade is written at open.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from fieldlog.store import driver, migrate, refusals
from fieldlog.store.backup import automatic_backup, backup_folder, list_backups
from fieldlog.store.cipher import make_encrypted_engine
from fieldlog.store.engine import APPLICATION_ID, READ_ONLY, make_engine, make_read_only_engine
from fieldlog.store.errors import (
    DatabaseError,
    DatabaseReadOnly,
    DatabaseUnavailable,
    PasswordNeeded,
    WrongPassword,
    classify,
    read_only_sentence,
)
from fieldlog.store.files import SqliteFacts, looks_encrypted, not_a_database, sqlite_facts
from fieldlog.store.location import describe, is_url, to_url
from fieldlog.store.node_identity import homes, known_node, node_home, store_node, stored_node
from fieldlog.store.private import new_private_database, private_folder, tighten_database
from fieldlog.store.read_only import check_immutable_file, is_immutable, is_writable
from fieldlog.store.stamping import NODE_INFO

__all__ = ["Database", "DatabaseError", "open_database"]

#: A step of the set-up the first write does, run inside that write's transaction.
SetUpStep = Callable[[Session], object]


@dataclass
class Database:
    """An open FieldLog database: its engine, a session factory and this laptop's node id."""

    location: str
    engine: Engine
    sessions: sessionmaker[Session]
    node_id: str
    #: Opened over a read-only connection (read-only media or file): every write is refused.
    read_only: bool = False
    #: The schema was written by this open (a new file, or an upgraded one).
    schema_written: bool = False
    #: The password of an encrypted SQLite file (SQLCipher); None for a plain file or a server.
    password: str | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        """The location as shown to people."""
        return describe(self.location)

    @property
    def encrypted(self) -> bool:
        """Whether the database is an encrypted file (its copies are encrypted with it)."""
        return self.password is not None

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return None if is_url(self.location) else Path(self.location).expanduser().resolve()

    _active: ContextVar[tuple[Session, bool] | None] = field(
        default_factory=lambda: ContextVar("fieldlog_session", default=None)
    )
    _set_up: list[SetUpStep] = field(default_factory=list)
    #: Closed by its owner (a conversion or a restore works on the file): a poll that came
    #: later would open a connection again, which holds the file.
    closed: bool = field(default=False, init=False)
    #: Work on other threads that reads the file over connections of its own (the scheduled
    #: backup): `close` waits for it, so a conversion or a restore never finds the file held.
    _background: threading.Condition = field(
        default_factory=threading.Condition, init=False, repr=False
    )
    _background_users: int = field(default=0, init=False, repr=False)

    @contextmanager
    def in_background(self) -> Iterator[bool]:
        """Mark work on another thread that opens the file itself; yields False (the work is
        to be skipped) once the database is closed. `close` waits until such work ends."""
        with self._background:
            if self.closed:
                usable = False
            else:
                usable = True
                self._background_users += 1
        try:
            yield usable
        finally:
            if usable:
                with self._background:
                    self._background_users -= 1
                    self._background.notify_all()

    def on_first_write(self, step: SetUpStep) -> None:
        """Run `step` inside the next unit of work that writes, until one commits."""
        self._set_up.append(step)

    def require_writable(self) -> None:
        """Refuse (DatabaseReadOnly) before a change is prepared on a read-only database."""
        if self.read_only:
            raise DatabaseReadOnly(read_only_sentence(self.name))

    @contextmanager
    def _told(self) -> Iterator[None]:
        """SQLite's busy, read-only, full-disk and damage errors as one sentence each."""
        try:
            yield
        except Exception as exc:
            told = classify(exc, self.name)
            if told is None or told is exc:
                raise
            raise told from exc

    @property
    def in_unit_of_work(self) -> bool:
        """Whether this context is inside a unit of work (`begin` or `read` would join it)."""
        return self._active.get() is not None

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
        self.require_writable()
        with self._told(), self.sessions.begin() as session:
            token = self._active.set((session, True))
            try:
                for step in list(self._set_up):
                    step(session)
                yield session
            finally:
                self._active.reset(token)
        self._set_up.clear()  # committed: the set-up is stored

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
        with self._told(), self.sessions(bind=bind) as session, session.begin():
            token = self._active.set((session, False))
            try:
                yield session
            finally:
                self._active.reset(token)

    def claim_node(self, session: Session) -> None:
        """Store this installation's node id in the database (the first write's set-up); when
        another program stored one for this installation meanwhile, take that one instead (on a
        server each installation has its own: `store/node_identity.py`)."""
        stored, stored_home, own_keys = stored_node(session, self.location)
        current = False
        if stored and stored_home in homes(self.location):
            self.node_id = stored
            current = own_keys and stored_home == node_home(self.location)
        # Written when new here, and when stored as an earlier version did (a server's password
        # in its home, or a server's one node under the plain keys): the node is kept.
        if not current:
            store_node(session, self.location, self.node_id)
        session.info[NODE_INFO] = self.node_id
        info = dict(self.sessions.kw.get("info") or {})
        info[NODE_INFO] = self.node_id
        self.sessions.configure(info=info)

    def close(self) -> None:
        """Release every connection; what watches the database stops asking it (`closed`).
        Work on other threads that holds the file itself (`in_background`) is waited for."""
        with self._background:
            self.closed = True
            self._background.wait_for(lambda: self._background_users == 0)
        self.engine.dispose()


def _check_sqlite_file(path: Path, password: str | None) -> tuple[bool, str | None]:
    """Whether `path` is a FieldLog database (False when it is new or empty), and the password
    it opens with (None: a plain file; a new one is encrypted when `password` is given). Refuses
    a stranger; PasswordNeeded / WrongPassword for an encrypted file without its password.

    Asked of SQLite, never read with open(): another connection of this process may hold the
    file, and closing any descriptor of it would drop that connection's locks.
    """
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return False, password
    if not path.is_file():
        raise DatabaseError(refusals.not_a_file(path))
    facts = _plain_facts(path)
    if facts is None:
        facts = _encrypted_facts(path, password)
    else:
        password = None
    if facts.application_id == APPLICATION_ID:
        return True, password
    if facts.schema_entries == 0:
        return False, password
    raise DatabaseError(refusals.foreign_database(path))


def _plain_facts(path: Path) -> SqliteFacts | None:
    """What SQLite says of a plain file; None when it looks encrypted."""
    if looks_encrypted(path):  # a plain file begins with SQLite's header, never random bytes
        return None
    try:
        return sqlite_facts(path)
    except driver.ERRORS as exc:
        if not_a_database(exc):  # SQLite cannot tell a stranger from a broken header
            raise DatabaseError(refusals.not_fieldlog(path)) from exc
        raise DatabaseError(refusals.unreadable(path, exc)) from exc


def _encrypted_facts(path: Path, password: str | None) -> SqliteFacts:
    if password is None:
        raise PasswordNeeded(refusals.password_needed(str(path)))
    try:
        return sqlite_facts(path, password)
    except driver.ERRORS as exc:
        if not_a_database(exc):
            raise WrongPassword(refusals.wrong_password(str(path))) from None
        raise DatabaseError(refusals.unreadable(path, exc)) from exc


def _refuse_lost(path: Path) -> None:
    """Refuse to start a new empty database where one was lost: its backups are still here."""
    found = list_backups(path)
    if found:
        raise DatabaseError(refusals.lost(path, len(found), backup_folder(path), found[0].path))


def _refuse_missing(path: Path) -> None:
    """Only `init` and `demo` create a database: a typo in --db must not make an empty one."""
    raise DatabaseError(refusals.missing(path))


def _prepare_schema(
    engine: Engine, path: Path | None, location: str, read_only: bool, password: str | None
) -> bool:
    """Refuse a schema that is not ours; upgrade an older one. True when it wrote the schema."""
    with engine.execution_options(**{READ_ONLY: True}).begin() as conn:
        revision = migrate.current_revision(conn)
        if revision is not None and not migrate.is_known(revision):
            raise DatabaseError(refusals.newer_schema(describe(location), revision))
        if revision is None and inspect(conn).get_table_names():
            raise DatabaseError(refusals.foreign_tables(describe(location)))
        if revision == migrate.head_revision():
            return False
    if read_only:
        raise DatabaseReadOnly(refusals.read_only_upgrade(describe(location)))
    if revision is not None and path is not None:
        automatic_backup(path, "before-upgrade", password=password)
    with migrate.upgrade_transaction(engine) as conn:
        migrate.upgrade(conn)
        if engine.dialect.name == "sqlite":
            conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
    return True


def _engine_for(location: str, path: Path | None, read_only: bool, password: str | None) -> Engine:
    if path is not None and read_only:
        return make_read_only_engine(path, immutable=is_immutable(path), password=password)
    if path is not None and password is not None:
        return make_encrypted_engine(path, password)
    return make_engine(to_url(location))


def another_engine(db: Database) -> Engine:
    """A new engine on the same database as `db` (its own connections, same password)."""
    return _engine_for(db.location, db.path, db.read_only, db.password)


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


def _unless_unavailable(exc: DatabaseError, path: Path) -> DatabaseError:
    """A probe that failed for want of room or a lock is not a file that "cannot be read"."""
    told = classify(exc.__cause__, str(path)) if exc.__cause__ is not None else None
    return told if isinstance(told, DatabaseUnavailable) else exc


def open_database(location: str, *, create: bool = True, password: str | None = None) -> Database:
    """Open (creating or upgrading as needed) the FieldLog database at `location`.

    A path that does not exist (or an empty file) becomes a new database when `create`, and is
    refused, creating nothing, otherwise; an existing file that is not a FieldLog database, or
    one from a newer FieldLog, is refused with DatabaseError and left untouched.

    `password` opens an encrypted file (SQLCipher), and makes a new file an encrypted one; a
    plain file opens without it. An encrypted file without its password raises PasswordNeeded,
    with another one WrongPassword: one sentence each, and the file is not called damaged.
    """
    path = None if is_url(location) else Path(location).expanduser().resolve()
    sidecars = _sidecars(path)
    read_only = path is not None and not is_writable(path)
    if path is None:
        password = None  # a server has its own access control
    elif read_only and is_immutable(path):
        # SQLite's ordinary probe cannot open it there
        password = check_immutable_file(path, password)
    else:
        try:
            known, password = _check_sqlite_file(path, password)
            if not known:
                _refuse_lost(path)
                if not create:
                    _refuse_missing(path)
        except DatabaseError as exc:
            _remove_new_sidecars(path, sidecars)
            raise _unless_unavailable(exc, path) from exc.__cause__
        private_folder(path.parent)
        if not path.exists():  # a new database: its user's only, and so are its -wal and -shm
            new_private_database(path)
        else:  # an earlier version made it readable by others
            tighten_database(path, backup_folder(path))
    engine = _engine_for(location, path, read_only, password)
    try:
        wrote = _prepare_schema(engine, path, location, read_only, password)
        node, home_current = known_node(engine, location)
    except (SQLAlchemyError, UnicodeDecodeError) as exc:  # unreadable pages or scribbled text
        engine.dispose()
        _remove_new_sidecars(path, sidecars)
        told = classify(exc, describe(location))
        if told is not None:
            raise told from exc
        raise DatabaseError(
            refusals.cannot_open(describe(location), exc.__class__.__name__)
        ) from exc
    except BaseException:
        engine.dispose()
        _remove_new_sidecars(path, sidecars)
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    sessions.configure(info={NODE_INFO: node or uuid.uuid4().hex})
    db = Database(
        location,
        engine,
        sessions,
        sessions.kw["info"][NODE_INFO],
        read_only,
        wrote,
        password=password,
    )
    if node is not None and not home_current:
        db.on_first_write(db.claim_node)  # keeps the node, rewrites its home
    if node is None:
        db.on_first_write(db.claim_node)
        if wrote:  # a new or upgraded file: its set-up is written now, with the schema
            _write_set_up(db)
    return db


def _write_set_up(db: Database) -> None:
    try:
        with db.begin():
            pass
    except BaseException:
        db.close()
        raise
