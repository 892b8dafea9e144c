"""`fieldlog export calendar` as a user runs it: the demo's follow-ups as an .ics file that
icalendar reads back, stable UIDs, and every refusal one line that writes nothing and changes
nothing."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.cli.test_cli import run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> str:
    path = tmp_path_factory.mktemp("calendar-demo") / "demo.db"
    shutil.copyfile(demo_database_file, path)  # what `fieldlog demo` makes
    return str(path)


def digest(db: str) -> str:
    return run("--db", db, "digest").stdout


def _uids(path: Path) -> dict[str, date]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event["DTSTART"].dt for event in calendar.walk("VEVENT")}


def test_the_demo_exports_and_reexports_with_the_same_uids(demo_db: str, tmp_path: Path) -> None:
    before = digest(demo_db)
    one, two = tmp_path / "1.ics", tmp_path / "2.ics"
    for out in (one, two):
        result = run("--db", demo_db, "export", "calendar", "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == str(out)
    found = _uids(one)
    assert found == _uids(two) and len(found) > 100  # the demo of 2020: all overdue, on today
    assert set(found.values()) == {date.today()}
    # A period of the demo's past lists them on their own dates.
    past = tmp_path / "past.ics"
    args = ("--from", "2020-04-01", "--to", "2020-04-30", "-o", str(past))
    result = run("--db", demo_db, "export", "calendar", "--member", "陆鹏", *args)
    assert result.returncode == 0, result.stderr
    days = _uids(past)
    assert days and all(date(2020, 4, 1) <= day <= date(2020, 4, 30) for day in days.values())
    assert set(days) < set(found)  # one member's, with the team export's UIDs
    assert digest(demo_db) == before


def test_the_default_name_carries_team_and_period(demo_db: str, tmp_path: Path) -> None:
    db = str(Path(demo_db).resolve())
    result = run("--db", db, "export", "calendar", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    start = date.today()
    end = start + timedelta(weeks=8)
    name = f"铜仁市驻深招商工作队跟进日程_{start.isoformat()}_{end.isoformat()}.ics"
    assert Path(tmp_path, result.stdout.strip()) == tmp_path / name
    assert (tmp_path / name).read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["--from", "2020-02-30"], 2, "'2020-02-30' is not a valid date"),
        (["--from", "2020-05-02", "--to", "2020-05-01"], 2, "--from 2020-05-02 is after --to"),
        (["--from", "1900-01-01"], 2, "out of range"),
        (["--member", "赵六"], 1, "no member of the team is called 赵六"),
    ],
)
def test_bad_input_is_refused_in_one_line(
    demo_db: str, tmp_path: Path, args: list[str], code: int, said: str
) -> None:
    before = digest(demo_db)
    out = tmp_path / "c.ics"
    result = run("--lang", "en", "--db", demo_db, "export", "calendar", *args, "-o", str(out))
    assert result.returncode == code
    last = result.stderr.strip().splitlines()[-1]
    assert said in last and "error:" in last, result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []
    assert digest(demo_db) == before


def test_an_unwritable_place_is_one_clear_line(demo_db: str, tmp_path: Path) -> None:
    before = digest(demo_db)
    out = tmp_path / "no" / "such" / "c.ics"
    result = run("--lang", "en", "--db", demo_db, "export", "calendar", "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.startswith("fieldlog: error: ") and result.stderr.count("\n") == 1
    assert f"the folder {out.parent} does not exist" in result.stderr
    notes = tmp_path / "notes.ics"
    notes.write_text("my own notes")
    result = run("--lang", "en", "--db", demo_db, "export", "calendar", "-o", str(notes))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "not a calendar file" in result.stderr
    assert notes.read_text() == "my own notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.ics"]
    assert digest(demo_db) == before


def test_refusals_are_chinese_under_zh(demo_db: str, tmp_path: Path) -> None:
    result = run("--lang", "zh_CN", "--db", demo_db, "export", "calendar", "--member", "赵六")
    assert result.returncode == 1 and "工作队里没有叫 赵六 的成员" in result.stderr
    assert list(tmp_path.iterdir()) == []
