"""Reading what people put in cells: dates as text or serial numbers, phones typed as numbers,
yes/no in many spellings, several names in one cell.

Every reader raises BadCell (a ValueError) with a short reason; the import turns it into a
rejected row.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time
from typing import Any, NamedTuple

from openpyxl.utils.datetime import from_excel

from fieldlog.domain.messages import Message, carried, code_of, msg
from fieldlog.domain.period import MAX_YEAR, MIN_YEAR, not_a_date, parse_date
from fieldlog.domain.text import normalize_phone, too_long

__all__ = [
    "BadCell",
    "Person",
    "cell_bool",
    "cell_date",
    "cell_phone",
    "cell_text",
    "check_length",
    "is_blank",
    "split_names",
    "split_people",
]

# Serial numbers Excel can show as a date (1900 date system): 1 is 1900-01-01, this 9999-12-31.
_LAST_SERIAL = 2_958_465
_SERIAL_TEXT = re.compile(r"\d{1,7}(\.\d+)?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_TIME_SUFFIX = re.compile(r"(?:[ T]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_YES = frozenset(("是", "y", "yes", "√", "✓", "✔", "1", "true", "t", "对", "目标", "★"))
_NO = frozenset(("否", "n", "no", "×", "✗", "✘", "x", "0", "false", "f", "不是", "非"))
_NAME_SEPARATORS = re.compile(r"[、,，;；/\s]+")
_PERSON_SEPARATORS = "、,，;；\n"
_PERSON = re.compile(
    r"(?P<name>[^()]*?)\s*(?:\((?P<title>[^()]*)\))?\s*(?P<phone>\+?\d[\d \-]*)?", re.DOTALL
)


class BadCell(ValueError):
    """A cell whose value cannot mean what its column asks for; the message says why."""


class Person(NamedTuple):
    """A person written as "姓名（职务）电话"; title and phone may be empty."""

    name: str
    title: str
    phone: str


def cell_text(value: Any) -> str:
    """The text a cell shows: numbers without a spurious ".0", dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def is_blank(value: Any) -> bool:
    """Tell whether a cell holds nothing but spaces."""
    return not cell_text(value).strip()


def _checked_year(day: date) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise BadCell(
            msg(
                "excel.year_out_of_range",
                "year {year} is out of range ({first}–{last})",
                year=day.year,
                first=MIN_YEAR,
                last=MAX_YEAR,
            )
        )
    return day


def _from_serial(serial: float, shown: str) -> date:
    if not math.isfinite(serial) or not 1 <= serial <= _LAST_SERIAL:
        raise BadCell(_not_a_date(shown))
    converted = from_excel(serial)
    day = converted.date() if isinstance(converted, datetime) else converted
    if not isinstance(day, date):
        raise BadCell(_not_a_date(shown))
    return _checked_year(day)


def _not_a_date(shown: str) -> Message:
    return msg("excel.not_a_date", "{value} is not a date; use YYYY-MM-DD", value=shown)


def _from_text(text: str) -> date:
    cleaned = unicodedata.normalize("NFKC", text).strip()
    cleaned = _TIME_SUFFIX.sub("", cleaned).strip()
    compact = _COMPACT_DATE.fullmatch(cleaned)
    if compact:
        cleaned = "-".join(compact.groups())
    elif _SERIAL_TEXT.fullmatch(cleaned):
        return _from_serial(float(cleaned), repr(text.strip()))
    try:
        return parse_date(cleaned)
    except ValueError as exc:
        # Quote the text as the cell holds it, not as it was cleaned for reading.
        if code_of(exc) == "period.not_a_date":
            raise BadCell(not_a_date(text)) from None
        raise BadCell(carried(exc)) from None


def cell_date(value: Any) -> date | None:
    """A date from a date cell, an Excel serial number or a text date; None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise BadCell(_not_a_date(cell_text(value)))
    if isinstance(value, datetime):
        return _checked_year(value.date())
    if isinstance(value, date):
        return _checked_year(value)
    if isinstance(value, int | float):
        compact = _COMPACT_DATE.fullmatch(cell_text(value))
        if compact:  # 20200401 typed as a number
            return _from_text(cell_text(value))
        return _from_serial(float(value), cell_text(value))
    if isinstance(value, str):
        return _from_text(value)
    raise BadCell(_not_a_date(repr(cell_text(value))))


def cell_bool(value: Any) -> bool | None:
    """Yes or no from 是/否, Y/N, √/×, 1/0, TRUE/FALSE; None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = unicodedata.normalize("NFKC", cell_text(value)).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise BadCell(
        msg(
            "excel.not_yes_no",
            "{value} is not yes or no; use 是 or 否",
            value=repr(cell_text(value).strip()),
        )
    )


def cell_phone(value: Any) -> str:
    """Phone number(s) from text or from a number Excel stored as 13800138000.0."""
    if isinstance(value, bool | date | time):
        raise BadCell(
            msg("excel.not_a_phone", "{value} is not a phone number", value=cell_text(value))
        )
    if value is not None and not isinstance(value, str | int | float):
        value = cell_text(value)
    try:
        return normalize_phone(value)
    except ValueError as exc:
        raise BadCell(carried(exc)) from None


def check_length(text: str, limit: int) -> str:
    """Refuse, before any slow cleaning, a text that cannot fit in `limit` characters."""
    if len(text) > limit and len("".join(text.split())) > limit:
        raise BadCell(too_long(len(text), limit))
    return text


def split_names(value: Any) -> list[str]:
    """Several names in one cell, split on 、,，;；/ and spaces; each once, in order."""
    text = unicodedata.normalize("NFKC", cell_text(value))
    names = (part.strip() for part in _NAME_SEPARATORS.split(text))
    return list(dict.fromkeys(name for name in names if name))


def _entries(text: str) -> list[str]:
    """Split on the person separators that stand outside brackets."""
    entries: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if char in _PERSON_SEPARATORS and depth <= 0:
            entries.append("".join(current))
            current, depth = [], 0
        else:
            current.append(char)
    entries.append("".join(current))
    return [entry.strip() for entry in entries if entry.strip()]


def split_people(value: Any) -> list[Person]:
    """People written as "姓名（职务）电话" joined by 、or ；— each name once, first one wins."""
    people: dict[str, Person] = {}
    for entry in _entries(unicodedata.normalize("NFKC", cell_text(value))):
        match = _PERSON.fullmatch(entry)
        if match is None:
            person = Person(entry, "", "")
        else:
            title, phone = match["title"] or "", match["phone"] or ""
            person = Person(match["name"].strip(), title.strip(), phone.strip())
        if not person.name:
            raise BadCell(msg("excel.no_name", "{entry} gives no name", entry=repr(entry)))
        people.setdefault(person.name, person)
    return list(people.values())
