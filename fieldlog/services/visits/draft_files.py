"""Moving the draft files of older versions into the database they belong to.

Before drafts lived in the database, each was a JSON file `{"version": 1, "fields": {...}}` in
the per-user folder `<user data>/FieldLog/drafts/`, named `<16 hex>-<key>.json`, where the hex
is the start of the SHA-256 of the database's resolved path (its URL for a server). The folder
is shared by every database of the user, so a file is moved only into the database its name
points at: the others wait, untouched, until their own database is opened. A file that does not
parse is left in place and logged; it never stops the window.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from fieldlog.services.visits import drafts
from fieldlog.store.database import Database
from fieldlog.store.repositories import draft_rows

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
_KEY = re.compile(r"[a-z]+-[0-9a-z]{1,57}")


def legacy_folder() -> Path:
    """The per-user folder where older versions wrote their draft files."""
    return Path(platformdirs.user_data_dir("FieldLog", appauthor=False)) / "drafts"


def legacy_prefix(db: Database) -> str:
    """The start of the file names older versions gave this database's drafts."""
    place = str(db.path) if db.path is not None else db.location
    return hashlib.sha256(place.encode("utf-8")).hexdigest()[:16]


def _fields(path: Path) -> dict[str, Any] | None:
    """The fields of a draft file, or None (logged) when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("Draft file %s left in place: it could not be read (%s)", path, exc)
        return None
    known = isinstance(data, dict) and data.get("version") == FORMAT_VERSION
    fields = data.get("fields") if known else None
    if not isinstance(fields, dict):
        log.warning("Draft file %s left in place: it is not a draft this version knows", path)
        return None
    return fields


def _move(db: Database, path: Path, key: str, fields: dict[str, Any]) -> bool:
    """Store the file's draft unless the database holds a newer one; True once stored."""
    written = datetime.fromtimestamp(path.stat().st_mtime, UTC)

    def keep_newer(session: Any) -> None:
        found = draft_rows.draft_fields(session, key)
        if found is None or found[1] < written:
            draft_rows.put_draft(session, key, fields, written)

    return drafts.store_with(db, keep_newer)


def import_draft_files(db: Database, folder: Path | None = None) -> int:
    """Move this database's draft files (from `folder`, else the old per-user folder) into it,
    then delete them; how many were moved. Nothing is done on a read-only database."""
    folder = legacy_folder() if folder is None else folder
    if db.read_only or not folder.is_dir():
        return 0
    prefix, moved = legacy_prefix(db) + "-", 0
    for path in sorted(folder.glob(f"{prefix}*.json")):
        key = path.name[len(prefix) : -len(".json")]
        if not _KEY.fullmatch(key) or (fields := _fields(path)) is None:
            continue
        if not _move(db, path, key, fields):
            break  # the database cannot take drafts now: the files stay for next time
        try:
            path.unlink()
        except OSError as exc:  # stored: a later start deletes it (the database's is as new)
            log.warning("Draft file %s moved into the database but not deleted: %s", path, exc)
            continue
        moved += 1
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when empty: other databases' drafts may still wait there
    return moved
