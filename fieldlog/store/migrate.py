"""Schema revisions through Alembic, run from code (no alembic.ini needed).

Opening a database only needs to know its revision and whether it is the newest: both are read
without Alembic (the revision ids are read from the migration files), so Alembic is imported only
when a schema actually changes — it costs a few hundred milliseconds at every start otherwise.

An upgrade of an existing database can take minutes at a million visits (the search index, the
follow-up table). Whoever opens it may watch: inside `reporting(reporter)`, the backup taken
before the upgrade (`store.backup`) and each revision report their progress — the step, and the
fraction done where the step can tell (`report`) — and the reporter may raise UpgradeCancelled
to stop. All revisions run in the caller's one transaction, so stopping (or Ctrl+C) rolls every
one of them back and leaves the database as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection

from fieldlog.domain.messages import Message, msg
from fieldlog.store.errors import DatabaseError, DatabaseUnavailable

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r'^revision = "([^"]+)"$', re.MULTILINE)
_DOWN = re.compile(r'^down_revision = (?:"([^"]+)"|None)$', re.MULTILINE)
#: A revision that changes only local, derived tables says so (`replicated = False`): what
#: packages carry is unchanged by it (`package_revision`).
_LOCAL = re.compile(r"^replicated = False$", re.MULTILINE)


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at our migrations, optionally bound to a connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _revisions() -> tuple[dict[str, str | None], frozenset[str]]:
    """Every revision of the migration files and the one it follows, and the local-only ones."""
    chain: dict[str, str | None] = {}
    local: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is not None and down is not None:
            chain[revision[1]] = down[1]
            if _LOCAL.search(source):
                local.add(revision[1])
    return chain, frozenset(local)


def _chain() -> dict[str, str | None]:
    """Every revision of the migration files and the one it follows."""
    return _revisions()[0]


def head_revision() -> str:
    """The newest revision this version of FieldLog knows (the one no other revision follows)."""
    chain = _chain()
    followed = set(chain.values())
    [head] = [revision for revision in chain if revision not in followed]
    return head


def package_revision() -> str:
    """The revision a sync package made by this version says it was made at: the newest one
    that changed replicated data. Revisions that only add local, derived tables (a migration
    with `replicated = False`) change nothing a package carries, so a FieldLog that does not
    know them still imports this version's packages."""
    chain, local = _revisions()
    at = head_revision()
    while at in local and (down := chain[at]) is not None:
        at = down
    return at


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None for a database never migrated."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_known(revision: str) -> bool:
    """Whether this version of FieldLog knows a revision (an unknown one is from a newer app)."""
    return revision in _chain()


def pending_revisions(revision: str | None) -> list[str]:
    """The revisions an upgrade from `revision` (None: a new database) runs, in order."""
    chain, path = _chain(), []
    at: str | None = head_revision()
    while at is not None and at != revision:
        path.append(at)
        at = chain[at]
    return path[::-1]


class UpgradeCancelled(DatabaseUnavailable):
    """The person stopped the upgrade; it was rolled back and the database is as it was (a
    database that cannot be used until it is upgraded, not a damaged one)."""

    def __init__(self, message: Message | None = None) -> None:
        super().__init__(
            message
            or msg(
                "upgrade.stopped",
                "The upgrade was stopped; the database is as it was before",
            )
        )


#: The key of the backup step, taken before the first revision.
BACKUP_STEP = "backup"
#: The key of the check of the records' references, after the last revision (SQLite).
CHECK_STEP = "check"


@dataclass(frozen=True)
class UpgradeStep:
    """One step of an upgrade: the backup, a revision or the final check, its name for people,
    and its place (`number` of `count` revisions; 0 of 0 for the backup and the check)."""

    key: str
    name: Message
    number: int
    count: int


#: Called with the step and the fraction done (None: a step that cannot tell); may raise
#: UpgradeCancelled (or any error) to stop the upgrade.
Reporter = Callable[[UpgradeStep, float | None], None]


@dataclass
class Watch:
    """What a watched upgrade did that its watcher may need: the backup it took (the copy to
    delete when the upgrade is stopped, as it then equals the database)."""

    reporter: Reporter
    backup: Path | None = None


_watch: ContextVar[Watch | None] = ContextVar("fieldlog_upgrade_watch", default=None)
_step: ContextVar[UpgradeStep | None] = ContextVar("fieldlog_upgrade_step", default=None)


