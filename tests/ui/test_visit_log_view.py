"""The visit log: a lazy model (qtmodeltester), search as you type, filters, delete and undo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldlog.domain.text import pinyin_initials
from fieldlog.services.orgs import orgs
from fieldlog.services.orgs.org_search import search_orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visit_log, visits
from fieldlog.services.visits.visit_log import VisitFilter
from fieldlog.store import search_index
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.models import visit_table_model
from fieldlog.ui.models.visit_table_model import (
    FOLLOW_UP,
    ORGANIZATION,
    PAGE_SIZE,
    SUMMARY,
    VISITORS,
    RowRole,
    VisitIdRole,
    VisitTableModel,
)
from fieldlog.ui.undo import undo_stack
from fieldlog.ui.views.visit_log_view import VisitLogView
from tests.conftest import open_copy

DEMO_VISITS = 569


VISIT = Changes.of(Kind.VISIT)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("visit-log"))
    yield database
    database.close()


@pytest.fixture
def view(qtbot, demo: Database) -> VisitLogView:
    widget = VisitLogView(demo)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def column(view: VisitLogView, number: int) -> list[str]:
    model = view.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def counted(qtbot, model: VisitTableModel) -> int:
    """The model's total once its count (on a worker thread) has arrived."""
    qtbot.waitUntil(lambda: not model.counting)
    assert not model.total_is_lower_bound
    return model.total


