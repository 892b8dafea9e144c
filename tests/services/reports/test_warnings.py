"""Staleness colours, late leads, complete leads and the weekly quota, over real databases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldlog.domain.period import IsoWeek
from fieldlog.domain.stages import Stage
from fieldlog.domain.warnings import LeadField, StaleColour
from fieldlog.services.reports import warnings
from fieldlog.store.database import Database
from fieldlog.store.models import Contact, FundsTranche, Visit
from tests.services.conftest import Small
from tests.services.reports.warning_records import COMPLETE, Made, insert, set_rules

START = date(2020, 1, 1)
WATCHED = [Stage.LEAD, Stage.NEGOTIATING, Stage.INSPECTED, Stage.SIGNED, Stage.PAUSED]


class _Discard(Exception):
    """Raised to roll back the records one example wrote."""


def _colours(db: Database, as_of: date) -> dict:
    return {row.project_id: row.colour for row in warnings.stale_projects(db, as_of)}


# --- the property: colours over a real database equal a plain computation ------------------

offsets = st.integers(0, 400)
stages = st.sampled_from([*Stage, "evaluating"])
made_projects = st.lists(
    st.tuples(
        st.lists(st.tuples(offsets, stages), min_size=0, max_size=4),
        st.lists(offsets, max_size=3),
        st.lists(offsets, max_size=3),
        st.one_of(st.none(), offsets),
    ),
    min_size=1,
    max_size=6,
)


@st.composite
def thresholds(draw: st.DrawFn) -> tuple[int, int, int]:
    yellow = draw(st.integers(1, 150))
    red = draw(st.integers(yellow, 250))
    return yellow, red, draw(st.integers(red, 400))


def _day(n: int) -> date:
    return START + timedelta(days=n)


def reference_colour(drawn: tuple, as_of: date, limits: tuple[int, int, int]):
    """The colour computed plainly from what was drawn (events sorted, inserted in that order)."""
    events, tranches, visits, progress = drawn
    ordered = sorted(events, key=lambda e: e[0])  # stable: a day's last drawn event is latest
    known = [(_day(n), s) for n, s in ordered if _day(n) <= as_of and s in set(Stage)]
    if not known:
        return None
    stage = known[-1][1]
    if stage in (Stage.DROPPED, Stage.PRODUCING):
        return None
    dates = (
        [n for n, _ in ordered] + tranches + visits + ([progress] if progress is not None else [])
    )
    idle = (as_of - max(_day(n) for n in dates if _day(n) <= as_of)).days
    yellow, red, retire = limits
    if idle >= retire:
        return StaleColour.RETIRE
    if idle >= red:
        return StaleColour.RED
    return StaleColour.YELLOW if idle >= yellow else None


def reference_late(drawn: tuple, as_of: date, reply_days: int) -> bool:
    """Whether the drawn project is a lead answered late, computed plainly."""
    events, _tranches, visits, progress = drawn
    ordered = sorted(events, key=lambda e: e[0])
    known = [(n, s) for n, s in ordered if s in set(Stage)]
    if not known or known[0][1] != Stage.LEAD:
        return False
    created = ordered[0][0]
    deadline = created + reply_days
    now = [s for n, s in known if _day(n) <= as_of]
    if _day(deadline) >= as_of or not now or now[-1] in (Stage.DROPPED, Stage.PRODUCING):
        return False
    answers = [n for n, _ in ordered[1:]] + visits + ([progress] if progress is not None else [])
    return not any(created <= n <= deadline for n in answers)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(made_projects, offsets, thresholds(), st.integers(0, 10))
def test_colours_and_late_leads_equal_the_plain_computation(
    db: Database, drawn, as_of_n, limits, reply_days
) -> None:
    as_of = _day(as_of_n)
    yellow, red, retire = limits
    with pytest.raises(_Discard), db.begin() as session:
        set_rules(
            session,
            stale_yellow_days=yellow,
            stale_red_days=red,
            stale_retire_days=retire,
            lead_reply_days=reply_days,
        )
        expected, late = {}, set()
        for n, project in enumerate(drawn):
            events, tranches, visits, progress = project
            made = Made(
                [(_day(d), s) for d, s in sorted(events, key=lambda e: e[0])],
                [_day(d) for d in tranches],
                [_day(d) for d in visits],
                _day(progress) if progress is not None else None,
                name=f"项目{n}",
            )
            pid = insert(session, made)
            colour = reference_colour(project, as_of, limits)
            if colour is not None:
                expected[pid] = colour
            if reference_late(project, as_of, reply_days):
                late.add(pid)
        assert {lead.project_id for lead in warnings.late_leads(db, as_of)} == late
        rows = warnings.stale_projects(db, as_of)
        assert {r.project_id: r.colour for r in rows} == expected
        severities = [(-["yellow", "red", "retire"].index(r.colour), -r.idle_days) for r in rows]
        assert severities == sorted(severities)  # worst first, the longest idle first
        counts = warnings.warning_counts(db, as_of)
        assert counts.team == {c: list(expected.values()).count(c) for c in StaleColour}
        raise _Discard


# --- boundaries ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("idle", "colour"),
    [
        (59, None),
        (60, StaleColour.YELLOW),
        (89, StaleColour.YELLOW),
        (90, StaleColour.RED),
        (179, StaleColour.RED),
        (180, StaleColour.RETIRE),
    ],
)
def test_colour_boundaries(db: Database, small: Small, idle: int, colour) -> None:
    with db.begin() as session:
        pid = insert(session, Made([(START, Stage.NEGOTIATING)], group_id=small.group))
    as_of = START + timedelta(days=idle)
    assert _colours(db, as_of).get(pid) == colour
    rows = [r for r in warnings.stale_projects(db, as_of) if r.project_id == pid]
    if colour is not None:
        assert (rows[0].idle_days, rows[0].last_activity, rows[0].group_name) == (
            idle,
            START,
            "物流组",
        )


@pytest.mark.parametrize("kind", ["tranche", "visit", "progress", "stage"])
def test_each_kind_of_activity_restarts_the_count(db: Database, kind: str) -> None:
    later = START + timedelta(days=40)
    made = Made([(START, Stage.SIGNED)])
    if kind == "tranche":
        made.tranches = [later]
    elif kind == "visit":
        made.visits = [later]
    elif kind == "progress":
        made.progress_on = later
    else:
        made.events.append((later, Stage.REGISTERED))
    with db.begin() as session:
        pid = insert(session, made)
    assert _colours(db, START + timedelta(days=60)) == {}  # 20 days since the activity
    assert _colours(db, later + timedelta(days=60)) == {pid: StaleColour.YELLOW}


def test_activity_after_the_as_of_date_is_ignored(db: Database) -> None:
    after = START + timedelta(days=100)
    with db.begin() as session:
        pid = insert(
            session,
            Made(
                [(START, Stage.LEAD), (after, Stage.NEGOTIATING)],
                tranches=[after],
                visits=[after],
                progress_on=after,
            ),
        )
    assert _colours(db, START + timedelta(days=95)) == {pid: StaleColour.RED}
    assert _colours(db, after) == {}


@pytest.mark.parametrize("stage", [Stage.DROPPED, Stage.PRODUCING])
def test_dropped_and_producing_are_never_coloured(db: Database, stage: Stage) -> None:
    off = START + timedelta(days=100)
    with db.begin() as session:
        pid = insert(session, Made([(START, Stage.LEAD), (off, stage)]))
    # Before it was dropped (or began producing) it was coloured ...
    assert _colours(db, START + timedelta(days=60)) == {pid: StaleColour.YELLOW}
    assert _colours(db, START + timedelta(days=99)) == {pid: StaleColour.RED}
    # ... and never after, however long it lies.
    for days in (0, 60, 90, 180, 5000):
        assert _colours(db, off + timedelta(days=days)) == {}
        assert warnings.project_marks(db, off + timedelta(days=days))[pid].colour is None


def test_a_project_not_yet_opened_on_the_day_has_no_colour(db: Database) -> None:
    with db.begin() as session:
        insert(session, Made([(START + timedelta(days=10), Stage.LEAD)], visits=[START]))
    assert _colours(db, START + timedelta(days=5)) == {}


def test_deleted_activity_counts_for_nothing(db: Database) -> None:
    later = START + timedelta(days=50)
    with db.begin() as session:
        pid = insert(session, Made([(START, Stage.LEAD)], tranches=[later], visits=[later]))
        for model in (FundsTranche, Visit):
            for row in session.query(model):
                row.deleted = True
    assert _colours(db, START + timedelta(days=60)) == {pid: StaleColour.YELLOW}


def test_thresholds_come_from_the_team(db: Database) -> None:
    with db.begin() as session:
        set_rules(session, stale_yellow_days=10, stale_red_days=20, stale_retire_days=30)
        pid = insert(session, Made([(START, Stage.LEAD)]))
    assert _colours(db, START + timedelta(days=20)) == {pid: StaleColour.RED}


# --- late leads ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "late"),
    [("visit", False), ("progress", False), ("stage", False), (None, True)],
)
@pytest.mark.parametrize("after_days", [3, 4])
def test_a_lead_answered_on_day_three_is_on_time_on_day_four_late(
    db: Database, answer, late, after_days: int
) -> None:
    answered = START + timedelta(days=after_days)
    made = Made([(START, Stage.LEAD)], name="迟复线索")
    if answer == "visit":
        made.visits = [answered]
    elif answer == "progress":
        made.progress_on = answered
    elif answer == "stage":
        made.events.append((answered, Stage.NEGOTIATING))
    with db.begin() as session:
        pid = insert(session, made)
    expected_late = late or after_days == 4
    as_of = START + timedelta(days=10)
    found = warnings.late_leads(db, as_of)
    assert [lead.project_id for lead in found] == ([pid] if expected_late else [])
    if expected_late:
        assert (found[0].created_on, found[0].due_on) == (START, START + timedelta(days=3))


def test_a_lead_is_judged_only_once_its_days_are_over(db: Database) -> None:
    with db.begin() as session:
        pid = insert(session, Made([(START, Stage.LEAD)]))
    assert warnings.late_leads(db, START + timedelta(days=3)) == []
    assert [x.project_id for x in warnings.late_leads(db, START + timedelta(days=4))] == [pid]


def test_a_visit_before_the_lead_is_no_answer(db: Database) -> None:
    with db.begin() as session:
        pid = insert(session, Made([(START, Stage.LEAD)], visits=[START - timedelta(days=1)]))
    assert [x.project_id for x in warnings.late_leads(db, START + timedelta(days=9))] == [pid]


def test_only_leads_are_judged_and_dropped_ones_are_not_listed(db: Database) -> None:
    with db.begin() as session:
        insert(session, Made([(START, Stage.SIGNED)]))
        insert(session, Made([(START, Stage.LEAD), (START + timedelta(days=9), Stage.DROPPED)]))
    assert warnings.late_leads(db, START + timedelta(days=20)) == []


# --- complete leads and the quota ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "empty", "missing"),
    [
        ("content", "  ", LeadField.CONTENT),
        ("planned_yuan", None, LeadField.SCALE),
        ("planned_yuan", 0, LeadField.SCALE),
        ("contact", False, LeadField.CONTACT),
        ("demands", "", LeadField.DEMANDS),
    ],
)
def test_each_of_the_four_fields_makes_a_lead_incomplete(
    db: Database, field: str, empty, missing
) -> None:
    with db.begin() as session:
        insert(session, Made([(START, Stage.LEAD)], name="完整", **COMPLETE))
        pid = insert(
            session, Made([(START, Stage.LEAD)], name="缺项", **(COMPLETE | {field: empty}))
        )
    found = warnings.incomplete_leads(db)
    assert [(lead.project_id, lead.missing) for lead in found] == [(pid, (missing,))]


def test_a_lead_missing_everything_names_all_four(db: Database) -> None:
    with db.begin() as session:
        pid = insert(session, Made([(START, Stage.LEAD)]))
        insert(session, Made([(START, Stage.LEAD), (START, Stage.NEGOTIATING)]))
    found = warnings.incomplete_leads(db)
    assert [(x.project_id, x.missing) for x in found] == [(pid, tuple(LeadField))]
    assert warnings.incomplete_leads(db, START - timedelta(days=1)) == []


def test_a_deleted_contact_is_missing(db: Database) -> None:
    with db.begin() as session:
        pid = insert(session, Made([(START, Stage.LEAD)], **COMPLETE))
        for contact in session.query(Contact):
            contact.deleted = True
    assert [x.missing for x in warnings.incomplete_leads(db) if x.project_id == pid] == [
        (LeadField.CONTACT,)
    ]


def test_the_quota_counts_each_members_complete_leads_of_the_week(
    db: Database, small: Small
) -> None:
    week = IsoWeek.of(date(2020, 4, 1))
    monday, sunday = week.monday, week.sunday
    with db.begin() as session:
        set_rules(session, weekly_lead_quota=2)
        for on in (monday, sunday, sunday + timedelta(days=1), monday - timedelta(days=1)):
            insert(session, Made([(on, Stage.LEAD)], owner_id=small.alice, **COMPLETE))
        insert(session, Made([(monday, Stage.LEAD)], owner_id=small.alice))  # incomplete
        insert(session, Made([(monday, Stage.LEAD), (sunday, Stage.NEGOTIATING)], **COMPLETE))
        insert(session, Made([(sunday, Stage.NEGOTIATING)], owner_id=small.bob, **COMPLETE))
    rows = {row.name: row for row in warnings.lead_quota(db, week.period)}
    assert (rows["李娜"].leads, rows["李娜"].complete, rows["李娜"].quota) == (3, 2, 2)
    assert rows["李娜"].met and not rows["王强"].met
    assert (rows["王强"].leads, rows["王强"].complete) == (1, 1)


def test_counts_per_group(db: Database, small: Small) -> None:
    with db.begin() as session:
        insert(session, Made([(START, Stage.LEAD)], group_id=small.group))
        insert(session, Made([(START, Stage.LEAD)]))
    counts = warnings.warning_counts(db, START + timedelta(days=95))
    assert counts.team[StaleColour.RED] == 2
    assert counts.groups == [
        (small.group, "物流组", {StaleColour.RETIRE: 0, StaleColour.RED: 1, StaleColour.YELLOW: 0})
    ]


def test_the_dashboards_one_read_equals_the_three(db: Database, small: Small) -> None:
    week = IsoWeek.of(START + timedelta(days=95))
    with db.begin() as session:
        insert(session, Made([(START, Stage.LEAD)], group_id=small.group, owner_id=small.bob))
        insert(session, Made([(week.monday, Stage.LEAD)], owner_id=small.alice, **COMPLETE))
        insert(session, Made([(START + timedelta(days=30), Stage.SIGNED)]))
    for as_of in (START + timedelta(days=95), week.sunday):
        figures = warnings.panel_figures(db, as_of, week.period)
        assert figures.counts == warnings.warning_counts(db, as_of)
        assert figures.late == warnings.late_leads(db, as_of) != []
        assert figures.quota == warnings.lead_quota(db, week.period)
        assert sum(row.complete for row in figures.quota) == 1
