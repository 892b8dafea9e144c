"""Qt's own dialogs as the app opens them: in the right folder, and in the window's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QWidget

from fieldlog import app
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.sync_flow import SyncFlow
from fieldlog.ui.dialogs.sync_send_dialog import FOLDER_KEY


@pytest.fixture
def new_account(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A home folder with no Documents folder in it, and no folder remembered from before."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    settings = QSettings()
    kept = settings.value(FOLDER_KEY)
    settings.remove(FOLDER_KEY)
    yield home
    if kept is not None:
        settings.setValue(FOLDER_KEY, kept)


@pytest.fixture
def opened_choosers(monkeypatch: pytest.MonkeyPatch, qtbot) -> list[QFileDialog]:
    """Each Receive file dialog, built as Qt builds it from the same arguments, then cancelled."""
    shown: list[QFileDialog] = []

    def fake(parent, caption, folder, filters, *_a, **_k):
        dialog = QFileDialog(parent, caption, folder, filters)
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake)
    return shown


def _file_name(dialog: QFileDialog) -> str:
    return dialog.findChild(QLineEdit, "fileNameEdit").text()


def test_receive_offers_the_documents_folder_without_a_file_name(
    qtbot, db: Database, new_account: Path, opened_choosers: list[QFileDialog]
) -> None:
    documents = new_account / "Documents"
    documents.mkdir()
    window = QWidget()
    qtbot.addWidget(window)
    assert SyncFlow(db, window)._choose() == []
    (dialog,) = opened_choosers
    assert _file_name(dialog) == ""
    assert Path(dialog.directory().absolutePath()) == documents


def test_with_no_documents_folder_receive_offers_the_home_folder_not_a_file(
    qtbot, db: Database, new_account: Path, opened_choosers: list[QFileDialog]
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    SyncFlow(db, window)._choose()
    (dialog,) = opened_choosers
    assert _file_name(dialog) == ""  # was "Documents", a file that is not there
    assert Path(dialog.directory().absolutePath()) == new_account


def test_receive_offers_the_folder_used_last(
    qtbot, db: Database, new_account: Path, opened_choosers: list[QFileDialog]
) -> None:
    last = new_account / "U盘"
    last.mkdir()
    QSettings().setValue(FOLDER_KEY, str(last))
    window = QWidget()
    qtbot.addWidget(window)
    SyncFlow(db, window)._choose()
    assert Path(opened_choosers[0].directory().absolutePath()) == last
    assert _file_name(opened_choosers[0]) == ""


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    app.install_translators(qapp, "zh_CN")
    yield
    app.install_translators(qapp, "en")


def test_qt_file_dialog_is_chinese_in_the_chinese_window(qtbot, tmp_path: Path, chinese) -> None:
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "t", str(tmp_path), "Excel (*.xlsx)")
        qtbot.addWidget(dialog)
        dialog.setAcceptMode(mode)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "查找范围(&I)："
        assert labels["fileTypeLabel"] == "文件类型(&T)："
        assert labels["fileNameLabel"] == "文件名称(&N)："


def test_qt_message_box_buttons_are_chinese_in_the_chinese_window(qtbot, chinese) -> None:
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question, "t", "x", buttons.Yes | buttons.No | buttons.Cancel
    )
    qtbot.addWidget(box)
    assert [box.button(b).text() for b in (buttons.Yes, buttons.No, buttons.Cancel)] == [
        "是(&Y)",
        "否(&N)",
        "取消",
    ]
