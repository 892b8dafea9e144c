"""A sheet's size is read from the head of its XML: the same size openpyxl finds, and every row
read, whether or not the file names its dimension."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from fieldlog.excel import reader

ROWS = [
    ("序号", "走访企业（单位）", "走访日期"),
    *((n, f"企业{n}", "2024-06-01") for n in range(1, 40)),
]


def _book(path: Path, *, dimension: bool) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "走访"
    for row in ROWS:
        sheet.append(row)
    workbook.save(path)
    if not dimension:  # as many other programs write it: no <dimension> at all
        with zipfile.ZipFile(path) as source:
            parts = {name: source.read(name) for name in source.namelist()}
        xml = parts["xl/worksheets/sheet1.xml"].decode()
        assert "<dimension" in xml
        parts["xl/worksheets/sheet1.xml"] = re.sub(r"<dimension [^>]*/>", "", xml).encode()
        with zipfile.ZipFile(path, "w") as out:
            for name, data in parts.items():
                out.writestr(name, data)
    return path


def _sizes(path: Path) -> tuple[object, ...]:
    with path.open("rb") as handle:
        workbook = load_workbook(handle, read_only=True, data_only=True)
        sheet = workbook["走访"]
        found = (sheet.min_row, sheet.min_column, sheet.max_row, sheet.max_column)
        workbook.close()
    return found


@pytest.mark.parametrize("dimension", [True, False], ids=["with-dimension", "without"])
def test_sizes_read_from_the_head_equal_openpyxl_own(tmp_path: Path, dimension: bool) -> None:
    path = _book(tmp_path / "book.xlsx", dimension=dimension)
    plain = _sizes(path)
    with reader._sized_from_head():
        assert _sizes(path) == plain
    assert plain == ((1, 1, 40, 3) if dimension else (1, 1, None, None))
    found = reader.open_rows(path, "走访")
    assert [tuple(row) for row in found.rows] == [tuple(row) for row in ROWS]
    assert list(reader.stream_rows(path, "走访"))[-1] == (40, ROWS[-1])


def test_openpyxl_is_left_as_it_was_even_when_the_file_is_refused(tmp_path: Path) -> None:
    plain = ReadOnlyWorksheet._get_size
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(reader.ExcelFileError):
        reader.open_rows(broken)
    reader.open_rows(_book(tmp_path / "book.xlsx", dimension=False))
    assert ReadOnlyWorksheet._get_size is plain
