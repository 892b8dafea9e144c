"""The follow-ups calendar as an iCalendar file (RFC 5545), written with the `icalendar` package.

One all-day event per follow-up (DTSTART;VALUE=DATE, floating: the phone's own day), with:
- a UID made of the record and its kind: a project's is its id; a visit's follow-up is its
  organization's (the latest visit to an organization supersedes the earlier one's follow-up,
  so the event moves instead of leaving a stale copy), so importing a newer export updates
  the events instead of duplicating them;
- SEQUENCE and DTSTAMP from the time of the export, so calendars that keep an event whose
  SEQUENCE did not grow (Google's import) take the newer one;
- a reminder (VALARM, DISPLAY) at 09:00 the day before (TRIGGER -PT15H from the all-day start);
  an event on the export day (due today, or overdue and carried to today) is reminded at 09:00
  that day (PT9H), since the day before has passed.
The words are Chinese, as the reports are.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from fieldlog.domain.stages import stage_label
from fieldlog.services.file_guard import Kind
from fieldlog.services.visits.calendar_export import (
    CalendarEntry,
    FollowUpCalendar,
    default_file_name,
    gather,
    output_path,
    write_file,
)
from fieldlog.services.visits.follow_ups import Scope
from fieldlog.store.database import Database

PRODID = "-//FieldLog//跟进日程//ZH"
#: 09:00 the day before an all-day event, and 09:00 on its day.
DAY_BEFORE = timedelta(hours=-15)
SAME_DAY = timedelta(hours=9)
#: A summary or note longer than this is cut (a phone shows a few lines anyway).
LONGEST_TEXT = 500
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def uid(entry: CalendarEntry) -> str:
    """The event's stable UID: `<organization id>-visit@fieldlog` for a visit's follow-up,
    `<project id>-project@fieldlog` for a project's."""
    item = entry.item
    if item.kind == "visit" and entry.detail is not None and entry.detail.org_id is not None:
        return f"{entry.detail.org_id}-visit@fieldlog"
    return f"{item.id}-{item.kind}@fieldlog"


def _cut(text: str) -> str:
    text = text.strip()
    return text if len(text) <= LONGEST_TEXT else f"{text[:LONGEST_TEXT]}…"


def summary(entry: CalendarEntry) -> str:
    """跟进：深圳市某某公司（项目名）, with 【逾期3天】 first when it is overdue."""
    item = entry.item
    if item.kind == "visit":
        what = item.org or item.title
    else:
        what = f"{item.org}（{item.title}）" if item.org else item.title
    late = f"【逾期{entry.overdue_days}天】" if entry.overdue_days else ""
    return f"{late}跟进：{what}"


def description(entry: CalendarEntry) -> str:
    """What to do and whom to call, one line each."""
    item, detail = entry.item, entry.detail
    lines = []
    if entry.overdue_days:
        lines.append(f"原定 {item.due.isoformat()}，已逾期 {entry.overdue_days} 天")
    if item.kind == "project":
        lines.append(f"项目：{item.title}（{stage_label(item.stage, 'zh_CN') or '—'}）")
    if detail is not None and item.kind == "visit" and detail.text.strip():
        lines.append(f"上次走访（{detail.visited_on}）：{_cut(detail.text)}")
    if detail is not None and item.kind == "project":
        if detail.text.strip():
            lines.append(f"下一步：{_cut(detail.text)}")
        if detail.progress.strip():
            lines.append(f"进展：{_cut(detail.progress)}")
    if item.people:
        who = "走访人" if item.kind == "visit" else "负责人"
        lines.append(f"{who}：{'、'.join(item.people)}")
    if detail is not None and detail.contacts:
        lines.append(f"联系人：{'；'.join(detail.contacts)}")
    if detail is not None and detail.phone.strip():
        lines.append(f"单位电话：{detail.phone.strip()}")
    return "\n".join(lines)


def calendar_name(calendar: FollowUpCalendar) -> str:
    """驻深工作队跟进日程（全队）, or with a member's or group's name."""
    return f"{calendar.team}跟进日程（{calendar.whose}）"


def _event(entry: CalendarEntry, stamp: datetime, sequence: int, today: date) -> Event:
    event = Event()
    event.add("uid", uid(entry))
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("dtstart", entry.day)
    event.add("dtend", entry.day + timedelta(days=1))
    event.add("summary", summary(entry))
    event.add("description", description(entry))
    if entry.detail is not None and entry.detail.address.strip():
        event.add("location", entry.detail.address.strip())
    event.add("transp", "TRANSPARENT")  # a reminder to call, not a busy day
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary(entry))
    alarm.add("trigger", SAME_DAY if entry.day <= today else DAY_BEFORE)
    event.add_component(alarm)
    return event


def to_ics(calendar: FollowUpCalendar, now: datetime | None = None) -> bytes:
    """The calendar file's bytes (UTF-8, CRLF lines folded at 75 octets)."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    sequence = max(int((stamp - _SEQUENCE_EPOCH).total_seconds() // 60), 0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name(calendar))
    for entry in calendar.entries:
        cal.add_component(_event(entry, stamp, sequence, calendar.today))
    data: bytes = cal.to_ical()
    return data


def export_calendar(
    db: Database,
    *,
    out: Path | str | None = None,
    first: date | None = None,
    last: date | None = None,
    scope: Scope = "team",
    member_id: uuid.UUID | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> Path:
    """Write the follow-ups of the period as an .ics file; returns the file written."""
    calendar = gather(
        db, today=today or date.today(), first=first, last=last, scope=scope, member_id=member_id
    )
    path = output_path(db, out, default_file_name(calendar), Kind.CALENDAR)
    return write_file(path, to_ics(calendar, now))
