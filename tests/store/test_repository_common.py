"""The rules every repository shares (store/repositories/common.py), on a real SQLite database:
text typed into a search box is matched literally, tombstoned rows are hidden, and a period
holds both its first and its last day."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from fieldlog.domain.period import Period
from fieldlog.store.database import Database
from fieldlog.store.models import Chain, Organization, Visit
from fieldlog.store.repositories.common import (
    between,
    contains,
    escape_like,
    in_period,
    is_live,
    live,
    live_join,
    starts_with,
)

NAMES = ("100%纯净", "100 纯净", "a_b 公司", "axb 公司", "C:\\盘", "C:盘", "plain")


def _org(name: str, **fields: object) -> Organization:
    return Organization(id=uuid.uuid4(), name=name, name_key=name, kind="enterprise", **fields)


@pytest.fixture
def named(db: Database) -> Database:
    with db.begin() as session:
        session.add_all(_org(name) for name in NAMES)
    return db


def _names(db: Database, condition: object) -> set[str]:
    with db.read() as session:
        return set(session.execute(select(Organization.name).where(condition)).scalars())


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("%", {"100%纯净"}),  # not "any text"
        ("0%纯", {"100%纯净"}),
        ("_", {"a_b 公司"}),  # not "any one character"
        ("a_b", {"a_b 公司"}),
        ("\\", {"C:\\盘"}),  # the escape character itself
        (":\\盘", {"C:\\盘"}),
        ("纯净", {"100%纯净", "100 纯净"}),
        ("公司", {"a_b 公司", "axb 公司"}),
    ],
)
def test_contains_takes_wildcards_and_the_escape_character_literally(
    named: Database, typed: str, found: set[str]
) -> None:
    assert _names(named, contains(Organization.name, typed)) == found


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("100%", {"100%纯净"}),
        ("a_", {"a_b 公司"}),
        ("C:\\", {"C:\\盘"}),
        ("C:", {"C:\\盘", "C:盘"}),
    ],
)
def test_starts_with_takes_wildcards_literally_and_anchors_at_the_start(
    named: Database, typed: str, found: set[str]
) -> None:
    assert _names(named, starts_with(Organization.name, typed)) == found


def test_escape_like_doubles_the_escape_before_escaping_wildcards() -> None:
    # Escaping the backslash last would turn "\%" into "\\\\%" (a literal \ then a wildcard).
    assert escape_like("\\%_") == "\\\\\\%\\_"
    assert escape_like("纯净 plain") == "纯净 plain"


def test_live_rows_leave_tombstoned_ones_out(db: Database) -> None:
    with db.begin() as session:
        session.add_all([_org("kept"), _org("gone", deleted=True)])
    assert _names(db, is_live(Organization)) == {"kept"}
    with db.read() as session:
        assert [o.name for o in session.execute(live(Organization)).scalars()] == ["kept"]


def test_a_live_join_shows_a_deleted_record_as_blank_and_keeps_the_row(db: Database) -> None:
    live_chain, dead_chain = uuid.uuid4(), uuid.uuid4()
    with db.begin() as session:
        session.add_all([Chain(id=live_chain, name="新能源"), Chain(id=dead_chain, name="旧链")])
        session.flush()
        session.get(Chain, dead_chain).deleted = True  # type: ignore[union-attr]
        session.add_all(
            [
                _org("on a live chain", chain_id=live_chain),
                _org("on a deleted chain", chain_id=dead_chain),
                _org("on no chain"),
            ]
        )
    query = select(Organization.name, Chain.name).outerjoin(
        Chain, live_join(Chain, Organization.chain_id)
    )
    with db.read() as session:
        rows = {org: chain for org, chain in session.execute(query)}
    assert rows == {"on a live chain": "新能源", "on a deleted chain": None, "on no chain": None}


DAYS = (date(2024, 3, 31), date(2024, 4, 1), date(2024, 4, 15), date(2024, 4, 30), date(2024, 5, 1))


@pytest.fixture
def visited(db: Database) -> Database:
    org = _org("visited")
    with db.begin() as session:
        session.add(org)
        session.flush()
        session.add_all(Visit(id=uuid.uuid4(), org_id=org.id, visited_on=day) for day in DAYS)
    return db


def _days(db: Database, conditions: list[object]) -> list[date]:
    query = select(Visit.visited_on).where(*conditions).order_by(Visit.visited_on)
    with db.read() as session:
        return list(session.execute(query).scalars())


def test_a_period_holds_its_first_and_its_last_day(visited: Database) -> None:
    april = Period(date(2024, 4, 1), date(2024, 4, 30))
    assert _days(visited, in_period(Visit.visited_on, april)) == list(DAYS[1:4])


def test_a_one_day_period_holds_that_day(visited: Database) -> None:
    day = Period(date(2024, 4, 15), date(2024, 4, 15))
    assert _days(visited, in_period(Visit.visited_on, day)) == [date(2024, 4, 15)]


def test_an_open_end_sets_no_bound_there(visited: Database) -> None:
    since = Period(date(2024, 4, 30), None)
    until = Period(None, date(2024, 4, 1))
    assert _days(visited, in_period(Visit.visited_on, since)) == list(DAYS[3:])
    assert _days(visited, in_period(Visit.visited_on, until)) == list(DAYS[:2])
    assert _days(visited, in_period(Visit.visited_on, Period.all_time())) == list(DAYS)
    assert in_period(Visit.visited_on, Period.all_time()) == []


def test_between_reads_first_and_last_as_in_period(visited: Database) -> None:
    first, last = date(2024, 4, 1), date(2024, 4, 30)
    assert _days(visited, between(Visit.visited_on, first, last)) == list(DAYS[1:4])
    assert _days(visited, between(Visit.visited_on, None, last)) == list(DAYS[:4])
