"""A project's assessment and lead fields: kind, fund origin, 入库/入规 dates, content, demands,
investor contact and the date of the latest progress note, through the edit machinery."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest

from fieldlog.domain.stages import Stage
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import org_edits, orgs
from fieldlog.services.projects import project_edits, projects
from fieldlog.services.projects.project_detail import (
    assessment_rules,
    fund_origin_choices,
    investor_contacts,
    project_detail,
)
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Project
from tests.field_dump import db_digest, field_diff, field_dump, history_count
from tests.records import fetch
from tests.services.conftest import Small

SIGNED_ON = date(2020, 4, 10)
TODAY = date(2020, 4, 20)


def _origin(db: Database, name: str) -> uuid.UUID:
    return dict(fund_origin_choices(db))[name]


@pytest.fixture
def lead(db: Database, small: Small) -> uuid.UUID:
    data = projects.ProjectInput("智能仓储基地", investor_id=small.org, progress="初次接洽")
    return projects.open_project(db, data, on=date(2020, 3, 25))


@pytest.fixture
def signed(db: Database, lead: uuid.UUID) -> uuid.UUID:
    signing = projects.Signing(SIGNED_ON, 300_000_000, "正式合同")
    projects.move_stage(db, lead, Stage.SIGNED, on=SIGNED_ON, signing=signing)
    return lead


def _edit(db: Database, pid: uuid.UUID, **changes: object) -> bool:
    before = project_edits.project_form(db, pid)
    after = dataclasses.replace(before, **changes)
    return project_edits.edit_project(db, pid, after, before, today=TODAY)


def test_a_new_project_dates_its_first_progress_note(db: Database, lead: uuid.UUID) -> None:
    project = fetch(db, Project, lead)
    assert (project.progress_on, project.kind, project.content) == (date(2020, 3, 25), "new", "")
    quiet = projects.open_project(db, projects.ProjectInput("空白线索"), on=date(2020, 3, 26))
    assert fetch(db, Project, quiet).progress_on is None


def test_every_new_field_is_saved(db: Database, small: Small, signed: uuid.UUID) -> None:
    contact = orgs.save_contact(db, small.org, orgs.ContactInput("周经理"))
    local = _origin(db, "本地企业投资")
    assert _edit(
        db,
        signed,
        kind="phase_two",
        origin_id=local,
        stats_on=date(2020, 4, 15),
        above_scale_on=date(2020, 4, 18),
        content="年产十万吨冷链仓储",
        demands="需配套用地 80 亩",
        contact_id=contact,
    )
    detail = project_detail(db, signed, today=TODAY)
    assert (detail.kind, detail.origin_id, detail.origin) == ("phase_two", local, "本地企业投资")
    assert (detail.stats_on, detail.above_scale_on) == (date(2020, 4, 15), date(2020, 4, 18))
    assert (detail.content, detail.demands) == ("年产十万吨冷链仓储", "需配套用地 80 亩")
    assert (detail.contact_id, detail.contact) == (contact, "周经理")
    assert investor_contacts(db, small.org) == [("周经理", contact)]
    verdict = detail.verdict(assessment_rules(db))
    assert not verdict.counts and "本地企业投资" in verdict.reason.render("zh_CN")
    # A shipped origin reads in the reader's language.
    assert "Investment by local enterprises" in verdict.reason.render("en")


def test_a_changed_progress_note_is_dated_on_the_edit(db: Database, signed: uuid.UUID) -> None:
    assert _edit(db, signed, progress="已完成实地考察")
    assert fetch(db, Project, signed).progress_on == TODAY
    # Another field's change leaves the progress date alone.
    assert _edit(
        db, signed, problems="用地指标待定", progress_on=fetch(db, Project, signed).progress_on
    )
    assert fetch(db, Project, signed).progress_on == TODAY


def test_an_explicit_progress_date_wins(db: Database, signed: uuid.UUID) -> None:
    assert _edit(db, signed, progress="签约后首次调度", progress_on=date(2020, 4, 12))
    assert fetch(db, Project, signed).progress_on == date(2020, 4, 12)
    assert _edit(db, signed, progress_on=date(2020, 4, 14))
    assert fetch(db, Project, signed).progress_on == date(2020, 4, 14)


def test_undo_of_a_progress_edit_puts_the_date_back(db: Database, signed: uuid.UUID) -> None:
    before = project_edits.project_form(db, signed)
    after = dataclasses.replace(before, progress="已签约", progress_on=TODAY)
    assert project_edits.edit_project(db, signed, after, before, today=TODAY)
    assert project_edits.edit_project(db, signed, before, after, today=TODAY)
    project = fetch(db, Project, signed)
    assert (project.progress, project.progress_on) == ("初次接洽", date(2020, 3, 25))


def test_an_unknown_kind_survives_an_unchanged_save(db: Database, signed: uuid.UUID) -> None:
    with db.begin() as session:
        session.get(Project, signed).kind = "relocation"  # a newer FieldLog's kind
    before, digest, history = field_dump(db), db_digest(db), history_count(db)
    form = project_edits.project_form(db, signed)
    assert form.kind == "relocation"
    assert not project_edits.edit_project(db, signed, form, form, today=TODAY)
    projects.save_project(db, form, signed, today=TODAY)  # the whole form written back
    assert field_diff(before, field_dump(db)) == {}
    assert (db_digest(db), history_count(db)) == (digest, history)
    # Another field's change keeps it too.
    assert _edit(db, signed, content="扩建厂房")
    assert fetch(db, Project, signed).kind == "relocation"
    assert project_detail(db, signed, today=TODAY).verdict(assessment_rules(db)).counts is False


def test_a_deleted_fund_origin_and_contact_stay(db: Database, small: Small, signed) -> None:
    contact = orgs.save_contact(db, small.org, orgs.ContactInput("周经理"))
    origin = _origin(db, "省外")
    assert _edit(db, signed, origin_id=origin, contact_id=contact)
    org_edits.delete_contact(db, contact)
    with db.begin() as session:  # removed from the list since
        session.get(CatalogItem, origin).deleted = True
    before = field_dump(db)
    assert _edit(db, signed, demands="希望减免租金")
    assert set(field_diff(before, field_dump(db))) == {("project", str(signed), "demands")}
    detail = project_detail(db, signed, today=TODAY)
    assert (detail.contact, detail.origin, detail.origin_id) == ("周经理", "省外", origin)


REFUSALS = [
    (
        {"stats_on": date(2020, 4, 9)},
        "the statistics entry date (入库) 2020-04-09 is before the signing (2020-04-10)",
    ),
    (
        {"above_scale_on": date(2020, 4, 1)},
        "the above-scale date (入规) 2020-04-01 is before the signing (2020-04-10)",
    ),
    ({"kind": "joint"}, "unknown project kind 'joint'; use new, phase_two or capital_increase"),
    (
        {"stats_on": date(2200, 1, 1)},
        "statistics entry date (入库) 2200-01-01 is out of range (1990–2100)",
    ),
    ({"progress_on": date(1980, 1, 1)}, "progress date 1980-01-01 is out of range (1990–2100)"),
]


@pytest.mark.parametrize(
    ("change", "message"), REFUSALS, ids=["stats", "scale", "kind", "far", "progress"]
)
def test_bad_values_are_refused_and_change_nothing(db: Database, signed, change, message) -> None:
    before, digest, history = field_dump(db), db_digest(db), history_count(db)
    with pytest.raises(InvalidInput) as refused:
        _edit(db, signed, **change)
    assert str(refused.value) == message
    assert field_diff(before, field_dump(db)) == {}
    assert (db_digest(db), history_count(db)) == (digest, history)


@pytest.mark.parametrize("field", ["stats_on", "above_scale_on"])
def test_milestones_of_an_unsigned_project_are_refused(db: Database, lead, field) -> None:
    digest, history = db_digest(db), history_count(db)
    with pytest.raises(InvalidInput) as refused:
        _edit(db, lead, **{field: date(2020, 4, 15)})
    what = "statistics entry date (入库)" if field == "stats_on" else "above-scale date (入规)"
    assert str(refused.value) == f"the {what} can only be recorded for a signed project"
    assert (db_digest(db), history_count(db)) == (digest, history)


def test_a_contact_of_another_organization_is_refused(db: Database, small: Small, signed) -> None:
    other = orgs.save_contact(db, small.association, orgs.ContactInput("商会秘书长"))
    digest, history = db_digest(db), history_count(db)
    with pytest.raises(InvalidInput) as refused:
        _edit(db, signed, contact_id=other)
    assert (
        str(refused.value) == "商会秘书长 is a contact of another organization, not of the investor"
    )
    assert (db_digest(db), history_count(db)) == (digest, history)


def test_a_contact_without_an_investor_is_refused(db: Database, small: Small) -> None:
    contact = orgs.save_contact(db, small.org, orgs.ContactInput("周经理"))
    digest = db_digest(db)
    data = projects.ProjectInput("无投资方线索", contact_id=contact)
    with pytest.raises(InvalidInput) as refused:
        projects.open_project(db, data, on=date(2020, 4, 1))
    assert (
        str(refused.value) == "an investor contact needs the project's investor organization first"
    )
    assert db_digest(db) == digest


def test_an_unknown_fund_origin_is_refused(db: Database, signed: uuid.UUID) -> None:
    digest = db_digest(db)
    with pytest.raises(InvalidInput) as refused:
        _edit(db, signed, origin_id=uuid.UUID(int=7))
    assert "no fund origin" in str(refused.value)
    assert db_digest(db) == digest


def test_the_refusals_read_in_chinese(db: Database, small: Small, lead, chinese) -> None:
    digest = db_digest(db)
    with pytest.raises(InvalidInput) as refused:
        _edit(db, lead, stats_on=date(2020, 4, 15))
    assert str(refused.value) == "只有已签约的项目才能录入入库日期" and db_digest(db) == digest
    other = orgs.save_contact(db, small.association, orgs.ContactInput("商会秘书长"))
    digest = db_digest(db)
    with pytest.raises(InvalidInput) as refused:
        _edit(db, lead, contact_id=other)
    assert str(refused.value) == "商会秘书长 是其他单位的联系人，不是投资方的联系人"
    assert db_digest(db) == digest
