"""The Projects page as a list: the switch, filters, sorting, opening and the ledger export."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fieldlog.domain.stages import Stage
from fieldlog.excel.columns import LEDGER_COLUMNS
from fieldlog.services.projects import pipeline
from fieldlog.services.projects.pipeline import PipelineFilter
from fieldlog.store.database import Database
from fieldlog.ui.models import project_table_model as m
from fieldlog.ui.views import pipeline_board
from fieldlog.ui.views.pipeline_board import BOARD, LIST, PipelineBoard
from fieldlog.ui.widgets.combo_values import index_of
from tests.conftest import open_copy

TODAY = date(2020, 4, 22)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("list"))
    yield database
    database.close()


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    for name in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture
def board(qtbot, demo: Database, messages, monkeypatch) -> PipelineBoard:
    monkeypatch.setattr(pipeline_board, "_session_mode", BOARD)  # each test starts on the board
    widget = PipelineBoard(demo, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


@pytest.fixture
def listed(board: PipelineBoard) -> PipelineBoard:
    board.list_button.click()
    return board


def shown_rows(board: PipelineBoard) -> list[pipeline.ProjectListRow]:
    proxy = board.list_view.proxy
    return [proxy.index(r, 0).data(m.RowRole) for r in range(proxy.rowCount())]


def test_switch_by_keyboard_and_remembered_for_the_session(qtbot, board, demo) -> None:
    assert board.mode() == BOARD and board.board_button.isChecked()
    with qtbot.waitActive(board):
        board.activateWindow()
    board.board_button.setFocus()
    # Board and List are one control: Tab reaches the chosen one, the arrows switch.
    qtbot.keyClick(board.board_button, Qt.Key.Key_Right)
    assert board.list_button.hasFocus() and board.list_button.isChecked()
    assert board.mode() == LIST and board.list_view.isVisible()
    assert board.findChild(type(board.list_view), "projectList") is board.list_view
    again = PipelineBoard(demo, today=TODAY)
    qtbot.addWidget(again)
    assert again.mode() == LIST and again.list_button.isChecked()
    board.set_mode(BOARD)
    assert board.columns[Stage.LEAD].isVisible() and not board.list_view.isVisible()


def test_list_shows_the_boards_projects(qtmodeltester, listed, demo) -> None:
    qtmodeltester.check(listed.list_view.model)
    qtmodeltester.check(listed.list_view.proxy)
    cards = {c.id: c for col in pipeline.pipeline(demo, today=TODAY) for c in col.cards}
    rows = shown_rows(listed)
    assert {r.id for r in rows} == set(cards) and len(rows) == 54
    for row in rows:
        assert row.days_in_stage == cards[row.id].days_in_stage
    assert listed.list_view.count_label.text() == "54 project(s)"


def test_filters_apply_to_the_list(listed, demo) -> None:
    chain = pipeline.choices(demo).chains[0]
    listed.chain_combo.setCurrentIndex(index_of(listed.chain_combo, chain.id))
    rows = shown_rows(listed)
    expected = pipeline.project_list(demo, today=TODAY, filter=PipelineFilter(chain_id=chain.id))
    assert rows and sorted(r.id for r in rows) == sorted(r.id for r in expected)
    assert {r.chain_name for r in rows} == {chain.name}
    listed.text_edit.setText("zzz-none")
    assert shown_rows(listed) == [] and not listed.list_view.export_button.isEnabled()


def _header_click(qtbot, board: PipelineBoard, column: int) -> None:
    view = board.list_view
    view.table.scrollTo(view.proxy.index(0, column))  # the section must be on screen
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


@pytest.mark.parametrize(
    ("column", "value"),
    [
        (m.PLANNED, lambda r: r.planned_yuan),
        (m.CONTRACT, lambda r: r.contract_yuan),
        (m.DAYS, lambda r: r.days_in_stage),
        (m.SIGNED, lambda r: r.signed_on),
        (m.STAGE, lambda r: pipeline_board.ALL_STAGES.index(r.stage)),
    ],
    ids=["planned", "contract", "days", "signed", "stage"],
)
def test_header_click_sorts_by_value(qtbot, listed, column, value) -> None:
    _header_click(qtbot, listed, column)
    header = listed.list_view.table.horizontalHeader()
    assert header.sortIndicatorSection() == column
    for descending in (False, True):
        table = listed.list_view.table
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        table.sortByColumn(column, order)
        values = [value(r) for r in shown_rows(listed)]
        known = [v for v in values if v is not None]
        assert known == sorted(known, reverse=descending)
        assert values == known + [None] * (len(values) - len(known))  # blanks last either way


def test_amounts_sort_as_numbers_not_text(listed) -> None:
    listed.list_view.table.sortByColumn(m.PLANNED, Qt.SortOrder.AscendingOrder)
    texts = [listed.list_view.proxy.index(r, m.PLANNED).data() for r in range(54)]
    numbers = [float(t.replace(",", "")) for t in texts if t]  # 万元 with thousands separators
    assert numbers == sorted(numbers) and texts != sorted(texts)


def test_overdue_follow_up_is_red(listed) -> None:
    proxy = listed.list_view.proxy
    late = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(m.RowRole).overdue)
    colour = proxy.index(late, m.FOLLOW_UP).data(Qt.ItemDataRole.ForegroundRole)
    assert colour == m.OVERDUE_COLOR
    on_time = next(
        r for r in range(proxy.rowCount()) if not proxy.index(r, 0).data(m.RowRole).overdue
    )
    assert proxy.index(on_time, m.FOLLOW_UP).data(Qt.ItemDataRole.ForegroundRole) is None


def test_enter_and_double_click_open_the_project(qtbot, listed) -> None:
    table = listed.list_view.table
    table.setFocus()
    table.setCurrentIndex(listed.list_view.proxy.index(3, m.CHAIN))
    expected = listed.list_view.current_project_id()
    with qtbot.waitSignal(listed.open_project_requested) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [expected]
    index = listed.list_view.proxy.index(5, m.NAME)
    rect = table.visualRect(index)
    # A double-click opens the row the first press of it chose (QTest sends only the second).
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(listed.open_project_requested) as blocker:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [index.data(m.ProjectIdRole)]


@pytest.fixture
def save_to(monkeypatch, tmp_path) -> dict[str, str]:
    asked: dict[str, str] = {}

    def fake_save(_parent, _title, proposed, _filter="", *args, **kwargs):
        asked["proposed"] = proposed
        return str(tmp_path / "台账"), ""  # no suffix: the view adds .xlsx

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    return asked


def _ledger_names(path: Path) -> list[str]:
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert list(rows[0]) == list(LEDGER_COLUMNS)
    return [row[LEDGER_COLUMNS.index("项目名称")] for row in rows[1:]]


def test_export_writes_the_filtered_projects(listed, demo, save_to, messages, tmp_path) -> None:
    group = pipeline.choices(demo).groups[1]
    listed.group_combo.setCurrentIndex(listed.group_combo.findText(group.name))
    rows = shown_rows(listed)
    assert 0 < len(rows) < 54
    path = listed.list_view.export_ledger()
    assert path == tmp_path / "台账.xlsx" and path.exists()
    assert Path(save_to["proposed"]).name == "铜仁市驻深招商工作队项目台账_2020-04-22.xlsx"
    kept = sorted(r.name for r in rows if r.stage != Stage.DROPPED)
    assert sorted(_ledger_names(path)) == kept
    assert str(path) in messages[-1]


def test_export_without_filter_is_the_whole_ledger(listed, save_to, messages, tmp_path) -> None:
    listed.list_view.export_button.click()
    path = tmp_path / "台账.xlsx"
    names = _ledger_names(path)
    dropped = [r for r in shown_rows(listed) if r.stage == Stage.DROPPED]
    assert len(names) == 54 - len(dropped) and dropped
    assert "dropped" in messages[-1]


def test_cancelled_export_writes_nothing(listed, monkeypatch, messages, tmp_path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert listed.list_view.export_ledger() is None
    assert messages == [] and list(tmp_path.iterdir()) == []


def test_unwritable_target_is_a_warning(listed, monkeypatch, messages, tmp_path) -> None:
    target = tmp_path / "missing" / "folder" / "x.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert listed.list_view.export_ledger() is None
    assert len(messages) == 1 and not target.exists()


def test_selection_survives_a_refresh(listed) -> None:
    view = listed.list_view
    view.table.setCurrentIndex(view.proxy.index(7, m.NAME))
    chosen = view.current_project_id()
    listed.refresh()
    assert view.current_project_id() == chosen
    assert view.table.currentIndex() != QModelIndex()
