"""Reading the rows of a worksheet from a file a person picked, with one clear sentence when the
file is not a workbook FieldLog can read (SPEC §4.3).

The file is recognized by its first bytes, not its name: a CSV renamed .xlsx, an old .xls and a
password-protected workbook all get a message that says what to do, never a traceback.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.xml.functions import iterparse

from fieldlog.domain.messages import msg

__all__ = [
    "ExcelFileError",
    "SheetRows",
    "open_all_rows",
    "open_heads",
    "open_rows",
    "sheet_names",
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
