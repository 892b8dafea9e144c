"""Upgrading from draft files: the JSON files older versions wrote in the per-user folder move
into the database their name points at and are deleted; others wait; a broken one stays, logged."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from fieldlog.services.visits import drafts
from fieldlog.services.visits.draft_files import import_draft_files, legacy_folder
from fieldlog.store.database import Database

from ...field_dump import db_digest, history_count

OTHER_DB = "/somewhere/else/fieldlog.db"


def old_name(place: str, key: str) -> str:
    """The file name an older version gave the draft `key` of the database at `place`."""
    return f"{hashlib.sha256(place.encode('utf-8')).hexdigest()[:16]}-{key}.json"


def _place(db: Database) -> str:
    """What older versions named a database by in draft file names: its file, or its URL."""
    return str(db.path) if db.path is not None else db.location


def write_old(folder: Path, place: str, key: str, fields: dict, *, mtime: float | None = None):
    """A draft file exactly as older versions wrote it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / old_name(place, key)
    text = json.dumps({"version": 1, "fields": fields}, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def test_the_old_folder_is_the_one_older_versions_used() -> None:
    assert legacy_folder() == Path(os.environ["XDG_DATA_HOME"]) / "FieldLog" / "drafts"


def test_draft_files_move_into_their_database_and_are_deleted(
    db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "drafts"
    here = _place(db)
    new = write_old(folder, here, "visit-new", {"summary": "深圳市华为 13800138000"})
    edited = write_old(folder, here, "visit-" + "ab" * 16, {"summary": "改过的"})
    other = write_old(folder, OTHER_DB, "visit-new", {"summary": "another database's"})
    broken = folder / old_name(here, "visit-" + "cd" * 16)
    broken.write_text('{"version": 1, "fields": {"summ', encoding="utf-8")
    digest, history = db_digest(db), history_count(db)
    with caplog.at_level("WARNING"):
        assert import_draft_files(db, folder) == 2
    assert drafts.load_draft(db, "visit-new") == {"summary": "深圳市华为 13800138000"}
    assert drafts.load_draft(db, "visit-" + "ab" * 16) == {"summary": "改过的"}
    assert not new.exists() and not edited.exists()
    assert other.exists() and broken.exists()  # another database's, and one that does not parse
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == [
        f"Draft file {broken} left in place: it could not be read "
        "(Unterminated string starting at: line 1 column 27 (char 26))"
    ]
    assert db_digest(db) == digest and history_count(db) == history
    assert import_draft_files(db, folder) == 0  # the next start finds nothing more to move


def test_a_file_of_an_unknown_format_is_left_in_place(
    db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "drafts"
    path = folder / old_name(_place(db), "visit-new")
    folder.mkdir()
    path.write_text('{"version": 2, "fields": {}}', encoding="utf-8")
    with caplog.at_level("WARNING"):
        assert import_draft_files(db, folder) == 0
    assert path.exists() and drafts.load_draft(db, "visit-new") is None
    assert "not a draft this version knows" in caplog.text


def test_the_newer_of_a_file_and_a_stored_draft_is_kept(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    drafts.save_draft(db, "visit-new", {"summary": "typed after the upgrade"})
    write_old(folder, _place(db), "visit-new", {"summary": "older file"}, mtime=1_000_000)
    assert import_draft_files(db, folder) == 1
    assert drafts.load_draft(db, "visit-new") == {"summary": "typed after the upgrade"}
    write_old(folder, _place(db), "visit-new", {"summary": "newer file"}, mtime=time.time() + 60)
    assert import_draft_files(db, folder) == 1
    assert drafts.load_draft(db, "visit-new") == {"summary": "newer file"}
    assert not folder.exists()  # emptied: the folder goes too
