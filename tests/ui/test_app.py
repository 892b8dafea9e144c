"""fieldlog.app.main: options, refusing what is not a FieldLog database, opening the window."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldlog import app


@pytest.fixture
def opened(qtbot) -> Iterator[None]:
    """Closes whatever window main() opened, and its database."""
    yield
    window = app.last_window()
    if window is not None:
        window.close()
        window.db.close()


def test_a_text_file_gets_the_recovery_screen_and_is_left_untouched(
    qapp, tmp_path: Path, modal_boxes: list[QMessageBox]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n牛奶\n", encoding="utf-8")
    before = path.read_bytes()
    try:
        assert app.main(["--db", str(path), "--lang", "en"]) == 1
        recovery = app.last_recovery()
        assert recovery is not None and recovery.isVisible()
        assert recovery.objectName() == "recoveryWindow"
        assert "not a FieldLog database" in recovery.detail.text()
        assert modal_boxes == []
    finally:
        app._close_recovery()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_server_that_does_not_answer_is_one_message(qapp, modal_boxes: list[QMessageBox]) -> None:
    assert app.main(["--db", "postgresql://u:secret@localhost:1/nodb", "--lang", "en"]) == 1
    assert [box.objectName() for box in modal_boxes] == ["openErrorBox"]
    assert modal_boxes[0].icon() == QMessageBox.Icon.Critical
    assert "secret" not in modal_boxes[0].text() + modal_boxes[0].informativeText()
    assert app.last_recovery() is None


def test_a_fresh_path_is_created_when_the_user_says_yes(
    qapp, tmp_path: Path, opened, yes_boxes
) -> None:
    path = tmp_path / "new.db"
    assert app.main(["--db", str(path), "--lang", "en"]) == 0
    window = app.last_window()
    assert window is not None and window.isVisible()
    assert window.objectName() == "MainWindow"
    assert str(path) in window.windowTitle()
    assert window.centralWidget().objectName() == "welcomePanel"
    assert path.exists()
    assert [box.objectName() for box in yes_boxes] == ["createDatabaseBox"]
    assert str(path) in yes_boxes[0].text()


def test_a_typo_in_db_creates_nothing_when_the_user_says_no(
    qapp, tmp_path: Path, modal_boxes
) -> None:
    path = tmp_path / "typo" / "b.db"
    assert app.main(["--db", str(path), "--lang", "en"]) == 1
    assert [box.objectName() for box in modal_boxes] == ["createDatabaseBox"]
    assert modal_boxes[0].defaultButton() is modal_boxes[0].button(QMessageBox.StandardButton.No)
    assert app.last_recovery() is None
    assert list(tmp_path.iterdir()) == []


def test_an_existing_database_opens_without_a_question(
    qapp, tmp_path: Path, opened, modal_boxes
) -> None:
    from fieldlog.services.admin.workspace import open_workspace

    path = tmp_path / "there.db"
    open_workspace(str(path)).close()
    assert app.main(["--db", str(path), "--lang", "en"]) == 0
    assert modal_boxes == []


def test_the_first_start_without_db_creates_the_default_silently(
    qapp, tmp_path: Path, opened, modal_boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldlog.store import location

    default = tmp_path / "data" / "FieldLog" / "fieldlog.db"
    monkeypatch.setattr(location, "default_db_path", lambda: default)
    monkeypatch.setattr(app, "_last_database", lambda: None)
    assert app.main(["--lang", "en"]) == 0
    assert modal_boxes == []
    assert default.is_file()


def test_the_gui_word_and_the_environment_are_accepted(
    qapp, tmp_path: Path, monkeypatch, opened, yes_boxes
) -> None:
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("FIELDLOG_DB", str(path))
    assert app.main(["gui", "--lang", "en"]) == 0
    assert str(path) in app.last_window().windowTitle()


def test_db_option_beats_the_environment(
    qapp, tmp_path: Path, monkeypatch, opened, yes_boxes
) -> None:
    monkeypatch.setenv("FIELDLOG_DB", str(tmp_path / "env.db"))
    assert app.main(["--db", str(tmp_path / "option.db"), "--lang", "en"]) == 0
    assert str(tmp_path / "option.db") in app.last_window().windowTitle()
    assert not (tmp_path / "env.db").exists()


def test_bad_usage_returns_2(qapp, capsys) -> None:
    assert app.main(["--lang", "fr"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_chinese_loads_qt_own_translations(qapp) -> None:
    try:
        loaded = app.install_translators(qapp, "zh_CN")
        assert any("qtbase_zh_CN" in name for name in loaded)
    finally:
        assert app.install_translators(qapp, "en") == []


def test_importing_the_app_module_does_not_import_qt() -> None:
    code = (
        "import sys, fieldlog.app; "
        "print(sorted(m for m in ('PySide6', 'sqlalchemy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_language_menu_rebuilds_the_window_in_chinese(
    qapp, tmp_path: Path, opened, yes_boxes
) -> None:
    from PySide6.QtGui import QAction

    assert app.main(["--db", str(tmp_path / "lang.db"), "--lang", "en"]) == 0
    english = app.last_window()
    assert english is not None
    english.findChild(QAction, "actionLanguage_zh_CN").trigger()
    chinese = app.last_window()
    try:
        assert chinese is not None and chinese is not english and chinese.isVisible()
        assert chinese.db is english.db and not english.isVisible()
        assert chinese.menuBar().actions()[0].text() == "文件(&F)"
        assert chinese.findChild(QAction, "actionLanguage_zh_CN").isChecked()
    finally:
        app.install_translators(qapp, "en")


def test_without_db_the_last_database_is_reopened(
    qapp, tmp_path: Path, opened, yes_boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FIELDLOG_DB", raising=False)
    first = tmp_path / "last.db"
    assert app.main(["--db", str(first), "--lang", "en"]) == 0
    window = app.last_window()
    assert window is not None
    window.close()
    window.db.close()
    assert app.main(["--lang", "en"]) == 0
    again = app.last_window()
    assert again is not None and again.db.path == first.resolve()


def test_the_application_icon_comes_in_every_shipped_size(qapp) -> None:
    sizes = {size.width() for size in app.app_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes


def test_a_url_that_does_not_parse_is_told_without_its_password(
    qapp, modal_boxes: list[QMessageBox]
) -> None:
    assert app.main(["--db", "postgresql://u:s3cret pw@host:x/db", "--lang", "en"]) == 1
    assert [box.objectName() for box in modal_boxes] == ["openErrorBox"]
    told = modal_boxes[0].text() + modal_boxes[0].informativeText()
    assert "cannot open the database (an address FieldLog cannot read)." in told
    assert "s3cret" not in told
