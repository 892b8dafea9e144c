"""Derived tables brought up to date once after a large import, not once per written row.

SQLite keeps derived tables by triggers: the visit log's search index
(`store/search_index.py`), each organization's latest follow-up (`store/follow_up_index.py`) and
its number of live visits (`store/visit_tally.py`).
Row by row, an import of a team's packages spends most of its time in them: every visit written
splits its texts into bigrams, every visit recomputes its organization. For an import of at least
`DEFER_ROWS` rows all are deferred, inside the import's transaction: temporary triggers only note
which visits and organizations a write touches (taking a visit's index entry out, once, as the
real trigger would), and `catch_up` rebuilds exactly those from their final rows and restores the
real triggers, before the import's checks. The result is the same index, the same follow-up
rows and the same counts; a failure rolls back the deferral with everything else. A few rows
keep the triggers. PostgreSQL has none of them (expression indexes keep its search current).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from fieldlog.store import driver, follow_up_index, search_index, visit_tally

#: Imports smaller than this keep the triggers (cheaper than swapping them twice).
DEFER_ROWS = 2_000
#: SQLite's page cache for a large import, in KiB: with the default 2 MB, writing rows into the
#: tables' several indexes reads the same pages again and again. Put back at `catch_up`.
CACHE_KIB = 65_536


@dataclass
class Deferred:
    """Which derived tables an import deferred; `catch_up` ends the deferral."""

    search: bool = False
    follow_ups: bool = False
    tally: bool = False
    indexed: int = 0
    recomputed: int = 0
    counted: int = 0
    #: The connection's page cache setting before the import (None: not changed).
    cache_size: int | None = None
    #: The driver's connection whose page cache was raised.
    connection: Any = None

    def catch_up(self, session: Session) -> None:
        """Rebuild what the import touched and put the real triggers back (same transaction)."""
        connection = session.connection()
        if self.search:
            self.indexed = search_index.catch_up(connection)
            self.search = False
        if self.follow_ups:
            self.recomputed = follow_up_index.catch_up(connection)
            self.follow_ups = False
        if self.tally:
            self.counted = visit_tally.catch_up(connection)
            self.tally = False
        self.restore_cache()

    def restore_cache(self) -> None:
        """Put the connection's page cache back as it was (once; nothing when not raised)."""
        if self.cache_size is None or self.connection is None:
            return
        size, self.cache_size = int(self.cache_size), None
        # Set on the driver's connection, which takes it whatever state the unit of work was
        # left in; one that failed altogether (a full disk) keeps its cache until it is closed.
        with contextlib.suppress(*driver.ERRORS):
            cursor = self.connection.cursor()
            try:
                cursor.execute(f"PRAGMA cache_size = {size}")
            finally:
                cursor.close()


@contextlib.contextmanager
def deferring(session: Session, rows: int) -> Iterator[Deferred]:
    """`defer` for the block, whose end puts the page cache back however it ends: `catch_up`
    inside the block ends the deferral; a failure or a cancel rolls the deferral back with the
    transaction, but the cache is the connection's and would outlive it."""
    deferred = defer(session, rows)
    try:
        yield deferred
    finally:
        deferred.restore_cache()


def defer(session: Session, rows: int) -> Deferred:
    """Defer the derived tables' upkeep for an import of `rows` rows (nothing below DEFER_ROWS)."""
    if rows < DEFER_ROWS:
        return Deferred()
    connection = session.connection()
    deferred = Deferred(
        search_index.defer(connection),
        follow_up_index.defer(connection),
        visit_tally.defer(connection),
    )
    if connection.dialect.name == "sqlite":
        deferred.cache_size = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        deferred.connection = connection.connection
        connection.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
    return deferred
