"""Help ▸ About FieldLog: the version, where the database is and the per-user data folder, in
English and in Chinese."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFormLayout, QLabel
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from fieldlog import __version__, app
from fieldlog.store.database import Database
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.window_dialogs import AboutDialog
from tests.conftest import open_copy


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user data folder under a name with Chinese characters and a space."""
    home = tmp_path / "用户 数据"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture
def demo(tmp_path: Path, demo_database_file: Path) -> Iterator[Database]:
    folder = tmp_path / "走访 日志"
    folder.mkdir()
    database = open_copy(demo_database_file, folder)
    yield database
    database.close()


@pytest.fixture
def chinese_window(qapp) -> Iterator[None]:
    """Qt's and FieldLog's Chinese translators for one test; English again afterwards."""
    loaded = app.install_translators(qapp, "zh_CN")
    assert any(Path(f).name == "fieldlog_zh_CN.qm" for f in loaded), loaded
    yield
    app.install_translators(qapp, "en")


def _open_about(qtbot, db: Database, language: str = "en") -> AboutDialog:
    window = MainWindow(db, language=language)
    qtbot.addWidget(window)
    window.show()
    window.findChild(QAction, "aboutAction").trigger()
    qtbot.waitUntil(lambda: window.findChild(AboutDialog, "aboutDialog") is not None)
    dialog = window.findChild(AboutDialog, "aboutDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _value(dialog: AboutDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def _row_labels(dialog: AboutDialog) -> list[str]:
    form = dialog.findChild(QFormLayout)
    return [
        form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
        for row in range(form.rowCount())
    ]


def test_about_shows_the_version_the_database_and_the_data_folder(
    qtbot, demo: Database, data_home: Path
) -> None:
    dialog = _open_about(qtbot, demo)
    assert dialog.windowTitle() == "About FieldLog"
    assert _row_labels(dialog) == ["Version:", "Database:", "Data folder:"]
    assert _value(dialog, "aboutVersion") == __version__
    # The full path of the file, folder names with Chinese characters and spaces as they are.
    assert _value(dialog, "aboutDatabase") == str(demo.path)
    assert Path(_value(dialog, "aboutDatabase")).is_file()
    shown = Path(_value(dialog, "aboutDataFolder"))
    assert shown == Path(platformdirs.user_data_dir("FieldLog", appauthor=False))
    if sys.platform.startswith("linux"):  # platformdirs follows XDG_DATA_HOME there
        assert shown == data_home / "FieldLog"


def test_about_names_a_server_database_without_its_password(qtbot) -> None:
    url = "postgresql+psycopg://cadre:s3cret-word@db.example.org:5432/fieldlog"
    engine = create_engine(url)  # never connects: the box only says where the database is
    db = Database(location=url, engine=engine, sessions=sessionmaker(engine), node_id="about")
    try:
        dialog = AboutDialog(db)
        qtbot.addWidget(dialog)
        shown = _value(dialog, "aboutDatabase")
    finally:
        engine.dispose()
    assert shown == "postgresql+psycopg://cadre:***@db.example.org:5432/fieldlog"
    assert "s3cret" not in shown


def test_about_in_chinese(qtbot, demo: Database, data_home: Path, chinese_window) -> None:
    dialog = _open_about(qtbot, demo, language="zh_CN")
    assert dialog.windowTitle() == "关于 FieldLog"
    assert _row_labels(dialog) == ["版本：", "数据库：", "数据文件夹："]
    heading = _value(dialog, "aboutHeading")
    assert f"FieldLog {__version__} 驻点招商走访日志" in heading
    assert _value(dialog, "aboutVersion") == __version__
    assert _value(dialog, "aboutDatabase") == str(demo.path)
