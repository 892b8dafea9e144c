"""The weekly return (周报, SPEC §4.1): sheet 汇总 and the list sheets, laid out from figures.

The writer computes nothing: every figure, label and name arrives in a `Summary` built by the
service from the shared counting rules. The words of the layout itself (指标, 本周, …) live here,
as the column headings live in `columns.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from openpyxl.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from fieldlog.excel.cells import put
from fieldlog.excel.house_style import (
    CAPTION,
    HEADER,
    NOTE_LINE,
    PLAIN,
    PLAIN_RIGHT,
    TITLE,
    Fit,
    Kind,
)
from fieldlog.excel.print_setup import SHORT_SIDE, page_setup
from fieldlog.excel.tables import (
    INCOMPLETE_SHEET,
    LEDGER_SHEET,
    MATTER_SHEET,
    TRANCHE_SHEET,
    VISIT_SHEET,
    WARNING_SHEET,
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
    "RETURN_SHEETS",
    "SUMMARY_SHEET",
    "Breakdown",
    "BreakdownRow",
    "IndicatorLine",
    "Signatories",
    "Summary",
    "add_weekly_return",
    "weekly_title",
    "write_weekly_return",
]

SUMMARY_SHEET = "汇总"
#: The sheets of a weekly return, in order: SPEC §4.1's four, then what needs attention.
RETURN_SHEETS: tuple[str, ...] = (
    SUMMARY_SHEET,
    VISIT_SHEET,
    LEDGER_SHEET,
    TRANCHE_SHEET,
    WARNING_SHEET,
    MATTER_SHEET,
    INCOMPLETE_SHEET,
)
INDICATOR_HEADINGS = ("指标", "本周", "本月", "累计", "目标", "完成率")
WEEK_BAND, TOTAL_BAND = "本周", "累计"
UNIT_PREFIX, DATE_PREFIX = "填报单位：", "填报日期："
#: The signature line at the foot of 汇总; a blank name prints as a line to write on.
SIGNATURE_LABELS = ("填报人：", "审核人：", "联系电话：")
SIGNATURE_BLANK = "_" * 12
#: Rows 1–3 (title, 填报单位 line, indicator header) stay in view; rows 1–2 head every printed
#: page (the indicator header would mislabel a breakdown continued on page 2).
_TOP_ROWS = 3
_PRINTED_ROWS = "1:2"
#: Points a row without a height of its own takes in print (Excel's 11-point default).
_ROW_POINTS = 15


@dataclass(frozen=True)
class IndicatorLine:
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
    total: BreakdownRow | None = None  # the team's own (distinct) figures, under the rows
    note: str = ""  # one line under the table (why the rows may add up to more than the total)


@dataclass(frozen=True)
class Signatories:
    """Who prepared and who reviewed the return, and a telephone number; blanks print as a line
    to fill in by hand."""

    preparer: str = ""
    reviewer: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Summary:
    """Everything sheet 汇总 shows."""

    title: str
    reporting_unit: str
    filled_on: date
    indicators: tuple[IndicatorLine, ...]
    breakdowns: tuple[Breakdown, ...]
    signatories: Signatories = Signatories()


def weekly_title(team: str, iso_year: int, week: int, monday: date, sunday: date) -> str:
    """`{team}工作周报（{yyyy}年第{w}周 {m}月{d}日—{m}月{d}日）`, without zero padding."""
    return (
        f"{team}工作周报（{iso_year}年第{week}周 "
        f"{monday.month}月{monday.day}日—{sunday.month}月{sunday.day}日）"
    )


def write_weekly_return(summary: Summary, sheets: Sequence[Table], path: Path) -> Path:
    """Write 汇总 followed by the list sheets (走访明细, 项目台账, 到位资金, 预警项目,
    需协调解决事项, 未完善线索: `RETURN_SHEETS`) to `path`; the return's title heads every
    printed page of every sheet."""
    workbook = new_workbook()
    add_weekly_return(workbook, summary, sheets)
    return save(workbook, path)


def add_weekly_return(
    workbook: Workbook, summary: Summary, sheets: Sequence[Table], *, prefix: str = ""
) -> None:
    """Add a return's sheets to `workbook`, each sheet's name after `prefix` (a bureau's return
    holds the sheets of each of its teams)."""
    _summary_sheet(workbook, summary, prefix + SUMMARY_SHEET)
    for table in sheets:
        list_sheet(workbook, replace(table, sheet=prefix + table.sheet), heading=summary.title)


def _line(sheet: Worksheet, row: int, first: int, last: int, text: str, style: str) -> None:
    """A text across merged columns `first`..`last` of `row`."""
    cell = sheet.cell(row, first)
    put(cell, text)
    cell.style = style
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _summary_sheet(workbook: Workbook, summary: Summary, name: str = SUMMARY_SHEET) -> None:
    sheet = workbook.create_sheet(name)
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
    starts = []
    for breakdown in summary.breakdowns:
        starts.append(row + 1)
        row = _breakdown(sheet, row + 1, breakdown, fit)
    _signatures(sheet, row + 1, span, summary.signatories)
    fit.apply(sheet)
    sheet.freeze_panes = sheet.cell(_TOP_ROWS + 1, 1)
    page_setup(sheet, title_rows=_PRINTED_ROWS, heading=summary.title, fixed_scale=True)
    if _printed_height(sheet) > _page_height(sheet):
        # Each table after the first starts a page, with its own header, rather than run on
        # under the header of another.
        for start in starts[1:]:
            sheet.row_breaks.append(Break(id=start - 1))


def _printed_height(sheet: Worksheet) -> float:
    """The height of the sheet's rows in points, at 100 %."""
    heights = (sheet.row_dimensions[r].height for r in range(1, sheet.max_row + 1))
    return sum(height or _ROW_POINTS for height in heights)


def _page_height(sheet: Worksheet) -> float:
    """The height a page holds in points at 100 %, at the sheet's scale and margins."""
    setup, margins = sheet.page_setup, sheet.page_margins
    room = SHORT_SIDE[int(setup.paperSize)] - 72 * (margins.top + margins.bottom)
    return room * 100 / int(setup.scale or 100)


def _signatures(sheet: Worksheet, row: int, span: int, who: Signatories) -> None:
    """填报人 / 审核人 / 联系电话 side by side across the `span` columns of `row`."""
    values = (who.preparer, who.reviewer, who.phone)
    third = span // 3
    starts = (1, 1 + third, 1 + 2 * third)
    ends = (third, 2 * third, span)
    for label, value, first, last in zip(SIGNATURE_LABELS, values, starts, ends, strict=True):
        _line(sheet, row, first, last, label + (value or SIGNATURE_BLANK), PLAIN)
    sheet.row_dimensions[row].height = 30  # room to sign


def _indicator(sheet: Worksheet, row: int, indicator: IndicatorLine, fit: Fit) -> None:
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
    """Caption, a two-level header (本周 / 累计 over the metrics), one row per name, the total
    row and the note; returns the row after the table.

    The total row is never a sum of the rows: distinct counts (走访企业) do not add up across
    groups or counties — two groups visiting one company count it once for the team — so it is
    the team's own figures, and the note says why the rows may add up to more.
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
    if breakdown.total is not None:
        total = breakdown.total
        write_cells(sheet, row, columns, (total.name, *total.week, *total.total), fit, total=True)
        row += 1
    if breakdown.note:
        _line(sheet, row, 1, 1 + 2 * width, breakdown.note, NOTE_LINE)
        row += 1
    return row
