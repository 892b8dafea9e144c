"""Follow-ups for the phone: the open follow-ups of a period as calendar entries (an .ics file
the phone's calendar imports), and this week's for a one-page list.

The follow-ups come from `follow_ups.follow_up_page` (the same sources, scopes and rules as the
Follow-ups page); each gets the text and numbers a cadre needs on the road from
`store/repositories/calendar_rows.py`.

Overdue follow-ups must not vanish into the phone's past, where nobody scrolls: when the period
includes today, every follow-up due before today (whatever the period's start) is placed on
today, marked overdue with its own date. A period wholly in the past keeps them on their dates.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.services.errors import InvalidInput
from fieldlog.services.file_guard import Kind, guard_output
from fieldlog.services.reports.report_sheets import safe_file_name
from fieldlog.services.validate import sane_date
from fieldlog.services.visits.follow_ups import FollowUpItem, Scope, follow_up_page, week_end
from fieldlog.store.database import Database
from fieldlog.store.models import Member, WorkGroup
from fieldlog.store.private import new_private_file
from fieldlog.store.repositories import calendar_rows
from fieldlog.store.repositories.calendar_rows import FollowUpDetail
from fieldlog.store.repositories.common import get_live
from fieldlog.store.repositories.report_rows import team_row

#: The default period: today and the eight weeks after it (two months of appointments).
WEEKS_AHEAD = 8
#: How the calendar names whose follow-ups it holds, when it is the whole team's.
WHOLE_TEAM = "全队"


@dataclass(frozen=True)
class CalendarEntry:
    """A follow-up placed on a day: its own due date, or today when it is overdue."""

    item: FollowUpItem
    day: date
    overdue_days: int
    detail: FollowUpDetail | None


@dataclass(frozen=True)
class FollowUpCalendar:
    """The follow-ups of a period for one scope, with the names a calendar shows."""

    team: str
    whose: str  # 全队, a member's name, or a work group's
    first: date
    last: date
    today: date
    entries: list[CalendarEntry]


def default_period(today: date, first: date | None, last: date | None) -> tuple[date, date]:
    """The period asked for, its missing start today and its missing end eight weeks on;
    InvalidInput for a date out of range or a start after the end."""
    start = sane_date(first, msg("field.start_date", "start date")) or today
    end = sane_date(last, msg("field.end_date", "end date")) or start + timedelta(weeks=WEEKS_AHEAD)
    if start > end:
        raise InvalidInput(
            msg(
                "calendar.start_after_end",
                "the period starts on {start}, after its end on {end}",
                start=start.isoformat(),
                end=end.isoformat(),
            )
        )
    return start, end


def member_named(db: Database, name: str) -> uuid.UUID:
    """The one live member called `name`; InvalidInput when nobody or several are."""
    with db.read() as session:
        found = calendar_rows.members_named(session, name)
    if len(found) == 1:
        return found[0]
    if not found:
        raise InvalidInput(
            msg("calendar.no_member", "no member of the team is called {name}", name=name.strip())
        )
    raise InvalidInput(
        msg(
            "calendar.ambiguous_member",
            "{count} members are called {name}; rename one in the team form first",
            count=len(found),
            name=name.strip(),
        )
    )


def gather(
    db: Database,
    *,
    today: date,
    first: date | None = None,
    last: date | None = None,
    scope: Scope = "team",
    member_id: uuid.UUID | None = None,
) -> FollowUpCalendar:
    """The open follow-ups from `first` (default today) to `last` (default eight weeks on),
    overdue ones on today when the period includes it, by day then organization."""
    start, end = default_period(today, first, last)
    carries = start <= today <= end
    page = follow_up_page(
        db, first=None if carries else start, last=end, scope=scope, member_id=member_id
    )
    with db.read() as session:
        details = calendar_rows.visit_details(
            session, [item.id for item in page.items if item.kind == "visit"]
        )
        details.update(
            calendar_rows.project_details(
                session, [item.id for item in page.items if item.kind == "project"]
            )
        )
        team = team_row(session)
        whose = _whose(session, scope, member_id)
    entries = []
    for item in page.items:
        late = max((today - item.due).days, 0)
        day = today if carries and late else item.due
        entries.append(CalendarEntry(item, day, late, details.get(item.id)))
    entries.sort(key=lambda entry: (entry.day, -entry.overdue_days))
    return FollowUpCalendar(team.name if team else "", whose, start, end, today, entries)


def this_week(
    db: Database, *, today: date, scope: Scope = "team", member_id: uuid.UUID | None = None
) -> FollowUpCalendar:
    """This week's list: the overdue ones on today, then today's, then up to Sunday."""
    return gather(db, today=today, last=week_end(today), scope=scope, member_id=member_id)


def _whose(session: Session, scope: Scope, member_id: uuid.UUID | None) -> str:
    if scope == "team" or member_id is None:
        return WHOLE_TEAM
    member = get_live(session, Member, member_id, "member")
    if scope == "group" and member.group_id is not None:
        group = get_live(session, WorkGroup, member.group_id, "group")
        return str(group.name)
    return str(member.name)


def default_file_name(calendar: FollowUpCalendar, suffix: str = ".ics") -> str:
    """{team}跟进日程_2026-12-07_2027-02-01.ics; a member's or group's name follows the team's."""
    whose = "" if calendar.whose == WHOLE_TEAM else calendar.whose
    span = f"{calendar.first.isoformat()}_{calendar.last.isoformat()}"
    return f"{safe_file_name(f'{calendar.team}{whose}跟进日程_{span}')}{suffix}"


def output_path(db: Database, out: Path | str | None, default: str, kind: Kind) -> Path:
    """Where to write: `out`, the default name in `out` when it is a folder or in the current
    folder when it is None; refused (InvalidInput) in a missing folder, over the database or
    over a file of another kind."""
    chosen = Path.cwd() if out is None else Path(out).expanduser()
    chosen = chosen / default if chosen.is_dir() else chosen
    if not chosen.parent.is_dir():  # else the writer's error would name its temporary file
        raise InvalidInput(
            msg(
                "report.no_such_folder",
                "the folder {folder} does not exist; choose a folder that does",
                folder=str(chosen.parent),
            )
        )
    return guard_output(chosen, kind, db.path)


def write_file(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file, readable by its user only (contacts'
    numbers), so a failure leaves no half file and an earlier export as it was."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        new_private_file(temporary, replace=True)
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path
