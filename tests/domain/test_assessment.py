"""The assessment scope (考核口径): each rule at its boundary, and against the plain scope."""

from __future__ import annotations

import uuid
from datetime import date
from types import MappingProxyType

from hypothesis import given
from hypothesis import strategies as st

from fieldlog.domain.assessment import AssessmentRules, ProjectKind, verdict
from fieldlog.domain.counting import (
    ProjectFact,
    StageFact,
    TrancheFact,
    VisitCounts,
    stats_with_visit_counts,
)
from fieldlog.domain.period import Period
from fieldlog.domain.stages import Stage

LOCAL = uuid.UUID(int=1)
OUTSIDE = uuid.UUID(int=2)
RULES = AssessmentRules(excluded_origins=MappingProxyType({LOCAL: "本地企业投资"}))
SIGNED = date(2020, 4, 1)
APRIL = Period(date(2020, 4, 1), date(2020, 4, 30))


def project(
    amount: int, *, kind: str = "new", origin: uuid.UUID | None = None, pid: int = 7
) -> ProjectFact:
    return ProjectFact(
        uuid.UUID(int=1000 + pid),
        (StageFact(SIGNED, Stage.SIGNED),),
        SIGNED,
        amount,
        kind,
        origin,
    )


def figures(*projects: ProjectFact, tranches: tuple[TrancheFact, ...] = ()) -> tuple[int, ...]:
    stats = stats_with_visit_counts(APRIL, VisitCounts(), projects, tranches, RULES)
    a = stats.assessment
    return (a.projects_signed, a.contract_amount_yuan, a.funds_in_place_yuan)


def test_a_new_project_counts_from_the_minimum_on() -> None:
    assert figures(project(99_000_000)) == (0, 0, 0)
    assert figures(project(99_999_999)) == (0, 0, 0)
    assert figures(project(100_000_000)) == (1, 100_000_000, 0)
    reason = project(99_000_000).verdict(RULES).reason.render("zh_CN")
    assert reason == "合同投资额0.99 亿元，不足1 亿元"
    # The last yuan is shown: rounding would make 99,999,999 look like the minimum itself.
    assert "0.99999999" in project(99_999_999).verdict(RULES).reason.render("en")


def test_an_excluded_origin_earns_nothing_whatever_the_amount() -> None:
    assert figures(project(500_000_000, origin=LOCAL)) == (0, 0, 0)
    assert figures(project(500_000_000, origin=OUTSIDE)) == (1, 500_000_000, 0)
    reason = project(500_000_000, origin=LOCAL).verdict(RULES).reason.render("zh_CN")
    assert reason == "资金来源为本地企业投资，不计入"


def test_follow_on_projects_have_their_own_minimum_or_none() -> None:
    for kind in (ProjectKind.PHASE_TWO, ProjectKind.CAPITAL_INCREASE):
        assert figures(project(49_999_999, kind=kind)) == (0, 0, 0)
        assert figures(project(50_000_000, kind=kind)) == (1, 50_000_000, 0)
    never = AssessmentRules(follow_on_min_yuan=None)
    judged = project(900_000_000, kind="phase_two").verdict(never)
    assert not judged.counts and judged.reason.render("zh_CN") == "二期项目不计入"


def test_an_unknown_kind_counts_as_nothing_new() -> None:
    judged = project(900_000_000, kind="merger").verdict(RULES)
    assert not judged.counts
    assert judged.reason.render("zh_CN") == "项目类型未知（merger）不在本版本之列"


def test_a_resigned_project_counts_once_at_its_first_signing() -> None:
    events = (
        StageFact(SIGNED, Stage.SIGNED),
        StageFact(date(2020, 4, 10), Stage.PAUSED),
        StageFact(date(2020, 4, 20), Stage.SIGNED),
    )
    resigned = ProjectFact(uuid.UUID(int=5), events, SIGNED, 200_000_000)
    assert figures(resigned) == (1, 200_000_000, 0)
    may = Period(date(2020, 5, 1), date(2020, 5, 31))
    later = stats_with_visit_counts(may, VisitCounts(), [resigned], [], RULES)
    assert later.assessment.projects_signed == 0 and later.projects_signed == 0


