"""The demo's weekly return: every figure is `stats.compute`'s, laid out as in SPEC §4.1."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from fieldlog.domain.indicators import AMOUNT_METRICS, BY_KEY, HEADLINE_METRICS, METRICS
from fieldlog.domain.money import YI_NUMBER_FORMAT
from fieldlog.domain.period import IsoWeek, Period, weeks_between
from fieldlog.excel.columns import LEDGER_COLUMNS, TRANCHE_COLUMNS, VISIT_COLUMNS
from fieldlog.excel.print_setup import printed_size
from fieldlog.excel.weekly_return import RETURN_SHEETS
from fieldlog.services.admin.demo import DEMO_PERIOD
from fieldlog.services.errors import InvalidInput
from fieldlog.services.reports import stats
from fieldlog.services.reports.weekly import export_weekly
from fieldlog.services.team.team import groups
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem
from fieldlog.store.repositories.facts import Scope
from tests.conftest import open_copy

pytestmark = pytest.mark.slow

START = DEMO_PERIOD.start
WEEKS = [IsoWeek(2020, w) for w in (13, 14, 15, 16, 17)]
W14, W15, W16, W17 = (IsoWeek(2020, w) for w in (14, 15, 16, 17))
TEAM = "铜仁市驻深招商工作队"
TEAM_TOTAL = "全队合计（去重）"
GROUP_CAPTION, COUNTY_CAPTION = "分工作组情况", "分区县情况（按队员派出区县）"
#: SPEC §4.1's 项目台账 labels; the headings hold line breaks between words.
LEDGER_LABELS = [
    *("序号", "项目名称", "投资方", "统一社会信用代码", "产业链", "链环节", "建强补延"),
    *("项目阶段", "计划总投资（万元）", "合同投资额（万元）", "签约形式", "签约日期", "落地区县"),
    *("本周到位资金（万元）", "累计到位资金（万元）", "首谈人", "工作组", "进展情况", "存在问题"),
    *("下一步计划", "下次跟进日期"),
    # After SPEC's columns, on a second page wide: the project's kind, milestones, 考核口径.
    *("项目类型", "资金来源", "入库日期", "入规日期", "考核口径", "不计入原因"),
]
LEDGER = {label: n for n, label in enumerate(LEDGER_LABELS)}
LEDGER_AMOUNTS = ["计划总投资（万元）", "合同投资额（万元）", "本周到位资金（万元）"]
LEDGER_AMOUNTS.append("累计到位资金（万元）")
INDICATORS = [
    "走访企业（家）",
    "走访商协会（个）",
    "走访次数（次）",
    "新增线索（个）",
    "在谈项目（个）",
    "签约项目（个）",
    "合同投资额（亿元）",
    "到位资金（亿元）",
]
BREAKDOWN = ["enterprises_visited", "associations_visited", "visits", "projects_signed"]
BREAKDOWN += ["contract_amount_yuan", "funds_in_place_yuan"]
AMOUNTS = ["合同投资额（亿元）", "到位资金（亿元）"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path):
    db = open_copy(demo_database_file, tmp_path_factory.mktemp("weekly"))
    yield db
    db.close()


@pytest.fixture(scope="module")
def books(demo: Database, tmp_path_factory: pytest.TempPathFactory):
    """The return of every dispatch week, written once and read back."""
    folder = tmp_path_factory.mktemp("books")
    written = {}
    for week in WEEKS:
        path = export_weekly(demo, week, out=folder, today=date(2020, 4, 20))
        written[week] = (path, openpyxl.load_workbook(path))
    return written


def _summary(books, week: IsoWeek) -> Worksheet:
    return books[week][1]["汇总"]


def _figure(cell_value: object, metric: str) -> int:
    """A cell's figure back in the unit of `stats` (yuan for amounts)."""
    assert isinstance(cell_value, int | float), cell_value
    if metric in AMOUNT_METRICS:
        return round(cell_value * 100_000_000)
    assert isinstance(cell_value, int)
    return cell_value


def _spans(week: IsoWeek) -> tuple[Period, Period, Period]:
    sunday = week.sunday
    return week.period, Period(sunday.replace(day=1), sunday), Period(START, sunday)


