"""File ▸ Export ▸ Work briefing: the generated text, edited as a user types it, saved as .docx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from fieldlog.store.database import Database
from fieldlog.ui.dialogs.brief_dialog import SPANS, BriefDialog
from tests.field_dump import db_digest

SEED = (
    "驻点期间，工作队共走访企业346家、商协会40个，引进项目22个，合同投资额29.14亿元，"
    "到位资金4.389亿元"
)
TYPED = "另据统计，各工作组共收集投资线索三十余条。"


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, object]:
    """Answers the save dialog with `answer` (else tmp_path/<the name proposed>)."""
    asked: dict[str, object] = {"answer": None}

    def fake_save(_parent, _title, proposed, _filter="", *args, **kwargs):
        asked["proposed"] = proposed
        return str(asked["answer"] or tmp_path / Path(proposed).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    return asked


def open_dialog(qtbot, db: Database) -> BriefDialog:
    dialog = BriefDialog(db, today=date(2020, 5, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does: one commit string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_the_dispatch_brief_is_generated_edited_and_saved(qtbot, demo_copy, saved, tmp_path):
    before = db_digest(demo_copy)
    dialog = open_dialog(qtbot, demo_copy)
    assert dialog.objectName() == "brief_dialog"
    assert SPANS[dialog.span_combo.currentIndex()] == "range"  # the team's dispatch
    text_edit = dialog.findChild(QWidget, "brief_text_edit")
    assert text_edit is dialog.text_edit
    assert text_edit.toPlainText().startswith(SEED + "。")
    cursor = text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    text_edit.setTextCursor(cursor)
    text_edit.setFocus()
    type_text(text_edit, TYPED)
    dialog.findChild(QWidget, "brief_save_button").click()
    written = tmp_path / "铜仁市驻深招商工作队工作简报_2020-03-23_2020-04-22.docx"
    assert Path(str(saved["proposed"])).name == written.name
    assert dialog.written == written and str(written) in dialog.result_label.text()
    document = Document(str(written))
    first = document.paragraphs[1].text
    assert first.startswith(SEED + "。") and first.endswith("。" + TYPED), first
    assert len(document.inline_shapes) == 1
    assert db_digest(demo_copy) == before


def test_the_title_and_another_period_are_taken(qtbot, demo_copy, saved, tmp_path):
    dialog = open_dialog(qtbot, demo_copy)
    dialog.span_combo.setCurrentIndex(SPANS.index("week"))
    assert dialog.day_edit.isVisibleTo(dialog) and not dialog.from_edit.isVisibleTo(dialog)
    dialog.day_edit.setDate(date(2020, 4, 15))
    dialog.generate_button.click()
    assert dialog.title_edit.text() == "铜仁市驻深招商工作队工作简报（2020年第16周）"
    assert dialog.text_edit.toPlainText().startswith("本周，工作队共走访企业")
    dialog.title_edit.clear()
    dialog.title_edit.setFocus()
    type_text(dialog.title_edit, "驻深工作队第三周简报")
    dialog.save_button.click()
    document = Document(str(tmp_path / "铜仁市驻深招商工作队工作简报_2020-W16.docx"))
    assert document.paragraphs[0].text == "驻深工作队第三周简报"


def test_a_missing_folder_is_said_and_nothing_is_written(qtbot, demo_copy, saved, tmp_path):
    before = db_digest(demo_copy)
    dialog = open_dialog(qtbot, demo_copy)
    saved["answer"] = tmp_path / "gone" / "b.docx"
    dialog.save_button.click()
    assert dialog.written is None
    assert "does not exist" in dialog.error_label.text() and dialog.error_label.isVisible()
    assert not (tmp_path / "gone").exists() and list(tmp_path.glob("*.docx")) == []
    assert db_digest(demo_copy) == before


def test_the_action_is_in_the_export_menu(qtbot, demo_copy) -> None:
    from fieldlog.ui.actions import MainAction
    from fieldlog.ui.main_window import MainWindow

    window = MainWindow(demo_copy)
    qtbot.addWidget(window)
    action = window.main_actions[MainAction.EXPORT_BRIEF]
    assert action.objectName() == "actionExportBrief" and action.isEnabled()
    action.trigger()
    dialog = window.findChild(BriefDialog, "brief_dialog")
    assert dialog is not None and dialog.db is window.shown_db
    dialog.close()
