"""Reading messy sheets: fatal files get one sentence, headers are found, cells are understood."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from fieldlog.excel.columns import ORG_COLUMNS, VISIT_COLUMNS
from fieldlog.excel.headers import (
    ORG_FIELDS,
    VISIT_FIELDS,
    detect_mapping,
    normalize_heading,
)
from fieldlog.excel.reader import ExcelFileError, open_all_rows, open_rows, sheet_names
from fieldlog.excel.values import (
    BadCell,
    Person,
    cell_bool,
    cell_date,
    cell_phone,
    cell_text,
    split_names,
    split_people,
)

from .messy import build_table

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole2_file(path: Path, *streams: str) -> Path:
    """A file that looks like an OLE2 compound file holding streams with these names."""
    names = b"".join(name.encode("utf-16-le") + b"\x00\x00" for name in streams)
    path.write_bytes(OLE2_MAGIC + b"\x00" * 504 + names + b"\x00" * 512)
    return path


def fatal_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Every kind of file that cannot be imported, with what its message must say."""
    text = tmp_path / "list.xlsx"
    text.write_text("名称,信用代码\n甲公司,91350100M000100Y43\n", encoding="utf-8")
    whole = build_table(tmp_path / "whole.xlsx", ["名称", "地址"], [["甲公司", "深圳"]] * 50)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    return {
        "text": (text, "is not an Excel workbook (.xlsx)"),
        "truncated": (cut, "is damaged or incomplete"),
        "xls": (
            ole2_file(tmp_path / "old.xls", "Root Entry", "Workbook", "SummaryInformation"),
            "is an old Excel 97–2003 file (.xls); open it in Excel or WPS and save it as .xlsx",
        ),
        "password": (
            ole2_file(tmp_path / "secret.xlsx", "EncryptionInfo", "EncryptedPackage"),
            "is protected by a password; remove the password and import again",
        ),
        "other-ole2": (ole2_file(tmp_path / "doc.xlsx", "WordDocument"), "not an Excel workbook"),
        "missing": (tmp_path / "nowhere.xlsx", "does not exist"),
        "folder": (folder, "is a folder"),
    }


