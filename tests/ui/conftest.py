"""Fixtures shared by the window tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldlog.store.database import Database


@pytest.fixture
def modal_boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Message boxes the code under test runs modally; recorded and closed at once."""
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Close.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture(scope="session")
def demo_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo dispatch, loaded once per session (it takes seconds): tests copy the file."""
    from fieldlog.services.demo import load_demo
    from fieldlog.services.workspace import open_workspace

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_workspace(str(path))
    load_demo(database)
    database.close()
    return path


def open_copy(source: Path, folder: Path) -> Database:
    """A copy of a prepared database file, opened (a copy takes a node id of its own)."""
    from fieldlog.services.workspace import open_workspace

    path = folder / source.name
    shutil.copyfile(source, path)
    return open_workspace(str(path))
