"""The window's first paint: the visit log's first page painted before the database layer is
imported, then the main window in its place showing the same rows; databases the early page does
not apply to (encrypted, older, bureau, server) open the normal way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldlog import app
from fieldlog.ui import first_paint
from tests.conftest import plain_copy, sqlite_only

ROOT = Path(__file__).resolve().parents[2]

#: Starts main() over a file as main.py does, and says what was imported when the first page
#: was painted, which rows it showed, and which rows the main window then shows.
PROBE = r"""
import json, sys
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QTableView
from fieldlog import app

QCoreApplication.setApplicationName(app.APP_NAME)
QCoreApplication.setOrganizationName(app.APP_NAME)
qt = QApplication([app.APP_NAME])
seen = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        table = watched.parent()
        if (not seen and event.type() == QEvent.Type.Paint and isinstance(table, QTableView)
                and table.viewport() is watched):
            seen["table"] = table.objectName()
            heavy = ("sqlalchemy", "fieldlog.services", "fieldlog.store.models")
            seen["modules"] = sorted(m for m in sys.modules if m.startswith(heavy))
            seen["rows"] = [str(row.id) for row in getattr(table.model(), "rows", [])]
            seen["title"] = table.window().windowTitle()
        return False

watch = Watch()
qt.installEventFilter(watch)
code = app.main(["--db", sys.argv[1], "--lang", "en"])
window = app.last_window()
model = window.visit_log.model
seen["window"] = [str(model.row_snapshot(n).id) for n in range(model.rowCount())]
seen["window_title"] = window.windowTitle()
seen["code"] = code
seen["window_modules"] = sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy")
seen["first_paint_left"] = [w.objectName() for w in QApplication.topLevelWidgets()
                            if w.objectName() == "firstPaint" and w.isVisible()]
print(json.dumps(seen))
window.close()
window.db.close()
"""


def start(path: Path, home: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[variable] = str(home / variable.lower())
    env.pop("FIELDLOG_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@sqlite_only("the first page is read from an SQLite file")
def test_the_first_page_is_painted_before_the_database_layer_loads(
    demo_database_file: Path, tmp_path: Path
) -> None:
    path = plain_copy(demo_database_file, tmp_path / "demo.db")
    seen = start(path, tmp_path)
    assert seen["code"] == 0
    assert seen["table"] == "firstPageTable" and seen["modules"] == []
    assert seen["title"] == seen["window_title"] == f"FieldLog — {path}"
    assert len(seen["rows"]) == 200 and seen["window"][:200] == seen["rows"]
    assert seen["first_paint_left"] == []  # the main window took its place


@sqlite_only("a bureau's SQLite file")
def test_a_bureau_database_opens_the_normal_way(demo_database_file: Path, tmp_path: Path) -> None:
    import sqlite3

    path = plain_copy(demo_database_file, tmp_path / "demo.db")
    connection = sqlite3.connect(path)
    with connection:  # a bureau's database: its own window, no early page
        connection.execute(
            "INSERT INTO local_state (key, value) VALUES ('bureau_name', '铜仁市投资促进局')"
        )
    connection.close()
    seen = start(path, tmp_path)
    assert seen["code"] == 0 and seen.get("table") != "firstPageTable"
    assert "sqlalchemy" in seen["window_modules"]


def test_a_server_gets_no_early_page() -> None:
    assert first_paint.show_first_page("postgresql+psycopg://u@127.0.0.1:1/none") is None


@pytest.fixture
def opened(qtbot):
    yield
    window = app.last_window()
    if window is not None:
        window.close()
        window.db.close()


@sqlite_only("the first page is read from an SQLite file")
def test_in_process_the_first_page_gives_way_to_the_window(
    qtbot, demo_database_file: Path, tmp_path: Path, opened, modal_boxes
) -> None:
    path = plain_copy(demo_database_file, tmp_path / "demo.db")
    shown = first_paint.show_first_page(str(path))
    assert shown is not None and shown.isVisible()
    assert shown.model.rowCount() == 200
    assert shown.table.model().index(0, 1).data()  # the organization of the newest visit
    shown.close()
    assert app.main(["--db", str(path), "--lang", "en"]) == 0
    window = app.last_window()
    assert window is not None and window.isVisible()
    from PySide6.QtWidgets import QApplication

    left = [w for w in QApplication.topLevelWidgets() if w.objectName() == "firstPaint"]
    assert not any(w.isVisible() for w in left)
    assert modal_boxes == []