def test_the_default_file_name_and_the_sheets(books):
    path, book = books[W16]
    assert path.name == "铜仁市驻深招商工作队工作周报_2020-W16.xlsx"
    assert book.sheetnames == [
        *("汇总", "走访明细", "项目台账", "到位资金"),  # SPEC §4.1
        *("预警项目", "需协调解决事项", "未完善线索"),  # what needs attention
    ]
    assert book.sheetnames == list(RETURN_SHEETS)


def test_the_title_and_the_reporting_line(books):
    sheet = _summary(books, W16)
    assert sheet["A1"].value == "铜仁市驻深招商工作队工作周报（2020年第16周 4月13日—4月19日）"
    assert any(str(r).startswith("A1:") for r in sheet.merged_cells.ranges)
    line = [c.value for c in sheet[2] if c.value]
    assert line == ["填报单位：铜仁市投资促进局", "填报日期：2020-04-20"]
    assert _summary(books, W14)["A1"].value.endswith("（2020年第14周 3月30日—4月5日）")


def test_the_indicator_labels_are_exact(books):
    sheet = _summary(books, W16)
    assert [c.value for c in sheet[3]][:6] == ["指标", "本周", "本月", "累计", "目标", "完成率"]
    assert [sheet.cell(r, 1).value for r in range(4, 12)] == INDICATORS
    assert [BY_KEY[m].label_zh for m in HEADLINE_METRICS] == INDICATORS
    assert all(c.font.bold and c.fill.fgColor.rgb.endswith("DDEBF7") for c in sheet[3][:6])


@pytest.mark.parametrize("week", WEEKS, ids=str)
def test_every_figure_is_stats_compute(demo, books, week):
    sheet = _summary(books, week)
    figures = [stats.compute(demo, span) for span in _spans(week)]
    for row, metric in enumerate(METRICS[:8], start=4):
        for column, expected in zip((2, 3, 4), figures, strict=True):
            cell = sheet.cell(row, column)
            assert _figure(cell.value, metric) == expected.value(metric), (week, metric, column)
            assert cell.data_type == "n"
            assert cell.number_format == (YI_NUMBER_FORMAT if metric in AMOUNT_METRICS else "0")


def test_week_14_spans_two_months(demo, books):
    sheet = _summary(books, W14)
    april = stats.compute(demo, Period(date(2020, 4, 1), date(2020, 4, 5)))
    week = stats.compute(demo, W14.period)
    assert week.visits > april.visits  # 30 and 31 March are in the week, not in 本月
    assert sheet.cell(6, 3).value == april.visits
    assert sheet.cell(6, 2).value == week.visits
    assert sheet.cell(4, 3).value == april.enterprises_visited


def test_cumulative_distinct_counts_are_not_sums_of_weeks(demo, books):
    weekly = [_summary(books, w).cell(4, 2).value for w in WEEKS]
    cumulative = _summary(books, W17).cell(4, 4).value
    assert cumulative == stats.compute(demo, Period(START, W17.sunday)).enterprises_visited
    assert cumulative == 346
    assert cumulative < sum(weekly)


def test_targets_and_completion_rates(demo, books):
    sheet = _summary(books, W16)
    so_far = stats.compute(demo, Period(START, W16.sunday))
    targets = {
        "enterprises_visited": 300,
        "associations_visited": 30,
        "projects_signed": 20,
        "contract_amount_yuan": 2_500_000_000,
        "funds_in_place_yuan": 400_000_000,
    }
    for row, metric in enumerate(METRICS[:8], start=4):
        target, rate = sheet.cell(row, 5), sheet.cell(row, 6)
        if metric not in targets:
            assert target.value is None and rate.value is None, metric
            continue
        assert _figure(target.value, metric) == targets[metric]
        assert rate.value == pytest.approx(so_far.value(metric) / targets[metric])
        assert rate.number_format == "0.0%"
    assert sheet.cell(4, 6).value == pytest.approx(308 / 300)


