"""The window names the indicators as the domain does, in its own language (SPEC §4.1)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel

from fieldlog import app
from fieldlog.domain.counting import Stats
from fieldlog.domain.period import Period
from fieldlog.ui.headline_panel import HeadlinePanel
from fieldlog.ui.widgets.dashboard_charts import DashboardCharts
from fieldlog.ui.widgets.rankings_table import RankingsTable
from fieldlog.ui.widgets.targets_table import metric_label

ZERO = Stats(Period.all_time(), 0, 0, 0, 0, 0, 0, 0, 0, 0)


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    app.use_language(qapp, "zh_CN")  # as the Chinese window does: Qt's texts and the core's
    yield
    app.install_translators(qapp, "en")  # the suite's fixture puts the core's language back


def _captions(qtbot) -> list[str]:
    panel = HeadlinePanel(None, None, ZERO, ZERO)
    qtbot.addWidget(panel)
    found = [
        label.text() for label in panel.findChildren(QLabel) if label.property("role") == "caption"
    ]
    return found


def _headers(qtbot) -> list[str]:
    table = RankingsTable()
    qtbot.addWidget(table)
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def _legends(qtbot) -> list[str]:
    charts = DashboardCharts()
    qtbot.addWidget(charts)
    charts.show_data([], [], [])
    found = [charts.visits, charts.chains]
    return [bars.label() for view in found for bars in view.chart().series()[0].barSets()]


def test_the_chinese_window_names_the_figures_as_the_return(qtbot, chinese) -> None:
    assert _captions(qtbot) == [
        *("走访企业", "走访商协会", "走访次数", "新增线索", "在谈项目", "签约项目"),
        *("合同投资额（亿元）", "到位资金（亿元）"),
    ]
    assert _headers(qtbot)[2:] == [
        *("走访企业（家）", "走访商协会（个）", "走访次数（次）", "签约项目（个）"),
        *("合同投资额（亿元）", "到位资金（亿元）"),
    ]
    assert metric_label("inspections") == "考察批次"
    assert metric_label("exports_yuan") == "未知（exports_yuan）"
    assert _legends(qtbot) == ["走访次数", "合同投资额", "到位资金"]


def test_the_english_window_names_them_in_english(qtbot) -> None:
    assert _captions(qtbot)[::7] == ["Enterprises visited", "Funds in place (100M yuan)"]
    assert _headers(qtbot)[2:] == [
        *("Enterprises visited", "Associations visited", "Visits", "Projects signed"),
        *("Contract amount (100M yuan)", "Funds in place (100M yuan)"),
    ]
    assert metric_label("inspections") == "Inspection visits"
    assert _legends(qtbot) == ["Visits", "Contract amount", "Funds in place"]
