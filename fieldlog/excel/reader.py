"""Reading the rows of a worksheet from a file a person picked, with one clear sentence when the
file is not a workbook FieldLog can read (SPEC §4.3).

The file is recognized by its first bytes, not its name: a CSV renamed .xlsx, an old .xls and a
password-protected workbook all get a message that says what to do, never a traceback.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG, ROW_TAG, WorkSheetParser
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from fieldlog.domain.messages import msg
from fieldlog.excel.values import is_blank

__all__ = [
    "ExcelFileError",
    "SheetRows",
    "open_all_rows",
    "open_heads",
    "open_rows",
    "sheet_names",
    "stream_columns",
    "stream_rows",
]

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names inside an OLE2 compound file are stored in UTF-16LE.
_ENCRYPTED_STREAMS = tuple(n.encode("utf-16-le") for n in ("EncryptionInfo", "EncryptedPackage"))
_XLS_STREAMS = tuple(n.encode("utf-16-le") for n in ("Workbook", "Book"))
_WORKBOOK_PART = "xl/workbook.xml"
#: What the parts of a workbook may unpack to. A sheet holds every row in memory once read, so a
#: ZIP bomb (a small file that inflates to gigabytes) must be refused before openpyxl opens it.
#: Real sheets compress 5–50 times (a 10 MB cell of one repeated character, ~1000 times, is
#: refused row by row, not here); a member past MAX_RATIO and over RATIO_FLOOR bytes is a bomb.
#: The floor allows for sheets that write each Chinese character as a character reference
#: (&#38271;, 8 bytes against UTF-8's 3), as openpyxl does whenever lxml is installed: such a
#: 10 MB cell unpacks to 80 MB.
MAX_INFLATED = 512 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 128 * 1024 * 1024


class ExcelFileError(ValueError):
    """A file that cannot be imported at all; the message is one sentence for the user."""


@dataclass(frozen=True)
class SheetRows:
    """The raw cell values of one worksheet, row by row, with their 1-based row numbers; only
    its first rows when not `complete` (`open_heads`: the rest is read by `stream_rows`)."""

    name: str
    sheet_names: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    row_numbers: list[int]
    complete: bool = True


def _check_kind(path: Path, shown: str) -> None:
    """Refuse what is not an .xlsx file, saying what it is when we can tell."""
    if not path.exists():
        raise ExcelFileError(msg("excel.missing", "{path} does not exist", path=shown))
    if path.is_dir():
        raise ExcelFileError(
            msg("excel.folder", "{path} is a folder, not an Excel workbook", path=shown)
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ExcelFileError(
            msg(
                "excel.cannot_open",
                "{path} cannot be opened ({detail})",
                path=shown,
                detail=exc.strerror or exc,
            )
        ) from exc
    if head.startswith(_OLE2_MAGIC):
        data = path.read_bytes()
        if any(name in data for name in _ENCRYPTED_STREAMS):
            raise ExcelFileError(
                msg(
                    "excel.password",
                    "{path} is protected by a password; remove the password and import again",
                    path=shown,
                )
            )
        if any(name in data for name in _XLS_STREAMS):
            raise ExcelFileError(
                msg(
                    "excel.old_xls",
                    "{path} is an old Excel 97–2003 file (.xls); "
                    "open it in Excel or WPS and save it as .xlsx",
                    path=shown,
                )
            )
        raise _not_a_workbook(shown)
    if not head.startswith(_ZIP_MAGIC):
        raise _not_a_workbook(shown)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _damaged(shown) from exc
    if _WORKBOOK_PART not in {info.filename for info in infos}:
        raise _not_a_workbook(shown)
    _check_sizes(infos, shown)


def _check_sizes(infos: list[zipfile.ZipInfo], shown: str) -> None:
    """Refuse a workbook whose parts unpack to absurd sizes (zipfile enforces the sizes given)."""
    total = sum(info.file_size for info in infos)
    bomb = any(
        info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        for info in infos
    )
    if total > MAX_INFLATED or bomb:
        raise ExcelFileError(
            msg(
                "excel.zip_bomb",
                "{path} unpacks to {total} bytes from {packed} (a ZIP bomb?); it was not read",
                path=shown,
                total=format(total, ","),
                packed=format(sum(i.compress_size for i in infos), ","),
            )
        )


def _damaged(shown: str) -> ExcelFileError:
    return ExcelFileError(
        msg(
            "excel.damaged",
            "{path} is damaged or incomplete and cannot be read; "
            "open it in Excel or WPS, save it again and import the saved copy",
            path=shown,
        )
    )


def _not_a_workbook(shown: str) -> ExcelFileError:
    return ExcelFileError(
        msg("excel.not_a_workbook", "{path} is not an Excel workbook (.xlsx)", path=shown)
    )


def _trim(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """The row without its trailing empty cells."""
    end = len(row)
    while end and (row[end - 1] is None or (isinstance(row[end - 1], str) and not row[end - 1])):
        end -= 1
    return tuple(row[:end])


def _sheet_rows(worksheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, cells without the trailing empty ones) of each non-empty row, streamed."""
    if not hasattr(worksheet, "iter_rows"):  # a chart sheet holds no cells
        return
    # Files from other programs often carry a wrong <dimension>; forget it and read what is there.
    worksheet.reset_dimensions()
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        row = _trim(tuple(values))
        if row:
            yield number, row


