"""File ▸ Backups…: the list, Back up now, Restore selected… (the window comes back over the
restored data), refusals that change nothing, Show in folder; and the automatic daily backup."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMessageBox

from fieldlog import app
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.orgs import orgs
from fieldlog.store.backup import automatic_backup, backup_folder
from fieldlog.store.database import Database
from fieldlog.ui.dialogs import backups_dialog
from fieldlog.ui.dialogs.backups_dialog import BackupsDialog
from fieldlog.ui.main_window import MainWindow

EARLIER = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions are answered Yes, warnings recorded; the texts in order."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    def warning(_parent, _title, text, *_args, **_kwargs):
        asked.append("warning: " + text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return asked


@pytest.fixture
def opened(qtbot) -> Iterator[None]:
    """Closes the window main() opened last, and its database."""
    yield
    window = app.last_window()
    if window is not None:
        window.close()
        window.db.close()


def _backed_up(db: Database) -> str:
    """One organization, then a daily backup (a while ago); the digest it holds."""
    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司"))
    assert db.path is not None
    automatic_backup(db.path, "daily", EARLIER)
    automatic_backup(db.path, "before-sync-import", EARLIER - timedelta(days=2))
    return digest(db)


def test_the_list_shows_date_size_and_reason_in_words(qtbot, db) -> None:
    _backed_up(db)
    dialog = BackupsDialog(db)
    qtbot.addWidget(dialog)
    rows = dialog.backup_list
    assert rows.topLevelItemCount() == 2
    assert [rows.topLevelItem(i).text(2) for i in range(2)] == ["daily", "before a sync import"]
    assert rows.topLevelItem(0).text(0).startswith("2026-11-")
    assert rows.topLevelItem(0).text(1).endswith((" kB", " MB"))
    assert rows.currentItem() is rows.topLevelItem(0)
    assert dialog.restore_button.isEnabled()


def test_back_up_now_adds_a_manual_backup(qtbot, db, answers: list[str]) -> None:
    dialog = BackupsDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.backup_list.topLevelItemCount() == 0
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.backup_list.topLevelItemCount() == 1
    assert dialog.backup_list.topLevelItem(0).text(2) == "manual"
    assert answers == []


def test_show_in_folder_opens_the_backup_folder(qtbot, db, monkeypatch) -> None:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    dialog = BackupsDialog(db)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert db.path is not None
    assert [Path(url.toLocalFile()) for url in urls] == [backup_folder(db.path)]


def _window_over(path: Path) -> MainWindow:
    assert app.main(["--db", str(path), "--lang", "en"]) == 0
    window = app.last_window()
    assert window is not None
    return window


def _backups_dialog(window: MainWindow, qtbot) -> BackupsDialog:
    window.findChild(QAction, "actionBackups").trigger()
    dialog = window.findChild(BackupsDialog, "backupsDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_restore_selected_reopens_the_window_over_the_restored_data(
    qapp, qtbot, tmp_path: Path, opened, answers: list[str]
) -> None:
    path = tmp_path / "work.db"
    db = open_workspace(str(path))
    kept = _backed_up(db)
    db.close()
    window = _window_over(path)
    orgs.save_org(window.db, orgs.OrgInput("深圳市后来添加有限公司"))
    assert digest(window.db) != kept
    dialog = _backups_dialog(window, qtbot)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(answers) == 1 and "kept as a backup" in answers[0]
    restored = app.last_window()
    assert restored is not None and restored is not window and restored.isVisible()
    assert not window.isVisible()
    assert digest(restored.db) == kept
    names = sorted(p.name for p in backup_folder(path).iterdir())
    assert any(name.endswith("-before-restore.db") for name in names)


def test_a_refused_restore_is_one_message_and_changes_nothing(
    qapp, qtbot, tmp_path: Path, opened, answers: list[str]
) -> None:
    path = tmp_path / "work.db"
    db = open_workspace(str(path))
    _backed_up(db)
    db.close()
    window = _window_over(path)
    orgs.save_org(window.db, orgs.OrgInput("深圳市后来添加有限公司"))
    before = digest(window.db)
    other = open_workspace(str(path))  # a second FieldLog with the file open
    try:
        digest(other)
        dialog = _backups_dialog(window, qtbot)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    finally:
        other.close()
    assert len(answers) == 2 and answers[1].startswith("warning: ")
    assert "in use" in answers[1]
    assert app.last_window() is window and window.isVisible()
    assert digest(window.db) == before
    assert not any(p.name.endswith("before-restore.db") for p in backup_folder(path).iterdir())


def test_a_damaged_backup_is_refused_and_nothing_changes(
    qapp, qtbot, tmp_path: Path, opened, answers: list[str]
) -> None:
    path = tmp_path / "work.db"
    db = open_workspace(str(path))
    _backed_up(db)
    db.close()
    bad = automatic_backup(path, "manual", EARLIER + timedelta(days=1))
    bad.write_bytes(bad.read_bytes()[:3000])
    window = _window_over(path)
    before = digest(window.db)
    dialog = _backups_dialog(window, qtbot)
    assert dialog.backup_list.selected_path() == bad
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert answers[-1].startswith("warning: ") and "nothing was changed" in answers[-1]
    assert app.last_window() is window
    assert digest(window.db) == before


def test_the_window_takes_the_daily_backup_after_it_shows(qtbot, db) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert db.path is not None and not backup_folder(db.path).exists()
    window.show()
    qtbot.waitUntil(lambda: window.auto_backup.last_seconds is not None, timeout=5000)
    assert [p.name.endswith("-daily.db") for p in backup_folder(db.path).iterdir()] == [True]
    assert window.auto_backup.timer.isActive()
    assert window.auto_backup.timer.interval() == 3_600_000


def test_a_failed_automatic_backup_goes_to_the_status_bar(
    qtbot, db, monkeypatch, answers: list[str]
) -> None:
    def broken(_db: Database) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(backups_dialog, "take_daily_backup", broken)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.auto_backup.run()
    assert "No space left on device" in window.statusBar().currentMessage()
    assert answers == []
