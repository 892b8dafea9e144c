"""The look every FieldLog sheet shares (SPEC §4.1): cell styles by kind, widths, print set-up.

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

__all__ = ["Fit", "Kind", "display_width", "install_styles", "line_widths", "page_setup"]

HEADER_FILL = "DDEBF7"  # light blue, readable in black and white print too
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
FOOTER = "第 &P 页，共 &N 页"

#: Text columns grow to fit their content up to this width (in columns of "0"), then wrap.
TEXT_CAP = 40
#: Free text (洽谈内容, 进展情况 …) stops here and wraps.
NOTE_CAP = 60
#: A header wider than this wraps onto two lines instead of widening a column of short values.
HEADER_CAP = 18
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


def style_name(kind: Kind) -> str:
    """The named style of a data cell of this kind."""
    return f"fl_{kind.value}"


def _data_style(kind: Kind) -> NamedStyle:
    wraps = kind in (Kind.TEXT, Kind.NOTE)
    horizontal = "left" if wraps else ("center" if kind == Kind.DATE else "right")
    return NamedStyle(
        name=style_name(kind),
        number_format=NUMBER_FORMATS[kind],
        border=BORDER,
        alignment=Alignment(horizontal=horizontal, vertical="center", wrap_text=wraps),
    )


def install_styles(workbook: Workbook) -> None:
    """Register the named styles every sheet uses."""
    styles = [_data_style(kind) for kind in Kind]
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

    A column grows to its widest content up to a cap; text beyond the cap wraps, and the rows
    holding it are made tall enough, since not every program sizes wrapped rows by itself.
    """

    def __init__(self) -> None:
        self._widths: dict[int, int] = defaultdict(int)
        self._wrapped: dict[int, list[tuple[int, list[int]]]] = defaultdict(list)

    def _note(self, row: int, column: int, lines: list[int], cap: int | None) -> None:
        widest = max(lines)
        if (cap is not None and widest > cap) or len(lines) > 1:
            self._wrapped[row].append((column, lines))
        width = widest if cap is None else min(widest, cap)
        if width > self._widths[column]:
            self._widths[column] = width

    def cell(self, row: int, column: int, kind: Kind, value: object, cap: int | None) -> None:
        """Account for a data cell; text wider than `cap` (None: the kind's) wraps."""
        if value is None or value == "":
            return
        text = _shown(kind, value)
        if kind in _CAPS:
            self._note(row, column, line_widths(text), cap or _CAPS[kind])
        else:
            width = len(text)
            if width > self._widths[column]:
                self._widths[column] = width

    def header(self, row: int, column: int, heading: str) -> None:
        """Account for a heading: a long one wraps onto two lines rather than widen the column."""
        lines = line_widths(heading)
        # Two lines with room to spare: bold text is wider, and a lone "）" on a third looks bad.
        cap = math.ceil(max(lines) / 2) + 2 if max(lines) > HEADER_CAP else None
        self._note(row, column, lines, cap)

    def _width(self, column: int) -> int:
        return max(_MIN_WIDTH, self._widths[column] + _PADDING)

    def apply(self, sheet: Worksheet) -> None:
        """Set the widths of the columns seen and the heights of rows with wrapped text."""
        for column in list(self._widths):
            sheet.column_dimensions[get_column_letter(column)].width = self._width(column)
        for row, cells in self._wrapped.items():
            lines = max(self._lines(column, widths) for column, widths in cells)
            if lines > 1:
                sheet.row_dimensions[row].height = min(_MAX_HEIGHT, lines * _LINE + _ROW_PAD)

    def _lines(self, column: int, widths: list[int]) -> int:
        room = self._width(column) - _CELL_MARGIN
        return sum(max(1, math.ceil(w * _WRAP_SLACK / room)) for w in widths)


#: Tables with more columns than this print on A3: on A4 the ledger's 21 columns shrink to ~40 %.
A3_ABOVE_COLUMNS = 15


def page_setup(sheet: Worksheet, *, title_rows: str, columns: int = 0) -> None:
    """Landscape, one page wide, `title_rows` (like "1:1") on every page, page numbers.

    A4, or A3 for a table wider than A3_ABOVE_COLUMNS columns.
    """
    setup = sheet.page_setup
    setup.orientation = "landscape"
    wide = columns > A3_ABOVE_COLUMNS
    setup.paperSize = sheet.PAPERSIZE_A3 if wide else sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 0.4
    margins.top, margins.bottom = 0.6, 0.7
    sheet.oddFooter.center.text = FOOTER
    sheet.oddFooter.center.size = 9
