"""The window over a database another FieldLog is writing to, one that cannot be written, and a
full disk: it opens, says what is wrong in one sentence, waits behind a dialog that can be
cancelled, and never offers to restore a healthy file."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from fieldlog import app
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.imports import imports
from fieldlog.services.orgs import orgs
from fieldlog.services.reports import exports
from fieldlog.store.database import Database
from fieldlog.ui import main_actions, tasks
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.operations import Operation
from tests.faults.conftest import World, fill, listing, release, remount, state, tmpfs, write_lock
from tests.lock_guard import LockGuard, lock_guard

__all__ = ["lock_guard"]


@pytest.fixture(autouse=True)
def _database_locks_kept(lock_guard: LockGuard) -> LockGuard:
    """As in every window test: Python never opens a database file a connection holds."""
    return lock_guard


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warnings shown (answered at once)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    return shown


def _close(window: MainWindow) -> None:
    """Close the window and its database, and delete it now (its timers with it)."""
    window.close()
    window.db.close()
    app._window = None
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _save_org(db: Database, name: str) -> object:
    return orgs.save_org(db, orgs.OrgInput(name))


def _attempt(
    window: MainWindow, action: Callable[..., object], *args: object
) -> tuple[bool, object]:
    """Run `action(*args)` as the window's operations do: (succeeded, result)."""
    outcome = Operation(window, lambda: action(*args), changes=Changes.of(Kind.ORG)).run()
    return outcome.ok, outcome.value


def _open(db: Path) -> MainWindow:
    assert app.main(["--db", str(db), "--lang", "en"]) == 0
    window = app.last_window()
    assert window is not None and window.db.path == db.resolve()
    assert app.last_recovery() is None
    return window


def _when_waiting(then: Callable[[QProgressDialog], None]) -> QTimer:
    """Call `then` with the wait dialog as soon as it is on screen."""
    timer = QTimer()
    timer.setInterval(20)

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "busyWaitDialog" and widget.isVisible():
                timer.stop()
                then(widget)  # type: ignore[arg-type]

    timer.timeout.connect(look)
    timer.start()
    return timer


def test_another_writer_gets_a_wait_that_can_be_cancelled_or_goes_through(
    qapp, world: World, tmp_path: Path, windows, warnings: list[str]
) -> None:
    db = tmp_path / "field.db"
    shutil.copyfile(world.base, db)
    before = state(db)
    with write_lock(db) as holder:
        window = _open(db)  # opening only reads: the lock does not stop it
        timer = _when_waiting(lambda dialog: dialog.cancel())
        ok, _ = _attempt(window, orgs.save_org, window.db, orgs.OrgInput("深圳市等待公司"))
        timer.stop()
        assert not ok and len(warnings) == 1
        assert "Another FieldLog is writing to this database" in warnings[0]
        # Asked over the window's own connection: this process must not open() the file.
        assert digest(window.db) == before and app.last_recovery() is None
        timer = _when_waiting(lambda _dialog: release(holder))
        ok, saved = _attempt(window, orgs.save_org, window.db, orgs.OrgInput("深圳市等到公司"))
        timer.stop()
    assert ok and saved is not None and len(warnings) == 1
    assert digest(window.db) != before


def test_a_read_only_disk_opens_read_only_with_the_writing_actions_off(
    qapp, world: World, tmp_path: Path, windows, warnings: list[str]
) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        db = disk / "field.db"
        shutil.copyfile(world.base, db)
        before, files = state(db), listing(disk)
        remount(disk, "ro")
        try:
            window = _open(db)
            assert "read-only" in window.windowTitle()
            for kind in main_actions.WRITING_ACTIONS:
                assert not window.main_actions[kind].isEnabled(), kind
            ok, _ = _attempt(window, orgs.save_org, window.db, orgs.OrgInput("深圳市只读公司"))
            assert not ok and "opened read-only" in warnings[-1]
            out = tmp_path / "orgs.xlsx"
            done = tasks.run_task(window, "Exporting", exports.export_orgs, window.db, out=out)
            assert done.ok and out.exists()
            _close(window)
        finally:
            remount(disk, "rw")
        assert listing(disk) == files and state(db) == before


def test_a_full_disk_is_one_sentence_in_the_window_and_changes_nothing(
    qapp, world: World, tmp_path: Path, windows, warnings: list[str]
) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        db = disk / "field.db"
        shutil.copyfile(world.base, db)
        before, files = state(db), listing(disk)
        window = _open(db)
        filler = fill(disk, 128 * 1024)
        ok, _ = _attempt(window, imports.import_orgs, window.db, world.orgs_file)
        assert not ok and warnings[-1].startswith("The disk is full")
        filler = fill(disk, 0)  # no room at all for the export
        done = tasks.run_task(
            window, "Exporting", exports.export_orgs, window.db, out=disk / "o.xlsx"
        )
        assert not done.ok and done.error.startswith("The disk is full")
        assert app.last_recovery() is None
        _close(window)
        filler.unlink()
        assert listing(disk) == files and state(db) == before
