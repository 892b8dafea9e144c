"""Fixtures shared by the window tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldlog.store.database import Database
from tests.conftest import open_copy
from tests.field_dump import db_digest, field_diff, field_dump, history_count
from tests.lock_guard import LockGuard, lock_guard

__all__ = ["lock_guard", "open_copy"]


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


@pytest.fixture
def yes_boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Like `modal_boxes`, but every box is answered Yes (create the database asked about)."""
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Yes.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture(autouse=True)
def _projects_page_starts_as_a_board(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Projects page remembers Board or List for the session: each test starts afresh."""
    from fieldlog.ui.views import pipeline_board

    monkeypatch.setattr(pipeline_board, "_session_mode", pipeline_board.BOARD)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    """A copy of the demo for the whole module (a module that prepares it in a way of its own
    defines its own `demo`)."""
    from tests.ui.edit_driver import copy_demo

    database = copy_demo(demo_database_file, tmp_path_factory.mktemp("demo"))
    yield database
    database.close()


@pytest.fixture
def unchanged(demo: Database) -> Iterator[None]:
    """The test must leave every field of its module's `demo`, the digest and the change history
    as they were (the saved-unchanged tests)."""
    before, digest, history = field_dump(demo), db_digest(demo), history_count(demo)
    yield
    assert field_diff(before, field_dump(demo)) == {}
    assert db_digest(demo) == digest
    assert history_count(demo) == history
