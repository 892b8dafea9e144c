"""One project in full: timeline days, funds total and 到位率, linked visits, tombstones hidden."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from fieldlog.domain.stages import Stage
from fieldlog.services.projects import projects
from fieldlog.services.projects.project_detail import fund_origins, project_detail
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import FundsTranche, Project, StageEvent, Visit
from fieldlog.store.repositories.common import NotFound
from tests.services.conftest import Small

TODAY = date(2020, 4, 20)


def _tombstone(db: Database, model: type, record_id: uuid.UUID) -> None:
    with db.begin() as session:
        session.get(model, record_id).deleted = True


@pytest.fixture
def signed(db: Database, small: Small) -> uuid.UUID:
    data = projects.ProjectInput(
        "德润物流园",
        investor_id=small.org,
        chain_role="fill",
        owner_id=small.alice,
        group_id=small.group,
        planned_yuan=50_000_000,
        landing_county="碧江区",
    )
    pid = projects.open_project(db, data, on=date(2020, 3, 25), note_text="first call")
    projects.move_stage(db, pid, Stage.NEGOTIATING, on=date(2020, 4, 1), member_id=small.bob)
    signing = projects.Signing(date(2020, 4, 10), 40_000_000, "正式合同")
    projects.move_stage(db, pid, Stage.SIGNED, on=date(2020, 4, 10), signing=signing)
    return pid


def test_fields_and_timeline(db: Database, small: Small, signed: uuid.UUID) -> None:
    detail = project_detail(db, signed, today=TODAY)
    assert (detail.investor, detail.owner, detail.group) == (
        "深圳市德润物流有限公司",
        "李娜",
        "物流组",
    )
    assert (detail.chain_role_label, detail.landing_county, detail.sign_form) == (
        "补链",
        "碧江区",
        "正式合同",
    )
    steps = [(s.stage, s.member, s.note, s.days) for s in detail.timeline]
    assert steps == [
        ("lead", "李娜", "first call", 7),
        ("negotiating", "王强", "", 9),
        ("signed", "", "", 10),
    ]
    assert detail.stage == "signed" and detail.timeline[-1].stage_label == "签约"


def test_funds_total_and_rate(db: Database, signed: uuid.UUID) -> None:
    origin = fund_origins(db)[0]
    projects.add_tranche(
        db,
        signed,
        received_on=date(2020, 4, 12),
        amount_yuan=10_000_000,
        origin=origin,
        evidence="bank slip",
    )
    gone = projects.add_tranche(db, signed, received_on=date(2020, 4, 13), amount_yuan=5)
    projects.add_tranche(db, signed, received_on=date(2020, 4, 15), amount_yuan=6_000_000)
    _tombstone(db, FundsTranche, gone)
    detail = project_detail(db, signed, today=TODAY)
    assert [t.running_yuan for t in detail.tranches] == [10_000_000, 16_000_000]
    assert (detail.tranches[0].origin, detail.tranches[0].evidence) == (origin, "bank slip")
    assert detail.funds_yuan == 16_000_000 and detail.funds_rate == Decimal("0.4")


def test_edits_and_deletes_update_the_running_total(db: Database, signed: uuid.UUID) -> None:
    first = projects.add_tranche(db, signed, received_on=date(2020, 4, 12), amount_yuan=10_000_000)
    second = projects.add_tranche(db, signed, received_on=date(2020, 4, 14), amount_yuan=4_000_000)
    row = project_detail(db, signed, today=TODAY).tranches[0]
    assert row.as_input() == projects.TrancheInput(date(2020, 4, 12), 10_000_000, None, "", "")
    # Dated after the second tranche now, the first one comes second in the running total.
    later = projects.TrancheInput(date(2020, 4, 16), 12_000_000, fund_origins(db)[1], "", "补录")
    projects.edit_tranche(db, first, later)
    detail = project_detail(db, signed, today=TODAY)
    assert [(t.id, t.running_yuan) for t in detail.tranches] == [
        (second, 4_000_000),
        (first, 16_000_000),
    ]
    assert (detail.tranches[1].origin, detail.tranches[1].note) == (fund_origins(db)[1], "补录")
    assert detail.funds_yuan == 16_000_000 and detail.funds_rate == Decimal("0.4")
    projects.delete_tranche(db, second)
    detail = project_detail(db, signed, today=TODAY)
    assert [t.id for t in detail.tranches] == [first] and detail.funds_rate == Decimal("0.3")


def test_no_contract_no_rate(db: Database, small: Small) -> None:
    pid = projects.open_project(db, projects.ProjectInput("线索"), on=date(2020, 4, 1))
    detail = project_detail(db, pid, today=TODAY)
    assert detail.funds_rate is None and detail.funds_yuan == 0 and detail.owner == ""
    assert [s.days for s in detail.timeline] == [19]


def test_linked_visits_hide_tombstones(db: Database, small: Small, signed: uuid.UUID) -> None:
    def visit(on: date, project: uuid.UUID | None) -> uuid.UUID:
        data = visits.VisitInput(
            on, small.org, [small.alice, small.bob], summary="谈用地", project_id=project
        )
        return visits.save_visit(db, data)

    kept, gone = visit(date(2020, 4, 2), signed), visit(date(2020, 4, 3), signed)
    visit(date(2020, 4, 4), None)
    _tombstone(db, Visit, gone)
    with db.read() as session:
        first = session.query(StageEvent).filter_by(project_id=signed, stage="negotiating").one()
    _tombstone(db, StageEvent, first.id)
    detail = project_detail(db, signed, today=TODAY)
    assert [(v.id, v.visitors, v.summary) for v in detail.visits] == [
        (kept, "李娜、王强", "谈用地")
    ]
    assert [s.stage for s in detail.timeline] == ["lead", "signed"]
    assert detail.visits[0].kind == "上门走访"


def test_deleted_or_unknown_project_is_not_found(db: Database, signed: uuid.UUID) -> None:
    _tombstone(db, Project, signed)
    with pytest.raises(NotFound):
        project_detail(db, signed, today=TODAY)
    with pytest.raises(ValueError):
        project_detail(db, uuid.uuid4(), today=TODAY)


def test_demo_project(demo_copy: Database) -> None:
    demo = demo_copy
    with demo.read() as session:
        pid = session.query(Project).filter(Project.signed_on.isnot(None)).first().id
    detail = project_detail(demo, pid, today=date(2026, 1, 1))
    assert detail.investor and detail.timeline and detail.contract_yuan
    assert detail.stage == detail.timeline[-1].stage
    assert all(s.days >= 0 for s in detail.timeline)
    assert detail.funds_yuan == sum(t.amount_yuan for t in detail.tranches)
