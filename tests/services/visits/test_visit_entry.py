"""What the visit form reads and how it saves: choices, a visit to edit, a lead in one go, undo."""

from __future__ import annotations

from datetime import date

import pytest

from fieldlog.domain.period import Period
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.reports import stats
from fieldlog.services.team import team
from fieldlog.services.visits import visit_entry, visits
from fieldlog.services.visits.visits import VisitInput
from fieldlog.store.database import Database
from fieldlog.store.models import Project, Visit
from tests.field_dump import db_digest
from tests.records import fetch
from tests.services.conftest import Small

DAY = date(2020, 4, 1)


def test_visitors_come_grouped_with_me_and_my_group_first(db: Database, small: Small) -> None:
    other = team.save_group(db, "电镀组", team_id=small.team)
    zhang = team.save_member(db, team.MemberInput("张伟", group_id=other), team_id=small.team)
    loner = team.save_member(db, team.MemberInput("赵敏"), team_id=small.team)
    choices = visit_entry.visitor_choices(db, small.bob)
    assert [(c.id, c.group, c.mine) for c in choices] == [
        (small.bob, "物流组", True),
        (small.alice, "物流组", True),
        (zhang, "电镀组", False),
        (loner, "", False),
    ]
    assert [c.id for c in visit_entry.visitor_choices(db, None)][-1] == loner


def test_choices_of_an_organization(db: Database, small: Small) -> None:
    assert visit_entry.visit_kinds(db)[0] == "上门走访"
    orgs.save_contact(db, small.org, orgs.ContactInput("王经理", title="总经理"))
    orgs.save_contact(db, small.association, orgs.ContactInput("陈会长"))
    assert [(c.name, c.detail) for c in visit_entry.contacts_of(db, small.org)] == [
        ("王经理", "总经理")
    ]
    assert visit_entry.contacts_of(db, None) == []
    projects.open_project(db, projects.ProjectInput("智能仓储", investor_id=small.org), on=DAY)
    assert [p.name for p in visit_entry.projects_of(db, small.org)] == ["智能仓储"]
    assert visit_entry.projects_of(db, small.association) == []
    assert visit_entry.org_name(db, small.org) == "深圳市德润物流有限公司"
    orgs.delete_org(db, small.association)
    assert visit_entry.org_name(db, small.association) is None


def test_load_visit_gives_back_what_was_saved(db: Database, small: Small) -> None:
    contact = orgs.save_contact(db, small.org, orgs.ContactInput("王经理"))
    data = VisitInput(
        DAY,
        small.org,
        [small.alice],
        kind="电话联系",
        summary="谈仓储",
        intent="strong",
        next_follow_up=date(2020, 4, 8),
        contact_ids=[contact],
    )
    loaded = visit_entry.load_visit(db, visits.save_visit(db, data))
    assert loaded.org_name == "深圳市德润物流有限公司" and loaded.project_name is None
    assert loaded.data == data


def test_a_lead_opens_with_the_visit_in_one_transaction(db: Database, small: Small) -> None:
    data = VisitInput(DAY, small.org, [small.bob], summary="有意向")
    result = visit_entry.record_entry(db, data, lead_name="智能仓储基地")
    assert result.project_id is not None
    project = fetch(db, Project, result.project_id)
    assert (project.name, project.investor_id, project.owner_id) == (
        "智能仓储基地",
        small.org,
        small.bob,
    )
    assert project.group_id == small.group
    assert fetch(db, Visit, result.visit_id).project_id == result.project_id
    assert stats.compute(db, Period(DAY, DAY)).leads_new == 1


def test_a_refused_visit_leaves_no_lead_behind(db: Database, small: Small) -> None:
    bad = VisitInput(DAY, small.org, [], summary="没有走访人")
    before = db_digest(db)
    with pytest.raises(InvalidInput, match=r"^a visit needs at least one visitor$"):
        visit_entry.record_entry(db, bad, lead_name="X")
    assert stats.compute(db, Period.all_time()).leads_new == 0
    assert db_digest(db) == before


def test_undo_and_redo_of_a_new_visit_with_its_lead(db: Database, small: Small) -> None:
    change = visit_entry.EntryChange(
        db, VisitInput(DAY, small.org, [small.alice]), lead_name="智能仓储"
    )
    first = change.do()
    change.undo()
    assert fetch(db, Visit, first.visit_id).deleted
    assert first.project_id is not None and fetch(db, Project, first.project_id).deleted
    assert change.do() == first  # redo brings the same records back
    assert not fetch(db, Visit, first.visit_id).deleted
    assert stats.compute(db, Period(DAY, DAY)).visits == 1


def test_undo_of_an_edit_restores_the_previous_values(db: Database, small: Small) -> None:
    before = VisitInput(DAY, small.org, [small.alice], summary="旧")
    visit = visits.save_visit(db, before)
    after = VisitInput(DAY, small.org, [small.bob], summary="新")
    change = visit_entry.EntryChange(db, after, visit_id=visit, previous=before)
    change.do()
    assert visit_entry.load_visit(db, visit).data.summary == "新"
    change.undo()
    assert visit_entry.load_visit(db, visit).data == before
    change.do()
    assert visit_entry.load_visit(db, visit).data.visitor_ids == [small.bob]
