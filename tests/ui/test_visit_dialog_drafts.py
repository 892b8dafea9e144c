"""The visit dialog's draft in the database: no file in the per-user folder, back after a crash,
moved in from an older version's file, kept in memory on a read-only database, and never an
undo step, an announcement or a change of the data."""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fieldlog.services.visits import drafts
from fieldlog.services.visits.draft_files import legacy_folder
from fieldlog.store import database as database_module
from fieldlog.store.database import Database, open_database
from fieldlog.ui.operations import changes
from fieldlog.ui.undo import undo_stack

from ..field_dump import db_digest, history_count
from ..services.visits.test_draft_files import write_old
from .test_visit_dialog import (  # noqa: F401 (fixtures)
    Office,
    close_with,
    no_modal_warnings,
    office,
    open_dialog,
    stored_draft,
)

SECRET = "call Mr Wang 13800138000"


def data_files() -> dict[Path, bytes]:
    """Every file under the per-user data folder, with its bytes."""
    home = Path(os.environ["XDG_DATA_HOME"])
    return {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} if home.exists() else {}


def type_summary(qtbot, dialog, text: str = SECRET) -> None:
    dialog.form.summary.setFocus()
    qtbot.keyClicks(dialog.form.summary, text)


def test_a_draft_is_written_into_the_database_and_no_file(
    qtbot, db: Database, office: Office
) -> None:
    dialog = open_dialog(qtbot, db)
    type_summary(qtbot, dialog)
    qtbot.waitUntil(lambda: stored_draft(db) is not None, timeout=3000)
    qtbot.keyClick(dialog.form.summary, Qt.Key.Key_Escape)
    close_with(qtbot, dialog, "keepDraftButton")
    assert stored_draft(db)["summary"] == SECRET
    assert not legacy_folder().exists()
    leaked = [p for p, data in data_files().items() if b"13800138000" in data]
    assert leaked == []


def test_a_draft_comes_back_after_a_crash(qtbot, db: Database, office: Office) -> None:
    """Typed, never saved nor closed: the process "dies" (the database is closed under the open
    dialog and this process's memory forgotten); the next start offers the draft."""
    dialog = open_dialog(qtbot, db)
    type_summary(qtbot, dialog)
    qtbot.waitUntil(lambda: stored_draft(db) is not None, timeout=3000)
    db.close()
    drafts.forget_memory(db)
    again_db = open_database(str(db.path))
    try:
        again = open_dialog(qtbot, again_db)
        assert again.draft_note.isVisible() and again.form.summary.toPlainText() == SECRET
    finally:
        again_db.close()


def test_an_older_versions_draft_file_is_moved_in_and_offered(
    qtbot, db: Database, office: Office
) -> None:
    path = write_old(legacy_folder(), str(db.path), "visit-new", {"summary": SECRET})
    dialog = open_dialog(qtbot, db)
    assert dialog.draft_note.isVisible() and dialog.form.summary.toPlainText() == SECRET
    assert not path.exists() and stored_draft(db) == {"summary": SECRET}


def test_a_broken_draft_file_does_not_stop_the_dialog(
    qtbot, db: Database, office: Office, caplog: pytest.LogCaptureFixture
) -> None:
    folder = legacy_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = write_old(folder, str(db.path), "visit-new", {})
    path.write_bytes(b"\xff\xfe not json")
    with caplog.at_level("WARNING"):
        dialog = open_dialog(qtbot, db)
    assert not dialog.draft_note.isVisible() and path.exists()
    assert "left in place" in caplog.text
    path.unlink()


def test_on_a_read_only_database_the_draft_stays_in_memory_quietly(
    qtbot, db: Database, office: Office, monkeypatch: pytest.MonkeyPatch, no_modal_warnings
) -> None:
    path = db.path
    db.close()
    monkeypatch.setattr(database_module, "is_writable", lambda _path: False)
    read_only = open_database(str(path))
    try:
        digest = db_digest(read_only)
        dialog = open_dialog(qtbot, read_only)
        type_summary(qtbot, dialog)
        qtbot.keyClick(dialog.form.summary, Qt.Key.Key_Escape)
        close_with(qtbot, dialog, "keepDraftButton")
        assert no_modal_warnings == [] and dialog.message.text() == ""
        again = open_dialog(qtbot, read_only)  # the same session: the draft is offered
        assert again.draft_note.isVisible() and again.form.summary.toPlainText() == SECRET
        assert stored_draft(read_only) is None and db_digest(read_only) == digest
    finally:
        read_only.close()
        drafts.forget_memory(read_only)


def test_a_draft_is_no_undo_step_no_announcement_and_no_history(
    qtbot, db: Database, office: Office
) -> None:
    dialog = open_dialog(qtbot, db)
    dialog.form.org_picker.set_org(office.org, "深圳市华为技术有限公司")
    dialog.save()  # one real change first: one undo step, its history
    assert undo_stack().count() == 1
    digest, history = db_digest(db), history_count(db)
    announced: list[object] = []
    changes().changes_applied.connect(announced.append)
    draft = open_dialog(qtbot, db)
    type_summary(qtbot, draft)
    qtbot.waitUntil(lambda: stored_draft(db) is not None, timeout=3000)
    qtbot.keyClick(draft.form.summary, Qt.Key.Key_Escape)
    close_with(qtbot, draft, "keepDraftButton")
    assert announced == [] and undo_stack().count() == 1 and undo_stack().index() == 1
    assert db_digest(db) == digest and history_count(db) == history
    undo_stack().undo()  # undoes the visit, not the draft
    assert db_digest(db) != digest and stored_draft(db)["summary"] == SECRET


def test_old_draft_files_move_in_when_the_window_opens(qtbot, db: Database) -> None:
    """Not only when a visit form opens: a laptop where nobody opens one keeps no typed visit
    in a plain file once the window has been open."""
    from fieldlog import app

    location = str(db.path)
    path = write_old(legacy_folder(), location, "visit-new", {"summary": SECRET})
    db.close()
    assert app.main(["--db", location, "--lang", "en"]) == 0
    window = app.last_window()
    try:
        assert window is not None and not path.exists()
        assert stored_draft(window.db) == {"summary": SECRET}
    finally:
        if window is not None:
            window.close()
            window.db.close()
