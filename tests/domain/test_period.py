from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldlog.domain.period import (
    InvalidPeriod,
    IsoWeek,
    Period,
    parse_date,
    weeks_between,
    weeks_in_year,
)

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "2020-04-13",
        "2020/04/13",
        "2020.04.13",
        "2020-4-13",
        "2020年4月13日",
        "2020年04月13日",
        " 2020 年 4 月 13 日 ",
        "２０２０－０４－１３",
    ],
)
def test_parse_date_accepts_the_usual_spellings(text):
    assert parse_date(text) == date(2020, 4, 13)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2020-13-01", "^'2020-13-01' is not a valid date; use YYYY-MM-DD$"),
        ("2021-02-29", "^'2021-02-29' is not a valid date; use YYYY-MM-DD$"),
        ("2020-04/13", "^'2020-04/13' is not a valid date"),
        ("13/04/2020", "^'13/04/2020' is not a valid date"),
        ("20-04-13", "^'20-04-13' is not a valid date"),
        ("2020-04-13T08:00", "^'2020-04-13T08:00' is not a valid date"),
        ("yesterday", "^'yesterday' is not a valid date"),
        ("", "^date is empty; use YYYY-MM-DD$"),
        ("   ", "^date is empty; use YYYY-MM-DD$"),
        ("2200-01-01", "^year 2200 is out of range \\(1990–2100\\)$"),
        ("1989-12-31", "^year 1989 is out of range \\(1990–2100\\)$"),
    ],
)
def test_parse_date_rejects_with_a_clear_message(text, message):
    with pytest.raises(InvalidPeriod, match=message):
        parse_date(text)


def test_parse_date_accepts_the_ends_of_the_range():
    assert parse_date("1990-01-01") == date(1990, 1, 1)
    assert parse_date("2100-12-31") == date(2100, 12, 31)


def test_period_basics():
    dispatch = Period.between(date(2020, 3, 23), date(2020, 4, 22))
    assert dispatch.days == 31
    assert dispatch.contains(date(2020, 3, 23))
    assert dispatch.contains(date(2020, 4, 22))
    assert not dispatch.contains(date(2020, 3, 22))
    assert not dispatch.contains(date(2020, 4, 23))
    assert str(dispatch) == "2020-03-23 – 2020-04-22"
    assert Period.between("2020-03-23", "2020/4/22") == dispatch


def test_open_periods():
    everything = Period.all_time()
    assert everything.contains(date(1, 1, 1))
    assert everything.days is None
    assert str(everything) == "… – …"
    since = Period(date(2020, 3, 23), None)
    assert since.contains(date(2099, 1, 1))
    assert not since.contains(date(2020, 3, 22))
    assert str(since) == "2020-03-23 – …"
    assert str(Period(None, date(2020, 4, 22))) == "… – 2020-04-22"


def test_single_day_period():
    day = Period(date(2020, 4, 13), date(2020, 4, 13))
    assert day.days == 1
    assert day.contains(date(2020, 4, 13))


def test_period_must_not_end_before_it_starts():
    message = "^the period starts on 2020-04-22, after it ends on 2020-03-23; swap the two dates$"
    with pytest.raises(InvalidPeriod, match=message):
        Period(date(2020, 4, 22), date(2020, 3, 23))


def test_month_and_year_to_date():
    d = date(2020, 4, 13)
    assert Period.month_to_date(d) == Period(date(2020, 4, 1), d)
    assert Period.year_to_date(d) == Period(date(2020, 1, 1), d)
    assert Period.month_to_date(date(2020, 4, 1)).days == 1


def test_reference_weeks():
    w16 = IsoWeek.parse("2020-W16")
    assert w16 == IsoWeek(2020, 16)
    assert w16.monday == date(2020, 4, 13)
    assert w16.sunday == date(2020, 4, 19)
    assert w16.period == Period(date(2020, 4, 13), date(2020, 4, 19))
    assert str(w16) == "2020-W16"
    assert IsoWeek(2020, 13).monday == date(2020, 3, 23)
    assert IsoWeek.of(date(2020, 4, 19)) == w16
    assert IsoWeek.of(date(2020, 4, 20)) == IsoWeek(2020, 17)


