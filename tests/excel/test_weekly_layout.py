"""The weekly return's writer on hand-made figures: signatories, print headings, total rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from fieldlog.excel.house_style import Kind
from fieldlog.excel.print_setup import print_heading
from fieldlog.excel.tables import TRANCHE_SHEET, TRANCHE_TABLE, Column, Table
from fieldlog.excel.weekly_return import (
    Breakdown,
    BreakdownRow,
    IndicatorLine,
    Signatories,
    Summary,
    weekly_title,
    write_weekly_return,
)
from fieldlog.services.reports.report_sheets import with_total

MONDAY, SUNDAY = date(2020, 4, 13), date(2020, 4, 19)


def _summary(team: str, signatories: Signatories, rows: int = 2) -> Summary:
    metrics = (Column("走访\n企业", Kind.COUNT), Column("到位资金\n（亿元）", Kind.YI))
    breakdown = Breakdown(
        "分区县情况",
        "区县",
        metrics,
        tuple(BreakdownRow(f"县{n}", (3, 100_000_000), (5, 200_000_000)) for n in range(rows)),
        BreakdownRow("全队合计（去重）", (4, 150_000_000), (7, 300_000_000)),
        "注：一行一句。",
    )
    return Summary(
        title=weekly_title(team, 2020, 16, MONDAY, SUNDAY),
        reporting_unit="某局",
        filled_on=SUNDAY,
        indicators=(IndicatorLine("走访企业（家）", Kind.COUNT, 1, 2, 3),),
        breakdowns=(breakdown,),
        signatories=signatories,
    )


def _tranches() -> Table:
    rows = [
        [1, MONDAY, "甲项目", "甲公司", 1_234_500, "省外", ""],
        [2, SUNDAY, "乙项目", "乙公司", 1, "", "回单"],
        [3, SUNDAY, "丙项目", "丙公司", None, "", ""],
    ]
    return Table(TRANCHE_SHEET, TRANCHE_TABLE, rows)


def test_signatories_given_are_printed_and_blanks_are_lines(tmp_path: Path):
    who = Signatories(preparer="张三", reviewer="", phone="0856-5212345")
    path = write_weekly_return(_summary("测试队", who), [], tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(path)["汇总"]
    last = [c.value for c in sheet[sheet.max_row] if c.value]
    assert last == ["填报人：张三", "审核人：" + "_" * 12, "联系电话：0856-5212345"]
    assert all(c.data_type == "s" for c in sheet[sheet.max_row] if c.value)


def test_a_total_row_is_the_exact_sum_of_the_rows(tmp_path: Path):
    table = with_total(_tranches())
    assert table.total == ["合计", None, None, None, 1_234_501, None, None]
    path = write_weekly_return(_summary("测试队", Signatories()), [table], tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(path)[TRANCHE_SHEET]
    total = [c.value for c in sheet[5]]
    assert total == ["合计", None, None, None, pytest.approx(123.4501), None, None]
    assert sheet["E5"].font.bold and sheet["E5"].number_format == "#,##0.00##"


def test_an_ampersand_in_the_team_name_is_printed_not_taken_for_a_code(tmp_path: Path):
    summary = _summary("A&B工作队", Signatories())
    path = write_weekly_return(summary, [with_total(_tranches())], tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        assert sheet.oddHeader.center.text.startswith("A&&B工作队工作周报（2020年第16周")
        assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页"


def test_a_long_heading_is_cut_to_what_excel_accepts():
    heading = print_heading("&" * 300)
    assert len(heading) <= 180 and heading.endswith("…")
    assert heading.count("&") % 2 == 0  # every "&" doubled, none left alone to start a code
    assert print_heading("铜仁&遵义") == "铜仁&&遵义"


@pytest.mark.parametrize("rows", [2, 60])
def test_a_summary_too_long_for_one_page_starts_each_later_table_on_a_page(tmp_path, rows):
    summary = _summary("测试队", Signatories(), rows)
    two = Summary(**{**summary.__dict__, "breakdowns": summary.breakdowns * 2})
    sheet = openpyxl.load_workbook(write_weekly_return(two, [], tmp_path / "r.xlsx"))["汇总"]
    breaks = [b.id for b in sheet.row_breaks.brk]
    if rows == 2:
        assert breaks == []  # it fits one page: no break
        return
    captions = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "分区县情况"]
    assert breaks == [captions[1] - 1]