def _table(sheet: Worksheet, caption: str) -> dict[str, list[object]]:
    """The rows under `caption` by name (the 全队合计 row and the note included): 本周 figures
    then 累计 figures."""
    top = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == caption)
    band = [sheet.cell(top + 1, c).value for c in (2, 8)]
    assert band == ["本周", "累计"]
    headings = [sheet.cell(top + 2, c).value.replace("\n", "") for c in range(2, 14)]
    assert headings == 2 * ["走访企业", "走访商协会", "走访次数", "签约项目", *AMOUNTS]
    rows, row = {}, top + 3
    while sheet.cell(row, 1).value:
        rows[sheet.cell(row, 1).value] = [sheet.cell(row, c).value for c in range(2, 14)]
        row += 1
    return rows


def _scoped_rows(sheet: Worksheet, caption: str) -> dict[str, list[object]]:
    """The rows of the groups or counties alone."""
    rows = _table(sheet, caption)
    return {k: v for k, v in rows.items() if k != TEAM_TOTAL and not k.startswith("注：")}


def _check_scoped(demo: Database, week: IsoWeek, rows: dict, ids: dict, kind: str) -> None:
    assert set(rows) == set(ids)
    for name, values in rows.items():
        scope = Scope(kind, ids[name])
        week_figures = stats.compute(demo, week.period, scope)
        total = stats.compute(demo, Period(START, week.sunday), scope)
        for n, metric in enumerate(BREAKDOWN):
            assert _figure(values[n], metric) == week_figures.value(metric), (name, metric)
            assert _figure(values[6 + n], metric) == total.value(metric), (name, metric)


@pytest.mark.parametrize("week", [W14, W16], ids=str)
def test_tables_by_group_and_by_county_are_scoped_stats(demo, books, week):
    sheet = _summary(books, week)
    by_group = {g.name: g.id for g in groups(demo)}
    _check_scoped(demo, week, _scoped_rows(sheet, "分工作组情况"), by_group, "group")
    with demo.read() as session:
        counties = dict(
            session.execute(
                select(CatalogItem.name, CatalogItem.id).where(CatalogItem.kind == "county")
            ).all()
        )
    _check_scoped(demo, week, _scoped_rows(sheet, COUNTY_CAPTION), counties, "county")


@pytest.mark.parametrize("week", [W15, W16], ids=str)
@pytest.mark.parametrize("caption", [GROUP_CAPTION, COUNTY_CAPTION])
def test_each_breakdown_ends_with_the_teams_distinct_figures_and_a_note(demo, books, week, caption):
    rows = _table(_summary(books, week), caption)
    names = list(rows)
    assert names[-2] == "全队合计（去重）"
    total = rows["全队合计（去重）"]
    team_week = stats.compute(demo, week.period)
    team_total = stats.compute(demo, Period(START, week.sunday))
    for n, metric in enumerate(BREAKDOWN):
        assert _figure(total[n], metric) == team_week.value(metric), metric
        assert _figure(total[6 + n], metric) == team_total.value(metric), metric
    note = names[-1]
    assert note.startswith("注：") and "各计一次" in note and "大于全队合计（去重）" in note
    assert rows[note] == [None] * 12  # one line, merged across the table
    scoped = _scoped_rows(_summary(books, week), caption)
    # Members of several groups or counties at one visit count in each: never less than the team.
    assert sum(v[0] for v in scoped.values()) >= total[0]
    assert sum(v[6] for v in scoped.values()) >= total[6]


def test_the_county_rows_add_up_to_more_than_the_team_in_the_demo(demo, books):
    scoped = _scoped_rows(_summary(books, W15), COUNTY_CAPTION)
    team = stats.compute(demo, W15.period)
    assert sum(v[0] for v in scoped.values()) > team.enterprises_visited
    assert sum(v[2] for v in scoped.values()) > team.visits
    assert _table(_summary(books, W15), COUNTY_CAPTION)[TEAM_TOTAL][2] == team.visits


def test_the_total_rows_are_bold_on_grey(books):
    sheet = _summary(books, W16)
    cells = [c for row in sheet.iter_rows() for c in row if c.value == TEAM_TOTAL]
    assert len(cells) == 2
    for cell in cells:
        row = sheet[cell.row][:13]
        assert all(c.font.bold and c.fill.fgColor.rgb.endswith("F2F2F2") for c in row)


