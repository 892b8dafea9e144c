"""The window opening an older database: a dialog shows each step of the upgrade, how far it
is and the time it still needs; stopping it leaves the database as it was."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldlog import app
from fieldlog.services.admin.workspace import (
    UpgradeCancelled,
    UpgradeStep,
    open_workspace,
    watching,
)
from fieldlog.store import migrate
from fieldlog.store.backup import backup_folder
from fieldlog.ui.upgrade_progress import UpgradeProgressDialog, run_watched
from tests.conftest import sqlite_only
from tests.store.test_upgrade_progress import file_state, old_copy, revision_of

pytestmark = sqlite_only("a file's upgrade")


@pytest.fixture
def old_db(tmp_path: Path, demo_database_file: Path) -> Path:
    return old_copy(demo_database_file, tmp_path)


def _dialog() -> UpgradeProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, UpgradeProgressDialog) and widget.isVisible():
            return widget
    return None


def _paused_at(key: str, reached: threading.Event, go_on: threading.Event):  # type: ignore[no-untyped-def]
    """A watcher (inside the window's) that holds the upgrade at the start of step `key`
    until the test lets it go on: the dialog is then steadily at that step."""

    def pause(step: UpgradeStep, fraction: float | None) -> None:
        if step.key == key and fraction == 0.0:
            reached.set()
            assert go_on.wait(60)

    return pause


def test_the_dialog_shows_the_step_and_stopping_leaves_the_database(qtbot, old_db: Path) -> None:
    before = file_state(old_db)
    reached, go_on = threading.Event(), threading.Event()
    seen: dict[str, str] = {}

    def open_held() -> object:
        with watching(_paused_at("0008", reached, go_on)):
            return open_workspace(str(old_db))

    def look_and_stop() -> None:
        dialog = _dialog()
        if dialog is None or not reached.is_set():
            return
        seen["step"] = dialog.step.text()
        seen["left"] = dialog.left.text()
        seen["title"] = dialog.windowTitle()
        dialog.grab().save(str(old_db.parent / "upgrade-dialog.png"))
        timer.stop()
        qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
        seen["after"] = dialog.left.text()
        go_on.set()

    timer = QTimer(interval=20)
    timer.timeout.connect(look_and_stop)
    timer.start()
    with pytest.raises(UpgradeCancelled):
        run_watched(None, open_held)
    timer.stop()
    count = len(migrate.pending_revisions("0005"))
    assert seen["title"] == "Upgrading the database"
    assert seen["step"] == f"Step 3 of {count}: Listing each organization's latest follow-up"
    assert seen["left"] == "Estimating the time this step needs…"
    assert seen["after"] == "Stopping: the database stays as it was…"
    assert _dialog() is None
    assert file_state(old_db) == before and revision_of(old_db) == "0005"
    assert not backup_folder(old_db).exists()


def test_an_opening_without_an_upgrade_shows_no_dialog(qtbot, tmp_path: Path) -> None:
    shown: list[bool] = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: shown.append(_dialog() is not None))
    timer.start()
    db = run_watched(None, open_workspace, str(tmp_path / "new.db"))
    timer.stop()
    db.close()
    assert not any(shown)


def test_errors_of_the_opening_reach_the_window_thread(qtbot, tmp_path: Path) -> None:
    from fieldlog.store.database import DatabaseError

    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database\n", encoding="utf-8")
    with pytest.raises(DatabaseError):
        run_watched(None, open_workspace, str(text_file))
    assert text_file.read_text(encoding="utf-8") == "not a database\n"


def test_the_app_upgrades_an_older_database_before_its_window_opens(
    qtbot, old_db: Path, modal_boxes: list[QMessageBox]
) -> None:
    try:
        assert app.open_location(str(old_db), "en")
        window = app.last_window()
        assert window is not None and window.isVisible()
        assert revision_of(old_db) == migrate.head_revision()
        assert modal_boxes == [] and _dialog() is None
    finally:
        window = app.last_window()
        if window is not None:
            window.close()
            window.db.close()


def test_stopping_in_the_app_is_one_message_and_no_window(
    qtbot, old_db: Path, modal_boxes: list[QMessageBox], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = file_state(old_db)
    reached, go_on = threading.Event(), threading.Event()

    # The app's opening, held at a step until the dialog shows; the stop is then asked there,
    # from the window's thread, as its button does.
    real = app.open_checked

    def open_checked(location: str, password: str | None = None):  # type: ignore[no-untyped-def]
        with watching(_paused_at("0008", reached, go_on)):
            return real(location, password)

    def stop_when_shown() -> None:
        dialog = _dialog()
        if dialog is None or not reached.is_set():
            return
        timer.stop()
        dialog.stop_asked = True
        go_on.set()

    timer = QTimer(interval=20)
    timer.timeout.connect(stop_when_shown)
    timer.start()
    monkeypatch.setattr(app, "open_checked", open_checked)
    assert not app.open_location(str(old_db), "en")
    timer.stop()
    assert [box.objectName() for box in modal_boxes] == ["openErrorBox"]
    assert "The upgrade of" in modal_boxes[0].informativeText()
    assert file_state(old_db) == before and revision_of(old_db) == "0005"


def test_the_dialog_tells_the_time_left_at_the_pace_so_far(qtbot) -> None:
    dialog = UpgradeProgressDialog()
    qtbot.addWidget(dialog)
    step = UpgradeStep("0006", migrate.step_name("0006"), 1, 10)
    dialog.show_step(step, 0.0)
    assert dialog.bar.maximum() == 0  # busy until the step tells how far it is
    dialog._began -= 90  # 42 % done after 90 s: about 124 s to go
    dialog.show_step(step, 0.42)
    assert (dialog.bar.maximum(), dialog.bar.value()) == (1000, 420)
    assert dialog.left.text() == "About 2 min left in this step"
    dialog._began += 80  # 90 % after 10 s
    dialog.show_step(step, 0.9)
    assert dialog.left.text() == "About 1 s left in this step"
    backup = UpgradeStep(migrate.BACKUP_STEP, migrate.step_name(migrate.BACKUP_STEP), 0, 0)
    dialog.show_step(backup, 0.0)
    assert dialog.step.text() == "Backing up the database before the upgrade"
