"""The dashboard's charts: visits per ISO week, the pipeline by stage, amounts by chain.

The charts only draw what `services.dashboard` computed; nothing is counted here.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QToolTip, QWidget

from fieldlog.domain import indicators
from fieldlog.domain.catalogs import display_kind_name
from fieldlog.domain.money import YUAN_PER_YI
from fieldlog.domain.stages import MAIN_LINE
from fieldlog.services.reports.dashboard import ChainAmounts, StageCount, WeekBar, amount_unit
from fieldlog.ui.amounts import wan
from fieldlog.ui.widgets.org_detail_panel import stage_labels

PERIOD_COLOUR = QColor("#1a5fb4")
CONTEXT_COLOUR = QColor("#b8c0cc")
SIDE_COLOUR = QColor("#e66100")
FUNDS_COLOUR = QColor("#2e7d32")
#: Up to this many weeks every bar gets its own label; beyond, every few weeks only.
LABELLED_WEEKS = 16
#: Up to this many weeks each label also shows the week's first and last day.
RANGED_WEEKS = 8


def _view(name: str, accessible: str, height: int) -> QChartView:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(6)
    view = QChartView(chart)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(height)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do with the keyboard in a chart
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return view


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
        axis.deleteLater()


def _attach(chart: QChart, series: QBarSeries, x: QAbstractAxis, y: QAbstractAxis) -> None:
    chart.addSeries(series)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)


def _count_axis(largest: float, title: str = "") -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(largest * 1.1, 1))
    axis.setLabelFormat("%d")
    axis.applyNiceNumbers()
    axis.setTitleText(title)
    return axis


def _tip(bar_set: QBarSet, texts: list[str]) -> None:
    """Say what a bar means when the pointer rests on it."""

    def hovered(on: bool, index: int) -> None:
        if on and 0 <= index < len(texts):
            QToolTip.showText(QCursor.pos(), texts[index])
        else:
            QToolTip.hideText()

    bar_set.hovered.connect(hovered)


def _week_label(week: WeekBar, *, ranged: bool) -> str:
    """W14 with its dates when there is room (a few weeks), else with its first day below."""
    if ranged:
        return f"W{week.week.week:02d} · {week.start:%m-%d}–{week.end:%m-%d}"
    return f"W{week.week.week:02d}<br>{week.start:%m-%d}"


class DashboardCharts(QWidget):
    """Three charts: `visits` (per ISO week), `funnel` (projects by stage), `chains` (amounts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardCharts")
        self.visits = _view("visitsChart", self.tr("Visits per week"), 260)
        self.funnel = _view("funnelChart", self.tr("Projects by stage"), 380)
        self.chains = _view("chainsChart", self.tr("Contract amount and funds by chain"), 380)
        self.visits_note = QLabel(objectName="visitsChartNote")
        self.visits_note.setStyleSheet("color: #5f6368;")
        self.chains_unit = ""
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._heading(self.tr("Visits per ISO week")), 0, 0)
        layout.addWidget(self.visits_note, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.visits, 1, 0, 1, 2)
        layout.addWidget(self._heading(self.tr("Projects by current stage")), 2, 0)
        chains = self.tr("Contract amount and funds in place by chain")
        layout.addWidget(self._heading(chains), 2, 1)
        layout.addWidget(self.funnel, 3, 0)
        layout.addWidget(self.chains, 3, 1)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)

    @staticmethod
    def _heading(text: str) -> QLabel:
        return QLabel(f"<b>{text}</b>")

    def show_data(
        self, weeks: list[WeekBar], funnel: list[StageCount], chains: list[ChainAmounts]
    ) -> None:
        """Redraw the three charts."""
        self.show_weeks(weeks)
        self.show_funnel(funnel)
        self.show_chains(chains)

    def show_weeks(self, weeks: list[WeekBar]) -> None:
        """Visits per week; weeks outside the chosen period (context) in grey."""
        chart = self.visits.chart()
        _clear(chart)
        bars = QBarSet(indicators.name("visits"))
        bars.append([float(w.visits) for w in weeks])
        bars.setColor(PERIOD_COLOUR)
        context = [i for i, w in enumerate(weeks) if not w.in_period]
        if context:
            # The period's weeks stand out; the weeks around it are context only.
            bars.setColor(CONTEXT_COLOUR)
            bars.setSelectedColor(PERIOD_COLOUR)
            bars.selectBars([i for i, w in enumerate(weeks) if w.in_period])
        bars.setLabelColor(QColor("#3c4043"))
        _tip(bars, [self._week_tip(w) for w in weeks])
        series = QBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        series.setLabelsVisible(len(weeks) <= LABELLED_WEEKS)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        largest = max((w.visits for w in weeks), default=0)
        _attach(chart, series, self._week_axis(weeks), _count_axis(largest))
        chart.legend().hide()
        note = self.tr("Grey: the weeks before the chosen period") if context else ""
        self.visits_note.setText(note)

    def _week_tip(self, week: WeekBar) -> str:
        text = self.tr("{week} ({start} – {end}): {visits} visits")
        return text.format(week=week.week, start=week.start, end=week.end, visits=week.visits)

    def _week_axis(self, weeks: list[WeekBar]) -> QAbstractAxis:
        if len(weeks) <= LABELLED_WEEKS:
            axis = QBarCategoryAxis()
            axis.append([_week_label(w, ranged=len(weeks) <= RANGED_WEEKS) for w in weeks])
            return axis
        # Too many weeks for a label each: a label every few weeks, on its bar.
        spaced = QCategoryAxis()
        spaced.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        spaced.setRange(-0.5, len(weeks) - 0.5)
        step = -(-len(weeks) // 13)
        for index in range(0, len(weeks), step):
            spaced.append(f"W{weeks[index].week.week:02d}", index)
        spaced.setGridLineVisible(False)
        return spaced

    def show_funnel(self, counts: list[StageCount]) -> None:
        """Projects per current stage: the main line top down, then paused and dropped."""
        chart = self.funnel.chart()
        _clear(chart)
        names = stage_labels()
        ordered = list(reversed(counts))  # a horizontal chart draws its first category lowest
        main = QBarSet(self.tr("Main line"))
        side = QBarSet(self.tr("Paused or dropped"))
        main.setColor(PERIOD_COLOUR)
        side.setColor(SIDE_COLOUR)
        for count in ordered:
            on_main = count.stage in MAIN_LINE
            main.append(float(count.projects if on_main else 0))
            side.append(float(0 if on_main else count.projects))
        series = QHorizontalStackedBarSeries()
        series.append([main, side])
        series.setBarWidth(0.7)
        stages = QBarCategoryAxis()
        stages.append([f"{names[c.stage]}  {c.projects}" for c in ordered])
        stages.setGridLineVisible(False)
        stages.setTruncateLabels(False)
        largest = max((c.projects for c in counts), default=0)
        _attach(chart, series, _count_axis(largest, self.tr("Projects")), stages)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().show()

    def show_chains(self, rows: list[ChainAmounts]) -> None:
        """Contract amount and funds in place per chain, in 亿元 or 万元 as the sizes need."""
        chart = self.chains.chart()
        _clear(chart)
        largest = max((max(r.contract_yuan, r.funds_yuan) for r in rows), default=0)
        per_unit, self.chains_unit = amount_unit(largest)
        # Chains as the window's language names them (English labels for the shipped ones).
        ordered = [replace(r, chain=display_kind_name("chain", r.chain or "")) for r in rows[::-1]]
        contract = QBarSet(indicators.name("contract_amount_yuan"))
        funds = QBarSet(indicators.name("funds_in_place_yuan"))
        contract.setColor(PERIOD_COLOUR)
        funds.setColor(FUNDS_COLOUR)
        contract.append([r.contract_yuan / per_unit for r in ordered])
        funds.append([r.funds_yuan / per_unit for r in ordered])
        _tip(contract, [self._amount_tip(r.chain, r.contract_yuan) for r in ordered])
        _tip(funds, [self._amount_tip(r.chain, r.funds_yuan) for r in ordered])
        series = QHorizontalBarSeries()
        series.append([contract, funds])
        series.setBarWidth(0.8)
        names = QBarCategoryAxis()
        names.append([r.chain or self.tr("No chain") for r in ordered])
        names.setGridLineVisible(False)
        names.setTruncateLabels(False)  # chain names are short; never "…"
        amounts = QValueAxis()
        amounts.setRange(0, max(largest / per_unit * 1.1, 1))
        amounts.applyNiceNumbers()
        amounts.setLabelFormat("%.1f" if per_unit == YUAN_PER_YI else "%d")
        title = (
            self.tr("Amount (100M yuan)")
            if per_unit == YUAN_PER_YI
            else self.tr("Amount (10k yuan)")
        )
        amounts.setTitleText(title)
        _attach(chart, series, amounts, names)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().show()

    @staticmethod
    def _amount_tip(chain: str | None, yuan: int) -> str:
        name = chain or QCoreApplication.translate("DashboardCharts", "No chain")
        return f"{name}: {wan(yuan)}"