@pytest.mark.parametrize(
    "case", ["text", "truncated", "xls", "password", "other-ole2", "missing", "folder"]
)
def test_a_file_that_is_not_a_workbook_gets_one_clear_sentence(tmp_path: Path, case: str) -> None:
    path, message = fatal_files(tmp_path)[case]
    with pytest.raises(ExcelFileError) as caught:
        open_rows(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(ExcelFileError, match=r"is not an Excel workbook \(\.xlsx\)"):
        open_rows(path)


def test_sheets_are_listed_and_a_missing_one_is_named(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "说明"  # type: ignore[union-attr]
    workbook.create_sheet("名录")["A1"] = "名称"
    workbook.save(tmp_path / "two.xlsx")
    assert sheet_names(tmp_path / "two.xlsx") == ("说明", "名录")
    with pytest.raises(
        ExcelFileError, match="has no sheet named '走访'; its sheets are 说明、名录"
    ):
        open_rows(tmp_path / "two.xlsx", "走访")
    with pytest.raises(ExcelFileError, match=r"sheet '说明' .* is empty"):
        open_rows(tmp_path / "two.xlsx")
    assert [s.name for s in open_all_rows(tmp_path / "two.xlsx")] == ["说明", "名录"]


def test_rows_keep_their_sheet_numbers_and_blank_rows_are_dropped(tmp_path: Path) -> None:
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.merge_cells("A1:C1")
    ws["A1"] = "目标企业名录"
    ws["A3"], ws["B3"] = "名称", "地址"
    ws["A5"], ws["C5"] = "甲公司", 13800138000.0
    workbook.save(tmp_path / "rows.xlsx")
    rows = open_rows(tmp_path / "rows.xlsx")
    assert rows.row_numbers == [1, 3, 5]
    assert rows.rows == [("目标企业名录",), ("名称", "地址"), ("甲公司", None, 13800138000)]


@pytest.mark.parametrize(
    ("heading", "normalized"),
    [
        (" 企业 名称 * ", "企业名称"),
        ("★统一社会信用代码（18位）：", "统一社会信用代码(18位)"),
        ("联系电话\u3000:", "联系电话"),
        ("备注\n说明", "备注说明"),
        (None, ""),
    ],
)
def test_headings_are_normalized(heading: str | None, normalized: str) -> None:
    assert normalize_heading(heading) == normalized


def test_the_header_is_found_below_titles_with_synonyms() -> None:
    rows = [
        ("铜仁市目标企业名录",),
        ("填报单位：投促局",),
        ("序 号", "单位名称 *", "信用代码（18位）", "所属 行业", "联系电话（手机）", "联系人"),
        (1, "甲公司", "91350100M000100Y43", "物流", 13800138000, "张三"),
    ]
    position, mapping = detect_mapping(rows, [1, 2, 4, 5], "orgs", sheet="名录")
    assert position == 2
    assert mapping.header_row == 4
    assert mapping.columns == {
        "name": 1,
        "credit_code": 2,
        "chain": 3,
        "contact_phone": 4,
        "contact": 5,
    }
    assert mapping.heading_of("credit_code") == "信用代码（18位）"


def test_a_phone_column_without_a_contact_column_is_the_organizations_phone() -> None:
    _, mapping = detect_mapping([("名称", "联系电话")], [1], "orgs", sheet="S")
    assert mapping.columns == {"name": 0, "phone": 1}


def test_fieldlogs_own_headings_map_every_field() -> None:
    _, orgs = detect_mapping([ORG_COLUMNS], [1], "orgs", sheet="目标企业库")
    assert set(orgs.columns) == {spec.name for spec in ORG_FIELDS}
    _, visits = detect_mapping([VISIT_COLUMNS], [1], "visits", sheet="走访明细")
    assert set(visits.columns) == {spec.name for spec in VISIT_FIELDS}


def test_no_header_in_the_first_twenty_rows_is_fatal() -> None:
    rows = [("说明",)] * 20 + [("名称", "地址")]
    with pytest.raises(
        ExcelFileError,
        match="found no header row with a name column in the first 20 rows of sheet 'S'",
    ):
        detect_mapping(rows, list(range(1, 22)), "orgs", sheet="S")
    with pytest.raises(ExcelFileError, match="no header row"):
        detect_mapping([("地址", "电话")], [1], "orgs", sheet="S")  # no name column


def test_a_mapping_override_by_heading_or_index() -> None:
    rows = [("公司", "所在地", "其他")]
    with pytest.raises(ExcelFileError):
        detect_mapping(rows, [1], "orgs", sheet="S")
    _, mapping = detect_mapping(
        rows, [1], "orgs", sheet="S", override={"name": "公司", "notes": 2, "region": None}
    )
    assert mapping.columns == {"name": 0, "notes": 2}
    with pytest.raises(ValueError, match="unknown field 'colour'"):
        detect_mapping(rows, [1], "orgs", sheet="S", override={"colour": 1})
    with pytest.raises(ExcelFileError, match="no column 10"):
        detect_mapping(rows, [1], "orgs", sheet="S", override={"name": "公司", "notes": 9})


@pytest.mark.parametrize(
    "value",
    [
        "2020-04-01",
        "2020/4/1",
        "2020.4.1",
        "2020年4月1日",
        "2020 年 4 月 1 日",
        "20200401",
        20200401,
        43922,
        43922.75,
        "43922",
        "２０２０－０４－０１",
        "2020-04-01 00:00:00",
        datetime(2020, 4, 1, 15, 30),
        date(2020, 4, 1),
    ],
)
def test_dates_written_every_way(value: object) -> None:
    assert cell_date(value) == date(2020, 4, 1)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1900-01-01", "year 1900 is out of range"),
        (1, "year 1900 is out of range"),
        (datetime(2200, 1, 1), "year 2200 is out of range"),
        ("2200/1/1", "year 2200 is out of range"),
        ("2020-02-30", "is not a valid date"),
        ("下周三", "is not a valid date"),
        (True, "is not a date"),
        (-5, "is not a date"),
        (float("inf"), "is not a date"),
    ],
)
def test_absurd_dates_are_refused(value: object, message: str) -> None:
    with pytest.raises(BadCell, match=message):
        cell_date(value)


def test_other_cells() -> None:
    assert cell_date(None) is None and cell_date("  ") is None
    assert cell_phone(13800138000.0) == "13800138000"
    assert cell_phone(" 0755-2660 1234 ") == "0755-26601234"
    with pytest.raises(BadCell, match="no decimals"):
        cell_phone(13800138000.5)
    assert [cell_bool(v) for v in ("是", "否", "Y", "n", "√", 1, 0, "TRUE", True, None)] == [
        True, False, True, False, True, True, False, True, True, None,
    ]  # fmt: skip
    with pytest.raises(BadCell, match="is not yes or no"):
        cell_bool("也许")
    assert cell_text(12345.0) == "12345"
    assert cell_text(datetime(2020, 4, 1)) == "2020-04-01"
    assert split_names("李娜、王强,张伟；李娜 / 赵六  钱七") == [
        "李娜",
        "王强",
        "张伟",
        "赵六",
        "钱七",
    ]
    assert split_people("张三（总经理）、李四(副总、财务)；王五 13800138000") == [
        Person("张三", "总经理", ""),
        Person("李四", "副总、财务", ""),
        Person("王五", "", "13800138000"),
    ]
