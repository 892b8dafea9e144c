"""Staleness warnings in the window: card badges, the list's Warning and Assessment columns, and
the dashboard's counts, late leads and lead quota, each equal to what the service says."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget

from fieldlog.domain.period import IsoWeek
from fieldlog.domain.stages import Stage
from fieldlog.domain.warnings import COLOURS, StaleColour
from fieldlog.services.reports import warnings
from fieldlog.store.database import Database
from fieldlog.store.models import Member
from fieldlog.ui.models import project_table_model as m
from fieldlog.ui.views.dashboard_page import DashboardPage
from fieldlog.ui.views.pipeline_board import LIST, PipelineBoard
from fieldlog.ui.widgets.project_card import ProjectCardWidget
from tests.conftest import open_copy
from tests.services.reports.warning_records import COMPLETE, Made, insert

#: Twelve weeks after the demo dispatch ended: its projects have gone yellow and red.
LATER = date(2020, 7, 15)
DISPATCH_END = date(2020, 4, 22)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("warnings"))
    yield database
    database.close()


def _board(qtbot, demo: Database, today: date) -> PipelineBoard:
    board = PipelineBoard(demo, today=today)
    qtbot.addWidget(board)
    board.resize(1400, 800)
    board.show()
    return board


def test_cards_wear_their_colour_in_words(qtbot, demo: Database) -> None:
    board = _board(qtbot, demo, LATER)
    expected = warnings.project_colours(demo, LATER)
    assert {colour for colour, _ in expected.values()} == {StaleColour.YELLOW, StaleColour.RED}
    cards = board.findChildren(ProjectCardWidget)
    assert cards
    names = {StaleColour.YELLOW: "Yellow warning", StaleColour.RED: "Red warning"}
    for card in cards:
        badge = card.findChild(QLabel, "stale_colour_label")
        if card.card.id not in expected:
            assert badge is None
            continue
        colour, idle = expected[card.card.id]
        assert badge is not None and badge.isVisible()
        assert badge.text() == f"{names[colour]} · {idle} days idle"
        assert badge.text() in card.accessibleName()


def test_no_badges_while_the_dispatch_runs(qtbot, demo: Database) -> None:
    board = _board(qtbot, demo, DISPATCH_END)
    assert board.findChildren(ProjectCardWidget)
    assert board.findChildren(QLabel, "stale_colour_label") == []


def test_the_list_shows_warning_and_assessment(qtbot, demo: Database) -> None:
    board = _board(qtbot, demo, LATER)
    board.set_mode(LIST)
    model = board.list_view.model
    marks = warnings.project_marks(demo, LATER)
    colours = warnings.project_colours(demo, LATER)
    words = {StaleColour.YELLOW: "Yellow warning", StaleColour.RED: "Red warning"}
    assert model.headerData(m.WARNING, Qt.Orientation.Horizontal) == "Warning"
    assert model.headerData(m.ASSESSMENT, Qt.Orientation.Horizontal) == "Assessment"
    counted = signed = 0
    for r in range(model.rowCount()):
        row = model.row_snapshot(r)
        warning = model.index(r, m.WARNING)
        shown = warning.data()
        assert shown == (words[colours[row.id][0]] if row.id in colours else "")
        verdict = marks[row.id].verdict
        assessed = model.index(r, m.ASSESSMENT)
        assert assessed.data(Qt.ItemDataRole.ToolTipRole) == str(verdict.reason)
        if row.signed_on is None:
            assert assessed.data() == ""
            continue
        signed += 1
        counted += verdict.counts
        assert assessed.data() == ("Counted" if verdict.counts else "Not counted")
    assert signed and 0 < counted < signed  # the demo has projects on both sides


def test_the_list_sorts_worst_first(qtbot, demo: Database) -> None:
    board = _board(qtbot, demo, LATER)
    board.set_mode(LIST)
    view = board.list_view
    view.table.sortByColumn(m.WARNING, Qt.SortOrder.DescendingOrder)
    first = view.proxy.index(0, m.WARNING).data()
    assert first == "Red warning"


def _table_texts(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _page(qtbot, db: Database, today: date, kind: str) -> DashboardPage:
    page = DashboardPage(db, today=today)
    qtbot.addWidget(page)
    page.resize(1240, 900)
    page.picker.select(kind)
    return page


def _expected_counts(db: Database, as_of: date) -> list[list[str]]:
    counts = warnings.warning_counts(db, as_of)
    rows = [["Whole team", *(str(counts.team[c]) for c in COLOURS)]]
    return rows + [[name, *(str(t[c]) for c in COLOURS)] for _, name, t in counts.groups]


@pytest.mark.parametrize(("kind", "as_of"), [("dispatch", DISPATCH_END), ("month", LATER)])
def test_dashboard_counts_equal_the_service(qtbot, demo: Database, kind: str, as_of) -> None:
    page = _page(qtbot, demo, LATER, kind)
    panel = page.findChild(QWidget, "warnings_panel")
    assert panel is not None and page.as_of() == as_of
    table = panel.findChild(QTableWidget, "warning_counts_table")
    assert _table_texts(table) == _expected_counts(demo, as_of)
    assert len(_table_texts(table)) == 13  # the team and its twelve groups
    assert as_of.isoformat() in panel.title.text()
    if kind == "month":
        assert _table_texts(table)[0][1:] == ["0", "11", "37"]


def test_dashboard_late_leads_and_quota(qtbot, demo_database_file: Path, tmp_path: Path) -> None:
    db = open_copy(demo_database_file, tmp_path)
    try:
        week = IsoWeek.of(LATER)
        with db.begin() as session:
            member = session.query(Member).filter(Member.name == "任丹").one()
            insert(session, Made([(week.monday, Stage.LEAD)], owner_id=member.id, **COMPLETE))
            insert(session, Made([(week.monday, Stage.LEAD)], owner_id=member.id, name="缺"))
            insert(session, Made([(LATER - timedelta(days=9), Stage.LEAD)], name="迟复"))
        page = _page(qtbot, db, LATER, "week")
        assert page.warnings.late_label.text() == "Leads answered late: 1"
        table = page.findChild(QTableWidget, "lead_quota_table")
        rows = {r[0]: r for r in _table_texts(table)}
        expected = warnings.lead_quota(db, week.period)
        assert len(rows) == len(expected) == 24
        assert rows["任丹"] == ["任丹", "2", "1", "1", "Met"]
        for quota in expected:
            shown = rows[quota.name]
            assert shown[1:4] == [str(quota.leads), str(quota.complete), str(quota.quota)]
            assert shown[4] == ("Met" if quota.met else "Not met")
        assert str(week) in page.warnings.quota_title.text()
    finally:
        db.close()


def test_without_a_dispatch_warnings_are_judged_today(qtbot, db: Database) -> None:
    page = _page(qtbot, db, LATER, "dispatch")
    assert page.period.end is None and page.as_of() == LATER
    assert LATER.isoformat() in page.warnings.title.text()
    assert _table_texts(page.warnings.counts_table) == [["Whole team", "0", "0", "0"]]
    assert page.warnings.late_label.text() == "Leads answered late: 0"
