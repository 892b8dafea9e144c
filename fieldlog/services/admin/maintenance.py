"""Digest and health check of the open database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError

from fieldlog.store.database import Database
from fieldlog.store.dump import digest as dump_digest
from fieldlog.store.errors import DatabaseDamaged, sqlite_error
from fieldlog.store.health import HealthReport, check_health, quick_check_file, quick_problems


def digest(db: Database) -> str:
    """SHA-256 of the canonical dump of the replicated data."""
    with db.read() as session:
        return dump_digest(session)


def check(db: Database) -> HealthReport:
    """SQLite's integrity and foreign-key checks (on a server their equivalents), orphan,
    tombstone, stamp and clock checks, and record counts (`store.health`)."""
    with db.read() as session:
        return check_health(session, thorough=True)


#: Files up to this size are checked before the window opens; larger ones while it is open.
QUICK_CHECK_AT_START_BYTES = 256 * 1024 * 1024


def check_before_opening(db: Database) -> bool:
    """Whether the start-up check is quick enough to run before the window shows."""
    path = db.path
    return path is None or not path.exists() or path.stat().st_size <= QUICK_CHECK_AT_START_BYTES


def quick_check_in_background(path: Path, password: str | None = None) -> list[str]:
    """The start-up check of a large file, over a connection of its own (for a worker thread);
    `password`: the database's, when it is encrypted."""
    return quick_check_file(path, password)


def quick_check(db: Database) -> list[str]:
    """The fast start-up check (SQLite's quick_check): its problems; empty when sound.

    A file so damaged that the check itself fails reports that failure as its problem.
    """
    try:
        with db.read() as session:
            return quick_problems(session)
    except DatabaseDamaged as exc:  # SQLite refused to read it: damage, reported as found
        return [str(sqlite_error(exc.__cause__) if exc.__cause__ else exc)]
    except DBAPIError as exc:
        return [str(exc.orig)]
