"""Tables in the house style, the list sheets (走访明细, 项目台账, 到位资金, 目标企业库), saving.

A table is headings with a kind per column plus rows of plain values; amounts arrive as integer
yuan and are shown in the column's unit. Rows carry their own 序号 so what is numbered is explicit.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from fieldlog.domain.messages import msg
from fieldlog.domain.money import yuan_to_wan, yuan_to_yi
from fieldlog.excel.cells import CellValue, put
from fieldlog.excel.columns import (
    INCOMPLETE_COLUMNS,
    LEDGER_COLUMNS,
    LEDGER_FIRST_PAGE,
    MATTER_COLUMNS,
    ORG_COLUMNS,
    TRANCHE_COLUMNS,
    VISIT_COLUMNS,
    WARNING_COLUMNS,
)
from fieldlog.excel.house_style import (
    HEADER,
    Fit,
    Kind,
    install_styles,
    style_name,
    total_style_name,
)
from fieldlog.excel.print_setup import PrintedPages, page_setup
from fieldlog.store.private import new_private_file

__all__ = [
    "INCOMPLETE_SHEET",
    "INCOMPLETE_TABLE",
    "LEDGER_PAGES",
    "LEDGER_SHEET",
    "LEDGER_TABLE",
    "LEDGER_WIDTHS",
    "MATTER_SHEET",
    "MATTER_TABLE",
    "ORG_SHEET",
    "ORG_TABLE",
    "TRANCHE_SHEET",
    "TRANCHE_TABLE",
    "VISIT_SHEET",
    "VISIT_TABLE",
    "VISIT_WIDTHS",
    "WARNING_SHEET",
    "WARNING_TABLE",
    "Column",
    "Table",
    "list_sheet",
    "new_workbook",
    "save",
    "write_cells",
    "write_header",
    "write_tables",
]

Row = Sequence[CellValue]


@dataclass(frozen=True)
class Column:
    """A heading and what its cells hold."""

    heading: str
    kind: Kind
    cap: int | None = None  # widest the column may grow; None: the kind's default
    width: int | None = None  # a fixed width (text wraps within it); None: fitted to the content


@dataclass(frozen=True)
class Table:
    """A sheet that is one table: its name, columns and rows."""

    sheet: str
    columns: tuple[Column, ...]
    rows: Sequence[Row]
    total: Row | None = None  # a 合计 row under the rows, or None
    pages: PrintedPages | None = None  # printed in two pages wide (None: one)
    #: The line a sheet without rows shows under its header ("本周无…"), so the reader knows the
    #: list was checked; "" writes the header alone.
    empty: str = ""


def _columns(
    headings: tuple[str, ...], kinds: str, *, text: int | None = None, note: int | None = None
) -> tuple[Column, ...]:
    """Pair headings with kinds spelled one letter each (see _LETTERS), with caps for the
    widths of text ("t") and note ("n") columns (None: the kind's default)."""
    caps = {"t": text, "n": note}
    return tuple(Column(h, _LETTERS[k], caps.get(k)) for h, k in zip(headings, kinds, strict=True))


def _fixed(columns: tuple[Column, ...], widths: tuple[int, ...]) -> tuple[Column, ...]:
    """`columns` at fixed widths, so the printed size of the table is known in advance."""
    return tuple(
        Column(c.heading, c.kind, width=width) for c, width in zip(columns, widths, strict=True)
    )


_LETTERS = {
    "t": Kind.TEXT,
    "n": Kind.NOTE,
    "d": Kind.DATE,
    "c": Kind.COUNT,
    "w": Kind.WAN,
    "y": Kind.YI,
    "p": Kind.PERCENT,
}
#: Sheet names of the list sheets.
VISIT_SHEET, LEDGER_SHEET, TRANCHE_SHEET, ORG_SHEET = (
    "走访明细",
    "项目台账",
    "到位资金",
    "目标企业库",
)

#: The columns of each list sheet (headings from columns.py) with the kind of their values.
#: 走访明细's widths: on A3 landscape at about 10 pt (see LEDGER_WIDTHS), 洽谈内容 wrapping.
VISIT_WIDTHS = (6, 11, 20, 10, 22, 12, 10, 10, 10, 14, 40, 10, 14)
VISIT_TABLE = _fixed(_columns(VISIT_COLUMNS, "cd" + "t" * 8 + "ntd"), VISIT_WIDTHS)
#: 项目台账's widths: its 21 columns on one A3 landscape page wide at >= 8 pt even where a width
#: unit prints wide (LibreOffice: ~7.1 pt against Excel's ~5.3), names and notes wrapping.
#: The columns after SPEC's (项目类型 … 不计入原因) print on a second page wide, beside 序号 and
#: 项目名称 repeated: the 27 columns on one page would print at about 6 pt.
LEDGER_WIDTHS: tuple[int, ...] = (
    *(6, 10, 10, 22, 8, 8, 6, 6, 13, 13, 8, 11, 8, 12, 12, 8, 8, 10, 8, 10, 11),
    *(6, 8, 11, 11, 8, 24),
)
LEDGER_TABLE = _fixed(
    _columns(LEDGER_COLUMNS, "c" + "t" * 7 + "wwtdtwwttnnnd" + "ttddtn"), LEDGER_WIDTHS
)
#: The ledger prints in two pages wide: SPEC's columns, then 序号 and 项目名称 with the others.
LEDGER_PAGES = PrintedPages(LEDGER_FIRST_PAGE, 2)
TRANCHE_TABLE = _columns(TRANCHE_COLUMNS, "cdttwtt")
ORG_TABLE = _columns(ORG_COLUMNS, "c" + "t" * 13 + "nn", text=30, note=30)
#: The weekly return's lists of what needs attention, judged on the week's Sunday.
WARNING_SHEET, MATTER_SHEET, INCOMPLETE_SHEET = "预警项目", "需协调解决事项", "未完善线索"
WARNING_TABLE = _columns(WARNING_COLUMNS, "ct" + "t" * 5 + "dc")
MATTER_TABLE = _columns(MATTER_COLUMNS, "c" + "t" * 3 + "ntdct", note=50)
INCOMPLETE_TABLE = _columns(INCOMPLETE_COLUMNS, "c" + "t" * 4 + "dt")


def new_workbook() -> Workbook:
    """An empty workbook (no default sheet) with the house styles registered."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    install_styles(workbook)
    return workbook


def _in_unit(kind: Kind, value: CellValue) -> CellValue:
    if kind not in (Kind.WAN, Kind.YI) or value is None:
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"an amount must be integer yuan, got {value!r}")
    # A float is what the cell stores anyway; the Decimal step keeps the division exact first.
    return float(yuan_to_wan(value) if kind == Kind.WAN else yuan_to_yi(value))


def write_header(
    sheet: Worksheet, row: int, headings: Iterable[str], fit: Fit, *, first: int = 1
) -> None:
    """A header row in the header style, from column `first`."""
    for column, heading in enumerate(headings, start=first):
        cell = sheet.cell(row, column)
        put(cell, heading)
        cell.style = HEADER
        fit.header(row, column, heading)


def write_cells(
    sheet: Worksheet,
    row: int,
    columns: Sequence[Column],
    values: Sequence[CellValue],
    fit: Fit,
    *,
    first: int = 1,
    total: bool = False,
) -> None:
    """One row of data cells, each styled by its column's kind, from column `first`; in bold on
    grey when it is a `total` (合计) row."""
    if len(values) != len(columns):
        raise ValueError(
            msg(
                "excel.row_width",
                "a row of {values} values for {columns} columns",
                values=len(values),
                columns=len(columns),
            )
        )
    for number, (column, value) in enumerate(zip(columns, values, strict=True), start=first):
        cell = sheet.cell(row, number)
        shown = _in_unit(column.kind, value)
        put(cell, shown)
        if total:  # its label (合计) stands where a number may: text-styled, in bold
            kind = Kind.TEXT if isinstance(value, str) else column.kind
            cell.style = total_style_name(kind)
        else:
            cell.style = style_name(column.kind)
        fit.cell(row, number, column.kind, cell.value, column.cap)  # the text as cleaned and cut


def list_sheet(workbook: Workbook, table: Table, *, heading: str = "") -> Worksheet:
    """Add a sheet holding `table`: header on row 1, frozen and printed on every page, then
    the rows and the 合计 row if any; `heading` heads every printed page (see page_setup)."""
    sheet = workbook.create_sheet(table.sheet)
    fit = Fit()
    write_header(sheet, 1, (c.heading for c in table.columns), fit)
    for number, column in enumerate(table.columns, start=1):
        if column.width is not None:
            fit.fix(number, column.width)
    row = 1
    for row, values in enumerate(table.rows, start=2):
        write_cells(sheet, row, table.columns, values, fit)
    if table.total is not None:
        write_cells(sheet, row + 1, table.columns, table.total, fit, total=True)
    if not table.rows and table.empty:
        _empty_line(sheet, len(table.columns), table.empty)
    fit.apply(sheet)
    sheet.freeze_panes = "A2"
    page_setup(sheet, title_rows="1:1", heading=heading, pages=table.pages)
    return sheet


def _empty_line(sheet: Worksheet, width: int, text: str) -> None:
    """`text` on row 2 across the table's columns, bordered like a row of it."""
    for column in range(1, width + 1):
        sheet.cell(2, column).style = style_name(Kind.TEXT)
    put(sheet.cell(2, 1), text)
    if width > 1:
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)


def write_tables(tables: Iterable[Table], path: Path) -> Path:
    """A workbook of list sheets, one per table, written to `path`."""
    workbook = new_workbook()
    for table in tables:
        list_sheet(workbook, table)
    return save(workbook, path)


def save(workbook: Workbook, path: Path) -> Path:
    """Write the workbook to `path` through a temporary file, so a failure leaves no half file.

    OSError (a folder that does not exist, no permission, the file open in Excel on Windows)
    passes to the caller, which tells the user.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        new_private_file(temporary, replace=True)  # names and phones: its user's only
        _write(workbook, temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def _write(workbook: Workbook, temporary: Path) -> None:
    """`workbook.save(temporary)`, except that a failed write (a full disk) is not retried when
    the abandoned archive is garbage-collected, which printed a second traceback."""
    with temporary.open("wb") as handle:
        archive = zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        workbook.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        try:
            ExcelWriter(workbook, archive).save()
        except BaseException:
            archive.fp = None  # closing it would write its directory to the full disk again
            raise
