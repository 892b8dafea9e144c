"""Undo and redo run the services again; a refused change is not put on the stack."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fieldlog import app
from fieldlog.domain.period import Period
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.orgs import orgs
from fieldlog.services.orgs.org_search import search_orgs
from fieldlog.services.reports import stats
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.operations import Operation
from fieldlog.ui.undo import undo_stack
from tests.field_dump import db_digest

DAY = date(2020, 4, 1)


def run_undoable(
    parent: QWidget | None, text: str, do: Callable[[], object], undo: Callable[[], object]
) -> tuple[bool, object]:
    """An undoable operation as the dialogs make one: (succeeded, result)."""
    outcome = Operation(parent, do, changes=Changes.of(Kind.ORG)).undoable(text, undo).run()
    return outcome.ok, outcome.value


def test_delete_undo_redo(qtbot, db: Database) -> None:
    member = team.save_member(db, team.MemberInput("李娜"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    visit = visits.save_visit(db, visits.VisitInput(DAY, org, [member]))

    def count() -> int:
        return stats.compute(db, Period(DAY, DAY)).visits

    ok, _ = run_undoable(
        None,
        "Delete visit",
        lambda: visits.delete_visit(db, visit),
        lambda: visits.restore_visit(db, visit),
    )
    assert ok and count() == 0
    undo_stack().undo()
    assert count() == 1
    undo_stack().redo()
    assert count() == 0
    assert undo_stack().undoText() == "Delete visit"


def test_a_refused_change_is_not_undoable(
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    ok, _ = run_undoable(
        None, "Add member", lambda: team.save_member(db, team.MemberInput("")), lambda: None
    )
    assert not ok and warnings == ["member name is required"]
    assert undo_stack().count() == 0


# -- the stack over the real window ----------------------------------------------------------


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of the warning boxes shown (none of them blocks)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **_k: shown.append(args[2]))
    return shown


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def _rename(window: MainWindow, org: uuid.UUID, old: str, new: str) -> None:
    """Rename an organization as the edit dialogs do: undoably, through the window's database."""
    db = window.db
    ok, _ = run_undoable(
        window,
        "Rename organization",
        lambda: orgs.save_org(db, orgs.OrgInput(new), org),
        lambda: orgs.save_org(db, orgs.OrgInput(old), org),
    )
    assert ok


