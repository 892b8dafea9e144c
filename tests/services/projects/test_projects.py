"""Projects: stage moves with dated events, signing once, funds in place."""

from __future__ import annotations

from datetime import date

import pytest

from fieldlog.domain.period import Period
from fieldlog.domain.stages import Stage
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.errors import InvalidInput
from fieldlog.services.projects import projects
from fieldlog.services.reports import stats
from fieldlog.store.database import Database
from tests.services.conftest import Small

SIGNING = projects.Signing(date(2020, 4, 10), 300_000_000, "正式合同")
DISPATCH = Period(date(2020, 3, 23), date(2020, 4, 22))


def _lead(db: Database, small: Small) -> object:
    data = projects.ProjectInput("智能仓储基地", investor_id=small.org, owner_id=small.alice)
    return projects.open_project(db, data, on=date(2020, 3, 25))


def test_a_project_from_lead_to_funds(db: Database, small: Small) -> None:
    project = _lead(db, small)
    projects.move_stage(db, project, Stage.INSPECTED, on=date(2020, 4, 2), member_id=small.bob)
    projects.move_stage(db, project, Stage.SIGNED, on=date(2020, 4, 10), signing=SIGNING)
    projects.add_tranche(
        db, project, received_on=date(2020, 4, 15), amount_yuan=50_000_000, origin="省外"
    )
    assert projects.current_stage(db, project) == Stage.SIGNED
    figures = stats.compute(db, DISPATCH)
    assert (figures.leads_new, figures.inspections, figures.projects_signed) == (1, 1, 1)
    assert figures.contract_amount_yuan == 300_000_000
    assert figures.funds_in_place_yuan == 50_000_000
    assert stats.compute(db, Period(None, date(2020, 4, 5))).projects_active == 1


def test_a_second_signing_keeps_the_first(db: Database, small: Small) -> None:
    project = _lead(db, small)
    projects.move_stage(db, project, Stage.SIGNED, on=date(2020, 4, 10), signing=SIGNING)
    projects.move_stage(db, project, Stage.PAUSED, on=date(2020, 4, 12))
    projects.move_stage(db, project, Stage.SIGNED, on=date(2020, 4, 20))
    figures = stats.compute(db, DISPATCH)
    assert (figures.projects_signed, figures.contract_amount_yuan) == (1, 300_000_000)


def test_skipping_to_a_later_stage_records_the_signing(db: Database, small: Small) -> None:
    project = _lead(db, small)
    projects.move_stage(db, project, Stage.REGISTERED, on=date(2020, 4, 10), signing=SIGNING)
    assert stats.compute(db, DISPATCH).projects_signed == 1


@pytest.mark.parametrize(
    ("move", "message"),
    [
        ({"target": Stage.SIGNED}, "signing needs"),
        ({"target": Stage.PRODUCING}, "signing needs"),
        (
            {"target": Stage.SIGNED, "signing": projects.Signing(date(2020, 4, 10), 0, "正式合同")},
            "more than 0",
        ),
        (
            {
                "target": Stage.SIGNED,
                "signing": projects.Signing(date(2020, 4, 10), -5, "正式合同"),
            },
            "more than 0",
        ),
        (
            {
                "target": Stage.SIGNED,
                "signing": projects.Signing(date(2020, 4, 10), 10**15, "正式合同"),
            },
            "beyond any real project",
        ),
        (
            {"target": Stage.SIGNED, "signing": projects.Signing(date(2020, 4, 10), 5, "口头承诺")},
            "no sign form",
        ),
        ({"target": Stage.LEAD}, "already at stage lead"),
        ({"target": Stage.NEGOTIATING, "on": date(2020, 3, 1)}, "before the last stage change"),
        ({"target": Stage.NEGOTIATING, "on": date(2200, 3, 1)}, "out of range"),
    ],
    ids=[
        "no-signing",
        "skip-unsigned",
        "zero",
        "negative",
        "absurd",
        "form",
        "same",
        "backdated",
        "2200",
    ],
)
def test_refused_moves_change_nothing(db: Database, small: Small, move: dict, message: str) -> None:
    project = _lead(db, small)
    before = digest(db)
    target = move.pop("target")
    kwargs = {"on": date(2020, 4, 10), **move}
    with pytest.raises(InvalidInput, match=message):
        projects.move_stage(db, project, target, **kwargs)
    assert digest(db) == before


def test_a_dropped_project_only_reopens_as_a_lead(db: Database, small: Small) -> None:
    project = _lead(db, small)
    projects.move_stage(db, project, Stage.DROPPED, on=date(2020, 4, 1))
    with pytest.raises(InvalidInput, match="reopened as a lead"):
        projects.move_stage(db, project, Stage.NEGOTIATING, on=date(2020, 4, 2))
    projects.move_stage(db, project, Stage.LEAD, on=date(2020, 4, 2))
    assert projects.current_stage(db, project) == Stage.LEAD


@pytest.mark.parametrize(
    ("signed", "kwargs", "message"),
    [
        (False, {"amount_yuan": 1000}, "only be recorded for a signed project"),
        (True, {"amount_yuan": 0}, "more than 0"),
        (True, {"amount_yuan": -1}, "more than 0"),
        (True, {"amount_yuan": 1000, "received_on": date(2020, 4, 1)}, "before the signing"),
        (True, {"amount_yuan": 1000, "origin": "海外"}, "no fund origin"),
    ],
    ids=["unsigned", "zero", "negative", "before-signing", "origin"],
)
def test_refused_tranches_change_nothing(
    db: Database, small: Small, signed: bool, kwargs: dict, message: str
) -> None:
    project = _lead(db, small)
    if signed:
        projects.move_stage(db, project, Stage.SIGNED, on=date(2020, 4, 10), signing=SIGNING)
    before = digest(db)
    with pytest.raises(InvalidInput, match=message):
        projects.add_tranche(db, project, **{"received_on": date(2020, 4, 15), **kwargs})
    assert digest(db) == before