def _read_sheet(worksheet: Any, head: int | None) -> tuple[list[tuple[Any, ...]], list[int], bool]:
    """The sheet's rows; with `head`, only up to the first non-empty row numbered past it."""
    rows: list[tuple[Any, ...]] = []
    numbers: list[int] = []
    for number, row in _sheet_rows(worksheet):
        rows.append(row)
        numbers.append(number)
        if head is not None and number > head:
            return rows, numbers, False
    return rows, numbers, True


def _size_from_head(worksheet: Any) -> None:
    """A read-only sheet's <dimension>, read from the start of its XML: it comes before the
    cells (the file format's order), so the reading stops where the cells begin."""
    source = worksheet._get_source()
    try:
        for _event, element in iterparse(source, events=("start",)):
            if element.tag == DIMENSION_TAG:
                bounds = SheetDimension.from_tree(element).boundaries
                if bounds is not None:
                    worksheet._min_column, worksheet._min_row = bounds[0], bounds[1]
                    worksheet._max_column, worksheet._max_row = bounds[2], bounds[3]
                return
            if element.tag == DATA_TAG:
                return
    finally:
        source.close()


@contextmanager
def _sized_from_head() -> Iterator[None]:
    """While a workbook loads: its sheets' sizes read from their heads. openpyxl looks for a
    sheet's <dimension> through the whole sheet when it has none (as files from many programs
    have not), parsing every cell once more per opening only to learn that."""
    plain = ReadOnlyWorksheet._get_size
    ReadOnlyWorksheet._get_size = _size_from_head  # type: ignore[method-assign]
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = plain  # type: ignore[method-assign]


@contextmanager
def _workbook(file: Path, shown: str) -> Iterator[Any]:
    """The workbook open read-only (cells streamed from the file), every failure one sentence."""
    _check_kind(file, shown)
    try:
        with file.open("rb") as handle:
            # A file object, not the path: openpyxl would otherwise judge the file by its name.
            with _sized_from_head():
                workbook = load_workbook(handle, read_only=True, data_only=True)
            try:
                yield workbook
            finally:
                workbook.close()
    except ExcelFileError:
        raise
    except OSError as exc:
        raise ExcelFileError(
            msg(
                "excel.cannot_read",
                "{path} cannot be read ({detail})",
                path=shown,
                detail=exc.strerror or exc,
            )
        ) from exc
    except Exception as exc:
        # Whatever the XML or zip layer says about a broken part means the same to a person.
        raise _damaged(shown) from exc


