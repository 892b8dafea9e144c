"""The dashboard, `stats` and the weekly return show the same figures for the same periods.

Over the demo: the dashboard's widgets are read as a person sees them, `stats --json` runs as a
real subprocess, and the weekly return is written by the real export and read back with openpyxl.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QLabel

from fieldlog.domain.indicators import AMOUNT_METRICS, BY_KEY, HEADLINE_METRICS
from fieldlog.domain.money import YUAN_PER_YI, format_yi
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.services.reports import stats
from fieldlog.services.reports.weekly import export_weekly
from fieldlog.store.database import Database
from fieldlog.ui.views.dashboard_page import DashboardPage
from tests.cli.test_cli import run
from tests.conftest import open_copy

pytestmark = pytest.mark.slow

DISPATCH = Period(date(2020, 3, 23), date(2020, 4, 22))
APRIL = Period(date(2020, 4, 1), date(2020, 4, 30))
W13, W14, W16, W17 = (IsoWeek(2020, w) for w in (13, 14, 16, 17))
COLUMNS = {"本周": "week", "本月": "month", "累计": "total"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("agree"))
    yield database
    database.close()


@pytest.fixture(scope="module")
def returns(demo: Database, tmp_path_factory: pytest.TempPathFactory) -> dict[IsoWeek, dict]:
    """Each week's 汇总 indicators as {column: {metric: cell value}}, read back from the file."""
    folder = tmp_path_factory.mktemp("returns")
    return {
        week: _indicators(export_weekly(demo, week, out=folder)) for week in (W13, W14, W16, W17)
    }


def _indicators(path: Path) -> dict[str, dict[str, object]]:
    sheet = openpyxl.load_workbook(path)["汇总"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = next(row for row in rows if row[0] == "指标")
    by_label = {row[0]: row for row in rows}
    return {
        key: {m: by_label[BY_KEY[m].label_zh][header.index(heading)] for m in HEADLINE_METRICS}
        for heading, key in COLUMNS.items()
    }


def cli_stats(demo: Database, period: Period) -> dict[str, Any]:
    """`python -m fieldlog --db FILE stats --from … --to … --json`, run for real."""
    span = ["--from", str(period.start), "--to", str(period.end)]
    result = run("--db", str(demo.path), "stats", *span, "--json")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    assert (data["from"], data["to"]) == (str(period.start), str(period.end))
    return data


def dashboard_texts(qtbot, demo: Database, today: date, kind: str) -> dict[str, str]:
    """The headline figures the dashboard shows for a period choice, as on screen."""
    page = DashboardPage(demo, today=today)
    qtbot.addWidget(page)
    page.picker.select(kind)
    return {m: page.findChild(QLabel, f"figure_{m}").text() for m in HEADLINE_METRICS}


def as_shown(values: dict[str, Any]) -> dict[str, str]:
    """Yuan and counts as the dashboard shows them: 亿元 as a bureau writes them, plain counts."""
    return {
        m: format_yi(values[m]) if m in AMOUNT_METRICS else str(values[m]) for m in HEADLINE_METRICS
    }


def from_return(cells: dict[str, Any]) -> dict[str, str]:
    """A return's column as the dashboard shows it (its amounts are 亿元 numbers)."""
    return {
        m: format_yi(round(Decimal(str(cells[m])) * YUAN_PER_YI))
        if m in AMOUNT_METRICS
        else str(cells[m])
        for m in HEADLINE_METRICS
    }


def figures(demo: Database, period: Period) -> dict[str, int]:
    computed = stats.compute(demo, period)
    return {m: computed.value(m) for m in HEADLINE_METRICS}


@pytest.mark.parametrize(
    ("week", "day"), [(W13, date(2020, 3, 25)), (W16, date(2020, 4, 19)), (W17, date(2020, 4, 20))]
)
def test_weeks_agree(qtbot, demo: Database, returns, week: IsoWeek, day: date) -> None:
    shown = dashboard_texts(qtbot, demo, day, "week")
    assert shown == from_return(returns[week]["week"])
    assert shown == as_shown(figures(demo, week.period))


def test_week_14_spans_two_months_and_agrees_with_the_command_line(
    qtbot, demo: Database, returns
) -> None:
    cli = cli_stats(demo, W14.period)
    shown = dashboard_texts(qtbot, demo, date(2020, 4, 1), "week")
    assert shown == as_shown(cli) == from_return(returns[W14]["week"])
    # 本月 counts only April's days of the week; 累计 runs from the dispatch start.
    april_days = Period(date(2020, 4, 1), W14.sunday)
    assert from_return(returns[W14]["month"]) == as_shown(figures(demo, april_days))
    to_date = Period(DISPATCH.start, W14.sunday)
    assert from_return(returns[W14]["total"]) == as_shown(figures(demo, to_date))
    # The week's distinct count is the union of its two parts, never their sum.
    march = figures(demo, Period(W14.monday, date(2020, 3, 31)))["enterprises_visited"]
    april = figures(demo, april_days)["enterprises_visited"]
    assert max(march, april) <= cli["enterprises_visited"] <= march + april


def test_the_dispatch_agrees_with_the_command_line_and_the_return(
    qtbot, demo: Database, returns
) -> None:
    cli = cli_stats(demo, DISPATCH)
    shown = dashboard_texts(qtbot, demo, DISPATCH.end, "dispatch")
    assert shown == as_shown(cli)
    assert shown["enterprises_visited"] == "346" and shown["contract_amount_yuan"] == "29.14"
    assert shown["funds_in_place_yuan"] == "4.389"
    # The return's 累计 of 2020-W17 runs to its Sunday, 04-26; the demo's work ends on 04-22.
    assert figures(demo, Period(DISPATCH.start, W17.sunday)) == figures(demo, DISPATCH)
    assert from_return(returns[W17]["total"]) == shown
    for metric in AMOUNT_METRICS:
        assert round(returns[W17]["total"][metric] * 100_000_000) == cli[metric]


def test_a_month_agrees(qtbot, demo: Database, returns) -> None:
    shown = dashboard_texts(qtbot, demo, date(2020, 4, 15), "month")
    assert shown == as_shown(figures(demo, APRIL))
    # The return's 本月 of 2020-W17 runs to its Sunday, 04-26; nothing happens after 04-22.
    assert figures(demo, Period(APRIL.start, W17.sunday)) == figures(demo, APRIL)
    assert from_return(returns[W17]["month"]) == shown
