"""This week's follow-ups as a one-page list for a chat (本周跟进清单): the words and lines, in
Chinese as the reports are; the window draws them (fieldlog/ui/week_list_image.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fieldlog.services.file_guard import Kind
from fieldlog.services.reports.report_sheets import safe_file_name
from fieldlog.services.visits.calendar_export import (
    WHOLE_TEAM,
    CalendarEntry,
    FollowUpCalendar,
    output_path,
    write_file,
)
from fieldlog.store.database import Database

#: A phone page stays readable: more lines than this are summed up in one line at the end.
MOST_LINES = 40
WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class WeekLine:
    """One follow-up: when (overdue said), with whom, and what to do."""

    when: str
    org: str
    todo: str
    overdue: bool


@dataclass(frozen=True)
class WeekList:
    """The page: title, whose and which days, the lines, and what did not fit."""

    title: str
    subtitle: str  # whose
    span: str  # which days
    lines: list[WeekLine]
    more: str  # "另有 5 项未列出" or ""
    empty: str  # what an empty week says


def day_text(day: date) -> str:
    """12月7日（周一）."""
    return f"{day.month}月{day.day}日（周{WEEKDAYS[day.weekday()]}）"


def _todo(entry: CalendarEntry) -> str:
    item, detail = entry.item, entry.detail
    text = detail.text if detail is not None else ""
    first = text.strip().splitlines()[0].strip() if text.strip() else ""
    if item.kind == "project":
        return f"{item.title}：{first}" if first else item.title
    return first or item.title


def _line(entry: CalendarEntry) -> WeekLine:
    item = entry.item
    when = f"{entry.day.month}/{entry.day.day} 周{WEEKDAYS[entry.day.weekday()]}"
    if entry.overdue_days:
        when = f"逾期{entry.overdue_days}天"
    org = item.org or item.title
    return WeekLine(when, org, _todo(entry), entry.overdue_days > 0)


def week_list(calendar: FollowUpCalendar) -> WeekList:
    """The page of `calendar` (this week's: `calendar_export.this_week`)."""
    lines = [_line(entry) for entry in calendar.entries]
    left = len(lines) - MOST_LINES
    team = f"{calendar.team} · " if calendar.team else ""
    return WeekList(
        title="本周跟进清单",
        subtitle=f"{team}{calendar.whose}",
        span=f"{day_text(calendar.first)} 至 {day_text(calendar.last)}",
        lines=lines[:MOST_LINES],
        more=f"另有 {left} 项未列出，请在 FieldLog 的“跟进事项”中查看" if left > 0 else "",
        empty="本周没有待办的跟进事项。",
    )


def file_name(calendar: FollowUpCalendar) -> str:
    """{team}本周跟进清单_2026-12-07.png; a member's or group's name follows the team's."""
    whose = "" if calendar.whose == WHOLE_TEAM else calendar.whose
    return f"{safe_file_name(f'{calendar.team}{whose}本周跟进清单_{calendar.first}')}.png"


def save_image(db: Database, *, out: Path | str, png: bytes) -> Path:
    """Write the drawn page to `out` (refused over the database or a file of another kind)."""
    return write_file(output_path(db, out, "", Kind.IMAGE), png)
