"""Noticing what other users of the same database changed (another window, a command line, a
sync import): a window reads the change counter now and then, and when it moved, which kinds of
record changed, then refreshes what it shows.

Each read runs in a short read transaction of its own, beside any unit of work this process has
open, so it always sees what is committed and never joins a write in progress. It waits only a
moment for a lock another program holds, so a poll never freezes the window: the read fails
and the next one tries again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.orm import Session

from fieldlog.store.database import Database
from fieldlog.store.engine import READ_ONLY, patience
from fieldlog.store.repositories import change_rows

T = TypeVar("T")

#: How long a read waits for a lock another program holds (milliseconds).
WAIT_MS = 100


@contextmanager
def _own_read(db: Database) -> Iterator[Session]:
    bind = db.engine.execution_options(**{READ_ONLY: True})
    with patience(WAIT_MS), db.sessions(bind=bind) as session, session.begin():
        yield session


def _read(db: Database, reading: Callable[[Session], T]) -> T:
    with _own_read(db) as session:
        return reading(session)


def change_number(db: Database) -> int:
    """The database's change counter (one row of one small table)."""
    return _read(db, change_rows.change_number)


def tables_changed_after(db: Database, number: int) -> set[str]:
    """The replicated tables with a row changed after change number `number`."""
    return _read(db, lambda session: change_rows.tables_changed_after(session, number))
