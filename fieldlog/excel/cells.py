"""Writing one value into one cell, safely (SPEC §4.4). Every writer goes through `put`.

openpyxl turns any string that starts with "=" into a formula and "#N/A"-like strings into error
cells, raises on control characters, and silently cuts text at 32,767 characters. User text here
is always a plain string cell: cleaned of characters a workbook cannot hold, cut visibly with "…",
and typed "s" after assignment so no inference can make it a formula.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

__all__ = ["CELL_LIMIT", "CUT_MARK", "CellValue", "put", "safe_text"]

#: Excel's limit for the text of one cell, in UTF-16 code units.
CELL_LIMIT = 32_767
#: Shows the reader that a text was cut to fit a cell.
CUT_MARK = "…"

CellValue = str | int | float | Decimal | date | None


def _utf16_len(text: str) -> int:
    # Characters beyond the Basic Multilingual Plane take two UTF-16 units, as Excel counts them.
    return len(text.encode("utf-16-le")) // 2


def safe_text(text: str) -> str:
    """`text` without characters a workbook rejects, cut to the cell limit with a visible mark."""
    clean = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(clean) <= CELL_LIMIT and _utf16_len(clean) <= CELL_LIMIT:
        return clean
    room = CELL_LIMIT - len(CUT_MARK)
    end = min(room, len(clean))
    units = _utf16_len(clean[:end])
    while units > room:  # characters beyond the Basic Multilingual Plane take two units
        end -= 1
        units -= 2 if ord(clean[end]) > 0xFFFF else 1
    return clean[:end] + CUT_MARK


def put(cell: Cell, value: CellValue) -> None:
    """Write `value`: text always as a string cell, numbers as numbers, dates as date cells."""
    if isinstance(value, str):
        text = safe_text(value)
        # An empty text is a blank cell, not an empty inline string.
        cell.value = text or None
        if text:
            # Whatever openpyxl inferred ("=…" → formula, "#REF!" → error), this is text.
            cell.data_type = "s"
    elif isinstance(value, bool):
        raise TypeError("a yes/no value must be written as a label, not True/False")
    elif isinstance(value, datetime):
        cell.value = value.date()
    elif value is None or isinstance(value, int | float | Decimal | date):
        cell.value = value
    else:
        raise TypeError(f"cannot write a {type(value).__name__} into a cell")
