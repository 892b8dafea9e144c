"""The first start of an installed FieldLog: no --db, no FIELDLOG_DB, no database opened before.

The per-user data folder (platformdirs) is pointed at a temporary folder whose path holds
Chinese characters and spaces; the real user folders are never touched.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from fieldlog import app
from fieldlog.store.location import default_db_path


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A per-user data folder of its own (with Chinese and spaces), nothing chosen before:
    no FIELDLOG_DB, no database remembered from an earlier start."""
    home = tmp_path / "用户 数据 (测试)"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))  # what platformdirs reads on Linux
    if sys.platform != "linux":  # Windows and macOS ignore XDG: never their real folders
        monkeypatch.setattr(platformdirs, "user_data_dir", _user_data_dir(home))
    monkeypatch.delenv("FIELDLOG_DB", raising=False)
    settings = QSettings()
    kept = settings.value("lastDatabase")
    settings.remove("lastDatabase")
    yield home
    if kept is not None:
        QSettings().setValue("lastDatabase", kept)


def _user_data_dir(home: Path):
    """platformdirs' answer under `home`, as on Linux."""

    def user_data_dir(appname: str | None = None, *_args: object, **_kwargs: object) -> str:
        return str(home / (appname or ""))

    return user_data_dir


def close(window) -> None:
    window.close()
    window.db.close()
    app._window = None


def test_the_data_folder_is_created_with_the_welcome_screen(
    qapp, data_home: Path, windows, modal_boxes: list[QMessageBox]
) -> None:
    expected = data_home / "FieldLog" / "fieldlog.db"
    assert default_db_path() == expected
    assert not data_home.exists()
    assert app.main(["--lang", "en"]) == 0
    window = app.last_window()
    assert window is not None and window.isVisible()
    assert window.db.path == expected.resolve()
    assert expected.is_file()
    assert window.centralWidget().objectName() == "welcomePanel"
    assert str(expected) in window.windowTitle()
    assert modal_boxes == []  # created silently: no "create a database here?" question


def test_a_second_start_reopens_the_same_file(
    qapp, data_home: Path, windows, modal_boxes: list[QMessageBox]
) -> None:
    assert app.main(["--lang", "en"]) == 0
    first = app.last_window()
    path, node = first.db.path, first.db.node_id
    close(first)
    # Whether or not this start was remembered, the same file opens again, not a new one.
    for remembered in (True, False):
        if not remembered:
            QSettings().remove("lastDatabase")
        assert app.main(["--lang", "en"]) == 0
        again = app.last_window()
        assert again is not first and again.db.path == path
        assert again.db.node_id == node  # a new or copied file would take a node id of its own
        assert again.centralWidget().objectName() == "welcomePanel"
        close(again)
    assert sorted(p.name for p in path.parent.iterdir() if p.suffix == ".db") == ["fieldlog.db"]
    assert modal_boxes == []


def test_the_team_set_up_on_the_first_start_is_there_on_the_next(
    qapp, data_home: Path, windows, modal_boxes: list[QMessageBox]
) -> None:
    from fieldlog.services.team import team

    assert app.main(["--lang", "en"]) == 0
    window = app.last_window()
    team.save_team(window.db, team.TeamInput("铜仁市驻深招商工作队"))
    close(window)
    assert app.main(["--lang", "en"]) == 0
    assert app.last_window().centralWidget().objectName() == "workspace"
