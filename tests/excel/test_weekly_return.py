"""The demo's weekly return: every figure is `stats.compute`'s, laid out as in SPEC §4.1."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from fieldlog.domain.counting import AMOUNT_METRICS, LABELS_ZH, METRICS
from fieldlog.domain.period import IsoWeek, Period, weeks_between
from fieldlog.domain.money import YI_NUMBER_FORMAT
from fieldlog.excel.columns import LEDGER_COLUMNS, TRANCHE_COLUMNS, VISIT_COLUMNS
from fieldlog.services import stats
from fieldlog.services.demo import DEMO_PERIOD
from fieldlog.services.errors import InvalidInput
from fieldlog.services.reports import export_weekly
from fieldlog.services.team import groups
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem
from fieldlog.store.repositories.facts import Scope
from tests.conftest import open_copy

pytestmark = pytest.mark.slow

START = DEMO_PERIOD.start
WEEKS = [IsoWeek(2020, w) for w in (13, 14, 15, 16, 17)]
W14, W16, W17 = IsoWeek(2020, 14), IsoWeek(2020, 16), IsoWeek(2020, 17)
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
    assert book.sheetnames == ["汇总", "走访明细", "项目台账", "到位资金"]


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
    assert [LABELS_ZH[m] for m in METRICS[:8]] == INDICATORS
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
    """The rows under `caption` by name: 本周 figures then 累计 figures."""
    top = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == caption)
    band = [sheet.cell(top + 1, c).value for c in (2, 8)]
    assert band == ["本周", "累计"]
    headings = [sheet.cell(top + 2, c).value for c in range(2, 14)]
    assert headings == 2 * ["走访企业", "走访商协会", "走访次数", "签约项目", *AMOUNTS]
    rows, row = {}, top + 3
    while sheet.cell(row, 1).value:
        rows[sheet.cell(row, 1).value] = [sheet.cell(row, c).value for c in range(2, 14)]
        row += 1
    return rows


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
    _check_scoped(demo, week, _table(sheet, "分工作组情况"), by_group, "group")
    with demo.read() as session:
        counties = dict(
            session.execute(
                select(CatalogItem.name, CatalogItem.id).where(CatalogItem.kind == "county")
            ).all()
        )
    _check_scoped(demo, week, _table(sheet, "分区县情况（按队员派出区县）"), counties, "county")
    # No 合计 row: distinct counts do not add up across groups.
    assert not any(c.value == "合计" for row in sheet.iter_rows() for c in row)


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


def test_ledger_sums_equal_the_dispatch_figures(demo, books):
    sheet = books[W17][1]["项目台账"]
    assert [c.value for c in sheet[1]] == list(LEDGER_COLUMNS)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    col = {name: n for n, name in enumerate(LEDGER_COLUMNS)}
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


def test_tranche_sheet_holds_the_weeks_tranches(demo, books):
    sheet = books[W16][1]["到位资金"]
    assert [c.value for c in sheet[1]] == list(TRANCHE_COLUMNS)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows
    assert (
        round(sum(r[4] for r in rows) * 10_000)
        == stats.compute(demo, W16.period).funds_in_place_yuan
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
    assert all(isinstance(c.value, int) for c in ledger["A"][1:])
    assert book["到位资金"]["E2"].number_format == "#,##0.00##"


def test_house_style_on_every_sheet(books):
    for sheet in books[W16][1].worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape", sheet.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        a3 = sheet.max_column > 15  # the 21-column ledger prints on A3, the rest on A4
        assert int(setup.paperSize) == (8 if a3 else 9), sheet.title
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
        assert sheet.freeze_panes in ("A2", "A4")
        assert sheet.print_title_rows in ("$1:$1", "$1:$3")
    visits = books[W16][1]["走访明细"]
    assert visits.freeze_panes == "A2" and visits.print_title_rows == "$1:$1"
    header = visits["A1"]
    assert header.font.bold and header.border.bottom.style == "thin"
    summary = visits.column_dimensions["K"]  # 洽谈内容: capped, wrapped
    assert 40 <= summary.width <= 62
    assert visits["K2"].alignment.wrap_text
    # A CJK character counts two: 走访对象 holds 10+ character names.
    assert visits.column_dimensions["C"].width >= 20


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


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_return(books, tmp_path):
    path: Path = books[W16][0]
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / (path.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 10_000