def _workspace(path: Path) -> uuid.UUID:
    """A database at `path` with a team and one organization; the organization's id."""
    db = open_workspace(str(path))
    team.save_team(db, team.TeamInput("测试工作队"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    db.close()
    return org


def _open_window(qtbot, path: Path) -> MainWindow:
    assert app.open_location(str(path), "en")
    window = app.last_window()
    assert window is not None and window.db.path == path.resolve()
    return window


def test_damage_found_later_drops_the_undo_of_the_closed_database(
    qtbot, tmp_path: Path, windows, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldlog.services.admin import maintenance
    from fieldlog.ui import background_check

    # Every file counts as large, so its check runs later; the worker's finding is sent below.
    monkeypatch.setattr(maintenance, "QUICK_CHECK_AT_START_BYTES", 0)
    monkeypatch.setattr(background_check, "start", lambda location, path, password=None: None)
    first, other = tmp_path / "first.db", tmp_path / "other.db"
    org = _workspace(first)
    _workspace(other)
    window = _open_window(qtbot, first)
    _rename(window, org, "深圳市德润物流有限公司", "德润物流")
    assert _action(window, "actionUndo").isEnabled()
    kept = db_digest(window.db)
    background_check.relay().damaged.emit(window.db.location, "page 7 is wrong")
    assert app.last_window() is None and app.last_recovery() is not None
    assert undo_stack().count() == 0
    # The user opens another database from the recovery screen: nothing of the first to undo.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    qtbot.mouseClick(app.last_recovery().open_button, Qt.MouseButton.LeftButton)
    second = app.last_window()
    assert second is not None and second.db.path == other.resolve()
    before = db_digest(second.db)
    undo = _action(second, "actionUndo")
    assert not undo.isEnabled() and undo.text() == "&Undo"
    undo.trigger()
    assert db_digest(second.db) == before
    second.close()
    second.db.close()
    reopened = open_workspace(str(first))
    try:
        assert db_digest(reopened) == kept
    finally:
        reopened.close()


def test_opening_another_database_drops_the_undo_of_the_first(
    qtbot, tmp_path: Path, windows
) -> None:
    first, other = tmp_path / "first.db", tmp_path / "other.db"
    org = _workspace(first)
    _workspace(other)
    window = _open_window(qtbot, first)
    _rename(window, org, "深圳市德润物流有限公司", "德润物流")
    window.close()
    window.db.close()
    second = _open_window(qtbot, other)
    assert undo_stack().count() == 0
    assert not _action(second, "actionUndo").isEnabled()


def test_a_language_switch_keeps_the_undo_of_the_same_database(
    qapp, qtbot, tmp_path: Path, windows
) -> None:
    path = tmp_path / "lang.db"
    org = _workspace(path)
    english = _open_window(qtbot, path)
    _rename(english, org, "深圳市德润物流有限公司", "德润物流")
    _action(english, "actionLanguage_zh_CN").trigger()
    try:
        chinese = app.last_window()
        assert chinese is not None and chinese is not english and chinese.db is english.db
        undo = _action(chinese, "actionUndo")
        assert undo.isEnabled() and undo.text() == "撤销(&U) Rename organization"
        undo.trigger()
        assert search_orgs(chinese.db, "德润")[0].name == "深圳市德润物流有限公司"
    finally:
        app.install_translators(qapp, "en")


def _window_with_a_rename(qtbot, db: Database) -> tuple[MainWindow, uuid.UUID]:
    team.save_team(db, team.TeamInput("测试工作队"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    window = MainWindow(db)
    qtbot.addWidget(window)
    _rename(window, org, "深圳市德润物流有限公司", "德润物流")
    return window, org


def test_a_refused_undo_leaves_the_stack_where_it_was(qtbot, db: Database, warnings) -> None:
    window, org = _window_with_a_rename(qtbot, db)
    orgs.delete_org(db, org)  # deleted meanwhile (another page, a sync package)
    before = db_digest(db)
    undo, redo = _action(window, "actionUndo"), _action(window, "actionRedo")
    undo.trigger()
    assert warnings == [
        f"“Rename organization” was not undone: organization {org} does not exist or has been "
        "deleted"
    ]
    assert undo_stack().index() == 1 and undo_stack().count() == 1
    assert undo.isEnabled() and undo.text() == "&Undo Rename organization"
    assert not redo.isEnabled() and redo.text() == "&Redo"
    assert db_digest(db) == before


def test_a_refused_redo_leaves_the_stack_where_it_was(qtbot, db: Database, warnings) -> None:
    window, org = _window_with_a_rename(qtbot, db)
    undo, redo = _action(window, "actionUndo"), _action(window, "actionRedo")
    undo.trigger()
    assert warnings == [] and undo_stack().index() == 0
    orgs.delete_org(db, org)
    before = db_digest(db)
    redo.trigger()
    assert len(warnings) == 1 and warnings[0].startswith("“Rename organization” was not redone:")
    assert undo_stack().index() == 0
    assert redo.isEnabled() and redo.text() == "&Redo Rename organization"
    assert not undo.isEnabled()
    assert db_digest(db) == before


def test_restoring_a_backup_drops_the_undo_of_the_replaced_data(
    qtbot, tmp_path: Path, windows, modal_boxes
) -> None:
    from fieldlog.store.backup import automatic_backup

    path = tmp_path / "work.db"
    org = _workspace(path)
    backup = automatic_backup(path, "daily")
    window = _open_window(qtbot, path)
    _rename(window, org, "深圳市德润物流有限公司", "德润物流")
    assert app.restore_into(window, backup)
    restored = app.last_window()
    assert restored is not None and restored is not window
    assert undo_stack().count() == 0 and not _action(restored, "actionUndo").isEnabled()
    assert search_orgs(restored.db, "德润")[0].name == "深圳市德润物流有限公司"
