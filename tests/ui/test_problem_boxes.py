"""What the window says when nobody's input is at fault: FieldLog's resources are missing (a
broken installation), or a defect reached Qt's event loop uncaught (logged, told once)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldlog import app, diagnostics
from fieldlog.ui import problem_boxes


def test_missing_resources_are_one_box_and_no_database_is_made(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, modal_boxes: list[QMessageBox], capsys
) -> None:
    def missing() -> Path:
        raise FileNotFoundError("FieldLog's resources folder is missing; reinstall FieldLog")

    monkeypatch.setattr(app, "resources_dir", missing)
    assert app.main(["--db", str(tmp_path / "走访 日志.db"), "--lang", "en"]) == 1

    assert [box.objectName() for box in modal_boxes] == ["resourcesMissingBox"]
    assert modal_boxes[0].text() == "FieldLog's resources folder is missing; reinstall FieldLog"
    assert capsys.readouterr().err == (
        "fieldlog: error: FieldLog's resources folder is missing; reinstall FieldLog\n"
    )
    assert list(tmp_path.iterdir()) == []
    assert app.last_window() is None or not app.last_window().isVisible()


def _defect_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "defectBox" and w.isVisible()
    ]


def test_a_defect_is_told_in_one_box_that_names_the_log_file(qtbot, tmp_path: Path) -> None:
    log = diagnostics.configure(tmp_path)
    where = diagnostics.log_file()
    assert where is not None and (log is None or log == where)

    problem_boxes.tell_defect(None)
    problem_boxes.tell_defect(None)  # a second defect while the box is open: still one box

    boxes = _defect_boxes()
    try:
        assert len(boxes) == 1
        assert boxes[0].text() == "FieldLog met an unexpected error and could not finish this."
        assert boxes[0].informativeText() == f"The details were written to {where}."
    finally:
        for box in boxes:
            box.close()
    qtbot.waitUntil(lambda: _defect_boxes() == [])