def test_visit_sheet_lists_the_weeks_visits(demo, books):
    sheet = books[W16][1]["走访明细"]
    assert [c.value for c in sheet[1]] == list(VISIT_COLUMNS)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == stats.compute(demo, W16.period).visits
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert all(W16.monday <= r[1].date() <= W16.sunday for r in rows)
    assert {r[3] for r in rows} <= {"企业", "商协会", "园区", "中介机构", "政府部门"}
    assert {r[11] for r in rows} <= {"强", "中", "弱", "无", None}
    assert any("、" in (r[7] or "") for r in rows)  # several visitors
    assert any("（" in (r[9] or "") for r in rows)  # contact with title


def _ledger_rows(sheet: Worksheet) -> tuple[list[tuple], tuple]:
    """The ledger's project rows and its 合计 row."""
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[-1][0] == "合计"
    return rows[:-1], rows[-1]


def test_ledger_sums_equal_the_dispatch_figures(demo, books):
    sheet = books[W17][1]["项目台账"]
    assert [c.value for c in sheet[1]] == list(LEDGER_COLUMNS)
    rows, _ = _ledger_rows(sheet)
    col = LEDGER
    dispatch = stats.compute(demo, DEMO_PERIOD)
    signed_on = col["签约日期"]
    signed = [r for r in rows if r[signed_on] and DEMO_PERIOD.contains(r[signed_on].date())]
    contract = sum(r[col["合同投资额（万元）"]] for r in signed)
    assert round(contract * 10_000) == dispatch.contract_amount_yuan == 2_914_000_000
    funds = sum(r[col["累计到位资金（万元）"]] or 0 for r in rows)
    assert round(funds * 10_000) == dispatch.funds_in_place_yuan == 438_900_000
    week = sum(r[col["本周到位资金（万元）"]] or 0 for r in rows)
    assert round(week * 10_000) == stats.compute(demo, W17.period).funds_in_place_yuan
    assert "终止" not in {r[col["项目阶段"]] for r in rows}
    assert {"签约", "在谈", "线索"} <= {r[col["项目阶段"]] for r in rows}


@pytest.mark.parametrize("week", WEEKS, ids=str)
def test_the_ledger_total_row_sums_its_amount_columns(books, week):
    sheet = books[week][1]["项目台账"]
    rows, total = _ledger_rows(sheet)
    for label in LEDGER_AMOUNTS:
        column = LEDGER[label]
        shown = sum(r[column] or 0 for r in rows)
        assert total[column] == pytest.approx(shown, abs=1e-6), label
        assert sheet.cell(len(rows) + 2, column + 1).number_format == "#,##0.00##"
    assert total[LEDGER["合同投资额（万元）"]] > 0
    others = [v for n, v in enumerate(total) if n and LEDGER_LABELS[n] not in LEDGER_AMOUNTS]
    assert others == [None] * (len(LEDGER_LABELS) - 5)
    assert sheet.cell(len(rows) + 2, 1).font.bold


def test_tranche_sheet_holds_the_weeks_tranches(demo, books):
    sheet = books[W16][1]["到位资金"]
    assert [c.value for c in sheet[1]] == list(TRANCHE_COLUMNS)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    rows, total = rows[:-1], rows[-1]
    assert len(rows) >= 2
    week_funds = stats.compute(demo, W16.period).funds_in_place_yuan
    assert round(sum(r[4] for r in rows) * 10_000) == week_funds
    assert total == ("合计", None, None, None, total[4], None, None)
    assert (
        total[4] == pytest.approx(sum(r[4] for r in rows))
        and round(total[4] * 10_000) == week_funds
    )