def test_funds_count_when_the_project_does_and_their_origin_is_not_excluded() -> None:
    big, small = project(200_000_000, pid=1), project(10_000_000, pid=2)
    tranches = (
        TrancheFact(date(2020, 4, 5), 30_000_000, big.id, None),
        TrancheFact(date(2020, 4, 6), 5_000_000, big.id, LOCAL),
        TrancheFact(date(2020, 4, 7), 7_000_000, small.id, OUTSIDE),
    )
    assert figures(big, small, tranches=tranches) == (1, 200_000_000, 30_000_000)
    local = project(200_000_000, pid=3, origin=LOCAL)
    own_origin = (TrancheFact(date(2020, 4, 5), 1_000, local.id, OUTSIDE),)
    assert figures(local, tranches=own_origin)[2] == 0


def test_an_unsigned_project_is_judged_not_signed() -> None:
    judged = verdict(signed_on=None, contract_yuan=None, kind="new", origin_id=None, rules=RULES)
    assert not judged.counts and judged.reason.render("en") == "not signed"


amounts = st.integers(min_value=0, max_value=2_000_000_000)
kinds = st.sampled_from(["new", "phase_two", "capital_increase", "merger"])
origins = st.sampled_from([None, LOCAL, OUTSIDE])


@given(
    st.lists(st.tuples(amounts, kinds, origins, st.booleans()), max_size=12),
    st.lists(st.tuples(st.integers(0, 11), st.integers(1, 10**8), origins), max_size=12),
)
def test_the_assessment_scope_is_the_plain_one_minus_what_the_rules_leave_out(
    specs: list[tuple[int, str, uuid.UUID | None, bool]],
    money: list[tuple[int, int, uuid.UUID | None]],
) -> None:
    projects = [
        ProjectFact(
            uuid.UUID(int=i + 1),
            (StageFact(SIGNED, Stage.SIGNED),) if signed else (),
            SIGNED if signed else None,
            amount if signed else None,
            kind,
            origin,
        )
        for i, (amount, kind, origin, signed) in enumerate(specs)
    ]
    tranches = [
        TrancheFact(date(2020, 4, 9), amount, uuid.UUID(int=i + 1), origin)
        for i, amount, origin in money
    ]
    stats = stats_with_visit_counts(APRIL, VisitCounts(), projects, tranches, RULES)
    # A plain computation of the rules, project by project.
    credited = {}
    for p in projects:
        if p.signed_on is None or p.kind not in ("new", "phase_two", "capital_increase"):
            continue
        if p.origin_id == LOCAL:
            continue
        minimum = 100_000_000 if p.kind == "new" else 50_000_000
        if (p.contract_yuan or 0) >= minimum:
            credited[p.id] = p
    funds = sum(
        t.amount_yuan
        for t in tranches
        if t.project_id in credited and (t.origin_id or credited[t.project_id].origin_id) != LOCAL
    )
    expected = (len(credited), sum(p.contract_yuan or 0 for p in credited.values()), funds)
    a = stats.assessment
    assert (a.projects_signed, a.contract_amount_yuan, a.funds_in_place_yuan) == expected
    assert a.projects_signed <= stats.projects_signed
    assert a.contract_amount_yuan <= stats.contract_amount_yuan
    assert a.funds_in_place_yuan <= stats.funds_in_place_yuan


def test_a_shipped_excluded_origin_is_named_in_the_readers_language() -> None:
    from fieldlog.domain.catalogs import catalog_id

    local = catalog_id("fund_origin", "本地企业投资")
    rules = AssessmentRules(excluded_origins=MappingProxyType({local: "本地企业投资"}))
    reason = project(500_000_000, origin=local).verdict(rules).reason
    assert reason.render("zh_CN") == "资金来源为本地企业投资，不计入"
    assert reason.render("en") == "funds from Investment by local enterprises are not counted"
