"""`stream_columns`, the quick first look at a large sheet, reads the cells of the columns it is
asked for exactly as `stream_rows` reads them: the same row numbers, the same values, whatever
way the file writes its cells (shared or inline strings, rich text, numbers, dates, booleans,
formulas, cells and rows without a reference, rows out of order)."""

from __future__ import annotations

import zipfile
from collections.abc import Collection
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from fieldlog.excel import reader
from fieldlog.excel.values import is_blank

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _varied(path: Path, *, write_only: bool) -> Path:
    """Rows of every kind of cell, blank rows and rows blank in some columns."""
    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet("走访") if write_only else workbook.active
    assert sheet is not None
    sheet.title = "走访"
    sheet.append(["走访明细"])
    sheet.append([])
    sheet.append(["序号", "企业", "代码", "日期", "备注"])
    for n in range(1, 60):
        sheet.append(
            [
                n,
                None if n % 7 == 0 else ("  " if n % 11 == 0 else f"深圳市{n}号公司"),
                None if n % 3 else f"9144030{n:011d}",
                (date(2024, 1, n % 28 + 1), datetime(2023, 5, 1, 9, 30), 45000, "2024/1/2")[n % 4],
                ("", None, True, 3.5, "=1+1", " 备注 ")[n % 6],
            ]
        )
        if n % 13 == 0:
            sheet.append([None, None, None, None, None])
    if not write_only:
        sheet["B70"] = CellRichText(["深圳", TextBlock(InlineFont(b=True), "富文本"), "公司"])
        sheet["C70"] = "91440300MA5FXXXX1X"
    workbook.save(path)
    return path


def _hand_written(path: Path) -> Path:
    """A sheet as some programs write it: cells and rows without references, a row numbered
    below one already read, a row number written as 7.0, an empty inline string."""
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>企业</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>代码</t></is></c></row>'
        '<row><c t="inlineStr"><is><t>无编号行</t></is></c><c><v>12</v></c></row>'
        '<row r="5"><c r="B5" t="inlineStr"><is><t xml:space="preserve"> 只有代码 </t></is></c>'
        '<c r="A5" t="inlineStr"><is><t>倒序</t></is></c></row>'
        '<row r="4"><c r="A4" t="inlineStr"><is><t>已读过的行号</t></is></c></row>'
        '<row r="7.0"><c r="A7" t="inlineStr"><is><t/></is></c>'
        '<c r="C7" t="str"><v>公式结果</v></c></row>'
        '<row r="9"><c t="inlineStr"><is><t>混合</t></is></c>'
        '<c r="C9" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>'
        '<c t="b"><v>1</v></c></row>'
        '<row r="10" spans="1:3"><c r="B10" t="e"><v>#N/A</v></c>'
        '<c r="C10"><f>1+1</f><v>2</v></c></row>'
    )
    workbook = Workbook()
    workbook.active.title = "走访"  # type: ignore[union-attr]
    workbook.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (
        f"<worksheet {NS}><sheetData>{rows}</sheetData></worksheet>".encode()
    )
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def _expected(
    path: Path, first: Collection[int], rest: Collection[int]
) -> list[tuple[int, tuple[Any, ...]]]:
    """What `stream_columns` must give, worked out from `stream_rows`."""
    rows = []
    for number, values in reader.stream_rows(path, "走访"):
        kept = {i: values[i] for i in first if i < len(values)}
        if all(is_blank(value) for value in kept.values()):
            kept.update({i: values[i] for i in rest if i < len(values)})
        row = [kept.get(i) for i in range(max(kept, default=-1) + 1)]
        while row and (row[-1] is None or row[-1] == ""):
            row.pop()
        if row:
            rows.append((number, tuple(row)))
    return rows


@pytest.mark.parametrize("book", ["shared strings", "inline strings", "hand written"])
@pytest.mark.parametrize(
    ("first", "rest"), [({1}, set()), ({1, 2}, {3, 4}), ({2}, {0, 1}), ({0, 1, 2, 3, 4}, set())]
)
def test_the_columns_read_are_those_of_every_row(
    tmp_path: Path, book: str, first: set[int], rest: set[int]
) -> None:
    path = tmp_path / "走访.xlsx"
    if book == "hand written":
        _hand_written(path)
    else:
        _varied(path, write_only=book == "inline strings")
    expected = _expected(path, first, rest)
    assert len(expected) >= 3
    assert list(reader.stream_columns(path, "走访", first, rest)) == expected


def test_a_file_that_is_not_a_workbook_is_refused_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "走访.xlsx"
    path.write_text("企业,代码\n", encoding="utf-8")
    with pytest.raises(reader.ExcelFileError) as plain:
        list(reader.stream_rows(path, "走访"))
    with pytest.raises(reader.ExcelFileError) as quick:
        list(reader.stream_columns(path, "走访", {0}, ()))
    assert str(quick.value) == str(plain.value)


def test_rows_asked_for_whole_are_read_in_every_column(tmp_path: Path) -> None:
    path = _varied(tmp_path / "走访.xlsx", write_only=True)
    asked: list[tuple[Any, ...]] = []

    def whole(row: tuple[Any, ...]) -> bool:
        asked.append(row)
        return len(row) > 1 and isinstance(row[1], str) and row[1].startswith("深圳市2")

    got = dict(reader.stream_columns(path, "走访", {1}, {2, 3}, whole=whole))
    full = dict(reader.stream_rows(path, "走访"))
    assert all(len(row) <= 2 for row in asked)
    chosen = [n for n, row in got.items() if len(row) > 1 and str(row[1]).startswith("深圳市2")]
    assert len(chosen) > 5
    for number in chosen:
        assert got[number] == _trim_to(full[number], 4)
    for number, row in got.items():
        if number not in chosen and not is_blank(row[1] if len(row) > 1 else None):
            assert len(row) == 2


def _trim_to(row: tuple[Any, ...], width: int) -> tuple[Any, ...]:
    kept = [None, *row[1:width]]
    while kept and (kept[-1] is None or kept[-1] == ""):
        kept.pop()
    return tuple(kept)