def test_dates_and_amounts_are_typed_cells(books):
    book = books[W16][1]
    visit = book["走访明细"]["B2"]
    assert isinstance(visit.value, datetime) and visit.number_format == "yyyy-mm-dd"
    assert visit.is_date
    ledger = book["项目台账"]
    amounts = [c for c in ledger["J"][1:] if c.value is not None]
    assert amounts and all(c.data_type == "n" for c in amounts)
    assert {c.number_format for c in amounts} == {"#,##0.00##"}
    assert all(isinstance(c.value, int) for c in ledger["A"][1:-1])
    assert ledger["A"][-1].value == "合计"
    assert book["到位资金"]["E2"].number_format == "#,##0.00##"


def test_house_style_on_every_sheet(books):
    for sheet in books[W16][1].worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape", sheet.title
        if sheet.title in ("汇总", "项目台账"):  # fixed scale: "fit to" ignores page breaks
            assert not sheet.sheet_properties.pageSetUpPr.fitToPage
        else:
            assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
            assert sheet.sheet_properties.pageSetUpPr.fitToPage
        # A4 unless the sheet would print below 8 pt on it: the ledger and the visits on A3.
        a3 = sheet.title in ("项目台账", "走访明细") or printed_size(sheet, 9) < 8
        assert int(setup.paperSize) == (8 if a3 else 9), sheet.title
        header = sheet["A3" if sheet.title == "汇总" else "A1"]
        assert header.font.bold and header.border.bottom.style == "thin", sheet.title
        assert header.fill.fgColor.rgb.endswith("DDEBF7"), sheet.title
        assert sheet.freeze_panes in ("A2", "A4")
        assert sheet.print_title_rows == ("$1:$2" if sheet.title == "汇总" else "$1:$1")
    visits = books[W16][1]["走访明细"]
    assert visits.freeze_panes == "A2" and visits.print_title_rows == "$1:$1"
    header = visits["A1"]
    assert header.font.bold and header.border.bottom.style == "thin"
    summary = visits.column_dimensions["K"]  # 洽谈内容: capped, wrapped
    assert 30 <= summary.width <= 62
    assert visits["K2"].alignment.wrap_text
    # A CJK character counts two: 走访对象 holds 10+ character names.
    assert visits.column_dimensions["C"].width >= 20


@pytest.mark.parametrize("week", [W14, W16], ids=str)
def test_every_printed_page_names_the_team_and_the_week_and_is_numbered(books, week):
    book = books[week][1]
    dates = "2020年第14周 3月30日—4月5日" if week == W14 else "2020年第16周 4月13日—4月19日"
    for sheet in book.worksheets:
        heading = sheet.oddHeader.center.text
        assert heading == f"{TEAM}工作周报（{dates}）", sheet.title
        assert sheet.oddHeader.right.text == sheet.title
        footer = sheet.oddFooter.center.text
        assert footer == "第 &P 页 共 &N 页", sheet.title
        hf = sheet.HeaderFooter  # one header for every page: no first or even page of its own
        assert not hf.differentFirst and not hf.differentOddEven
    assert book["汇总"]["A1"].value == f"{TEAM}工作周报（{dates}）"


def _printed_points(sheet: Worksheet) -> dict[str, float]:
    """The size 11-point text prints at, by two measures of a column width unit in points:
    Excel's with Calibri 11 (7 px a unit plus 5 px a column) and LibreOffice's where Calibri is
    missing (about 7.3 pt a unit, measured on its PDF of the ledger)."""
    setup, margins = sheet.page_setup, sheet.page_margins
    long_side = {9: 841.89, 8: 1190.55}[int(setup.paperSize)]
    room = long_side - 72 * (margins.left + margins.right)
    widths = [
        sheet.column_dimensions[get_column_letter(c)].width for c in range(1, sheet.max_column + 1)
    ]
    assert all(widths), sheet.title  # every column's width is set
    pages = [widths]  # the columns of each page wide
    if sheet.col_breaks.brk:
        (cut,) = [b.id for b in sheet.col_breaks.brk]  # never more than two pages wide
        repeated = sheet.print_title_cols  # the columns printed again on the second page
        assert repeated == "$A:$B", sheet.title
        pages = [widths[:cut], widths[:2] + widths[cut:]]
    wide = {
        "excel": max(sum(int(w * 7 + 5) for w in page) * 0.75 for page in pages),
        "libreoffice": max(sum(page) * 7.3 for page in pages),
    }
    if sheet.sheet_properties.pageSetUpPr.fitToPage:
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        return {k: 11 * min(1.0, room / v) for k, v in wide.items()}
    scale = int(setup.scale) / 100
    assert all(v * scale <= room for v in wide.values()), sheet.title  # each page wide fits
    return {k: 11 * scale for k in wide}


