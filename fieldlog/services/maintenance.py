"""Digest and health check of the open database."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from fieldlog.store.database import Database
from fieldlog.store.dump import digest as dump_digest
from fieldlog.store.health import HealthReport, check_health, quick_problems


def digest(db: Database) -> str:
    """SHA-256 of the canonical dump of the replicated data."""
    with db.read() as session:
        return dump_digest(session)


def check(db: Database) -> HealthReport:
    """SQLite's integrity and foreign-key checks, orphan, tombstone, stamp and clock checks,
    and record counts (`store.health`)."""
    with db.read() as session:
        return check_health(session)


def quick_check(db: Database) -> list[str]:
    """The fast start-up check (SQLite's quick_check): its problems; empty when sound.

    A file so damaged that the check itself fails reports that failure as its problem.
    """
    try:
        with db.read() as session:
            return quick_problems(session)
    except DBAPIError as exc:
        return [str(exc.orig)]
