"""How every FieldLog sheet prints (SPEC §4.1): landscape, one page wide, at a legible size.

The paper and scale are planned from the column widths rather than left to "fit to page", which
shrank the 21-column ledger to about 5 pt: a sheet prints on A4, or on A3 when A4 would bring its
11-point text below 8 pt. A table wider than that (the ledger with its 27 columns) prints two
pages wide at a fixed scale, its first columns repeated on the second (`PrintedPages`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FOOTER", "SHORT_SIDE", "PrintedPages", "page_setup", "print_heading", "printed_size"]

FOOTER = "第 &P 页 共 &N 页"
#: Excel refuses (repair prompt) a header or footer longer than 255 characters in all.
_HEADING_ROOM = 180  # leaves room for the sheet's name and the codes
#: Print margins (inches): narrow at the sides, so a wide table keeps a legible size.
SIDE_MARGIN, TOP_MARGIN, BOTTOM_MARGIN = 0.3, 0.75, 0.7
#: The short side of landscape A4 and A3 (points): the height rows print in.
SHORT_SIDE = {9: 595.28, 8: 841.89}
#: Printed points one unit of column width takes where it is widest: LibreOffice without Calibri
#: (measured on its PDF: ~7.3; Excel with Calibri takes ~5.3 plus 3.75 a column).
UNIT_POINTS = 7.3
#: The text of a sheet fitted to one page wide stays at least this size (11 pt shrunk to fit).
LEGIBLE_POINTS = 8.0
BODY_POINTS = 11.0
#: Paper sizes (openpyxl's codes) and their long side in points.
_A4, _A3 = 9, 8
_LONG_SIDE = {_A4: 841.89, _A3: 1190.55}


@dataclass(frozen=True)
class PrintedPages:
    """A table too wide for one page at a legible size, printed two pages wide: its first
    `first_page` columns, then the first `repeated` of them again (序号, 项目名称) with the rest."""

    first_page: int
    repeated: int


def _units(sheet: Worksheet, columns: Iterable[int]) -> float:
    return sum(sheet.column_dimensions[get_column_letter(c)].width or 8.43 for c in columns)


def _widest_page(sheet: Worksheet, pages: PrintedPages | None) -> float:
    """The width units of the widest page wide (the whole sheet when it prints on one)."""
    every = range(1, sheet.max_column + 1)
    if pages is None:
        return _units(sheet, every)
    second = [*range(1, pages.repeated + 1), *range(pages.first_page + 1, sheet.max_column + 1)]
    return max(_units(sheet, every[: pages.first_page]), _units(sheet, second))


def _scale(sheet: Worksheet, paper: int, pages: PrintedPages | None = None) -> float:
    """How much a sheet fitted one landscape `paper` wide (each of its `pages` wide) shrinks
    (1.0: not at all)."""
    room = _LONG_SIDE[paper] - 72 * 2 * SIDE_MARGIN
    return min(1.0, room / (_widest_page(sheet, pages) * UNIT_POINTS))


def printed_size(sheet: Worksheet, paper: int, pages: PrintedPages | None = None) -> float:
    """The size 11-point text prints at when the sheet is fitted one landscape `paper` wide."""
    return BODY_POINTS * _scale(sheet, paper, pages)


def page_setup(
    sheet: Worksheet,
    *,
    title_rows: str,
    heading: str = "",
    fixed_scale: bool = False,
    pages: PrintedPages | None = None,
) -> None:
    """Landscape, one page wide, `title_rows` (like "1:1") on every page, page numbers.

    A4, or A3 when A4 would print the text below LEGIBLE_POINTS (the column widths must be set).
    `heading` (the return's title) heads every printed page, with the sheet's name, so a loose
    page can be placed. With `fixed_scale` the sheet prints at the scale that fits it one page
    wide rather than "fit to width", which Excel applies by ignoring manual page breaks. With
    `pages` the sheet prints two pages wide at a fixed scale: a column break after the first
    page's columns, and the repeated columns printed again on the left of the second.
    """
    setup = sheet.page_setup
    setup.orientation = "landscape"
    legible = printed_size(sheet, _A4, pages) >= LEGIBLE_POINTS
    setup.paperSize = _A4 if legible else _A3
    if pages is not None:
        sheet.col_breaks.append(Break(id=pages.first_page))
        sheet.print_title_cols = f"A:{get_column_letter(pages.repeated)}"
        # Each band of rows on its two pages in turn: a project's two halves lie side by side.
        setup.pageOrder = "overThenDown"
    if fixed_scale or pages is not None:
        # Excel takes 10–400 %; anything else makes it "repair" the file.
        setup.scale = max(10, math.floor(100 * _scale(sheet, int(setup.paperSize), pages)))
        sheet.sheet_properties.pageSetUpPr.fitToPage = False
    else:
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = SIDE_MARGIN
    margins.top, margins.bottom = TOP_MARGIN, BOTTOM_MARGIN
    margins.header, margins.footer = 0.3, 0.3
    if heading:
        sheet.oddHeader.center.text = print_heading(heading)
        sheet.oddHeader.center.size = 10
        sheet.oddHeader.right.text = print_heading(sheet.title)
        sheet.oddHeader.right.size = 9
    sheet.oddFooter.center.text = FOOTER
    sheet.oddFooter.center.size = 9


def print_heading(text: str) -> str:
    """`text` as header text: "&" doubled (a single one starts a code such as &P), cut to fit."""
    while len(text.replace("&", "&&")) > _HEADING_ROOM:
        text = text[: min(len(text), _HEADING_ROOM) - 2] + "…"
    return text.replace("&", "&&")
