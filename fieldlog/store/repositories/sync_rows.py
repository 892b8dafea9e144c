"""What the sync services read besides packages: how much is unsent, the peers heard of, the
logged conflicts and the look-alike pairs waiting for review.

Functions receive a session and never commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Table, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fieldlog.store.models import DuplicateCandidate, SyncConflict, SyncPeer


def changed_since(session: Session, tables: Iterable[Table], since: int) -> int:
    """How many rows of these tables changed on this laptop after change number `since`
    (tombstones included: a delete travels too)."""
    return sum(
        session.execute(
            select(func.count()).select_from(table).where(table.c.local_seq > since)
        ).scalar_one()
        for table in tables
    )


def sync_peers(session: Session) -> list[SyncPeer]:
    """Every node this laptop has heard of, in no particular order."""
    return list(session.execute(select(SyncPeer)).scalars())


def logged_conflicts(session: Session, *, include_resolved: bool) -> list[SyncConflict]:
    """Logged conflicts, newest first; the reviewed ones only with `include_resolved`."""
    query = select(SyncConflict).order_by(SyncConflict.detected_at.desc(), SyncConflict.id)
    if not include_resolved:
        query = query.where(SyncConflict.resolution == "")
    return list(session.execute(query).scalars())


def open_look_alikes(session: Session) -> list[DuplicateCandidate]:
    """Look-alike pairs still waiting for review, first found first."""
    query = select(DuplicateCandidate).where(DuplicateCandidate.status == "open")
    return list(session.execute(query.order_by(DuplicateCandidate.found_at)).scalars())


def references_hold(session: Session) -> bool:
    """Whether every record written in this transaction points at records that exist, asked
    before commit. The foreign keys are deferred to the commit (a package's rows come in any
    order): SQLite's check (`store.health`) reads them where they are; PostgreSQL checks them
    only when told to, here and now, and the transaction goes on deferring afterwards."""
    if session.get_bind().dialect.name == "sqlite":
        return True  # PRAGMA foreign_key_check, in check_health
    session.flush()
    try:
        with session.begin_nested():
            session.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
    except IntegrityError:
        return False
    session.execute(text("SET CONSTRAINTS ALL DEFERRED"))
    return True
