"""The look every FieldLog sheet shares (SPEC §4.1): cell styles by kind, widths (print set-up:
`print_setup.py`).

Cells take named styles (one per kind of value) rather than styles of their own: that is fast to
assign and gives Excel, WPS and LibreOffice one small, clean style table.
"""

from __future__ import annotations

import enum
import math
import re
from collections import defaultdict

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from fieldlog.domain.money import WAN_NUMBER_FORMAT, YI_NUMBER_FORMAT

__all__ = [
    "Fit",
    "Kind",
    "display_width",
    "install_styles",
    "line_widths",
    "style_name",
    "total_style_name",
]

HEADER_FILL = "DDEBF7"  # light blue, readable in black and white print too
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
TOTAL_FILL = "F2F2F2"  # the 合计 rows: bold on a light grey

#: Text columns grow to fit their content up to this width (in columns of "0"), then wrap.
TEXT_CAP = 40
#: Free text (洽谈内容, 进展情况 …) stops here and wraps.
NOTE_CAP = 60
_PADDING = 2
_MIN_WIDTH = 6
# Row heights in points for 11-point text: one line, the padding, Excel's largest row.
_LINE, _ROW_PAD, _MAX_HEIGHT = 15, 4, 409
# Columns of a cell not available to text, and how much longer text gets when wrapped at words.
_CELL_MARGIN, _WRAP_SLACK = 1.5, 1.05
_CAPITAL_EXTRA = 0.4


# The common characters East Asian Width calls Wide or Fullwidth (CJK, kana, hangul, full-width
# forms, most emoji): enough to size a column, at C speed rather than a lookup per character.
_WIDE = re.compile(
    "[\u1100-\u115f\u231a-\u231b\u2329-\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19"
    "\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001f64f\U0001f900-\U0001f9ff"
    "\U00020000-\U0003fffd]"
)


class Kind(enum.Enum):
    """What a column holds, which fixes its cell style and number format."""

    TEXT = "text"  # names, codes, labels
    NOTE = "note"  # free text: wraps, width capped
    DATE = "date"
    COUNT = "count"  # whole numbers (序号 and every count)
    WAN = "wan"  # integer yuan shown in 万元
    YI = "yi"  # integer yuan shown in 亿元
    PERCENT = "percent"  # a ratio shown as a percentage


NUMBER_FORMATS: dict[Kind, str] = {
    Kind.TEXT: "@",
    Kind.NOTE: "@",
    Kind.DATE: "yyyy-mm-dd",
    Kind.COUNT: "0",
    Kind.WAN: WAN_NUMBER_FORMAT,
    Kind.YI: YI_NUMBER_FORMAT,
    Kind.PERCENT: "0.0%",
}
_CAPS = {Kind.TEXT: TEXT_CAP, Kind.NOTE: NOTE_CAP}

HEADER = "fl_header"
TITLE = "fl_title"
CAPTION = "fl_caption"
PLAIN = "fl_plain"  # a line of text outside any table
PLAIN_RIGHT = "fl_plain_right"
NOTE_LINE = "fl_note_line"  # a one-line remark under a table


def style_name(kind: Kind) -> str:
    """The named style of a data cell of this kind."""
    return f"fl_{kind.value}"


def total_style_name(kind: Kind) -> str:
    """The named style of a cell of this kind in a 合计 row."""
    return f"fl_total_{kind.value}"


def _data_style(kind: Kind, *, total: bool = False) -> NamedStyle:
    wraps = kind in (Kind.TEXT, Kind.NOTE)
    horizontal = "left" if wraps else ("center" if kind == Kind.DATE else "right")
    style = NamedStyle(
        name=total_style_name(kind) if total else style_name(kind),
        number_format=NUMBER_FORMATS[kind],
        border=BORDER,
        alignment=Alignment(horizontal=horizontal, vertical="center", wrap_text=wraps),
    )
    if total:
        style.font = Font(bold=True)
        style.fill = PatternFill("solid", fgColor=TOTAL_FILL)
    return style


def install_styles(workbook: Workbook) -> None:
    """Register the named styles every sheet uses."""
    styles = [_data_style(kind) for kind in Kind]
    styles += [_data_style(kind, total=True) for kind in Kind]
    styles += [
        NamedStyle(
            name=HEADER,
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor=HEADER_FILL),
            border=BORDER,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
        NamedStyle(
            name=TITLE,
            font=Font(bold=True, size=16),
            alignment=Alignment(horizontal="center", vertical="center"),
        ),
        NamedStyle(name=CAPTION, font=Font(bold=True, size=12)),
        NamedStyle(name=PLAIN, alignment=Alignment(vertical="center")),
        NamedStyle(name=PLAIN_RIGHT, alignment=Alignment(horizontal="right", vertical="center")),
        NamedStyle(name=NOTE_LINE, font=Font(size=9), alignment=Alignment(vertical="center")),
    ]
    for style in styles:
        workbook.add_named_style(style)