@pytest.mark.parametrize("text", ["2020-W16", "2020W16", "2020-w16", "2020w16", " 2020-W16 "])
def test_week_spellings(text):
    assert IsoWeek.parse(text) == IsoWeek(2020, 16)


def test_week_53_exists_only_in_long_years():
    assert weeks_in_year(2020) == 53
    assert weeks_in_year(2021) == 52
    assert IsoWeek.parse("2020-W53").sunday == date(2021, 1, 3)
    with pytest.raises(InvalidPeriod, match=r"^week 53 does not exist in 2021; that"):
        IsoWeek.parse("2021-W53")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2020-W00", "^week 0 does not exist in 2020; that year has weeks 1 to 53$"),
        ("2020-W54", "^week 54 does not exist in 2020"),
        ("2020-16", "^'2020-16' is not a valid week; use YYYY-Www, like 2020-W16$"),
        ("W16", "^'W16' is not a valid week"),
        ("", "^'' is not a valid week"),
        ("2200-W01", "^year 2200 is out of range \\(1990–2100\\)$"),
    ],
)
def test_bad_weeks_are_rejected_with_a_clear_message(text, message):
    with pytest.raises(InvalidPeriod, match=message):
        IsoWeek.parse(text)


def test_week_constructor_validates_too():
    with pytest.raises(InvalidPeriod, match="week 53 does not exist in 2021"):
        IsoWeek(2021, 53)
    with pytest.raises(InvalidPeriod, match="year 0 is out of range"):
        IsoWeek(0, 1)


def test_next_and_previous_cross_years():
    assert IsoWeek(2020, 53).next() == IsoWeek(2021, 1)
    assert IsoWeek(2021, 1).previous() == IsoWeek(2020, 53)
    assert IsoWeek(2021, 52).next() == IsoWeek(2022, 1)
    assert IsoWeek(2020, 16).next() == IsoWeek(2020, 17)


def test_weeks_are_ordered_by_time():
    assert IsoWeek(2020, 53) < IsoWeek(2021, 1) < IsoWeek(2021, 2)
    assert sorted([IsoWeek(2021, 1), IsoWeek(2020, 16)]) == [IsoWeek(2020, 16), IsoWeek(2021, 1)]


def test_weeks_of_the_reference_dispatch():
    dispatch = Period(date(2020, 3, 23), date(2020, 4, 22))
    assert [str(w) for w in weeks_between(dispatch)] == [
        "2020-W13",
        "2020-W14",
        "2020-W15",
        "2020-W16",
        "2020-W17",
    ]


def test_weeks_between_needs_a_closed_period():
    message = "^weeks can only be listed for a period with a start and an end date$"
    with pytest.raises(InvalidPeriod, match=message):
        weeks_between(Period(date(2020, 3, 23), None))
    with pytest.raises(InvalidPeriod, match=message):
        weeks_between(Period.all_time())


@given(dates)
def test_every_date_lies_in_exactly_one_week(d):
    week = IsoWeek.of(d)
    assert week.period.contains(d)
    assert not week.previous().period.contains(d)
    assert not week.next().period.contains(d)
    assert week.monday.weekday() == 0
    assert week.period.days == 7


@given(dates, st.integers(min_value=0, max_value=400))
def test_weeks_between_covers_every_day_once(start, length):
    period = Period(start, start + timedelta(days=length))
    weeks = weeks_between(period)
    assert weeks == sorted(weeks)
    days = [w.monday + timedelta(days=i) for w in weeks for i in range(7)]
    covered = [d for d in days if period.contains(d)]
    assert len(covered) == len(set(covered)) == period.days
    assert all(w.period.start <= period.end and period.start <= w.period.end for w in weeks)


@given(dates)
def test_week_text_round_trips(d):
    week = IsoWeek.of(d)
    if 1990 <= week.year <= 2100:
        assert IsoWeek.parse(str(week)) == week