def test_open_project_refuses_bad_fields(db: Database, small: Small) -> None:
    before = digest(db)
    with pytest.raises(InvalidInput, match="project name is required"):
        projects.open_project(db, projects.ProjectInput(""), on=date(2020, 4, 1))
    with pytest.raises(InvalidInput, match="unknown chain role"):
        projects.open_project(
            db, projects.ProjectInput("甲", chain_role="拆链"), on=date(2020, 4, 1)
        )
    with pytest.raises(InvalidInput, match="no county"):
        projects.open_project(
            db, projects.ProjectInput("甲", landing_county="北京"), on=date(2020, 4, 1)
        )
    with pytest.raises(InvalidInput, match="cannot start paused"):
        projects.open_project(
            db, projects.ProjectInput("甲"), on=date(2020, 4, 1), stage=Stage.PAUSED
        )
    assert digest(db) == before


def test_deleted_project_leaves_every_count(db: Database, small: Small) -> None:
    project = _lead(db, small)
    projects.move_stage(db, project, Stage.SIGNED, on=date(2020, 4, 10), signing=SIGNING)
    projects.add_tranche(db, project, received_on=date(2020, 4, 15), amount_yuan=10)
    with db.begin() as session:
        from fieldlog.store.models import Project

        record = session.get(Project, project)
        assert record is not None
        record.deleted = True
    figures = stats.compute(db, DISPATCH)
    assert (figures.leads_new, figures.projects_signed, figures.funds_in_place_yuan) == (0, 0, 0)


def _signed_with_funds(db: Database, small: Small) -> tuple[object, object]:
    project = _lead(db, small)
    projects.move_stage(db, project, Stage.SIGNED, on=date(2020, 4, 10), signing=SIGNING)
    tranche = projects.add_tranche(
        db, project, received_on=date(2020, 4, 15), amount_yuan=50_000_000, origin="省外"
    )
    return project, tranche


def test_edit_a_tranche_moves_the_period_figures(db: Database, small: Small) -> None:
    _, tranche = _signed_with_funds(db, small)
    week = Period(date(2020, 4, 13), date(2020, 4, 19))
    assert stats.compute(db, week).funds_in_place_yuan == 50_000_000
    corrected = projects.TrancheInput(date(2020, 4, 20), 45_000_000, "市内", "slip 7", "corrected")
    projects.edit_tranche(db, tranche, corrected)
    assert stats.compute(db, week).funds_in_place_yuan == 0
    assert stats.compute(db, DISPATCH).funds_in_place_yuan == 45_000_000
    unchanged = digest(db)
    projects.edit_tranche(db, tranche, corrected)
    assert digest(db) == unchanged


def test_delete_and_restore_a_tranche(db: Database, small: Small) -> None:
    _, tranche = _signed_with_funds(db, small)
    projects.delete_tranche(db, tranche)
    assert stats.compute(db, DISPATCH).funds_in_place_yuan == 0
    gone = digest(db)
    with pytest.raises(InvalidInput, match="does not exist or has been deleted"):
        projects.delete_tranche(db, tranche)
    with pytest.raises(InvalidInput, match="does not exist or has been deleted"):
        projects.edit_tranche(db, tranche, projects.TrancheInput(date(2020, 4, 15), 1))
    assert digest(db) == gone
    projects.restore_tranche(db, tranche)
    assert stats.compute(db, DISPATCH).funds_in_place_yuan == 50_000_000


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"amount_yuan": 0}, "more than 0"),
        ({"amount_yuan": -100}, "more than 0"),
        ({"amount_yuan": 10**15}, "beyond any real project"),
        ({"received_on": date(2020, 4, 9)}, "before the signing"),
        ({"received_on": date(2200, 1, 1)}, "out of range"),
        ({"received_on": date(1980, 1, 1)}, "out of range"),
        ({"origin": "海外"}, "no fund origin"),
        ({"evidence": "x" * 30_000}, "long"),
    ],
    ids=["zero", "negative", "absurd", "before-signing", "2200", "1980", "origin", "huge-text"],
)
def test_refused_tranche_edits_change_nothing(
    db: Database, small: Small, change: dict, message: str
) -> None:
    _, tranche = _signed_with_funds(db, small)
    before = digest(db)
    fields = {"received_on": date(2020, 4, 16), "amount_yuan": 1_000, **change}
    with pytest.raises(InvalidInput, match=message):
        projects.edit_tranche(db, tranche, projects.TrancheInput(**fields))
    assert digest(db) == before


def test_unknown_tranche_is_refused(db: Database, small: Small) -> None:
    project, _ = _signed_with_funds(db, small)
    before = digest(db)
    for call in (
        lambda: projects.delete_tranche(db, project),  # a project's id is no tranche's
        lambda: projects.restore_tranche(db, project),
        lambda: projects.edit_tranche(db, project, projects.TrancheInput(date(2020, 4, 15), 1)),
    ):
        with pytest.raises(InvalidInput, match="funds tranche"):
            call()
    assert digest(db) == before
