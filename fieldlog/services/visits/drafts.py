"""Drafts of entry forms (a visit being typed) kept inside the database they belong to.

A draft is what one person typed and has not saved: it lives in the `draft` table, which is
never replicated, never in the digest, and never in the history, the undo stack or the
announcements (nothing of the data changed). So it is encrypted with the database, and a crash
loses only the last pause's typing.

A draft save is written often (after each pause in the typing) and must never get in the way:
it runs in a short transaction of its own (never joining the unit of work in progress, never
taking the first write's set-up), waits for another writer only a moment, and when the database
cannot take it (read-only, busy, a full disk) the draft stays in memory for this process and
the next save tries again. The caller is told which (`save_draft` returns False), not alarmed.
"""

from __future__ import annotations

import copy
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from fieldlog.store.database import Database
from fieldlog.store.engine import patience
from fieldlog.store.errors import DatabaseError, DatabaseUnavailable, classify
from fieldlog.store.repositories import draft_rows
from fieldlog.store.types import utcnow

log = logging.getLogger(__name__)

#: How long a draft save waits for another writer's lock before keeping the draft in memory
#: (the form is not frozen for it); the last save, as the form closes, may wait longer.
WAIT_MS = 200
CLOSING_WAIT_MS = 3000
#: What a draft write may meet that is no defect of FieldLog (told by the window elsewhere).
_FAILURES = (DatabaseError, SQLAlchemyError, sqlite3.Error, OSError)
#: Drafts the database could not take (or could not delete), by (database, key); None stands
#: for a draft discarded here that the database still holds.
_memory: dict[tuple[str, str], dict[str, Any] | None] = {}


@dataclass(frozen=True)
class DraftInfo:
    """A stored draft: its key ("visit-new", "visit-<id hex>") and when it was saved (UTC)."""

    key: str
    saved_at: datetime


def visit_draft_key(visit_id_hex: str | None) -> str:
    """The key of the visit form's draft: one for a new visit, one per visit edited."""
    return f"visit-{visit_id_hex or 'new'}"


@contextmanager
def _own_unit(db: Database, wait_ms: int) -> Iterator[Session]:
    """A short write transaction of the draft's own, beside whatever unit of work is open."""
    db.require_writable()
    with patience(wait_ms), db.sessions() as session, session.begin():
        yield session


def store_with(db: Database, write: Callable[[Session], object], *, wait_ms: int = WAIT_MS) -> bool:
    """Run `write(session)` in a draft's own transaction; False (logged) when the database
    cannot take it."""
    try:
        with _own_unit(db, wait_ms) as session:
            write(session)
    except _FAILURES as exc:
        told = classify(exc, db.name) or exc
        quiet = isinstance(told, DatabaseUnavailable)  # read-only, busy, full: nothing alarming
        (log.info if quiet else log.warning)("Draft kept in memory only: %s", told)
        return False
    return True


def save_draft(db: Database, key: str, fields: dict[str, Any], *, wait_ms: int = WAIT_MS) -> bool:
    """Store `fields` as the draft `key`; False when it could only be kept in memory (another
    writer held the database longer than `wait_ms`, or it cannot be written)."""
    place = (db.location, key)
    _memory[place] = copy.deepcopy(fields)
    if db.read_only:
        return False
    stored = store_with(
        db, lambda s: draft_rows.put_draft(s, key, fields, utcnow()), wait_ms=wait_ms
    )
    if stored:
        _memory.pop(place, None)
    return stored


def load_draft(db: Database, key: str) -> dict[str, Any] | None:
    """The draft `key` (the one kept in memory if the database could not take it), or None."""
    place = (db.location, key)
    if place in _memory:
        kept = _memory[place]
        return copy.deepcopy(kept) if kept is not None else None
    with db.read() as session:
        found = draft_rows.draft_fields(session, key)
    return found[0] if found is not None and isinstance(found[0], dict) else None


def discard_draft(db: Database, key: str) -> None:
    """Forget the draft `key` (nothing happens when there is none)."""
    place = (db.location, key)
    deleted = not db.read_only and store_with(db, lambda s: draft_rows.delete_draft(s, key))
    if deleted:
        _memory.pop(place, None)
    else:
        _memory[place] = None


def list_drafts(db: Database) -> list[DraftInfo]:
    """The drafts stored in the database, newest first (those kept in memory are not listed)."""
    with db.read() as session:
        return [DraftInfo(key, saved_at) for key, saved_at in draft_rows.draft_list(session)]


def forget_memory(db: Database) -> None:
    """Drop what this process kept in memory for `db` (tests, and a database closed for good)."""
    for place in [p for p in _memory if p[0] == db.location]:
        del _memory[place]
