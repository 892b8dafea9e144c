"""Dates, ISO weeks and reporting periods (inclusive date ranges, possibly open-ended)."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import Self

from fieldlog.domain.messages import Message, msg

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "InvalidPeriod",
    "IsoWeek",
    "Period",
    "not_a_date",
    "parse_date",
    "weeks_between",
    "weeks_in_year",
]

# The app records field work; a date outside these years is a typing mistake, not history.
MIN_YEAR = 1990
MAX_YEAR = 2100

_DATE_FORMATS = (
    re.compile(r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
)
_ISO_WEEK = re.compile(r"(?P<y>\d{4})-?W(?P<w>\d{1,2})", re.IGNORECASE)
_OPEN_END = "…"


class InvalidPeriod(ValueError):
    """A date, week or period that cannot be used; the message says why."""


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidPeriod(_year_out_of_range(year, MIN_YEAR, MAX_YEAR))


def _year_out_of_range(year: int, first: int, last: int) -> Message:
    return msg(
        "period.year_out_of_range",
        "year {year} is out of range ({first}–{last})",
        year=year,
        first=first,
        last=last,
    )


def parse_date(text: str) -> date:
    """Read YYYY-MM-DD (or YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日) into a date."""
    # NFKC folds full-width digits and separators; spaces inside are dropped (2020 年 4 月 13 日).
    cleaned = "".join(unicodedata.normalize("NFKC", text).split())
    if not cleaned:
        raise InvalidPeriod(msg("period.date_empty", "date is empty; use YYYY-MM-DD"))
    for pattern in _DATE_FORMATS:
        match = pattern.fullmatch(cleaned)
        if match:
            break
    else:
        raise InvalidPeriod(not_a_date(text))
    try:
        parsed = date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        raise InvalidPeriod(not_a_date(text)) from None
    _check_year(parsed.year)
    return parsed


def not_a_date(text: str) -> Message:
    """The refusal of a text that is not a date, quoting it as it was written."""
    return msg(
        "period.not_a_date",
        "{text} is not a valid date; use YYYY-MM-DD",
        text=repr(text.strip()),
    )


def _as_date(value: date | str | None) -> date | None:
    return parse_date(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Period:
    """Inclusive range of dates; None at either end means the range is open on that side."""

    start: date | None
    end: date | None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise InvalidPeriod(
                msg(
                    "period.start_after_end",
                    "the period starts on {start}, after it ends on {end}; swap the two dates",
                    start=self.start.isoformat(),
                    end=self.end.isoformat(),
                )
            )

    @classmethod
    def all_time(cls) -> Self:
        """Return the period without limits."""
        return cls(None, None)

    @classmethod
    def between(cls, start: date | str | None, end: date | str | None) -> Self:
        """Return the period from `start` to `end`; strings are read with parse_date."""
        return cls(_as_date(start), _as_date(end))

    @classmethod
    def month_to_date(cls, d: date) -> Self:
        """Return the first of d's month up to d."""
        return cls(d.replace(day=1), d)

    @classmethod
    def year_to_date(cls, d: date) -> Self:
        """Return 1 January of d's year up to d."""
        return cls(d.replace(month=1, day=1), d)

    @property
    def days(self) -> int | None:
        """Number of days in the period, or None if it is open."""
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1

    def contains(self, d: date) -> bool:
        """Tell whether `d` lies in the period (both ends included)."""
        return (self.start is None or self.start <= d) and (self.end is None or d <= self.end)

    def __str__(self) -> str:
        start = self.start.isoformat() if self.start is not None else _OPEN_END
        end = self.end.isoformat() if self.end is not None else _OPEN_END
        return f"{start} – {end}"


def weeks_in_year(year: int) -> int:
    """Return 52 or 53, the number of ISO weeks in `year`."""
    # 28 December always lies in the last ISO week of its year.
    return date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO 8601 week (Monday to Sunday), ordered by time."""

    year: int
    week: int

    def __post_init__(self) -> None:
        if not MINYEAR <= self.year <= MAXYEAR:
            raise InvalidPeriod(_year_out_of_range(self.year, MINYEAR, MAXYEAR))
        last = weeks_in_year(self.year)
        if not 1 <= self.week <= last:
            raise InvalidPeriod(
                msg(
                    "period.no_such_week",
                    "week {week} does not exist in {year}; that year has weeks 1 to {last}",
                    week=self.week,
                    year=self.year,
                    last=last,
                )
            )

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read 2020-W16 or 2020W16 (any case) into a week."""
        cleaned = unicodedata.normalize("NFKC", text).strip()
        match = _ISO_WEEK.fullmatch(cleaned)
        if not match:
            raise InvalidPeriod(
                msg(
                    "period.not_a_week",
                    "{text} is not a valid week; use YYYY-Www, like 2020-W16",
                    text=repr(text.strip()),
                )
            )
        year = int(match["y"])
        _check_year(year)
        return cls(year, int(match["w"]))

    @classmethod
    def of(cls, d: date) -> Self:
        """Return the week that contains `d`."""
        iso = d.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def monday(self) -> date:
        """First day of the week."""
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        """Last day of the week."""
        return self.monday + timedelta(days=6)

    @property
    def period(self) -> Period:
        """The week as a closed Monday-to-Sunday period."""
        return Period(self.monday, self.sunday)

    def next(self) -> Self:
        """Return the following week."""
        return self.of(self.monday + timedelta(weeks=1))

    def previous(self) -> Self:
        """Return the preceding week."""
        return self.of(self.monday - timedelta(weeks=1))

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"


def weeks_between(period: Period) -> list[IsoWeek]:
    """Return every ISO week that overlaps the closed `period`, in order."""
    if period.start is None or period.end is None:
        raise InvalidPeriod(
            msg(
                "period.open_weeks",
                "weeks can only be listed for a period with a start and an end date",
            )
        )
    weeks: list[IsoWeek] = []
    week = IsoWeek.of(period.start)
    while week.monday <= period.end:
        weeks.append(week)
        week = week.next()
    return weeks