def line_widths(text: str, stop: int = 2_000) -> list[int]:
    """Columns each line of `text` takes on screen (a CJK character counts two).

    Measuring stops once the lines add up to `stop` columns: no row grows taller than that shows.
    """
    widths, total = [], 0
    for line in text.split("\n"):
        head = line[:stop]  # each character takes at least one column
        if head.isascii():
            # Capital letters are wider than the digit "0" that column widths are measured in.
            width = len(head) + math.ceil(sum(char.isupper() for char in head) * _CAPITAL_EXTRA)
        else:
            width = 2 * len(head) - len(_WIDE.sub("", head))
        widths.append(width)
        total += width
        if total >= stop:
            break
    return widths


def display_width(text: str) -> int:
    """Columns the widest line of `text` takes on screen."""
    return max(line_widths(text))


def _shown(kind: Kind, value: object) -> str:
    """About the text a number or date shows as, to size its column."""
    if isinstance(value, str):
        return value
    if kind == Kind.DATE:
        return "2020-01-01"
    if kind == Kind.PERCENT and isinstance(value, int | float):
        return f"{value:.1%}"
    if kind in (Kind.WAN, Kind.YI) and isinstance(value, int | float):
        return f"{value:,.4f}" if kind == Kind.WAN else f"{value:.4f}"
    return str(value)


class Fit:
    """Column widths and row heights of one sheet, from the content seen while writing it.

    A column grows to its widest content up to a cap, or takes the width it was fixed at; text
    beyond that wraps, and the rows holding it are made tall enough, since not every program
    sizes wrapped rows by itself. A heading never wraps by itself: its column is at least as wide
    as its widest line, so it breaks only where it holds a line break (between words).
    """

    def __init__(self) -> None:
        self._widths: dict[int, int] = defaultdict(int)
        self._headings: dict[int, int] = defaultdict(int)
        self._fixed: dict[int, int] = {}
        self._wrapped: dict[int, list[tuple[int, list[int]]]] = defaultdict(list)

    def _note(self, row: int, column: int, lines: list[int], cap: int | None) -> None:
        widest = max(lines)
        if (cap is not None and widest > cap) or len(lines) > 1:
            self._wrapped[row].append((column, lines))
        width = widest if cap is None else min(widest, cap)
        if width > self._widths[column]:
            self._widths[column] = width

    def fix(self, column: int, width: int) -> None:
        """Give `column` this width whatever its data (its heading's lines still fit)."""
        self._fixed[column] = width

    def cell(self, row: int, column: int, kind: Kind, value: object, cap: int | None) -> None:
        """Account for a data cell; text wider than `cap` (None: the kind's) wraps."""
        if value is None or value == "":
            return
        text = _shown(kind, value)
        if column in self._fixed:
            cap = self._fixed[column] - _PADDING
        if kind in _CAPS:
            self._note(row, column, line_widths(text), cap or _CAPS[kind])
        else:
            width = len(text)
            if width > self._widths[column]:
                self._widths[column] = width

    def header(self, row: int, column: int, heading: str) -> None:
        """Account for a heading, which sets its column's least width."""
        lines = line_widths(heading)
        self._note(row, column, lines, None)
        self._headings[column] = max(self._headings[column], max(lines))

    def _width(self, column: int) -> int:
        heading = self._headings.get(column, 0) + _PADDING
        if column in self._fixed:
            return max(self._fixed[column], heading)
        return max(_MIN_WIDTH, self._widths[column] + _PADDING, heading)

    def apply(self, sheet: Worksheet) -> None:
        """Set the widths of the columns seen and the heights of rows with wrapped text."""
        for column in set(self._widths) | set(self._fixed):
            sheet.column_dimensions[get_column_letter(column)].width = self._width(column)
        for row, cells in self._wrapped.items():
            lines = max(self._lines(column, widths) for column, widths in cells)
            if lines > 1:
                sheet.row_dimensions[row].height = min(_MAX_HEIGHT, lines * _LINE + _ROW_PAD)

    def _lines(self, column: int, widths: list[int]) -> int:
        room = self._width(column) - _CELL_MARGIN
        return sum(max(1, math.ceil(w * _WRAP_SLACK / room)) for w in widths)