def _read(
    path: str | PathLike[str],
    wanted: str | None,
    every: bool,
    *,
    rows: bool = True,
    head: int | None = None,
) -> list[SheetRows]:
    """Read the named sheet (the first one when None), or every sheet; names only unless `rows`;
    only the first rows of each with `head`."""
    shown = str(path)
    with _workbook(Path(path), shown) as workbook:
        names = tuple(workbook.sheetnames)
        if wanted is not None and wanted not in names:
            listed = "、".join(names)
            raise ExcelFileError(
                msg(
                    "excel.no_such_sheet",
                    "{path} has no sheet named {sheet}; its sheets are {sheets}",
                    path=shown,
                    sheet=repr(wanted),
                    sheets=listed,
                )
            )
        chosen = names if every else (wanted if wanted is not None else names[0],)
        result = []
        for name in chosen:
            values, numbers, complete = (
                _read_sheet(workbook[name], head) if rows else ([], [], True)
            )
            result.append(SheetRows(name, names, values, numbers, complete))
        return result


def stream_rows(path: str | PathLike[str], sheet: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, cells) of every non-empty row of `sheet`, read as they are used, so that a
    large sheet is never held in memory; ExcelFileError if the file cannot be read."""
    shown = str(path)
    with _workbook(Path(path), shown) as workbook:
        yield from _sheet_rows(workbook[sheet])


def stream_columns(
    path: str | PathLike[str],
    sheet: str,
    first: Collection[int],
    rest: Collection[int],
    *,
    whole: Callable[[tuple[Any, ...]], bool] | None = None,
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """`stream_rows` for a quick look at a large sheet: each row with only the cells of the
    columns `first` (0-based, the others None), and those of `rest` too when the former are
    all blank or `whole` (given the row of the former) says so. Rows and values are the ones
    `stream_rows` gives in those columns (openpyxl's own reading of each cell), but the other
    cells are never converted, which is most of the time openpyxl spends on a row."""
    shown = str(path)
    with _workbook(Path(path), shown) as workbook:
        yield from _column_rows(workbook[sheet], frozenset(first), frozenset(rest), whole)


def _column_rows(
    worksheet: Any,
    first: frozenset[int],
    rest: frozenset[int],
    whole: Callable[[tuple[Any, ...]], bool] | None,
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """What `_sheet_rows` yields, with the cells of the columns asked for only (see
    `stream_columns`): the row numbering of openpyxl's `ReadOnlyWorksheet._cells_by_row`
    (a row numbered below one already read is skipped) and the cells of its `WorkSheetParser`.
    The XML is parsed by lxml, which hands over only the rows (openpyxl's parser, every
    element)."""
    if not hasattr(worksheet, "iter_rows"):
        return
    book = worksheet.parent
    letters = {index: get_column_letter(index + 1) for index in first | rest}
    counter = 1
    with worksheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            worksheet._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        rows = etree.iterparse(
            source,
            events=("end",),
            tag=ROW_TAG,
            resolve_entities=False,
            no_network=True,
            huge_tree=True,
        )
        for _event, element in rows:
            number = _row_number(parser, element)
            if number >= counter:
                counter = number + 1
                values = _cells_in(parser, element, first, letters, number)
                width = _width(parser, element)
                if rest and (
                    all(is_blank(value) for value in values.values())
                    or (whole is not None and whole(_placed(values, width)))
                ):
                    values.update(_cells_in(parser, element, rest, letters, number))
                row = _placed(values, width)
                if row:
                    yield number, row
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]


def _row_number(parser: WorkSheetParser, element: Any) -> int:
    """The row's number as `WorkSheetParser.parse_row` reads it (and counts it)."""
    given = element.get("r")
    if given is None:
        parser.row_counter += 1
    else:
        try:
            parser.row_counter = int(given)
        except ValueError:
            value = float(given)
            if not value.is_integer():
                raise ValueError(
                    msg("excel.row_number", "{number} is not a valid row number", number=given)
                ) from None
            parser.row_counter = int(value)
    return int(parser.row_counter)


def _cells_in(
    parser: WorkSheetParser,
    element: Any,
    wanted: frozenset[int],
    letters: dict[int, str],
    number: int,
) -> dict[int, Any]:
    """{0-based column: value} of the row's cells in `wanted`, read by `parser.parse_cell`.
    A cell is found by its reference (C12 for the third column of row 12); a row with a cell
    without one is read cell by cell as `parse_cell` counts them."""
    found: dict[int, Any] = {}
    references = {f"{letters[index]}{number}": index for index in wanted}
    parser.col_counter = 0
    for cell in element:
        reference = cell.get("r")
        if reference is None:
            return _counted_cells(parser, element, wanted)
        index = references.get(reference)
        if index is not None:
            found[index] = _value(parser, cell)
    return found


def _counted_cells(parser: WorkSheetParser, element: Any, wanted: frozenset[int]) -> dict[int, Any]:
    found: dict[int, Any] = {}
    parser.col_counter = 0
    for cell in element:
        read = parser.parse_cell(cell)
        if read["column"] - 1 in wanted:
            found[read["column"] - 1] = read["value"]
    return found


def _value(parser: WorkSheetParser, cell: Any) -> Any:
    """The cell's value as `parse_cell` reads it; a plain inline string read directly."""
    if cell.get("t") == "inlineStr" and len(cell) == 1:
        inline = cell[0]
        if inline.tag == _INLINE and len(inline) == 1 and inline[0].tag == _TEXT:
            return inline[0].text or ""
    return parser.parse_cell(cell)["value"]


def _width(parser: WorkSheetParser, element: Any) -> int:
    """How many cells openpyxl makes of the row: up to the column of its last cell (a cell
    written after it, in a column to its right, is dropped — as openpyxl does)."""
    if not len(element):
        return 0
    reference = element[-1].get("r")
    if reference:
        return int(coordinate_to_tuple(reference)[1])
    return int(parser.col_counter)


def _placed(values: dict[int, Any], width: int) -> tuple[Any, ...]:
    """The cells as a row (None where nothing was read), without trailing empty cells."""
    row: list[Any] = [None] * width
    for index, value in values.items():
        if index < width:
            row[index] = value
    return _trim(tuple(row))


_INLINE = f"{{{SHEET_MAIN_NS}}}is"
_TEXT = f"{{{SHEET_MAIN_NS}}}t"


def _empty(found: SheetRows, path: str | PathLike[str]) -> ExcelFileError:
    return ExcelFileError(
        msg(
            "excel.empty_sheet",
            "sheet {sheet} of {path} is empty",
            sheet=repr(found.name),
            path=str(path),
        )
    )


def open_heads(
    path: str | PathLike[str], sheet: str | None = None, *, head: int
) -> list[SheetRows]:
    """The first rows of `sheet` (ExcelFileError when it is empty), or of every sheet when None:
    each up to its first non-empty row numbered past `head`."""
    if sheet is None:
        return _read(path, None, every=True, head=head)
    found = _read(path, sheet, every=False, head=head)[0]
    if not found.rows:
        raise _empty(found, path)
    return [found]


def open_rows(path: str | PathLike[str], sheet: str | None = None) -> SheetRows:
    """The non-empty rows of `sheet` (the first sheet when None); ExcelFileError if unreadable."""
    found = _read(path, sheet, every=False)[0]
    if not found.rows:
        raise _empty(found, path)
    return found


def open_all_rows(path: str | PathLike[str]) -> list[SheetRows]:
    """The non-empty rows of every sheet in workbook order (an empty sheet has no rows)."""
    return _read(path, None, every=True)


def sheet_names(path: str | PathLike[str]) -> tuple[str, ...]:
    """The names of the workbook's sheets; ExcelFileError if the file is not a readable workbook."""
    return _read(path, None, every=False, rows=False)[0].sheet_names
