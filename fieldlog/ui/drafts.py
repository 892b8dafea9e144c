"""Unsaved form entries kept in the database, so closing a dialog or a crash never loses what
was typed: the form's side of `fieldlog.services.visits.drafts` (when to write, not where).

A draft is written a moment after the typing pauses, and at once when the dialog closes or the
application quits. When the database cannot take it (read-only, busy, a full disk) the service
keeps it in memory for this session and the next pause tries again: nothing to tell the user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from fieldlog.services.visits import drafts
from fieldlog.services.visits.draft_files import import_draft_files
from fieldlog.store.database import Database

DEBOUNCE_MS = 500


class DraftKeeper(QObject):
    """Writes a form's fields to its draft a moment after the last change, and on demand."""

    def __init__(
        self,
        db: Database,
        key: str,
        fields: Callable[[], dict[str, Any]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.key, self._fields, self._pending = db, key, fields, False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)

    def load(self) -> dict[str, Any] | None:
        """The saved draft, or None; draft files an older version left for this database are
        moved into it first."""
        import_draft_files(self.db)
        return drafts.load_draft(self.db, self.key)

    def changed(self) -> None:
        """The form changed: write the draft once the typing pauses."""
        self._pending = True
        self._timer.start()

    def flush(self) -> None:
        """Write a pending change now (the pause is over)."""
        self._write(drafts.WAIT_MS)

    def keep(self) -> None:
        """Write a pending change as the form closes or the application quits: this one may
        wait a little longer for another writer, as no later pause will retry it."""
        self._write(drafts.CLOSING_WAIT_MS)

    def _write(self, wait_ms: int) -> None:
        self._timer.stop()
        if self._pending:
            self._pending = False
            drafts.save_draft(self.db, self.key, self._fields(), wait_ms=wait_ms)

    def discard(self) -> None:
        """Forget pending changes and delete the draft (after a save, or on request)."""
        self._timer.stop()
        self._pending = False
        drafts.discard_draft(self.db, self.key)
