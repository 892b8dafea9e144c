"""Unsaved form entries kept on disk, so closing a dialog or a crash never loses what was typed.

One JSON file per database and record (`<data folder>/drafts/`), written atomically: a crash
while writing leaves the previous draft, never half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QObject, QTimer

from fieldlog.store.database import Database
from fieldlog.store.private import private_folder

DEBOUNCE_MS = 500
FORMAT_VERSION = 1


def drafts_folder() -> Path:
    """The per-user folder that holds the drafts."""
    return Path(platformdirs.user_data_dir("FieldLog", appauthor=False)) / "drafts"


def draft_path(db: Database, record: str) -> Path:
    """The draft file of `record` (e.g. "visit-new") in this database."""
    place = str(db.path) if db.path is not None else db.location
    digest = hashlib.sha256(place.encode("utf-8")).hexdigest()[:16]
    return drafts_folder() / f"{digest}-{record}.json"


class DraftFile:
    """A draft on disk: read it, replace it atomically, delete it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, Any] | None:
        """The saved fields, or None when there is no usable draft."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            return None
        fields = data.get("fields")
        return fields if isinstance(fields, dict) else None

    def write(self, fields: dict[str, Any]) -> None:
        """Replace the draft with `fields` (written to a temporary file, then renamed)."""
        private_folder(self.path.parent)  # drafts hold what a cadre typed: the user's only
        text = json.dumps({"version": FORMAT_VERSION, "fields": fields}, ensure_ascii=False)
        handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".draft-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise

    def discard(self) -> None:
        """Delete the draft (nothing happens when there is none)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


class DraftKeeper(QObject):
    """Writes a form's fields to its draft a moment after the last change, and on demand."""

    def __init__(
        self, file: DraftFile, fields: Callable[[], dict[str, Any]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.file, self._fields, self._pending = file, fields, False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)

    def changed(self) -> None:
        """The form changed: write the draft once the typing pauses."""
        self._pending = True
        self._timer.start()

    def flush(self) -> None:
        """Write a pending change now (on close, or when the pause is over)."""
        self._timer.stop()
        if self._pending:
            self._pending = False
            # A full disk must not take the form down with it; the next change tries again.
            with contextlib.suppress(OSError):
                self.file.write(self._fields())

    def discard(self) -> None:
        """Forget pending changes and delete the draft (after a save, or on request)."""
        self._timer.stop()
        self._pending = False
        self.file.discard()