def test_the_ledger_prints_at_8_points_or_more_on_a3_landscape(books):
    """SPEC's 21 columns on one A3 page wide, the six after them on a second beside 序号 and
    项目名称 (all 27 on one page would print at about 6 pt), each band of rows on its two pages
    in turn."""
    sheet = books[W16][1]["项目台账"]
    setup = sheet.page_setup
    assert (int(setup.paperSize), setup.orientation) == (8, "landscape")
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage and 10 <= int(setup.scale) <= 100
    assert [b.id for b in sheet.col_breaks.brk] == [21]
    assert sheet.print_title_cols == "$A:$B" and setup.pageOrder == "overThenDown"
    points = _printed_points(sheet)
    # One scale for both programs, set by the wider (LibreOffice's) column unit.
    assert points["libreoffice"] >= 8.0 and points["excel"] >= 8.0, points


def test_every_sheet_prints_at_8_points_or_more(books):
    for sheet in books[W16][1].worksheets:
        points = _printed_points(sheet)
        assert min(points.values()) >= 8.0, (sheet.title, points)


def _width(text: str) -> int:
    return sum(1 if char.isascii() else 2 for char in text)


def _headings(book) -> list[tuple[Worksheet, int, int]]:
    """(sheet, row, column) of every heading cell of the return."""
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            found += [(sheet, c.row, c.column) for c in row if c.style == "fl_header" and c.value]
    return found


def test_headings_keep_the_spec_labels_and_break_only_between_words(books):
    book = books[W16][1]
    assert [c.value.replace("\n", "") for c in book["项目台账"][1]] == LEDGER_LABELS
    assert [c.value for c in book["走访明细"][1]] == list(VISIT_COLUMNS)
    assert [c.value for c in book["到位资金"][1]] == list(TRANCHE_COLUMNS)
    headings = _headings(book)
    assert len(headings) > 21 + 13 + 7
    for sheet, row, column in headings:
        cell = sheet.cell(row, column)
        assert cell.alignment.wrap_text
        merged = any(cell.coordinate in r for r in sheet.merged_cells.ranges)
        room = sheet.column_dimensions[get_column_letter(column)].width
        for line in cell.value.split("\n"):
            # "（万元）" is never split, and no line is wider than its column: no program needs
            # to wrap a heading, so it breaks only where it holds a line break.
            assert ("（" in line) == ("）" in line), cell.value
            assert merged or _width(line) + 2 <= room, (sheet.title, cell.value, room)
    ledger = book["项目台账"]
    assert ledger["I1"].value == "计划\n总投资\n（万元）"
    assert ledger.row_dimensions[1].height >= 3 * 15  # three lines of heading


def _signature_row(sheet: Worksheet) -> tuple[int, list[object]]:
    row = next(
        r
        for r in range(1, sheet.max_row + 1)
        if sheet.cell(r, 1).value and str(sheet.cell(r, 1).value).startswith("填报人：")
    )
    return row, [c.value for c in sheet[row] if c.value]


def test_the_signature_line_closes_the_summary(books):
    sheet = _summary(books, W16)
    row, cells = _signature_row(sheet)
    blank = "_" * 12
    assert cells == [f"填报人：{blank}", f"审核人：{blank}", f"联系电话：{blank}"]
    assert row == sheet.max_row  # the last line of 汇总, under the county table's note
    assert str(sheet.cell(row - 2, 1).value).startswith("注：")
    assert {str(r).split(":")[0] for r in sheet.merged_cells.ranges} >= {f"A{row}", f"E{row}"}


def test_no_formula_anywhere(books):
    for _, book in books.values():
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                assert all(c.data_type != "f" for c in row), sheet.title


