"""Fixtures shared by the window tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldlog.store.database import Database
from tests.lock_guard import LockGuard, lock_guard

__all__ = ["lock_guard"]


@pytest.fixture(autouse=True)
def _database_locks_kept(lock_guard: LockGuard) -> LockGuard:
    """Every window test fails if Python opens a database file a connection holds."""
    return lock_guard


@pytest.fixture
def modal_boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Message boxes the code under test runs modally; recorded and closed at once."""
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Close.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def open_copy(source: Path, folder: Path) -> Database:
    """A copy of a prepared database file, opened (a copy takes a node id of its own)."""
    from fieldlog.services.workspace import open_workspace

    path = folder / source.name
    shutil.copyfile(source, path)
    return open_workspace(str(path))


@pytest.fixture
def yes_boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Like `modal_boxes`, but every box is answered Yes (create the database asked about)."""
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Yes.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown
