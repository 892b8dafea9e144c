"""Shortcuts from any focus, the saved visit shown, Help ▸ User guide and Keyboard shortcuts."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QTableWidget, QTextBrowser
from sqlalchemy import select

from fieldlog.store.database import Database
from fieldlog.store.models import Visit
from fieldlog.ui.dialogs.help_dialogs import guide_text
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.navigator import Page
from tests.conftest import open_copy
from tests.field_dump import db_digest


@pytest.fixture
def demo(tmp_path: Path, demo_database_file: Path):
    database = open_copy(demo_database_file, tmp_path)
    yield database
    database.close()


@pytest.fixture
def window(qtbot, demo: Database) -> MainWindow:
    win = MainWindow(demo)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _dialog(name: str) -> QDialog | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()),
        None,
    )


def _visit_ids(db: Database) -> list[uuid.UUID]:
    with db.read() as session:
        query = select(Visit.id).where(~Visit.deleted).order_by(Visit.visited_on, Visit.id)
        return list(session.scalars(query))


def _is_ctrl_e(event: QKeyEvent) -> bool:
    return QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+E")


class _EmacsKeys(QObject):
    """A line edit on Linux (X11 key bindings) claims Ctrl+E to move to the end of the line;
    the offscreen platform does not, so the test makes the field claim it as it does there."""

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and _is_ctrl_e(event):
            event.accept()
        return False


def test_ctrl_e_opens_the_weekly_return_from_the_search_box(qtbot, window: MainWindow) -> None:
    search = window.visit_log.search_edit
    claims = _EmacsKeys(search)
    search.installEventFilter(claims)
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    search.setText("abc")
    search.setCursorPosition(0)
    qtbot.keyClick(search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _dialog("exportDialog") is not None)
    dialog = _dialog("exportDialog")
    assert dialog.what == "weekly"
    assert search.cursorPosition() == 0  # the field did not take Ctrl+E for itself
    dialog.reject()


@pytest.mark.parametrize(
    ("key", "dialog_name"),
    [(Qt.Key.Key_N, "visitDialog"), (Qt.Key.Key_I, None)],
)
def test_window_shortcuts_work_from_the_search_box(
    qtbot, window, key, dialog_name, monkeypatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(window, "import_file", lambda path=None: opened.append("import"))
    # The action's slot was bound at build time: trigger through the action as a key does.
    action = window.findChild(QAction, "actionImport")
    action.triggered.disconnect()
    action.triggered.connect(lambda _checked=False: window.import_file())
    search = window.visit_log.search_edit
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClick(search, key, Qt.KeyboardModifier.ControlModifier)
    if dialog_name:
        qtbot.waitUntil(lambda: _dialog(dialog_name) is not None)
        _dialog(dialog_name).reject()
    else:
        assert opened == ["import"]


def test_text_editing_keys_stay_with_the_field(qtbot, window: MainWindow) -> None:
    search = window.visit_log.search_edit
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "abc")
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == ""  # the field's own undo, not the window's
    qtbot.keyClicks(search, "hw")
    qtbot.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert search.selectedText() == "hw"


def test_saving_a_visit_says_so_and_selects_it(qtbot, window: MainWindow, demo: Database) -> None:
    oldest = _visit_ids(demo)[0]  # the log shows the newest first: not on its first page
    window.visit_log.table.selectRow(0)
    dialog = window.edit_visit(oldest)
    assert dialog is not None
    dialog.form.summary.setPlainText("补充：对方同意下周来访。")
    before = db_digest(demo)
    dialog.save()
    assert db_digest(demo) != before
    assert window.pages.currentIndex() == Page.VISITS
    assert window.visit_log.current_visit_id() == oldest
    assert window.statusBar().currentMessage() == "Visit saved."


def test_a_saved_visit_the_filter_hides_is_said_to_be_hidden(
    qtbot, window: MainWindow, demo
) -> None:
    visit_id = _visit_ids(demo)[-1]
    window.visit_log.search_edit.setText("没有这样的单位")
    window.visit_log.apply_filter()
    dialog = window.edit_visit(visit_id)
    dialog.form.summary.setPlainText("改过的洽谈内容")
    dialog.save()
    assert "hide" in window.statusBar().currentMessage()
    assert window.visit_log.current_visit_id() is None


def test_the_user_guide_opens_with_f1(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: _dialog("guideDialog") is not None)
    browser = _dialog("guideDialog").findChild(QTextBrowser, "guideBrowser")
    text = browser.toPlainText()
    for part in ("First start", "Logging a visit", "Importing", "weekly return", "Sync", "Backups"):
        assert part in text
    _dialog("guideDialog").reject()


def test_the_chinese_guide_covers_a_day_of_work() -> None:
    text = guide_text("zh_CN")
    for part in ("第一次打开", "记录一次走访", "导入", "周报", "同步", "备份", "快捷键"):
        assert part in text
    assert guide_text("fr") == text  # a language without a guide gets the Chinese one


def test_the_shortcut_list_names_every_shortcut_of_the_window(qtbot, window: MainWindow) -> None:
    window.show_shortcuts()
    qtbot.waitUntil(lambda: _dialog("shortcutsDialog") is not None)
    table = _dialog("shortcutsDialog").findChild(QTableWidget, "shortcutsTable")
    listed = {table.item(row, 1).text() for row in range(table.rowCount())}
    native = QKeySequence.SequenceFormat.NativeText
    for action in window.findChildren(QAction):
        if action.parent() is window and action.shortcuts():
            keys = " / ".join(k.toString(native) for k in action.shortcuts())
            assert keys in listed, action.objectName()
    for keys in ("Ctrl+E", "Ctrl+N", "Ctrl+I", "F1", "Ctrl+Shift+S", "Ctrl+H", "Esc"):
        assert any(keys in text for text in listed), keys
    _dialog("shortcutsDialog").reject()


def test_saving_an_organization_says_so_and_keeps_it_selected(qtbot, window: MainWindow) -> None:

    window.show_page(Page.ORGS)
    view = window.orgs_view
    view.select_row(3)
    org_id = view.selected_id()
    dialog = view.edit_org()
    dialog.phone_edit.setText("0755-12345678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.statusBar().currentMessage() == "Organization saved."
    assert view.selected_id() == org_id
