"""The weekly return (周报, SPEC §4.1): sheet 汇总 and the list sheets, laid out from figures.

The writer computes nothing: every figure, label and name arrives in a `Summary` built by the
service from the shared counting rules. The words of the layout itself (指标, 本周, …) live here,
as the column headings live in `columns.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from fieldlog.excel.cells import put
from fieldlog.excel.house_style import (
    CAPTION,
    HEADER,
    PLAIN,
    PLAIN_RIGHT,
    TITLE,
    Fit,
    Kind,
    page_setup,
)
from fieldlog.excel.tables import (
    Column,
    Table,
    list_sheet,
    new_workbook,
    save,
    write_cells,
    write_header,
)

__all__ = [
    "INDICATOR_HEADINGS",
    "SUMMARY_SHEET",
    "Breakdown",
    "BreakdownRow",
    "Indicator",
    "Summary",
    "weekly_title",
    "write_weekly_return",
]

SUMMARY_SHEET = "汇总"
INDICATOR_HEADINGS = ("指标", "本周", "本月", "累计", "目标", "完成率")
WEEK_BAND, TOTAL_BAND = "本周", "累计"
UNIT_PREFIX, DATE_PREFIX = "填报单位：", "填报日期："
#: Rows 1–3 (title, 填报单位 line, indicator header) stay in view and head every printed page.
_TOP_ROWS = 3


@dataclass(frozen=True)
class Indicator:
    """One line of the indicator table; amounts in integer yuan, `rate` a ratio or None."""

    label: str
    kind: Kind  # COUNT, or YI for amounts
    week: int
    month: int
    total: int
    target: int | None = None
    rate: float | None = None


@dataclass(frozen=True)
class BreakdownRow:
    """One work group or county: its figures for the week and cumulatively, metric by metric."""

    name: str
    week: tuple[int, ...]
    total: tuple[int, ...]


@dataclass(frozen=True)
class Breakdown:
    """A table by work group or by county under the indicators."""

    caption: str  # the line above the table
    heading: str  # the first column's heading: 工作组 / 区县
    metrics: tuple[Column, ...]  # metric headings and kinds, repeated under 本周 and 累计
    rows: tuple[BreakdownRow, ...]


@dataclass(frozen=True)
class Summary:
    """Everything sheet 汇总 shows."""

    title: str
    reporting_unit: str
    filled_on: date
    indicators: tuple[Indicator, ...]
    breakdowns: tuple[Breakdown, ...]


def weekly_title(team: str, iso_year: int, week: int, monday: date, sunday: date) -> str:
    """`{team}工作周报（{yyyy}年第{w}周 {m}月{d}日—{m}月{d}日）`, without zero padding."""
    return (
        f"{team}工作周报（{iso_year}年第{week}周 "
        f"{monday.month}月{monday.day}日—{sunday.month}月{sunday.day}日）"
    )


def write_weekly_return(summary: Summary, sheets: Sequence[Table], path: Path) -> Path:
    """Write 汇总 followed by the list sheets (走访明细, 项目台账, 到位资金) to `path`."""
    workbook = new_workbook()
    _summary_sheet(workbook, summary)
    for table in sheets:
        list_sheet(workbook, table)
    return save(workbook, path)


def _line(sheet: Worksheet, row: int, first: int, last: int, text: str, style: str) -> None:
    """A text across merged columns `first`..`last` of `row`."""
    cell = sheet.cell(row, first)
    put(cell, text)
    cell.style = style
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _summary_sheet(workbook: Workbook, summary: Summary) -> None:
    sheet = workbook.create_sheet(SUMMARY_SHEET)
    span = max([len(INDICATOR_HEADINGS)] + [1 + 2 * len(b.metrics) for b in summary.breakdowns])
    _line(sheet, 1, 1, span, summary.title, TITLE)
    sheet.row_dimensions[1].height = 30
    half = span // 2 + 1
    _line(sheet, 2, 1, half, UNIT_PREFIX + summary.reporting_unit, PLAIN)
    _line(sheet, 2, half + 1, span, DATE_PREFIX + summary.filled_on.isoformat(), PLAIN_RIGHT)
    fit = Fit()
    write_header(sheet, _TOP_ROWS, INDICATOR_HEADINGS, fit)
    row = _TOP_ROWS + 1
    for indicator in summary.indicators:
        _indicator(sheet, row, indicator, fit)
        row += 1
    for breakdown in summary.breakdowns:
        row = _breakdown(sheet, row + 1, breakdown, fit)
    fit.apply(sheet)
    sheet.freeze_panes = sheet.cell(_TOP_ROWS + 1, 1)
    page_setup(sheet, title_rows=f"1:{_TOP_ROWS}")


def _indicator(sheet: Worksheet, row: int, indicator: Indicator, fit: Fit) -> None:
    figure = Column("", indicator.kind)
    columns = (Column("", Kind.TEXT), figure, figure, figure, figure, Column("", Kind.PERCENT))
    values = (
        indicator.label,
        indicator.week,
        indicator.month,
        indicator.total,
        indicator.target,
        indicator.rate,
    )
    write_cells(sheet, row, columns, values, fit)


def _breakdown(sheet: Worksheet, row: int, breakdown: Breakdown, fit: Fit) -> int:
    """Caption, a two-level header (本周 / 累计 over the metrics) and one row per name.

    There is no 合计 row on purpose: distinct counts (走访企业) do not add up across groups or
    counties — two groups visiting one company count it once for the team — so a sum would be
    wrong, and the team's true totals are the indicator table above.
    """
    width = len(breakdown.metrics)
    _line(sheet, row, 1, 1 + 2 * width, breakdown.caption, CAPTION)
    top, sub = row + 1, row + 2
    for column in range(1, 2 + 2 * width):
        sheet.cell(top, column).style = HEADER
    sheet.cell(sub, 1).style = HEADER
    write_header(sheet, sub, [m.heading for m in breakdown.metrics] * 2, fit, first=2)
    put(sheet.cell(top, 1), breakdown.heading)
    fit.header(top, 1, breakdown.heading)
    put(sheet.cell(top, 2), WEEK_BAND)
    put(sheet.cell(top, 2 + width), TOTAL_BAND)
    sheet.merge_cells(start_row=top, start_column=1, end_row=sub, end_column=1)
    sheet.merge_cells(start_row=top, start_column=2, end_row=top, end_column=1 + width)
    sheet.merge_cells(start_row=top, start_column=2 + width, end_row=top, end_column=1 + 2 * width)
    columns = (Column("", Kind.TEXT), *breakdown.metrics, *breakdown.metrics)
    row = sub + 1
    for line in breakdown.rows:
        write_cells(sheet, row, columns, (line.name, *line.week, *line.total), fit)
        row += 1
    return row
