"""The data rows of an imported sheet, read field by field through the column mapping."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from os import PathLike
from typing import Any, TypeVar

from fieldlog.domain.messages import carried, msg
from fieldlog.domain.text import MAX_NAME_LENGTH, clean_name, clean_text
from fieldlog.excel.headers import ColumnMapping, ImportKind, MappingOverride, detect_mapping
from fieldlog.excel.reader import ExcelFileError, SheetRows, open_all_rows, open_rows
from fieldlog.excel.values import BadCell, cell_text, check_length, is_blank
from fieldlog.services.validate import MAX_NOTE

T = TypeVar("T")


@dataclass(frozen=True)
class Table:
    """A sheet, where its header is, and how its columns map to fields."""

    sheet: SheetRows
    header_position: int
    mapping: ColumnMapping

    def data_rows(self) -> Iterator[Cells]:
        """Every row below the header that has something in a mapped column."""
        start = self.header_position + 1
        for values, number in zip(
            self.sheet.rows[start:], self.sheet.row_numbers[start:], strict=True
        ):
            cells = Cells(number, values, self.mapping)
            if not cells.blank():
                yield cells


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
    sheets = [open_rows(path, sheet)] if sheet is not None else open_all_rows(path)
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
                candidate.rows, candidate.row_numbers, kind, sheet=candidate.name, override=mapping
            )
        except ExcelFileError as exc:
            problems.append(exc)
            continue
        if best is None or len(columns.columns) > len(best.mapping.columns):
            best = Table(candidate, position, columns)
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

    def text(self, name: str, limit: int) -> str:
        """The cell as text, refused when it cannot fit in `limit` characters once cleaned."""
        return self.read(name, lambda value: check_length(cell_text(value), limit))

    def line(self, name: str) -> str:
        """The cell as a cleaned single line (a name, a place), as the services will store it."""
        text = self.text(name, MAX_NAME_LENGTH)
        return self.read(name, lambda _: clean_name(text))

    def note(self, name: str) -> str:
        """The cell as cleaned free text of at most MAX_NOTE characters."""
        text = self.text(name, MAX_NOTE)
        return self.read(name, lambda _: clean_text(text, max_length=MAX_NOTE))
