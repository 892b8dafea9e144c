"""The follow-ups calendar (.ics) read back with icalendar: dates, UIDs, alarms, words, scopes,
overdue follow-ups carried to today, and refusals that write nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.services.visits.calendar_export import member_named, this_week
from fieldlog.services.visits.calendar_ics import export_calendar
from fieldlog.services.visits.week_list import save_image
from fieldlog.store.database import Database
from fieldlog.store.files import Kind, kind_of
from tests.field_dump import db_digest
from tests.services.conftest import Small

TODAY = date(2020, 4, 22)  # a Wednesday
NOW = datetime(2020, 4, 22, 8, 30, tzinfo=UTC)


def _events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def _setup(db: Database, small: Small) -> dict[str, uuid.UUID]:
    contact = orgs.save_contact(db, small.org, orgs.ContactInput("张峰", "科长", "13274935727"))
    visit = visits.save_visit(
        db,
        visits.VisitInput(
            date(2020, 4, 20),
            small.org,
            [small.alice],
            summary="谈冷链仓储合作；约定下周看地块",
            next_follow_up=date(2020, 4, 25),
            contact_ids=[contact],
        ),
    )
    late = projects.open_project(
        db,
        projects.ProjectInput(
            "冷链物流园", owner_id=small.bob, next_follow_up=date(2020, 4, 20),
            investor_id=small.association, next_step="报送项目建议书",
        ),
        on=date(2020, 4, 1),
    )  # fmt: skip
    far = projects.open_project(
        db,
        projects.ProjectInput("远期项目", owner_id=small.bob, next_follow_up=date(2020, 7, 1)),
        on=date(2020, 4, 1),
    )
    return {"visit": visit, "late": late, "far": far, "contact": contact}


def test_each_follow_up_is_an_all_day_event_with_its_alarm_and_words(
    db: Database, small: Small, tmp_path: Path
) -> None:
    _setup(db, small)
    out = export_calendar(db, out=tmp_path / "f.ics", today=TODAY, now=NOW)
    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "测试工作队跟进日程（全队）"
    events = _events(out)
    # The project due on 1 July is beyond the default eight weeks.
    assert sorted(events) == [
        "【逾期2天】跟进：深圳市铜仁商会（冷链物流园）",
        "跟进：深圳市德润物流有限公司",
    ]
    visit = events["跟进：深圳市德润物流有限公司"]
    start = visit["DTSTART"].dt
    assert type(start) is date and start == date(2020, 4, 25)  # a DATE, not a DATE-TIME
    assert visit["DTEND"].dt == date(2020, 4, 26)
    assert visit["DTSTAMP"].dt == NOW.replace(microsecond=0)
    description = str(visit["DESCRIPTION"])
    assert "上次走访（2020-04-20）：谈冷链仓储合作；约定下周看地块" in description
    assert "走访人：李娜" in description and "联系人：张峰 科长 13274935727" in description
    (alarm,) = visit.walk("VALARM")
    assert alarm["TRIGGER"].dt == timedelta(hours=-15) and str(alarm["ACTION"]) == "DISPLAY"
    # Overdue: carried to today with its own date said, reminded this morning.
    late = events["【逾期2天】跟进：深圳市铜仁商会（冷链物流园）"]
    assert late["DTSTART"].dt == TODAY
    assert "原定 2020-04-20，已逾期 2 天" in str(late["DESCRIPTION"])
    assert "下一步：报送项目建议书" in str(late["DESCRIPTION"])
    assert late.walk("VALARM")[0]["TRIGGER"].dt == timedelta(hours=9)


def test_uids_are_stable_across_exports_and_follow_an_edited_date(
    db: Database, small: Small, tmp_path: Path
) -> None:
    made = _setup(db, small)
    one = export_calendar(db, out=tmp_path / "1.ics", today=TODAY, now=NOW)
    two = export_calendar(db, out=tmp_path / "2.ics", today=TODAY, now=NOW + timedelta(hours=2))
    uids = {str(e["UID"]): e["DTSTART"].dt for e in _events(one).values()}
    assert uids == {str(e["UID"]): e["DTSTART"].dt for e in _events(two).values()}
    assert len(uids) == 2 and f"{made['late']}-project@fieldlog" in uids
    assert f"{small.org}-visit@fieldlog" in uids
    # Later exports carry a higher SEQUENCE, so calendars take the update.
    first, second = (min(int(e["SEQUENCE"]) for e in _events(p).values()) for p in (one, two))
    assert second > first
    # The project's date edited; a new visit to the organization moves its follow-up.
    data = projects.ProjectInput("冷链物流园", owner_id=small.bob, next_follow_up=date(2020, 5, 6))
    data.investor_id = small.association
    projects.save_project(db, data, made["late"], today=TODAY)
    visits.save_visit(
        db,
        visits.VisitInput(
            date(2020, 4, 21), small.org, [small.bob], next_follow_up=date(2020, 5, 8)
        ),
    )
    three = export_calendar(db, out=tmp_path / "3.ics", today=TODAY, now=NOW)
    moved = {str(e["UID"]): e["DTSTART"].dt for e in _events(three).values()}
    assert moved == {
        f"{made['late']}-project@fieldlog": date(2020, 5, 6),
        f"{small.org}-visit@fieldlog": date(2020, 5, 8),
    }


def test_a_members_scope_and_a_period_wholly_ahead(
    db: Database, small: Small, tmp_path: Path
) -> None:
    _setup(db, small)
    bob = member_named(db, " 王强 ")
    assert bob == small.bob
    out = export_calendar(
        db, out=tmp_path / "w.ics", first=date(2020, 4, 23), last=date(2020, 7, 31),
        scope="me", member_id=bob, today=TODAY, now=NOW,
    )  # fmt: skip
    assert str(Calendar.from_ical(out.read_bytes())["X-WR-CALNAME"]) == "测试工作队跟进日程（王强）"
    # Wholly after today: nothing overdue is carried; Bob's project of July is in.
    assert sorted(_events(out)) == ["跟进：远期项目"]
    week = this_week(db, today=TODAY, scope="group", member_id=small.alice)
    assert week.whose == "物流组" and week.last == date(2020, 4, 26)
    assert [entry.day for entry in week.entries] == [TODAY, date(2020, 4, 25)]


def test_refusals_write_nothing_and_change_nothing(
    db: Database, small: Small, tmp_path: Path
) -> None:
    _setup(db, small)
    folder = tmp_path / "out"
    folder.mkdir()
    team.save_member(db, team.MemberInput("王强"), team_id=small.team)
    before = db_digest(db)
    with pytest.raises(InvalidInput, match="no member of the team is called 赵六"):
        member_named(db, "赵六")
    with pytest.raises(InvalidInput, match="2 members are called 王强"):
        member_named(db, "王强")
    with pytest.raises(InvalidInput, match="starts on 2020-05-02, after its end on 2020-05-01"):
        export_calendar(
            db, out=folder / "x.ics", first=date(2020, 5, 2), last=date(2020, 5, 1), today=TODAY
        )
    with pytest.raises(InvalidInput, match="does not exist"):
        export_calendar(db, out=folder / "no" / "x.ics", today=TODAY)
    notes = folder / "notes.ics"
    notes.write_text("my own notes")
    with pytest.raises(InvalidInput, match="is not a calendar file"):
        export_calendar(db, out=notes, today=TODAY)
    assert notes.read_text() == "my own notes"
    assert sorted(p.name for p in folder.iterdir()) == ["notes.ics"]
    assert db_digest(db) == before


def test_an_earlier_export_is_replaced_but_never_another_kind(
    db: Database, small: Small, tmp_path: Path
) -> None:
    _setup(db, small)
    out = export_calendar(db, out=tmp_path / "f.ics", today=TODAY, now=NOW)
    assert kind_of(out) is Kind.CALENDAR
    later = NOW + timedelta(days=1)
    assert export_calendar(db, out=out, today=TODAY, now=later) == out  # the same kind
    assert _events(out)["跟进：深圳市德润物流有限公司"]["DTSTAMP"].dt == later
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    with pytest.raises(InvalidInput, match="is a calendar file, not a PNG image"):
        save_image(db, out=out, png=png)
    picture = save_image(db, out=tmp_path / "w.png", png=png)
    assert kind_of(picture) is Kind.IMAGE and picture.read_bytes() == png
    with pytest.raises(InvalidInput, match="is a PNG image, not a calendar file"):
        export_calendar(db, out=picture, today=TODAY)
    assert _events(out)["跟进：深圳市德润物流有限公司"]["DTSTAMP"].dt == later
