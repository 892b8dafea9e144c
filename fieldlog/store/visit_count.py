"""The exact number of visits a filter matches, counted where it cannot hold up the window.

The visit log shows its first page at once and the count when it is ready: counting every match
of a common search word, or every visit of a million, takes from a fraction of a second (warm) to
seconds (a cold file). A `VisitCount` runs on a worker thread, over a connection of its own taken
from the pool, and can be stopped from any other thread: `cancel` interrupts SQLite's statement
(sqlite3's and sqlcipher3's `interrupt`, safe from another thread) or cancels the server's
(psycopg's `cancel`). A cancelled count answers None, never a wrong figure.
"""

from __future__ import annotations

import threading
from typing import Any

from fieldlog.store.database import Database
from fieldlog.store.repositories import visit_list
from fieldlog.store.repositories.visit_list import VisitFilter

#: SQLite's virtual-machine steps between two questions whether the count is still wanted.
PROGRESS_STEPS = 100_000


class VisitCount:
    """One count of the visits matching a filter; `run` on a worker, `cancel` from anywhere."""

    def __init__(self, db: Database, wanted: VisitFilter) -> None:
        self.db, self.wanted = db, wanted
        self._lock = threading.Lock()
        self._cancelled = False
        self._running: Any = None  # the driver's connection while the count runs

    @property
    def cancelled(self) -> bool:
        """Whether `cancel` was called."""
        return self._cancelled

    def run(self) -> int | None:
        """How many live visits of live organizations match (every one: no cap); None when the
        count was cancelled or the database closed first. Other failures are raised."""
        with self.db.in_background() as usable:  # closing the database waits for the count
            if not usable or self._cancelled:
                return None
            try:
                with self.db.read() as session:
                    with self._lock:
                        if self._cancelled:
                            return None
                        self._running = session.connection().connection.driver_connection
                    # Closing the database waits for this count: SQLite asks between steps
                    # whether to go on, so a close (a restore, the end of the app) is not held.
                    watch = getattr(self._running, "set_progress_handler", None)
                    if watch is not None:
                        watch(self._stopped, PROGRESS_STEPS)
                    try:
                        return visit_list.count_matching_visits(session, self.wanted)
                    finally:
                        if watch is not None:
                            watch(None, 0)
                        with self._lock:
                            self._running = None
            except Exception:
                if self._stopped():  # the interrupted statement's error: no figure, no failure
                    return None
                raise

    def _stopped(self) -> int:
        """Non-zero (SQLite then stops the statement) once cancelled or the database closing."""
        return int(self._cancelled or self.db.closed)

    def cancel(self) -> None:
        """Stop the count (its statement, if one runs); `run` then answers None."""
        with self._lock:
            self._cancelled = True
            running = self._running
            if running is None:
                return
            stop = getattr(running, "interrupt", None) or getattr(running, "cancel", None)
            if stop is not None:
                stop()
