"""The period a written report covers: an ISO week, a calendar month or a range of dates, with
the words a bureau report names it by (本周, 本月, 驻点期间…)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from fieldlog.domain.messages import msg
from fieldlog.domain.period import MAX_YEAR, MIN_YEAR, InvalidPeriod, IsoWeek, Period

__all__ = ["ReportPeriod", "chinese_date", "month_period", "parse_month"]

_MONTH = re.compile(r"(?P<y>\d{4})[-/.年]?(?P<m>\d{1,2})月?")

Span = Literal["week", "month", "range"]


def parse_month(text: str) -> Period:
    """Read YYYY-MM (or YYYY年M月) into the period from its first to its last day."""
    cleaned = "".join(unicodedata.normalize("NFKC", text).split())
    match = _MONTH.fullmatch(cleaned)
    if not match or not 1 <= int(match["m"]) <= 12 or not MIN_YEAR <= int(match["y"]) <= MAX_YEAR:
        raise InvalidPeriod(
            msg(
                "period.not_a_month",
                "{text} is not a valid month; use YYYY-MM, like 2020-04",
                text=repr(text.strip()),
            )
        )
    return month_period(date(int(match["y"]), int(match["m"]), 1))


def month_period(day: date) -> Period:
    """The calendar month of `day`, first to last day."""
    first = day.replace(day=1)
    return Period(first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1))


def chinese_date(day: date, *, year: bool = True) -> str:
    """2020年4月22日 (GB/T 9704 writes dates in Arabic numerals, without leading zeros)."""
    shown = f"{day.month}月{day.day}日"
    return f"{day.year}年{shown}" if year else shown


@dataclass(frozen=True)
class ReportPeriod:
    """A closed period and how it was asked for (a week, a month or dates)."""

    span: Span
    period: Period

    @classmethod
    def week(cls, week: IsoWeek) -> ReportPeriod:
        """The Monday-to-Sunday period of `week`."""
        return cls("week", week.period)

    @classmethod
    def month(cls, period: Period) -> ReportPeriod:
        """A calendar month (as `parse_month` reads it)."""
        return cls("month", period)

    @classmethod
    def dates(cls, start: date, end: date) -> ReportPeriod:
        """Any closed range of dates."""
        return cls("range", Period(start, end))

    @property
    def start(self) -> date:
        """The first day."""
        assert self.period.start is not None
        return self.period.start

    @property
    def end(self) -> date:
        """The last day."""
        assert self.period.end is not None
        return self.period.end

    def label(self) -> str:
        """The period as a title names it: 2020年第16周, 2020年4月, 2020年3月23日—4月22日."""
        if self.span == "week":
            week = IsoWeek.of(self.start)
            return f"{week.year}年第{week.week}周"
        if self.span == "month":
            return f"{self.start.year}年{self.start.month}月"
        return self.range_text("—")

    def range_text(self, between: str) -> str:
        """First and last day, the year written once when both share it."""
        same_year = self.start.year == self.end.year
        return f"{chinese_date(self.start)}{between}{chinese_date(self.end, year=not same_year)}"

    def opening(self, dispatch: Period | None) -> str:
        """How the report's first sentence names the period: 本周, 本月, 驻点期间 (the range is
        the team's dispatch), else its dates."""
        if self.span == "week":
            return "本周"
        if self.span == "month":
            return "本月"
        if dispatch is not None and dispatch == self.period:
            return "驻点期间"
        return self.range_text("至")
