"""Codes from a newer FieldLog (SPEC §3.4): kept, named 未知（code）, and counted as nothing new."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldlog.domain.counting import ProjectFact, StageFact, stage_at
from fieldlog.domain.period import Period
from fieldlog.domain.stages import Stage, known_stage, stage_label_zh
from fieldlog.domain.vocabulary import (
    ChainRole,
    Intent,
    OrgKind,
    code_or_kept,
    known_choice,
    label_zh,
    unknown_label,
)
from tests.domain.test_counting import (
    DAYS,
    START,
    days,
    project_facts,
    tranche_facts,
    visit_facts,
)
from tests.reference_counting import reference_stats

#: Codes a newer release might write into the stage column (never one of this version's).
unknown_stages = st.one_of(
    st.sampled_from(["evaluating", "signed_v2", "SIGNED", "签约", " lead", ""]),
    st.text(max_size=16).filter(lambda code: known_stage(code) is None),
)
periods = st.builds(
    lambda a, b: Period(min(a, b), max(a, b)),
    days,
    st.integers(-3, DAYS + 3).map(lambda n: START + timedelta(days=n)),
)


@st.composite
def with_unknown_events(draw: st.DrawFn, projects: list[ProjectFact]) -> list[ProjectFact]:
    """The same projects, each with some unknown-stage events at random dates and orders."""
    result = []
    for project in projects:
        extra = draw(
            st.lists(
                st.builds(StageFact, days, unknown_stages, st.integers(0, 9)),
                max_size=4,
            )
        )
        # Inserted anywhere among the known events, which keep their own order (it breaks
        # their ties, as the stored order does).
        events = list(project.events)
        for event in extra:
            events.insert(draw(st.integers(0, len(events))), event)
        result.append(replace(project, events=tuple(events)))
    return result


@given(visit_facts, project_facts, tranche_facts, periods, st.data())
def test_unknown_stage_events_change_no_figure(visits, projects, tranches, period, data) -> None:
    """Adding unknown-stage events at any dates leaves every figure of any period unchanged."""
    padded = data.draw(with_unknown_events(projects))
    assert reference_stats(period, visits, padded, tranches) == reference_stats(
        period, visits, projects, tranches
    )
    for before, after in zip(projects, padded, strict=True):
        assert stage_at(after, period.end) == stage_at(before, period.end)
        assert stage_at(after, None) == stage_at(before, None)


@given(visit_facts, periods, st.sampled_from(["cooperative", "enterprise_v2", "企业", ""]))
def test_an_unknown_org_kind_is_neither_enterprise_nor_association(visits, period, code) -> None:
    """Visits to organizations of an unknown kind count as visits, and as nothing else."""
    renamed = [replace(v, org_kind=code) if v.org_kind == OrgKind.PARK else v for v in visits]
    assert reference_stats(period, renamed, [], []) == reference_stats(period, visits, [], [])


def test_a_project_signed_once_stays_signed_after_an_unknown_event() -> None:
    day = START
    signed = ProjectFact(
        uuid.uuid4(),
        (StageFact(day, Stage.LEAD), StageFact(day + timedelta(days=2), Stage.SIGNED)),
        signed_on=day + timedelta(days=2),
        contract_yuan=100,
    )
    later = replace(
        signed, events=(*signed.events, StageFact(day + timedelta(days=5), "evaluating", 9))
    )
    assert stage_at(later, None) == Stage.SIGNED
    whole = Period(day, day + timedelta(days=30))
    assert reference_stats(whole, [], [later], []).projects_signed == 1


def test_a_project_with_only_unknown_events_is_no_lead() -> None:
    only = ProjectFact(uuid.uuid4(), (StageFact(START, "evaluating"),))
    stats = reference_stats(Period(START, START), [], [only], [])
    assert (stats.leads_new, stats.projects_active) == (0, 0)
    assert stage_at(only, None) is None


@pytest.mark.parametrize(
    ("kind", "code", "label"),
    [
        (OrgKind, "enterprise", "企业"),
        (OrgKind, "cooperative", "未知（cooperative）"),
        (Intent, "strong", "强"),
        (Intent, "强", "未知（强）"),  # a stored code is a code, never a label
        (ChainRole, "relocate", "未知（relocate）"),
        (ChainRole, "", ""),
    ],
)
def test_labels_name_unknown_codes(kind, code, label) -> None:
    assert label_zh(kind, code) == label


def test_stage_labels_and_lookups() -> None:
    assert stage_label_zh("signed") == "签约"
    assert stage_label_zh("evaluating") == unknown_label("evaluating") == "未知（evaluating）"
    assert stage_label_zh("") == ""
    assert known_stage("evaluating") is None and known_stage("lead") is Stage.LEAD
    assert known_choice(OrgKind, "cooperative") is None
    assert known_choice(OrgKind, "park") is OrgKind.PARK


def test_an_unchanged_save_keeps_an_unknown_code_and_a_changed_one_is_checked() -> None:
    assert code_or_kept(ChainRole, "relocate", "relocate") == "relocate"
    assert code_or_kept(ChainRole, "强链", "relocate") == "strengthen"
    with pytest.raises(ValueError, match="unknown chain role 'relocate'"):
        code_or_kept(ChainRole, "relocate", "build")
    with pytest.raises(ValueError, match="unknown chain role 'relocate'"):
        code_or_kept(ChainRole, "relocate", "")
