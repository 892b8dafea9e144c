"""The hostile-input corpus through the window's entry points: the import dialog given a path,
and Receive with the file dialog answering the path. One message each; the digest unchanged."""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.import_dialog import ImportDialog
from fieldlog.ui.main_window import MainWindow
from tests.test_hostile_inputs import (  # noqa: F401
    FATAL,
    REJECTED,
    corpus,
    target,
)

WORKBOOKS = sorted(name for name in FATAL if name.startswith("workbook-"))
PACKAGES = sorted(name for name in FATAL if name.startswith("package-"))


@pytest.fixture
def copy_db(target: Path, tmp_path: Path) -> Iterator[Database]:
    """This test's own copy of the corpus target database (same data, same passphrase)."""
    path = tmp_path / "laptop.db"
    shutil.copy(target, path)
    db = open_workspace(str(path))
    yield db
    db.close()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of every message box shown (none blocks)."""
    shown: list[str] = []

    def fake(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, fake)
    return shown


@pytest.mark.parametrize("name", WORKBOOKS)
def test_an_unreadable_workbook_is_one_message_in_the_dialog(
    qtbot, copy_db: Database, corpus: dict[str, Path], boxes: list[str], name: str
) -> None:
    before = digest(copy_db)
    dialog = ImportDialog(copy_db, corpus[name])
    qtbot.addWidget(dialog)
    dialog.show()
    message = dialog.error_label.text()
    assert dialog.error_label.isVisible() and FATAL[name] in message and "\n" not in message
    assert not dialog.run_button.isEnabled() and dialog.preview is None
    dialog.run_import()  # nothing to import: does nothing
    assert boxes == [] and dialog.report is None
    assert digest(copy_db) == before


@pytest.mark.parametrize(("what", "name"), sorted(REJECTED))
def test_hostile_rows_are_rejected_in_the_report(
    qtbot,
    copy_db: Database,
    corpus: dict[str, Path],
    boxes: list[str],
    what: str,
    name: str,
) -> None:
    before = digest(copy_db)
    dialog = ImportDialog(copy_db, corpus[name], kind=what)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.preview is not None, dialog.error_label.text()
    dialog.run_import()
    assert dialog.report is not None and boxes == []
    expected = REJECTED[(what, name)]
    found = {row.row: str(row.reason) for row in dialog.report.rejected}
    assert found.keys() == expected.keys()
    assert all(expected[row] in found[row] for row in found), found
    assert (dialog.report.created, dialog.report.updated, dialog.report.unchanged) == (0, 0, 0)
    assert digest(copy_db) == before


@pytest.mark.parametrize("name", PACKAGES)
def test_a_hostile_package_is_one_message_from_receive(
    qtbot,
    copy_db: Database,
    corpus: dict[str, Path],
    boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    before = digest(copy_db)
    answer = ([str(corpus[name])], "")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: answer)
    window = MainWindow(copy_db)
    qtbot.addWidget(window)
    window.show()
    window.sync_flow.receive()
    assert len(boxes) == 1, boxes
    assert FATAL[name] in boxes[0] and "unchanged" in boxes[0]
    assert digest(copy_db) == before