def step_name(key: str) -> Message:
    """What a step does, in words (the slow ones by name, the others by their revision)."""
    if key == BACKUP_STEP:
        return msg("upgrade.step.backup", "Backing up the database before the upgrade")
    if key == CHECK_STEP:
        return msg("upgrade.step.check", "Checking that every record's references hold")
    if key == "0006":
        return msg("upgrade.step.search", "Building the visit search index")
    if key == "0008":
        return msg("upgrade.step.follow_ups", "Listing each organization's latest follow-up")
    return msg("upgrade.step.schema", "Updating the database structure ({revision})", revision=key)


@contextmanager
def reporting(reporter: Reporter) -> Iterator[Watch]:
    """Report the progress of any upgrade (and its backup) run in this context to `reporter`
    (after any watcher of an enclosing context: watchers nest)."""
    outer = _watch.get()
    if outer is not None:
        first = outer.reporter

        def both(step: UpgradeStep, fraction: float | None) -> None:
            first(step, fraction)
            reporter(step, fraction)

        watch = Watch(both)
    else:
        watch = Watch(reporter)
    token = _watch.set(watch)
    try:
        yield watch
    finally:
        _watch.reset(token)


def is_reported() -> bool:
    """Whether someone watches upgrades in this context."""
    return _watch.get() is not None


def upgrade_backup() -> Path | None:
    """The backup the watched upgrade of this context took, if any."""
    watch = _watch.get()
    return None if watch is None else watch.backup


def note_backup(path: Path) -> None:
    """The backup taken before a watched upgrade (`store.backup`)."""
    watch = _watch.get()
    if watch is not None:
        watch.backup = path


@contextmanager
def in_step(step: UpgradeStep) -> Iterator[None]:
    """Run one step: reported as begun (0) and done (1), and `report` calls inside it."""
    token = _step.set(step)
    try:
        report(0.0)
        yield
        report(1.0)
    finally:
        _step.reset(token)


def report(fraction: float | None) -> None:
    """Tell the watcher how far the current step is (0 to 1; None: it cannot tell). Does
    nothing outside a watched step; raises what the watcher raises (UpgradeCancelled)."""
    watch, step = _watch.get(), _step.get()
    if watch is not None and step is not None:
        watch.reporter(step, None if fraction is None else min(max(fraction, 0.0), 1.0))


@contextmanager
def upgrade_transaction(engine: Engine) -> Iterator[Connection]:
    """The one transaction an upgrade runs in (rolled back on any error or a stop).

    On SQLite, with foreign keys not enforced while it runs, then checked before it commits:
    a revision that changes a table others refer to rebuilds it (Alembic's batch mode), and
    dropping the old table would count every referring record as broken at the commit even
    though the rebuilt table holds all it held — SQLite's own procedure for such changes.
    """
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            yield connection
        return
    with engine.connect() as connection:
        _pragma(connection, "foreign_keys = OFF")  # before BEGIN: inside, it changes nothing
        try:
            with connection.begin():
                existing = current_revision(connection) is not None
                yield connection
                if existing:  # a new database has no records to check
                    with in_step(UpgradeStep(CHECK_STEP, step_name(CHECK_STEP), 0, 0)):
                        _refuse_broken_references(connection)
        finally:
            _pragma(connection, "foreign_keys = ON")


def _pragma(connection: Connection, setting: str) -> None:
    # On the driver's connection (autocommit): through SQLAlchemy it would begin a transaction.
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"PRAGMA {setting}")
    finally:
        cursor.close()


def _refuse_broken_references(connection: Connection) -> None:
    broken = connection.execute(text("PRAGMA foreign_key_check")).first()
    if broken is not None:
        raise DatabaseError(
            msg(
                "upgrade.broken_references",
                "The upgrade would leave records of {table} pointing at missing records; it was "
                "rolled back and the database is as it was",
                table=broken[0],
            )
        )


def upgrade(connection: Connection) -> None:
    """Bring the schema to the newest revision inside the caller's transaction.

    A new database is made in one go; an existing one (watched or not) one revision at a time,
    each reported as a step.
    """
    from alembic import command

    config = alembic_config(connection)
    revision = current_revision(connection)
    pending = pending_revisions(revision)
    if revision is None or not is_reported():
        command.upgrade(config, "head")
        return
    for number, key in enumerate(pending, start=1):
        with in_step(UpgradeStep(key, step_name(key), number, len(pending))):
            command.upgrade(config, key)
