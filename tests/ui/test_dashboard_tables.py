"""The targets and rankings tables show what the dashboard service computes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget

from fieldlog.domain.period import Period
from fieldlog.services.reports import dashboard
from fieldlog.services.reports.targets import TargetProgress
from fieldlog.store.database import Database
from fieldlog.ui.widgets.rankings_table import RankingsTable
from fieldlog.ui.widgets.targets_table import BEHIND, TargetsTable
from tests.conftest import open_copy

TODAY = date(2020, 4, 22)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("dashui"))
    yield database
    database.close()


def _row(table: QTableWidget, r: int) -> list[str]:
    items = [table.item(r, c) for c in range(table.columnCount())]
    return [item.text() if item else "" for item in items]


def test_targets_table_shows_rates_and_amounts(qtbot, qtmodeltester, demo: Database) -> None:
    table = TargetsTable()
    qtbot.addWidget(table)
    rows = dashboard.targets_progress(demo, today=TODAY)
    table.show_progress(rows)
    qtmodeltester.check(table.model())
    assert table.objectName() == "targetsTable"
    assert table.rowCount() == len(rows)
    assert _row(table, 0)[2:] == ["300", "346", "115.3%", "100.0%", "+15.3%"]
    contract = _row(table, 3)
    assert contract[2:4] == ["25", "29.14"]


def test_behind_the_pace_is_red(qtbot, demo: Database) -> None:
    table = TargetsTable()
    qtbot.addWidget(table)
    rows = dashboard.targets_progress(demo, today=date(2020, 3, 30))
    table.show_progress(rows)
    behind = [r for r, row in enumerate(rows) if row.ahead is not None and row.ahead < 0]
    assert behind
    item = table.item(behind[0], 6)
    assert item is not None
    assert item.text().startswith("-")
    assert item.foreground().color() == QColor(BEHIND)


def test_rankings_table_lists_groups_in_order(qtbot, qtmodeltester, demo: Database) -> None:
    table = RankingsTable()
    qtbot.addWidget(table)
    rows = dashboard.rankings(demo, Period(date(2020, 3, 23), TODAY), "group")
    table.show_rows(rows)
    qtmodeltester.check(table.model())
    assert table.objectName() == "rankingsTable"
    assert table.rowCount() == 12
    first = _row(table, 0)
    assert first[:3] == ["1", rows[0].name, str(rows[0].enterprises_visited)]


def _target(scope: str, name: str, metric: str = "visits") -> TargetProgress:
    start, end = date(2020, 4, 1), date(2020, 4, 30)
    return TargetProgress(metric, scope, name, start, end, 100, 40, 0.4, 0.5, -0.1)


def test_every_scope_is_named(qtbot, qtmodeltester) -> None:
    table = TargetsTable()
    qtbot.addWidget(table)
    rows = [
        _target("team", "铜仁市驻深招商工作队"),
        _target("group", "物流产业招商组"),
        _target("member", "李娜"),
        _target("county", "碧江区", "funds_in_place_yuan"),
    ]
    table.show_progress(rows)
    qtmodeltester.check(table.model())
    assert [_row(table, r)[1] for r in range(4)] == [
        "Team: 铜仁市驻深招商工作队",
        "Group: 物流产业招商组",
        "Member: 李娜",
        "County: Bijiang District",  # 碧江区, named in English in the English window
    ]
    assert _row(table, 3)[2:4] == ["0", "0"]  # yuan shown in 亿元


def test_tables_are_as_tall_as_their_rows(qtbot, demo: Database) -> None:
    table = RankingsTable()
    qtbot.addWidget(table)
    table.show_rows(dashboard.rankings(demo, Period(date(2020, 3, 23), TODAY), "member"))
    table.show()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.height() >= rows + table.horizontalHeader().height()
    assert not table.verticalScrollBar().isVisible()
