"""Checks shared by the services; each failure is an InvalidInput with a clear sentence."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TypeVar

from fieldlog.domain.messages import Message, carried, msg
from fieldlog.domain.text import clean_name, clean_text
from fieldlog.services.errors import InvalidInput

T = TypeVar("T")

MIN_YEAR, MAX_YEAR = 1990, 2100
#: Free text (visit summaries, progress notes) longer than this is a pasted file, not a note.
MAX_NOTE = 20_000


@contextmanager
def user_errors() -> Iterator[None]:
    """Inside, a domain ValueError (bad code, unknown record…) surfaces as InvalidInput."""
    try:
        yield
    except InvalidInput:
        raise
    except ValueError as exc:
        raise InvalidInput(carried(exc)) from exc


def checked(parse: Callable[[], T]) -> T:
    """Run a domain parser, turning its ValueError into InvalidInput with the same message."""
    try:
        return parse()
    except InvalidInput:
        raise
    except ValueError as exc:
        raise InvalidInput(carried(exc)) from exc


def required_name(value: str | None, what: Message) -> str:
    """A cleaned single-line name that must not be empty."""
    name = checked(lambda: clean_name(value))
    if not name:
        raise InvalidInput(msg("input.required", "{what} is required", what=what))
    return name


def optional_name(value: str | None) -> str:
    """A cleaned single-line text that may be empty."""
    return checked(lambda: clean_name(value))


def note(value: str | None) -> str:
    """Cleaned multi-line free text of reasonable length."""
    return checked(lambda: clean_text(value, max_length=MAX_NOTE))


def sane_date(value: date | None, what: Message) -> date | None:
    """A date within the years FieldLog can mean (1990–2100), or None."""
    if value is None:
        return None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise InvalidInput(
            msg(
                "input.date_out_of_range",
                "{what} {date} is out of range ({first}–{last})",
                what=what,
                date=value.isoformat(),
                first=MIN_YEAR,
                last=MAX_YEAR,
            )
        )
    return value


def required_date(value: date | None, what: Message) -> date:
    """A sane date that must be given."""
    if value is None:
        raise InvalidInput(msg("input.required", "{what} is required", what=what))
    result = sane_date(value, what)
    assert result is not None
    return result
