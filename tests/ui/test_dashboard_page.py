"""The dashboard page over the demo: headline figures, period choice, charts, targets, rankings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from fieldlog.domain.indicators import AMOUNT_METRICS
from fieldlog.domain.money import format_yi
from fieldlog.domain.period import Period
from fieldlog.services.reports import dashboard, stats, targets
from fieldlog.services.team.team import TeamInput, save_team
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.undo import undo_stack
from fieldlog.ui.views.dashboard_page import DashboardPage
from tests.conftest import open_copy

TODAY = date(2020, 4, 22)
DISPATCH = Period(date(2020, 3, 23), TODAY)
HEADLINE = [
    "enterprises_visited",
    "associations_visited",
    "visits",
    "leads_new",
    "projects_active",
    "projects_signed",
    "contract_amount_yuan",
    "funds_in_place_yuan",
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("dashpage"))
    yield database
    database.close()


@pytest.fixture
def page(qtbot, demo: Database) -> DashboardPage:
    widget = DashboardPage(demo, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1240, 780)
    return widget


def figure(page: DashboardPage, metric: str) -> str:
    label = page.findChild(QLabel, f"figure_{metric}")
    assert label is not None, metric
    return label.text()


def shown(page: DashboardPage) -> dict[str, str]:
    return {metric: figure(page, metric) for metric in HEADLINE}


def expected(demo: Database, period: Period) -> dict[str, str]:
    figures = stats.compute(demo, period)
    return {
        m: format_yi(figures.value(m)) if m in AMOUNT_METRICS else str(figures.value(m))
        for m in HEADLINE
    }


def test_the_dispatch_shows_the_reference_figures(page: DashboardPage) -> None:
    assert page.objectName() == "dashboard"
    assert page.picker.kind() == "dispatch"
    assert figure(page, "enterprises_visited") == "346"
    assert figure(page, "associations_visited") == "40"
    assert figure(page, "projects_signed") == "22"
    assert figure(page, "contract_amount_yuan") == "29.14"
    assert figure(page, "funds_in_place_yuan") == "4.389"
    assert Decimal(figure(page, "contract_amount_yuan")) == Decimal("29.14")  # 亿元
    assert Decimal(figure(page, "funds_in_place_yuan")) == Decimal("4.389")
    assert "2020-03-23" in page.findChild(QLabel, "periodLabel").text()


@pytest.mark.parametrize(
    ("kind", "start", "end", "words"),
    [
        ("week", date(2020, 4, 20), date(2020, 4, 26), "2020-W17"),
        ("month", date(2020, 4, 1), date(2020, 4, 30), "2020-04-01"),
        ("year", date(2020, 1, 1), date(2020, 12, 31), "2020-12-31"),
    ],
)
def test_each_period_button_recounts_the_figures(
    qtbot, page: DashboardPage, demo: Database, kind: str, start: date, end: date, words: str
) -> None:
    qtbot.mouseClick(page.picker.buttons[kind], Qt.MouseButton.LeftButton)
    assert page.period == Period(start, end)
    assert shown(page) == expected(demo, Period(start, end))
    assert words in page.findChild(QLabel, "periodLabel").text()
    assert str(page.period) in page.rankings_title.text()


def test_the_rankings_follow_the_period(qtbot, page: DashboardPage, demo: Database) -> None:
    page.picker.select("week")
    page.ranking_by.setCurrentIndex(page.ranking_by.findData("member"))
    rows = dashboard.rankings(demo, Period(date(2020, 4, 20), date(2020, 4, 26)), "member")
    assert page.rankings.rowCount() == len(rows) == 24
    assert rows != dashboard.rankings(demo, DISPATCH, "member")
    top = rows[0]
    first = [page.rankings.item(0, c).text() for c in range(5)]
    assert first == [
        "1",
        top.name,
        str(top.enterprises_visited),
        str(top.associations_visited),
        str(top.visits),
    ]


def test_the_charts_draw_the_service_figures(page: DashboardPage, demo: Database) -> None:
    charts = page.charts
    visits = charts.visits.chart().series()[0].barSets()[0]
    assert sum(visits.at(i) for i in range(visits.count())) == 569
    assert visits.count() == 5  # 2020-W13 to W17
    main, side = charts.funnel.chart().series()[0].barSets()
    assert sum(main.at(i) + side.at(i) for i in range(main.count())) == 54
    contract, funds = charts.chains.chart().series()[0].barSets()
    assert charts.chains_unit == "亿元"
    assert sum(contract.at(i) for i in range(contract.count())) == pytest.approx(29.14)
    assert sum(funds.at(i) for i in range(funds.count())) == pytest.approx(4.389)
    assert charts.visits_note.text() == ""


def test_a_week_shows_twelve_weeks_with_its_own_highlighted(page: DashboardPage) -> None:
    page.picker.select("week")
    visits = page.charts.visits.chart().series()[0].barSets()[0]
    assert visits.count() == dashboard.CONTEXT_WEEKS
    assert visits.selectedBars() == [dashboard.CONTEXT_WEEKS - 1]
    assert page.charts.visits_note.text()


TARGET = Changes.of(Kind.TARGET)


def test_targets_refresh_after_a_change(page: DashboardPage, demo: Database) -> None:
    member = targets.target_scopes(demo)["member"][0]
    before = page.targets.rowCount()
    operations.run(
        None, TARGET, targets.set_target, demo, "member", member.id, "visits", DISPATCH, 9
    )
    try:
        assert page.targets.rowCount() == before + 1
        scopes = [page.targets.item(r, 1).text() for r in range(page.targets.rowCount())]
        assert f"Member: {member.name}" in scopes
    finally:
        operations.run(
            None, TARGET, targets.clear_target, demo, "member", member.id, "visits", DISPATCH
        )
    assert page.targets.rowCount() == before


def test_the_targets_button_opens_the_dialog(qtbot, page: DashboardPage) -> None:
    button = page.findChild(QPushButton, "targetsButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.targets_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.fields["enterprises_visited"].text() == "300"  # the team's, for the dispatch
    dialog.reject()


def test_without_a_dispatch_the_figures_cover_all_time(qtbot, db: Database) -> None:
    save_team(db, TeamInput("测试工作队"))
    widget = DashboardPage(db, today=TODAY)
    qtbot.addWidget(widget)
    assert "No dispatch period" in widget.findChild(QLabel, "periodLabel").text()
    assert figure(widget, "visits") == "0"
    assert widget.targets_note.text() and widget.targets.isHidden()
    widget.picker.select("month")
    assert figure(widget, "contract_amount_yuan") == "0"


def test_targets_set_in_the_dialog_show_on_the_page(qtbot, page: DashboardPage, demo) -> None:
    before = page.targets.rowCount()
    page.open_targets()
    dialog = page.targets_dialog
    assert dialog is not None
    dialog.scope_kind.setCurrentIndex(dialog.scope_kind.findData("county"))
    county = dialog.scope_combo.currentText()
    qtbot.keyClicks(dialog.fields["visits"], "50")
    dialog.accept()
    assert not dialog.isVisible()
    assert page.targets.rowCount() == before + 1
    assert page.targets.item(before, 1).text() == f"County: {county}"
    undo_stack().undo()
    assert page.targets.rowCount() == before


def test_a_past_dispatch_shows_its_targets_as_at_its_end(qtbot, demo: Database) -> None:
    later = DashboardPage(demo, today=date(2026, 11, 28))
    qtbot.addWidget(later)
    at_end = dashboard.targets_progress(demo, today=TODAY)
    assert at_end and later.targets.rowCount() == len(at_end)
    assert "2020-04-22" in later.targets_title.text()
    later.picker.findChild(QPushButton, "period_week").click()
    assert later.targets.rowCount() == 0  # no target runs in 2026
