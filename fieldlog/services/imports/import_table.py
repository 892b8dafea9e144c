"""The data rows of an imported sheet, read field by field through the column mapping."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import partial
from os import PathLike
from typing import Any, TypeVar

from fieldlog.domain.messages import carried, msg
from fieldlog.domain.text import MAX_NAME_LENGTH, clean_name, clean_text
from fieldlog.excel.headers import (
    HEADER_SEARCH_ROWS,
    ColumnMapping,
    ImportKind,
    MappingOverride,
    detect_mapping,
)
from fieldlog.excel.reader import (
    ExcelFileError,
    SheetRows,
    open_heads,
    stream_columns,
    stream_rows,
)
from fieldlog.excel.values import BadCell, cell_text, check_length, is_blank
from fieldlog.services.validate import MAX_NOTE

T = TypeVar("T")


@dataclass(frozen=True)
class Table:
    """A sheet's first rows, where its header is, and how its columns map to fields; the rows
    below are read from the file as they are used."""

    path: str | PathLike[str]
    sheet: SheetRows
    header_position: int
    mapping: ColumnMapping

    def data_rows(self, *, mapped_only: bool = False) -> Iterator[Cells]:
        """Every row below the header that has something in a mapped column; with
        `mapped_only`, the cells of the mapped columns only (the others are not converted)."""
        if mapped_only and not self.sheet.complete:
            yield from self.first_look(self.mapping.columns)
            return
        for number, values in self._rows_below():
            cells = Cells(number, values, self.mapping)
            if not cells.blank():
                yield cells

    def first_look(
        self, fields: Collection[str], *, whole: Callable[[Cells], bool] | None = None
    ) -> Iterator[Cells]:
        """The rows `data_rows` gives, with only the cells of `fields` read: a quick first
        pass over a large sheet. The other mapped cells are read too when those are blank (to
        tell whether the row is a data row) or when `whole` says so of the row as first read."""
        if self.sheet.complete:
            yield from self.data_rows()
            return
        columns = self.mapping.columns
        first = {columns[name] for name in fields if name in columns}
        header = self.mapping.header_row
        for number, values in stream_columns(
            self.path,
            self.sheet.name,
            first,
            set(columns.values()) - first,
            whole=None if whole is None else lambda row: whole(Cells(0, row, self.mapping)),
        ):
            if number > header:
                cells = Cells(number, values, self.mapping)
                if not cells.blank():
                    yield cells

    def _rows_below(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        if self.sheet.complete:
            start = self.header_position + 1
            yield from zip(self.sheet.row_numbers[start:], self.sheet.rows[start:], strict=True)
            return
        header = self.mapping.header_row
        for number, values in stream_rows(self.path, self.sheet.name):
            if number > header:
                yield number, values


def load_table(
    path: str | PathLike[str],
    kind: ImportKind,
    *,
    sheet: str | None = None,
    mapping: MappingOverride | None = None,
) -> Table:
    """Read the sheet and map it; when no sheet is named, the sheet whose header maps most fields.

    (A workbook with both a 目标企业库 and a 走访明细 sheet imports visits from the latter, whose
    header names more visit fields, though the former has a name column too.)
    """
    sheets = open_heads(path, sheet, head=HEADER_SEARCH_ROWS)
    problems: list[ExcelFileError] = []
    best: Table | None = None
    for candidate in sheets:
        if not candidate.rows:
            problems.append(
                ExcelFileError(
                    msg(
                        "excel.empty_sheet",
                        "sheet {sheet} of {path} is empty",
                        sheet=repr(candidate.name),
                        path=str(path),
                    )
                )
            )
            continue
        try:
            position, columns = detect_mapping(
                candidate.rows,
                candidate.row_numbers,
                kind,
                sheet=candidate.name,
                override=mapping,
                full_width=None if candidate.complete else partial(_width, path, candidate.name),
            )
        except ExcelFileError as exc:
            problems.append(exc)
            continue
        if best is None or len(columns.columns) > len(best.mapping.columns):
            best = Table(path, candidate, position, columns)
    if best is not None:
        return best
    if len(problems) == 1:
        raise problems[0]
    names = "、".join(s.name for s in sheets)
    raise ExcelFileError(
        msg(
            "import.no_header_anywhere",
            "found no header row with a name column in the first rows of any sheet of {path} "
            "({sheets})",
            path=str(path),
            sheets=names,
        )
    )


def _width(path: str | PathLike[str], sheet: str) -> int:
    """The number of columns of the sheet's widest row."""
    return max((len(values) for _, values in stream_rows(path, sheet)), default=0)


class Cells:
    """One data row; each read names the column's heading when the cell is refused."""

    def __init__(self, row: int, values: tuple[Any, ...], mapping: ColumnMapping) -> None:
        self.row = row
        self._values = values
        self._mapping = mapping

    @property
    def values(self) -> tuple[Any, ...]:
        """Every cell of the row, as read."""
        return self._values

    def raw(self, name: str) -> Any:
        """The cell under the field's column, or None when the field is not mapped."""
        index = self._mapping.columns.get(name)
        return self._values[index] if index is not None and index < len(self._values) else None

    def blank(self) -> bool:
        """Tell whether every mapped cell of the row is empty."""
        return all(is_blank(self.raw(name)) for name in self._mapping.columns)

    def read(self, name: str, parse: Callable[[Any], T]) -> T:
        """Parse the field's cell; a ValueError becomes BadCell prefixed with the heading."""
        try:
            return parse(self.raw(name))
        except ValueError as exc:
            heading = self._mapping.heading_of(name) or name
            raise BadCell(
                msg("import.cell", "{heading}: {reason}", heading=heading, reason=carried(exc))
            ) from None

    def _empty(self, name: str) -> bool:
        """Whether the cell holds nothing at all (most cells of a long sheet): "" read quickly."""
        value = self.raw(name)
        return value is None or value == ""

    def text(self, name: str, limit: int) -> str:
        """The cell as text, refused when it cannot fit in `limit` characters once cleaned."""
        if self._empty(name):
            return ""
        return self.read(name, lambda value: check_length(cell_text(value), limit))

    def line(self, name: str) -> str:
        """The cell as a cleaned single line (a name, a place), as the services will store it."""
        if self._empty(name):
            return ""
        text = self.text(name, MAX_NAME_LENGTH)
        return self.read(name, lambda _: clean_name(text))

    def note(self, name: str) -> str:
        """The cell as cleaned free text of at most MAX_NOTE characters."""
        if self._empty(name):
            return ""
        text = self.text(name, MAX_NOTE)
        return self.read(name, lambda _: clean_text(text, max_length=MAX_NOTE))
