"""The counting rules of SPEC §3.5, as properties that hold for all facts.

Projects and tranches go through the application's rules (`domain/counting.py`); visits through
the plain reference (`tests/reference_counting.py`), which the database's counts are held to.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from fieldlog.domain.counting import ProjectFact, StageFact, TrancheFact, stage_at
from fieldlog.domain.indicators import METRICS, MILESTONE_KEYS
from fieldlog.domain.period import Period, weeks_between
from fieldlog.domain.stages import ALL_STAGES, Stage
from tests.reference_counting import VisitFact, reference_stats

START = date(2020, 3, 23)
DAYS = 45
ORG_IDS = [uuid.UUID(int=n) for n in range(1, 16)]
KINDS = {org: ("enterprise", "association", "park")[n % 3] for n, org in enumerate(ORG_IDS)}

days = st.integers(0, DAYS - 1).map(lambda n: START + timedelta(days=n))
visit_facts = st.lists(
    st.builds(lambda d, o: VisitFact(d, o, KINDS[o]), days, st.sampled_from(ORG_IDS)), max_size=60
)
stage_facts = st.lists(
    st.builds(StageFact, days, st.sampled_from(ALL_STAGES), st.integers(0, 5)), max_size=6
)
maybe_days = st.one_of(st.none(), days)
project_facts = st.lists(
    st.builds(
        lambda events, signed, amount, in_stats, above_scale: ProjectFact(
            uuid.uuid4(),
            tuple(events),
            signed,
            amount,
            stats_on=in_stats,
            above_scale_on=above_scale,
        ),
        stage_facts,
        maybe_days,
        st.integers(1, 10**10),
        maybe_days,
        maybe_days,
    ),
    max_size=12,
)
tranche_facts = st.lists(st.builds(TrancheFact, days, st.integers(1, 10**9)), max_size=20)
FULL = Period(START, START + timedelta(days=DAYS - 1))


@st.composite
def split_periods(draw: st.DrawFn) -> tuple[Period, Period, Period]:
    cut = draw(st.integers(0, DAYS - 2))
    middle = START + timedelta(days=cut)
    return FULL, Period(START, middle), Period(middle + timedelta(days=1), FULL.end)


@given(visit_facts, project_facts, tranche_facts, split_periods())
def test_additive_metrics_add_up_over_a_split(visits, projects, tranches, periods) -> None:
    whole, first, second = (reference_stats(p, visits, projects, tranches) for p in periods)
    for metric in (
        "visits",
        "leads_new",
        "projects_signed",
        "contract_amount_yuan",
        "funds_in_place_yuan",
        "inspections",
        "projects_in_stats",
        "projects_above_scale",
        "assessment.projects_signed",
        "assessment.contract_amount_yuan",
        "assessment.funds_in_place_yuan",
    ):
        assert whole.figure(metric) == first.figure(metric) + second.figure(metric), metric


@given(visit_facts)
def test_cumulative_distinct_is_the_union_not_the_sum_of_weeks(visits) -> None:
    whole = reference_stats(FULL, visits, [], [])
    weekly = [reference_stats(w.period, visits, [], []) for w in weeks_between(FULL)]
    enterprises = {v.org_id for v in visits if v.org_kind == "enterprise"}
    associations = {v.org_id for v in visits if v.org_kind == "association"}
    assert whole.enterprises_visited == len(enterprises)
    assert whole.associations_visited == len(associations)
    assert sum(w.enterprises_visited for w in weekly) >= whole.enterprises_visited
    assert sum(w.visits for w in weekly) == whole.visits == len(visits)


def test_a_revisit_in_another_week_counts_once_cumulatively() -> None:
    org = ORG_IDS[0]
    visits = [
        VisitFact(date(2020, 3, 24), org, "enterprise"),
        VisitFact(date(2020, 4, 2), org, "enterprise"),
    ]
    weekly = [reference_stats(w.period, visits, [], []) for w in weeks_between(FULL)]
    assert sum(w.enterprises_visited for w in weekly) == 2
    assert reference_stats(FULL, visits, [], []).enterprises_visited == 1


@given(project_facts, days)
def test_active_projects_are_those_negotiating_or_inspected_at_period_end(projects, end) -> None:
    stats = reference_stats(Period(START, end), [], projects, [])
    expected = sum(1 for p in projects if stage_at(p, end) in (Stage.NEGOTIATING, Stage.INSPECTED))
    assert stats.projects_active == expected


def test_stage_at_end_uses_the_latest_event_up_to_that_day() -> None:
    project = ProjectFact(
        uuid.uuid4(),
        (
            StageFact(date(2020, 3, 25), Stage.LEAD, 1),
            StageFact(date(2020, 4, 1), Stage.NEGOTIATING, 2),
            StageFact(date(2020, 4, 1), Stage.INSPECTED, 3),
            StageFact(date(2020, 4, 10), Stage.DROPPED, 4),
        ),
    )
    assert stage_at(project, date(2020, 3, 24)) is None
    assert stage_at(project, date(2020, 4, 1)) == Stage.INSPECTED
    assert stage_at(project, None) == Stage.DROPPED
    assert reference_stats(Period(None, date(2020, 4, 5)), [], [project], []).projects_active == 1
    assert reference_stats(Period(None, date(2020, 4, 10)), [], [project], []).projects_active == 0


def test_a_project_is_signed_once_at_its_first_signing_with_its_amount() -> None:
    signed = ProjectFact(
        uuid.uuid4(), (StageFact(date(2020, 4, 2), Stage.SIGNED),), date(2020, 4, 2), 7
    )
    unsigned = ProjectFact(uuid.uuid4(), (StageFact(date(2020, 4, 2), Stage.LEAD),), None, 99)
    stats = reference_stats(FULL, [], [signed, unsigned], [])
    assert (stats.projects_signed, stats.contract_amount_yuan) == (1, 7)
    assert reference_stats(Period(START, date(2020, 4, 1)), [], [signed], []).projects_signed == 0


def test_leads_count_by_first_stage_event_and_inspections_by_events() -> None:
    project = ProjectFact(
        uuid.uuid4(),
        (
            StageFact(date(2020, 3, 20), Stage.LEAD),
            StageFact(date(2020, 3, 30), Stage.INSPECTED),
            StageFact(date(2020, 4, 8), Stage.INSPECTED),
        ),
    )
    stats = reference_stats(FULL, [], [project], [])
    assert stats.leads_new == 0  # first event before the period
    assert stats.inspections == 2


def test_json_shape_has_every_metric_and_the_dates() -> None:
    shape = reference_stats(Period(None, None), [], [], []).as_dict()
    assert list(shape) == ["from", "to", *METRICS, *MILESTONE_KEYS, "assessment"]
    assert shape["projects_in_stats"] == shape["projects_above_scale"] == 0
    assert shape["from"] is None and shape["to"] is None
    assert shape["assessment"] == {
        "projects_signed": 0,
        "contract_amount_yuan": 0,
        "funds_in_place_yuan": 0,
    }


def _milestones(stats_on: date | None, above_scale_on: date | None) -> ProjectFact:
    return ProjectFact(uuid.uuid4(), (), stats_on=stats_on, above_scale_on=above_scale_on)


def test_milestones_count_by_their_own_dates_inclusive() -> None:
    april = Period(date(2020, 4, 1), date(2020, 4, 30))
    projects = [
        _milestones(date(2020, 4, 1), None),  # first day: in
        _milestones(date(2020, 4, 30), date(2020, 4, 30)),  # last day: in, both
        _milestones(date(2020, 3, 31), date(2020, 5, 1)),  # a day either side: out
        _milestones(None, date(2020, 4, 15)),  # 入规 without 入库 counts as 入规
    ]
    stats = reference_stats(april, [], projects, [])
    assert (stats.projects_in_stats, stats.projects_above_scale) == (2, 2)
    # The plain reference: a date in the period, both ends included.
    assert stats.projects_in_stats == sum(
        p.stats_on is not None and april.start <= p.stats_on <= april.end for p in projects
    )
    assert stats.figure("projects_in_stats") == 2
    assert stats.as_dict()["projects_above_scale"] == 2
    everything = reference_stats(Period(None, None), [], projects, [])
    assert (everything.projects_in_stats, everything.projects_above_scale) == (3, 3)


def test_figure_reads_metrics_milestones_and_assessment_figures() -> None:
    stats = reference_stats(FULL, [], [_milestones(START, None)], [])
    assert stats.figure("visits") == stats.visits
    assert stats.figure("assessment.projects_signed") == stats.assessment.projects_signed
    for bad in ("assessment.nothing", "assessment", "period"):
        try:
            stats.figure(bad)
        except KeyError:
            continue
        raise AssertionError(bad)
