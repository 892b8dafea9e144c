"""The import dialog over real workbooks and a real database: preview, mapping, report, drops."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QProgressDialog, QWidget

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.orgs import org_search
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.dialogs.import_dialog import ImportDialog
from fieldlog.ui.file_drop import excel_paths, install_xlsx_drop
from tests.excel.messy import build_fieldlog_export, build_org_list, build_table, build_visit_log
from tests.excel.test_reader import fatal_files

CODE = "91350100M000100Y43"


def dialog_for(qtbot, db: Database, path: Path, **kwargs: object) -> ImportDialog:
    dialog = ImportDialog(db, path, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def combo(dialog: ImportDialog, column: int) -> QComboBox:
    found = dialog.findChild(QComboBox, f"mappingCombo_{column}")
    assert found is not None
    return found


def test_the_preview_shows_the_detected_sheet_kind_and_mapping(qtbot, db, tmp_path) -> None:
    org_list = build_org_list(tmp_path / "目标企业.xlsx")
    dialog = dialog_for(qtbot, db, org_list.path)
    assert dialog.objectName() == "importDialog"
    assert dialog.kind == "orgs"
    assert dialog.sheet_combo.currentText() == "目标企业名录"
    assert [dialog.sheet_combo.itemText(i) for i in range(2)] == ["填表说明", "目标企业名录"]
    assert "4" in dialog.header_label.text()
    assert combo(dialog, 0).currentData() is None  # 序号
    assert combo(dialog, 1).currentData() == "name"
    assert combo(dialog, 2).currentData() == "credit_code"
    assert combo(dialog, 12).currentData() == "contact_phone"
    assert dialog.mapping_table.item(1, 1).text() == "深圳市华达科技有限公司"
    assert dialog.run_button.isEnabled() and not dialog.error_label.isVisible()


def test_a_visit_log_is_recognized_as_visits(qtbot, db, tmp_path) -> None:
    log = build_visit_log(tmp_path / "走访.xlsx", visits_count=5)
    dialog = dialog_for(qtbot, db, log.path)
    assert dialog.kind == "visits"
    assert combo(dialog, 1).currentData() == "date"
    assert combo(dialog, 2).currentData() == "org"


def test_changing_the_kind_or_the_sheet_detects_again(qtbot, db, tmp_path) -> None:
    export = build_fieldlog_export(tmp_path / "export.xlsx")
    dialog = dialog_for(qtbot, db, export.path, kind="orgs")
    assert dialog.sheet_combo.currentText() == "目标企业库"
    dialog.kind_combo.setCurrentIndex(1)
    assert dialog.preview is not None and dialog.preview.sheet == "走访明细"
    assert combo(dialog, 1).currentData() == "date"
    org_list = build_org_list(tmp_path / "目标企业.xlsx")
    dialog.set_path(org_list.path)
    dialog.sheet_combo.setCurrentIndex(0)
    dialog.sheet_combo.activated.emit(0)
    assert "no header row" in dialog.error_label.text()
    assert not dialog.run_button.isEnabled()
    dialog.sheet_combo.setCurrentIndex(1)
    dialog.sheet_combo.activated.emit(1)
    assert dialog.run_button.isEnabled() and dialog.error_label.isHidden()


def test_the_chosen_mapping_is_what_gets_imported(qtbot, db, tmp_path) -> None:
    path = build_table(
        tmp_path / "odd.xlsx", ["名称", "地区", "客户编码"], [["甲公司", "南山", CODE]]
    )
    dialog = dialog_for(qtbot, db, path)
    assert [combo(dialog, c).currentData() for c in range(3)] == ["name", "region", None]
    combo(dialog, 2).setCurrentIndex(combo(dialog, 2).findData("credit_code"))
    combo(dialog, 1).setCurrentIndex(0)  # — ignore —
    assert dialog.mapping_table.override()["credit_code"] == 2
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    [hit] = org_search.search_orgs(db, "甲公司")
    assert (hit.credit_code, hit.region) == (CODE, "")


def test_a_field_is_read_from_one_column_and_the_name_is_required(qtbot, db, tmp_path) -> None:
    path = build_table(tmp_path / "t.xlsx", ["名称", "地区", "地址"], [["甲公司", "南山", "1号"]])
    dialog = dialog_for(qtbot, db, path)
    combo(dialog, 2).setCurrentIndex(combo(dialog, 2).findData("region"))
    assert combo(dialog, 1).currentData() is None
    combo(dialog, 0).setCurrentIndex(0)
    assert not dialog.run_button.isEnabled()
    assert "名称" in dialog.error_label.text()
    combo(dialog, 0).setCurrentIndex(combo(dialog, 0).findData("name"))
    assert dialog.run_button.isEnabled() and dialog.error_label.isHidden()


def test_an_import_shows_the_exact_totals_and_rejected_rows_first(
    qtbot, qtmodeltester, db, tmp_path
) -> None:
    org_list = build_org_list(tmp_path / "目标企业.xlsx")
    org_list.seed(db)
    dialog = dialog_for(qtbot, db, org_list.path)
    with qtbot.waitSignal(operations.changes().changes_applied, timeout=60_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    expected = org_list.expected
    view = dialog.report_view
    assert dialog.stack.currentWidget() is view and view.isVisible()
    for outcome in ("created", "updated", "unchanged"):
        assert view.count_labels[outcome].text() == str(expected[outcome])
    assert view.count_labels["rejected"].text() == str(len(expected["rejected"]))
    model = view.model
    qtmodeltester.check(model)
    rejected = [model.row_outcome(i) for i in range(len(expected["rejected"]))]
    assert [{"row": r.row, "reason": r.reason_text()} for r in rejected] == expected["rejected"]
    assert model.data(model.index(0, 1)) == "Rejected"
    assert model.data(model.index(0, 3)) == expected["rejected"][0]["reason"]
    assert model.rowCount() == len(org_list.outcomes)
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"Created: {expected['created']}" in copied
    assert expected["rejected"][0]["reason"] in copied


def test_a_text_file_named_xlsx_shows_the_error_and_imports_nothing(qtbot, db, tmp_path) -> None:
    path, message = fatal_files(tmp_path)["text"]
    before = digest(db)
    dialog = dialog_for(qtbot, db, path)
    assert message in dialog.error_label.text() and dialog.error_label.isVisible()
    assert "Traceback" not in dialog.error_label.text()
    assert not dialog.run_button.isEnabled()
    dialog.run_import()
    assert dialog.report is None
    assert digest(db) == before


def test_a_dry_run_changes_nothing_and_says_so(qtbot, db, tmp_path) -> None:
    log = build_visit_log(tmp_path / "走访.xlsx", visits_count=6)
    log.seed(db)
    before = digest(db)
    announced: list[object] = []
    operations.changes().changes_applied.connect(announced.append)
    dialog = dialog_for(qtbot, db, log.path)
    dialog.dry_run_check.setChecked(True)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    operations.changes().changes_applied.disconnect(announced.append)
    assert dialog.report is not None and dialog.report.as_dict() == log.expected
    assert "nothing was stored" in dialog.report_view.summary_label.text()
    assert digest(db) == before and announced == []
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.run_button.isEnabled() and dialog.run_button.isVisible()


def test_the_keyboard_reaches_every_chooser_and_enter_imports(qtbot, db, tmp_path) -> None:
    path = build_table(tmp_path / "t.xlsx", ["名称", "地区", "地址"], [["甲公司", "南山", "1号"]])
    dialog = dialog_for(qtbot, db, path)
    dialog.activateWindow()
    combo(dialog, 0).setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo(dialog, 0))
    visited = [combo(dialog, 0).objectName()]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget().objectName())
    assert visited == ["mappingCombo_0", "mappingCombo_1", "mappingCombo_2", "dryRunCheck"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.report is not None and dialog.report.created == 1
    assert dialog.report_view.dry_run


def test_choosing_a_file_uses_the_file_dialog(qtbot, db, tmp_path, monkeypatch) -> None:
    path = build_table(tmp_path / "one.xlsx", ["名称", "地址"], [["甲公司", "深圳"]])
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), "")
    )
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    assert not dialog.run_button.isEnabled()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text() == str(path) and dialog.run_button.isEnabled()


# --- dropping files on the window ------------------------------------------------------------


def drop(widget: QWidget, *paths: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(5, 5), action, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    event = QDropEvent(QPointF(5, 5), action, mime, buttons, mods)
    if enter.isAccepted():
        QApplication.sendEvent(widget, event)
    return event


@pytest.fixture
def window(qtbot, db) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    install_xlsx_drop(widget, db)
    widget.show()
    return widget


def test_dropping_an_xlsx_opens_the_import_dialog(qtbot, window, tmp_path) -> None:
    path = build_table(tmp_path / "one.xlsx", ["名称", "地址"], [["甲公司", "深圳"]])
    event = drop(window, path)
    assert event.isAccepted()
    [dialog] = window.findChildren(ImportDialog)
    assert dialog.isVisible() and dialog.path == path and dialog.run_button.isEnabled()
    dialog.close()


def test_an_xls_drop_says_to_save_it_as_xlsx_and_other_files_are_ignored(
    qtbot, window, tmp_path
) -> None:
    xls, message = fatal_files(tmp_path)["xls"]
    note = tmp_path / "notes.txt"
    note.write_text("x", encoding="utf-8")
    assert excel_paths(None) == []
    assert not drop(window, note).isAccepted()
    assert window.findChildren(ImportDialog) == []
    drop(window, xls, note)
    [dialog] = window.findChildren(ImportDialog)
    assert "save it as .xlsx" in dialog.error_label.text() and message in dialog.error_label.text()
    assert not dialog.run_button.isEnabled()


def test_the_database_itself_is_not_read_as_a_sheet(qtbot, db: Database, tmp_path: Path) -> None:
    """Dropped or chosen, a database named like a workbook is refused without being opened (the
    lock guard fails the test otherwise)."""
    from fieldlog.services.admin.maintenance import digest
    from fieldlog.services.admin.workspace import open_workspace

    assert db.path is not None
    named = tmp_path / "名录.xlsx"
    db.close()
    db.path.rename(named)
    opened = open_workspace(str(named))
    try:
        before = digest(opened)
        dialog = dialog_for(qtbot, opened, named)
        assert f"{named} is the database itself" in dialog.error_label.text()
        assert dialog.preview is None and not dialog.run_button.isEnabled()
        assert digest(opened) == before
    finally:
        opened.close()


def _progress_dialog(dialog: ImportDialog) -> QProgressDialog:
    found = dialog.findChild(QProgressDialog, "importProgressDialog")
    assert found is not None
    return found


def test_the_import_shows_how_far_it_is_and_closes_its_progress(qtbot, db, tmp_path) -> None:
    log = build_visit_log(tmp_path / "走访.xlsx", visits_count=30)
    log.seed(db)
    dialog = dialog_for(qtbot, db, log.path)
    seen: list[tuple[int, int, str]] = []

    def look() -> None:
        progress = _progress_dialog(dialog)
        seen.append((progress.value(), progress.maximum(), progress.labelText()))

    watch = QTimer(interval=0)
    watch.timeout.connect(look)
    watch.start()
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    watch.stop()
    assert dialog.report is not None and dialog.report.as_dict() == log.expected
    total = len(log.outcomes)
    assert seen[0][2] == "Importing 走访.xlsx…"
    assert (total, total, f"Importing 走访.xlsx…\nStored {total} of {total} rows.") in seen
    qtbot.waitUntil(lambda: dialog.findChild(QProgressDialog, "importProgressDialog") is None)


def test_cancelling_the_import_stores_nothing(qtbot, db, tmp_path) -> None:
    log = build_visit_log(tmp_path / "走访.xlsx", visits_count=30)
    log.seed(db)
    before = digest(db)
    backups = set((tmp_path).rglob("*before-import*"))
    announced: list[object] = []
    operations.changes().changes_applied.connect(announced.append)
    dialog = dialog_for(qtbot, db, log.path)
    QTimer.singleShot(0, lambda: _progress_dialog(dialog).cancel())
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    operations.changes().changes_applied.disconnect(announced.append)
    assert dialog.report is None and dialog.stack.currentIndex() == 0
    assert dialog.error_label.text() == "the import was cancelled; nothing was stored"
    assert dialog.error_label.isVisible() and dialog.run_button.isEnabled()
    assert digest(db) == before and announced == []
    assert set((tmp_path).rglob("*before-import*")) == backups  # its backup is removed too
    QTimer.singleShot(0, lambda: None)  # an import afterwards runs to its end
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None and dialog.report.as_dict() == log.expected
