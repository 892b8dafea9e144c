"""Digest and health check of the open database."""

from __future__ import annotations

from fieldlog.store.database import Database
from fieldlog.store.dump import digest as dump_digest
from fieldlog.store.health import HealthReport, check_health


def digest(db: Database) -> str:
    """SHA-256 of the canonical dump of the replicated data."""
    with db.read() as session:
        return dump_digest(session)


def check(db: Database) -> HealthReport:
    """SQLite's integrity and foreign-key checks, orphan, tombstone, stamp and clock checks,
    and record counts (`store.health`)."""
    with db.read() as session:
        return check_health(session)
