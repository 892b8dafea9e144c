"""Changes made elsewhere on this window's database — another window, a command line, a sync
import by another user of a shared server — shown without a restart.

The database's change counter (`services/admin/change_counter.py`) moves with every write of
its data. The window reads it when it is activated and every few seconds while FieldLog is the
active application; when it moved, the window asks which tables changed and announces their
kinds on the change bus (`operations.announce`), so the pages refresh exactly as after a change
made here. An open edit form is never refreshed under its user: it saves only what its user
changed (`services/edits.py`), so it cannot put back what the others changed.

After a change made in this process the counter is read again, and only the kinds that change
did not announce are announced on top, so a local save does not refresh every page twice.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from fieldlog.services.admin.change_counter import change_number, tables_changed_after
from fieldlog.store.database import Database
from fieldlog.ui import database_errors, operations
from fieldlog.ui.changes import Changes, Kind

log = logging.getLogger(__name__)

#: How often the counter is read while FieldLog is the active application.
POLL_MS = 5000

#: The kind of record each replicated table holds (what the pages show).
TABLE_KINDS: dict[str, Kind] = {
    "team": Kind.TEAM,
    "work_group": Kind.TEAM,
    "member": Kind.TEAM,
    "catalog_item": Kind.CATALOG,
    "chain": Kind.CATALOG,
    "chain_link": Kind.CATALOG,
    "organization": Kind.ORG,
    "org_tag": Kind.ORG,
    "org_alias": Kind.ORG,
    "contact": Kind.ORG,
    "visit": Kind.VISIT,
    "visit_visitor": Kind.VISIT,
    "visit_contact": Kind.VISIT,
    "project": Kind.PROJECT,
    "stage_event": Kind.PROJECT,
    "funds_tranche": Kind.PROJECT,
    "coordination_matter": Kind.PROJECT,
    "target": Kind.TARGET,
}


def kinds_of(tables: set[str]) -> frozenset[Kind]:
    """The kinds of record held by these tables (an unknown table: every kind)."""
    if any(table not in TABLE_KINDS for table in tables):
        return frozenset(Kind)
    return frozenset(TABLE_KINDS[table] for table in tables)


class ChangeWatch(QObject):
    """Reads the change counter of `db` for `window` and announces what others changed."""

    def __init__(self, db: Database, window: QWidget, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.db, self.window = db, window
        self.seen = self._number()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        window.installEventFilter(self)
        # Connected before any page is built: the counter is read before the pages reload.
        operations.changes().changes_applied.connect(self._after_local)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.WindowActivate:
                self.poll()
            elif event.type() == QEvent.Type.Close:
                self.timer.stop()
        return False

    def _tick(self) -> None:
        if QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive:
            self.poll()

    def _number(self) -> int | None:
        if self.db.closed:  # its file is being converted or restored: never reopen it
            return None
        try:
            return change_number(self.db)
        except database_errors.FAILURES as exc:  # unreachable or busy: the next poll tries again
            log.info("Could not read the change counter: %s", exc)
            return None

    def _busy(self) -> bool:
        # An operation of this window is under way (its wait cursor is up; a nested event loop
        # may run inside its transaction): its own announcement follows, the next poll the rest.
        return QApplication.overrideCursor() is not None or not self.window.isVisible()

    def poll(self) -> bool:
        """Read the counter; when it moved, announce the kinds of record changed (and the sync
        review, which another user's save or import may have added to). True if announced."""
        if self._busy():
            return False
        return self._catch_up(frozenset({Kind.SYNC}), frozenset())

    def _after_local(self, made: Changes) -> None:
        # Announced after its commit: what the counter moved by beyond that change is others'.
        if self.window.isVisible():
            self._catch_up(frozenset(), made.kinds)

    def _catch_up(self, always: frozenset[Kind], announced: frozenset[Kind]) -> bool:
        number = self._number()
        if number is None or number == self.seen:
            return False
        since, self.seen = self.seen, number
        try:
            tables = tables_changed_after(self.db, since) if since is not None else set(TABLE_KINDS)
        except database_errors.FAILURES as exc:
            log.info("Could not read what changed: %s", exc)
            tables = set(TABLE_KINDS)
        kinds = (kinds_of(tables) | always) - announced
        if not kinds:
            return False
        operations.announce(Changes(kinds))
        return True