def type_chinese(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_the_model_passes_qtmodeltester(qtbot, qtmodeltester, demo: Database) -> None:
    model = VisitTableModel(demo)
    assert model.rowCount() == PAGE_SIZE and model.counting
    assert counted(qtbot, model) == DEMO_VISITS
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    ids = {model.index(row, 0).data(VisitIdRole) for row in range(model.rowCount())}
    assert model.rowCount() == len(ids) == DEMO_VISITS
    model.set_filter(VisitFilter(text="商会"))
    qtmodeltester.check(model)


def test_overdue_follow_ups_are_red(demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    model = VisitTableModel(demo)
    row = next(r for r in range(model.rowCount()) if model.index(r, FOLLOW_UP).data())
    due = date.fromisoformat(model.index(row, FOLLOW_UP).data())
    monkeypatch.setattr(visit_table_model, "today", lambda: due)
    assert model.index(row, FOLLOW_UP).data(Qt.ItemDataRole.ForegroundRole) is None
    monkeypatch.setattr(visit_table_model, "today", lambda: date(due.year, 12, 31))
    red = model.index(row, FOLLOW_UP).data(Qt.ItemDataRole.ForegroundRole)
    assert red == visit_table_model.OVERDUE_COLOR
    summary = model.index(row, SUMMARY)
    assert summary.data(Qt.ItemDataRole.ToolTipRole).startswith(summary.data().rstrip("…"))


def test_a_chinese_fragment_filters_after_a_pause(qtbot, view: VisitLogView) -> None:
    counted(qtbot, view.model)
    assert view.count_label.text() == f"{DEMO_VISITS} visits"
    type_chinese(view.search_edit, "商会")
    assert view.model.rowCount() > 100  # nothing happens while the person may still be typing
    qtbot.waitUntil(lambda: view.model.total < DEMO_VISITS)
    rows = [view.model.index(r, 0).data(RowRole) for r in range(view.model.rowCount())]
    assert rows and all("商会" in row.org_name + row.full_summary for row in rows)
    assert view.count_label.text() == f"{view.model.total} visits"


def test_pinyin_initials_filter(qtbot, view: VisitLogView) -> None:
    counted(qtbot, view.model)  # the whole log's count, before the search narrows it
    qtbot.keyClicks(view.search_edit, "szsyb")
    qtbot.waitUntil(lambda: 0 < view.model.total < DEMO_VISITS)
    names = column(view, ORGANIZATION)
    assert names and all("szsyb" in pinyin_initials(name) for name in names)


def test_a_member_filter(qtbot, view: VisitLogView) -> None:
    combo = view.filter_bar.member_combo
    combo.setCurrentIndex(combo.findText("程佳怡"))
    assert 0 < view.model.total < DEMO_VISITS
    assert all("程佳怡" in visitors.split("、") for visitors in column(view, VISITORS))


def test_the_dispatch_period_and_a_custom_range(qtbot, view: VisitLogView) -> None:
    bar = view.filter_bar
    bar.period_combo.setCurrentIndex(bar.period_combo.findText("Dispatch period"))
    assert counted(qtbot, view.model) == DEMO_VISITS
    bar.period_combo.setCurrentIndex(bar.period_combo.findText("Custom…"))
    assert bar.from_edit.isVisible() and bar.to_edit.isVisible()
    bar.to_edit.setDate(bar.from_edit.date())  # the first day of the dispatch
    assert 0 < view.model.total < DEMO_VISITS
    assert set(column(view, 0)) == {"2020-03-23"}


def click_header(qtbot, view: VisitLogView, section: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_sorting_by_a_column_header(qtbot, view: VisitLogView) -> None:
    click_header(qtbot, view, ORGANIZATION)
    assert view.model.visit_sort().key == "organization"
    initials = [pinyin_initials(name) for name in column(view, ORGANIZATION)]
    assert initials == sorted(initials)
    click_header(qtbot, view, ORGANIZATION)
    initials = [pinyin_initials(name) for name in column(view, ORGANIZATION)]
    assert initials[0] == max(initials)
    click_header(qtbot, view, SUMMARY)  # summaries do not sort: the order in force stays
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == ORGANIZATION
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert view.model.visit_sort().key == "organization"


def test_enter_asks_to_edit_the_visit(qtbot, view: VisitLogView) -> None:
    view.table.setFocus()
    view.table.selectRow(3)
    with qtbot.waitSignal(view.edit_visit_requested) as signal:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert signal.args == [view.model.index(3, 0).data(VisitIdRole)]


@pytest.fixture
def small_view(qtbot, db: Database) -> VisitLogView:
    member = team.save_member(db, team.MemberInput("李娜"))
    for name, day in (
        ("深圳市德润物流有限公司", 1),
        ("深圳市铜仁商会", 2),
        ("华为技术有限公司", 3),
    ):
        org = orgs.save_org(db, orgs.OrgInput(name)).id
        visits.save_visit(db, visits.VisitInput(date(2020, 4, day), org, [member]))
    widget = VisitLogView(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_delete_key_and_undo(qtbot, small_view: VisitLogView, monkeypatch) -> None:
    asked: list[str] = []

    def yes(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    small_view.table.setFocus()
    small_view.table.selectRow(1)
    qtbot.keyClick(small_view.table, Qt.Key.Key_Delete)
    assert asked == ["Delete the visit to 深圳市铜仁商会 on 2020-04-02?"]
    assert column(small_view, ORGANIZATION) == ["华为技术有限公司", "深圳市德润物流有限公司"]
    assert small_view.count_label.text() == "2 visits"
    assert small_view.current_visit_id() == small_view.model.index(1, 0).data(VisitIdRole)
    undo_stack().undo()
    assert column(small_view, ORGANIZATION)[1] == "深圳市铜仁商会"
    assert small_view.count_label.text() == "3 visits"


def test_no_is_no(qtbot, small_view: VisitLogView, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    small_view.table.selectRow(0)
    small_view.delete_current()
    assert small_view.model.total == 3


def test_a_change_elsewhere_refreshes_and_keeps_the_selection(
    qtbot, db: Database, small_view: VisitLogView
) -> None:
    from fieldlog.ui import operations

    small_view.table.selectRow(2)
    chosen = small_view.current_visit_id()
    org = orgs.save_org(db, orgs.OrgInput("深圳市新来科技有限公司")).id
    member = team.members(db)[0].id
    operations.run(
        None, VISIT, visits.save_visit, db, visits.VisitInput(date(2020, 4, 9), org, [member])
    )
    assert small_view.model.total == 4
    assert small_view.current_visit_id() == chosen and small_view.table.currentIndex().row() == 3


def test_keyboard_from_the_search_box_to_a_visit(qtbot, view: VisitLogView) -> None:
    view.activateWindow()
    view.focus_search()
    qtbot.keyClicks(view.search_edit, "szstr")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)  # filter now, without the pause
    assert 0 < view.model.total < DEMO_VISITS
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.current_visit_id() is not None
    with qtbot.waitSignal(view.edit_visit_requested) as signal:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert signal.args == [view.current_visit_id()]
    view.focus_search()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Escape)
    assert view.search_edit.text() == "" and counted(qtbot, view.model) == DEMO_VISITS


@pytest.fixture
def one_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(visit_table_model, "PAGE_SIZE", 1)


def test_the_count_arrives_after_the_first_page(
    qtbot, db: Database, small_view, one_a_page
) -> None:
    view = VisitLogView(db)  # the log has three visits, one to a page
    qtbot.addWidget(view)
    assert view.count_label.text() == "Counting visits…"
    qtbot.waitUntil(lambda: view.count_label.text() == "3 visits")
    assert not view.model.total_is_lower_bound and not view.model.counting


def test_a_count_made_stale_by_a_change_is_dropped(
    qtbot, db: Database, small_view, one_a_page
) -> None:
    view = VisitLogView(db)  # its count of three visits is due
    qtbot.addWidget(view)
    told: list[int] = []
    view.model.total_known.connect(lambda: told.append(view.model.total))
    org = orgs.save_org(db, orgs.OrgInput("深圳市新来科技有限公司")).id
    member = team.members(db)[0].id
    new = visits.VisitInput(date(2020, 4, 9), org, [member])
    operations.run(None, VISIT, visits.save_visit, db, new)  # the log refreshes: a new count
    qtbot.waitUntil(lambda: view.count_label.text() == "4 visits")
    qtbot.wait(50)
    assert told == [4]  # the count of the log before the change was never shown


def test_a_stopped_count_says_at_least(qtbot, db: Database, small_view, one_a_page) -> None:
    model = VisitTableModel(db)
    assert model.counting and model.rowCount() == 1
    model.cancel_count()  # its figure, if it comes, is dropped
    assert (model.total, model.total_is_lower_bound, model.counting) == (1, True, False)
    qtbot.wait(50)
    assert (model.total, model.total_is_lower_bound) == (1, True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert (model.total, model.total_is_lower_bound) == (3, False)  # the end was reached


def first_visible_id(view: VisitLogView) -> object:
    return view.table.indexAt(QPoint(5, 5)).data(VisitIdRole)


def test_ctrl_end_shows_the_oldest_visit_at_once(qtbot, view: VisitLogView) -> None:
    view.table.setFocus()
    view.table.selectRow(0)
    oldest = visit_log.visit_page(view.db, VisitFilter(), limit=1, from_end=True)[0].id
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    counted(qtbot, view.model)
    last = view.model.rowCount() - 1
    assert view.model.is_tail and view.model.rowCount() == PAGE_SIZE
    assert view.current_visit_id() == oldest == view.model.index(last, 0).data(VisitIdRole)
    rect = view.table.visualRect(view.model.index(last, 0))
    assert view.table.viewport().rect().contains(rect.center())
    assert view.count_label.text() == f"{DEMO_VISITS} visits · showing the end of the log"
    qtbot.keyClick(view.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert not view.model.is_tail and view.table.currentIndex().row() == 0
    assert view.count_label.text() == f"{DEMO_VISITS} visits"
    assert view.table.verticalScrollBar().value() == 0


def test_scrolling_up_the_tail_loads_earlier_visits_in_place(qtbot, view: VisitLogView) -> None:
    view.show_end()
    bar = view.table.verticalScrollBar()
    while view.model.can_fetch_earlier():
        bar.setValue(bar.minimum() + 1)
        top = view.model.index(0, 0).data(VisitIdRole)
        bar.setValue(bar.minimum())  # the top of the window: the page before it loads
        assert first_visible_id(view) == top  # the rows on screen did not move
    ids = [view.model.index(row, 0).data(VisitIdRole) for row in range(view.model.rowCount())]
    assert len(ids) == len(set(ids)) == DEMO_VISITS
    newest = visit_log.visit_page(view.db, VisitFilter(), limit=1)[0].id
    assert ids[0] == newest and view.model.is_tail
    assert not view.model.canFetchMore(QModelIndex())


def test_the_scroll_bar_released_at_the_bottom_jumps_to_the_end(qtbot, view: VisitLogView) -> None:
    bar = view.table.verticalScrollBar()
    bar.setSliderDown(True)
    bar.setSliderPosition(bar.maximum())
    bar.setSliderDown(False)
    qtbot.waitUntil(lambda: view.model.is_tail)
    assert bar.value() == bar.maximum()
    oldest = visit_log.visit_page(view.db, VisitFilter(), limit=1, from_end=True)[0].id
    assert view.model.index(view.model.rowCount() - 1, 0).data(VisitIdRole) == oldest


def test_the_tail_in_another_order_and_a_new_order_returns_to_the_head(
    qtbot, view: VisitLogView
) -> None:
    click_header(qtbot, view, ORGANIZATION)
    view.show_end()
    order = view.model.visit_sort()
    last = visit_log.visit_page(view.db, VisitFilter(), order, limit=1, from_end=True)[0].id
    assert view.model.index(view.model.rowCount() - 1, 0).data(VisitIdRole) == last
    click_header(qtbot, view, ORGANIZATION)
    counted(qtbot, view.model)
    assert not view.model.is_tail and view.count_label.text() == f"{DEMO_VISITS} visits"


def test_a_change_keeps_the_tail_window(qtbot, small_view: VisitLogView, monkeypatch) -> None:
    from fieldlog.ui import operations

    monkeypatch.setattr(visit_table_model, "PAGE_SIZE", 1)
    small_view.refresh()
    small_view.show_end()
    assert small_view.model.is_tail and small_view.model.rowCount() == 3  # the window fills
    assert column(small_view, ORGANIZATION)[-1] == "深圳市德润物流有限公司"
    org = orgs.save_org(small_view.db, orgs.OrgInput("深圳市新来科技有限公司")).id
    member = team.members(small_view.db)[0].id
    new = visits.VisitInput(date(2020, 3, 9), org, [member])  # older than all: the new last row
    operations.run(None, VISIT, visits.save_visit, small_view.db, new)
    assert small_view.model.is_tail
    assert column(small_view, ORGANIZATION)[-1] == "深圳市新来科技有限公司"


@pytest.mark.parametrize(
    ("pasted", "found"),
    [
        # Qt drops a lone surrogate on the way into the box: the rest of the text is searched.
        (
            "\ud83d",
            ["华为技术有限公司", "华为技术有限公司", "深圳市铜仁商会", "深圳市德润物流有限公司"],
        ),
        ("华为\ud83d", ["华为技术有限公司", "华为技术有限公司"]),
        ("\x00", []),
        ("华为\x00", []),
        ("%" * 30_000, []),
        ("华" * 20_000, []),
    ],
    ids=["lone-surrogate", "name-and-surrogate", "nul", "name-and-nul", "long-percent", "long"],
)
def test_any_pasted_text_in_the_search_box_gets_an_answer(
    qtbot, db: Database, small_view: VisitLogView, pasted: str, found: list[str]
) -> None:
    # A summary longer than the index covers is searched by the fallback.
    huawei = search_orgs(db, "华为")[0].id
    member = team.members(db)[0].id
    long_note = "调研" * (search_index.INDEXED_CHARS // 2 + 1)
    added = visits.VisitInput(date(2020, 4, 4), huawei, [member], summary=long_note)
    assert operations.run(None, VISIT, visits.save_visit, db, added)  # announced: the log refreshes
    small_view.search_edit.setFocus()
    type_chinese(small_view.search_edit, pasted)
    assert small_view.search_edit.text() == pasted.replace("\ud83d", "")
    qtbot.keyClick(small_view.search_edit, Qt.Key.Key_Return)  # filters at once
    assert column(small_view, ORGANIZATION) == found
    assert small_view.model.total == len(found)
    labels = {0: "No visits", 2: "2 visits", 4: "4 visits"}
    assert small_view.count_label.text() == labels[len(found)]
