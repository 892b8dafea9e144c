"""The weekly return's 预警项目, 需协调解决事项 and 未完善线索: real workbooks written and read
back, on hand-made projects at each rule and on the demo, each sheet's rows the services' lists
as of the week's Sunday."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from fieldlog.domain.period import IsoWeek
from fieldlog.domain.stages import Stage, stage_label_zh
from fieldlog.domain.warnings import COLOUR_LABELS_ZH, lead_field_label
from fieldlog.excel.columns import INCOMPLETE_COLUMNS, MATTER_COLUMNS, WARNING_COLUMNS
from fieldlog.services.projects.coordination import MatterInput, add_matter, open_matters
from fieldlog.services.reports import warnings
from fieldlog.services.reports.weekly import export_weekly
from fieldlog.store.database import Database
from tests.conftest import open_copy
from tests.services.conftest import make_small
from tests.services.reports.warning_records import COMPLETE, Made, insert, set_rules

W27 = IsoWeek(2020, 27)  # 29 June – 5 July 2020
SUNDAY = W27.sunday
WARNING, MATTER, INCOMPLETE = "预警项目", "需协调解决事项", "未完善线索"


def _rows(sheet: Worksheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]


def _cell(value: object) -> object:
    """A value as openpyxl reads it back: "" is a blank cell, a date a datetime."""
    if value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value


def _read(row: list[object]) -> list[object]:
    return [_cell(v) for v in row]


@pytest.fixture
def made(db: Database, tmp_path: Path) -> tuple[Database, openpyxl.Workbook]:
    """Projects at each rule (default thresholds: 60, 90, 180 days; 3 days to answer a lead),
    three matters, and the return of 2020-W27 written and read back."""
    small = make_small(db)
    mine = {"owner_id": small.alice, "group_id": small.group}
    with db.begin() as session:
        set_rules(session)
        retire = insert(session, Made([(date(2019, 12, 1), Stage.NEGOTIATING)], name="退库项目"))
        red = insert(
            session,
            Made(
                [(date(2020, 4, 1), Stage.LEAD), (date(2020, 4, 2), Stage.NEGOTIATING)],
                name="=1+1红色项目",
                **mine,
            ),
        )
        # A lead never answered, quiet for 65 days: yellow and late, two rows; lacks all four.
        insert(session, Made([(date(2020, 5, 1), Stage.LEAD)], name="黄色迟复线索"))
        # Answered after its three days (visit on 30 June): late, not quiet, complete.
        late = insert(
            session,
            Made(
                [(date(2020, 6, 20), Stage.LEAD)],
                visits=[date(2020, 6, 30)],
                name="迟复已跟进线索",
                content=str(COMPLETE["content"]),
                planned_yuan=300_000_000,
                contact=True,
                demands=str(COMPLETE["demands"]),
                **mine,
            ),
        )
        # Created the day before the Sunday: not yet late; lacks three details.
        insert(session, Made([(date(2020, 7, 4), Stage.LEAD)], name="新线索", content="家具"))
        # Created the Monday after: in none of the week's lists.
        insert(session, Made([(date(2020, 7, 6), Stage.LEAD)], name="下周线索"))
    add_matter(db, red, MatterInput("@SUM(A1)用地", owner="-2+3局", due_on=date(2020, 7, 1)))
    add_matter(db, retire, MatterInput("无时限事项", owner="某局"))
    add_matter(db, late, MatterInput("未到期事项", owner="供电局", due_on=date(2020, 7, 10)))
    path = export_weekly(db, W27, out=tmp_path / "w27.xlsx", today=SUNDAY)
    return db, openpyxl.load_workbook(path)


def test_warning_sheet_lists_colours_worst_first_then_late_leads(made):
    _db, book = made
    sheet = book[WARNING]
    assert [c.value for c in sheet[1]] == list(WARNING_COLUMNS)
    d = datetime
    assert _rows(sheet) == [
        [1, "建议退库", "退库项目", "退库项目投资方", "在谈", None, None, d(2019, 12, 1), 217],
        [
            2,
            "红色预警",
            "=1+1红色项目",
            "=1+1红色项目投资方",
            "在谈",
            "物流组",
            "李娜",
            d(2020, 4, 2),
            94,
        ],
        [
            3,
            "黄色预警",
            "黄色迟复线索",
            "黄色迟复线索投资方",
            "线索",
            None,
            None,
            d(2020, 5, 1),
            65,
        ],
        [4, "迟复", "黄色迟复线索", "黄色迟复线索投资方", "线索", None, None, d(2020, 5, 1), 65],
        [
            5,
            "迟复",
            "迟复已跟进线索",
            "迟复已跟进线索投资方",
            "线索",
            "物流组",
            "李娜",
            d(2020, 6, 30),
            5,
        ],
    ]


def test_warning_rows_are_the_services_lists_as_of_the_sunday(made):
    db, book = made
    stale = warnings.stale_projects(db, SUNDAY)
    late = warnings.late_leads(db, SUNDAY)
    rows = _rows(book[WARNING])
    assert len(rows) == len(stale) + len(late) == 5
    for row, expected in zip(rows, stale, strict=False):
        assert row[1:] == _read(
            [
                COLOUR_LABELS_ZH[expected.colour],
                expected.name,
                expected.investor_name,
                stage_label_zh(expected.stage),
                expected.group_name,
                expected.owner_name,
                expected.last_activity,
                expected.idle_days,
            ]
        )
    assert [[r[1], r[2], r[3], r[5], r[6]] for r in rows[len(stale) :]] == [
        _read(["迟复", x.name, x.investor_name, x.group_name, x.owner_name]) for x in late
    ]
    # A week later 新线索 and 下周线索 are late too: the sheet is judged on the Sunday.
    assert len(warnings.late_leads(db, date(2020, 7, 12))) == len(late) + 2


def test_matter_sheet_lists_open_matters_with_days_overdue(made):
    db, book = made
    sheet = book[MATTER]
    assert [c.value for c in sheet[1]] == list(MATTER_COLUMNS)
    rows = _rows(sheet)
    assert rows == [
        [
            1,
            "=1+1红色项目",
            "=1+1红色项目投资方",
            "物流组",
            "@SUM(A1)用地",
            "-2+3局",
            datetime(2020, 7, 1),
            4,
            "逾期未办结",
        ],
        [
            2,
            "迟复已跟进线索",
            "迟复已跟进线索投资方",
            "物流组",
            "未到期事项",
            "供电局",
            datetime(2020, 7, 10),
            None,
            "未办结",
        ],
        [3, "退库项目", "退库项目投资方", None, "无时限事项", "某局", None, None, "未办结"],
    ]
    listed = open_matters(db, SUNDAY)
    assert [(r[1], r[4], r[7]) for r in rows] == [
        (m.project, m.matter, m.days_overdue) for m in listed
    ]


def test_incomplete_sheet_names_what_each_lead_lacks(made):
    db, book = made
    sheet = book[INCOMPLETE]
    assert [c.value for c in sheet[1]] == list(INCOMPLETE_COLUMNS)
    assert _rows(sheet) == [
        [
            1,
            "黄色迟复线索",
            "黄色迟复线索投资方",
            None,
            None,
            datetime(2020, 5, 1),
            "项目内容、投资规模、投资方联系人、投资方诉求",
        ],
        [
            2,
            "新线索",
            "新线索投资方",
            None,
            None,
            datetime(2020, 7, 4),
            "投资规模、投资方联系人、投资方诉求",
        ],
    ]
    listed = warnings.incomplete_leads(db, SUNDAY)
    assert [r[6] for r in _rows(sheet)] == [
        "、".join(lead_field_label(f, "zh_CN") for f in lead.missing) for lead in listed
    ]


def test_dates_are_date_cells_and_user_text_stays_text(made):
    _db, book = made
    for name, column in ((WARNING, "H"), (MATTER, "G"), (INCOMPLETE, "F")):
        cell = book[name][f"{column}2"]
        assert cell.is_date and cell.number_format == "yyyy-mm-dd", name
    for name in (WARNING, MATTER, INCOMPLETE):
        cells = [c for row in book[name].iter_rows() for c in row]
        assert all(c.data_type != "f" for c in cells), name
        assert all(c.data_type == "s" for c in cells if isinstance(c.value, str)), name
    assert book[MATTER]["E2"].value == "@SUM(A1)用地" and book[MATTER]["E2"].data_type == "s"
    assert book[WARNING]["B2"].value == "建议退库"  # the label, not the code


def test_an_empty_week_writes_each_sheet_with_a_line_saying_so(db: Database, tmp_path: Path):
    make_small(db)
    book = openpyxl.load_workbook(export_weekly(db, IsoWeek(2020, 14), out=tmp_path / "e.xlsx"))
    lines = {WARNING: "本周无预警项目。", MATTER: "本周无需协调解决事项。"}
    lines[INCOMPLETE] = "本周无未完善线索。"
    for name, line in lines.items():
        sheet = book[name]
        assert sheet.max_row == 2, name
        assert sheet["A1"].value == "序号" and sheet["A1"].font.bold
        assert sheet["A2"].value == line and sheet["A2"].data_type == "s"
        width = sheet.max_column
        assert f"A2:{get_column_letter(width)}2" in {str(r) for r in sheet.merged_cells.ranges}
        assert sheet.cell(2, width).border.right.style == "thin"  # bordered like a row
        assert sheet.freeze_panes == "A2" and sheet.print_title_rows == "$1:$1"


@pytest.fixture(scope="module")
def demo_books(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path):
    db = open_copy(demo_database_file, tmp_path_factory.mktemp("attention"))
    folder = tmp_path_factory.mktemp("attention-books")
    books = {
        week: openpyxl.load_workbook(export_weekly(db, week, out=folder, today=week.sunday))
        for week in (IsoWeek(2020, 17), W27)
    }
    yield db, books
    db.close()


@pytest.mark.parametrize("week", [IsoWeek(2020, 17), W27], ids=str)
def test_the_demos_sheets_are_the_services_lists(demo_books, week):
    db, books = demo_books
    book, sunday = books[week], week.sunday
    stale = warnings.stale_projects(db, sunday)
    assert not warnings.late_leads(db, sunday)  # the demo answers its leads in time
    warning_rows = _rows(book[WARNING])
    if stale:
        assert [(r[0], r[2], r[8]) for r in warning_rows] == [
            (n, s.name, s.idle_days) for n, s in enumerate(stale, start=1)
        ]
    else:
        assert warning_rows == [["本周无预警项目。", *[None] * 8]]
    matters = open_matters(db, sunday)
    assert matters
    assert [[r[1], r[4], r[6], r[7]] for r in _rows(book[MATTER])] == [
        _read([m.project, m.matter, m.due_on, m.days_overdue]) for m in matters
    ]
    leads = warnings.incomplete_leads(db, sunday)
    assert leads
    assert [[r[1], r[5]] for r in _rows(book[INCOMPLETE])] == [
        _read([lead.name, lead.created_on]) for lead in leads
    ]


def test_after_the_dispatch_the_quiet_projects_are_listed(demo_books):
    _db, books = demo_books
    rows = _rows(books[W27][WARNING])
    assert len(rows) >= 40  # the dispatch ended in April: by July most projects are quiet
    assert rows[0][1] == "红色预警" and {r[1] for r in rows} == {"红色预警", "黄色预警"}
    idle = [r[8] for r in rows if r[1] == "黄色预警"]
    assert idle == sorted(idle, reverse=True)  # the longest idle first within a colour


def test_the_bureaus_sheet_names_fit_excel_with_the_longer_sheet_names():
    """The bureau's return names each team's sheets "{prefix}·{sheet}": with 需协调解决事项 and a
    thousand teams of one long name (numbered to tell them apart) every name keeps to Excel's
    31 characters and is distinct."""
    from fieldlog.excel.weekly_return import RETURN_SHEETS
    from fieldlog.services.bureau.consolidated import _prefixes

    names = ["铜仁市驻深圳市招商引资驻点工作队第一分队第二小组"] * 1000
    prefixes = _prefixes(names)
    sheets = [prefix + sheet for prefix in prefixes for sheet in RETURN_SHEETS]
    assert max(len(sheet) for sheet in sheets) == 31
    assert len(set(sheets)) == len(sheets)