def test_since_moves_the_cumulative_start(demo, tmp_path):
    since = date(2020, 4, 6)
    path = export_weekly(demo, W16, since=since, out=tmp_path / "since.xlsx")
    sheet = openpyxl.load_workbook(path)["汇总"]
    assert sheet.cell(6, 4).value == stats.compute(demo, Period(since, W16.sunday)).visits


def test_default_name_goes_to_the_current_folder(demo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = export_weekly(demo, W16)
    assert path == tmp_path / "铜仁市驻深招商工作队工作周报_2020-W16.xlsx"
    assert path.exists()


@pytest.mark.parametrize(
    ("week", "since", "message"),
    [
        (IsoWeek(1989, 52), None, "out of range"),
        (IsoWeek(2020, 12), None, "before the cumulative figures start"),
        (W16, date(2020, 4, 20), "before the cumulative figures start"),
        (W16, date(1980, 1, 1), "out of range"),
    ],
)
def test_impossible_requests_are_refused(demo, tmp_path, week, since, message):
    with pytest.raises(InvalidInput, match=message):
        export_weekly(demo, week, since=since, out=tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_an_unwritable_path_raises_oserror(demo, tmp_path):
    with pytest.raises(OSError):
        export_weekly(demo, W16, out=tmp_path / "missing" / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_weeks_between_cover_the_dispatch():
    assert weeks_between(DEMO_PERIOD) == WEEKS


def _pdf(path: Path, folder: Path) -> Path:
    """The workbook printed to PDF by LibreOffice, under an ASCII name: with the suite's
    LANG=en_US.UTF-8 and no such locale installed, it cannot load a file named in Chinese."""
    book = folder / "book.xlsx"
    shutil.copyfile(path, book)
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(book),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stderr
    pdf = folder / "book.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    return pdf


def _page_text(pdf: Path, page: int, *options: str) -> str:
    command = ["pdftotext", *options, "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler is not installed",
)
def test_libreoffice_prints_every_page_named_numbered_and_legible(books, tmp_path):
    """The return as LibreOffice prints it: every page carries the title and its number, the
    ledger's text is 8 pt or more, and no heading is broken inside （万元）."""
    pdf = _pdf(books[W15][0], tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    assert pages >= 4
    title = f"{TEAM}工作周报（2020年第15周 4月6日—4月12日）"
    ledger_pages = []
    for page in range(1, pages + 1):
        text = _page_text(pdf, page)
        assert title in text.replace("\n", ""), page
        assert f"第 {page} 页 共 {pages} 页" in text, page
        assert "（万\n" not in text and "（亿\n" not in text, page
        if "项目名称" in text and "首谈人" in text:
            ledger_pages.append(page)
    assert ledger_pages
    for page in ledger_pages:
        boxes = _page_text(pdf, page, "-bbox")
        # CJK glyphs are one em wide: the width of "序号" is twice the printed size.
        found = re.search(r'xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>序号<', boxes)
        assert found, page
        size = (float(found.group(2)) - float(found.group(1))) / 2
        assert size >= 8.0, (page, size)
    summary = _page_text(pdf, 1) + _page_text(pdf, 2)
    assert summary.split("\n").count("全队合计（去重）") == 2  # the rows (the notes name it too)
    assert summary.count("各计一次") == 2
    assert "填报人：" in summary and "审核人：" in summary and "联系电话：" in summary


def test_the_signature_line_names_who_the_team_set_up_says(tmp_path, demo_database_file):
    from dataclasses import replace as replaced

    from fieldlog.services.team.team import save_team
    from fieldlog.services.team.team_edit import team_sheet
    from tests.conftest import open_copy

    db = open_copy(demo_database_file, tmp_path)
    try:
        sheet = team_sheet(db)
        data = replaced(
            sheet.team, return_preparer="李明", return_reviewer="王强", return_phone="0856-5221234"
        )
        save_team(db, data, sheet.team_id)
        book = openpyxl.load_workbook(export_weekly(db, W16, out=tmp_path / "signed.xlsx"))
    finally:
        db.close()
    _row, cells = _signature_row(book["汇总"])
    assert cells == ["填报人：李明", "审核人：王强", "联系电话：0856-5221234"]
