"""The recovery screen recognises a file of a newer FieldLog by the problem as the user reads it,
in Chinese too (the core's messages are rendered in the user's language)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldlog.domain import messages
from fieldlog.domain.messages import use_language
from fieldlog.store.database import DatabaseError, open_database
from fieldlog.ui.recovery_window import RecoveryWindow


def test_a_newer_file_told_in_chinese_asks_for_an_update(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(str(path)).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff99999999'")
    con.commit()
    con.close()
    try:
        use_language("zh_CN")
        with pytest.raises(DatabaseError) as caught:
            open_database(str(path))
        problem = str(caught.value)
    finally:
        messages._current.clear()
    assert "更新版本的 FieldLog" in problem
    recovery = RecoveryWindow(path, problem)
    qtbot.addWidget(recovery)
    assert "newer version of FieldLog" in recovery.summary.text()
    assert recovery.detail.text() == problem
