"""Matters for the government to coordinate (需协调解决事项): add, edit, resolve, reopen, delete;
the open ones of every project by deadline, with the days overdue."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from fieldlog.services.errors import InvalidInput
from fieldlog.services.projects import coordination as coord
from fieldlog.services.projects import projects
from fieldlog.store.database import Database
from fieldlog.store.models import CoordinationMatter
from tests.field_dump import db_digest, field_diff, field_dump, history_count
from tests.records import fetch
from tests.services.conftest import Small

LAND = coord.MatterInput("项目用地指标尚未落实", "碧江区自然资源局", date(2020, 4, 10), "")


@pytest.fixture
def project(db: Database, small: Small) -> uuid.UUID:
    data = projects.ProjectInput("冷链物流园", investor_id=small.org, group_id=small.group)
    return projects.open_project(db, data, on=date(2020, 3, 25))


def test_add_edit_resolve_reopen(db: Database, project: uuid.UUID) -> None:
    matter = coord.add_matter(db, project, LAND)
    [row] = coord.matters_of(db, project)
    assert (row.id, row.status, row.resolved_on, row.as_input()) == (matter, "open", None, LAND)
    after = coord.MatterInput(LAND.matter, "铜仁市自然资源局", LAND.due_on, "已协调市局")
    assert coord.edit_matter(db, matter, after, LAND)
    assert not coord.edit_matter(db, matter, after, after)  # nothing changed, nothing written
    coord.resolve_matter(db, matter, on=date(2020, 4, 12))
    [row] = coord.matters_of(db, project)
    assert (row.owner, row.note, row.status) == ("铜仁市自然资源局", "已协调市局", "resolved")
    assert row.resolved_on == date(2020, 4, 12)
    assert coord.open_matters(db, as_of=date(2020, 4, 22)) == []
    coord.reopen_matter(db, matter)
    assert fetch(db, CoordinationMatter, matter).resolved_on is None
    assert [m.id for m in coord.open_matters(db, as_of=date(2020, 4, 22))] == [matter]


def test_open_matters_by_deadline_with_days_overdue(db: Database, small: Small, project) -> None:
    other = projects.open_project(db, projects.ProjectInput("电子信息产业园"), on=date(2020, 4, 1))
    late = coord.add_matter(db, project, LAND)
    undated = coord.add_matter(db, other, coord.MatterInput("协调电力增容"))
    soon = coord.add_matter(
        db, other, coord.MatterInput("环评批复", "市生态环境局", date(2020, 4, 30))
    )
    done = coord.add_matter(db, project, coord.MatterInput("营业执照", due_on=date(2020, 4, 1)))
    coord.resolve_matter(db, done, on=date(2020, 4, 2))
    found = coord.open_matters(db, as_of=date(2020, 4, 22))
    assert [(m.id, m.days_overdue) for m in found] == [(late, 12), (soon, None), (undated, None)]
    first = found[0]
    assert (first.project, first.investor, first.group) == (
        "冷链物流园",
        "深圳市德润物流有限公司",
        "物流组",
    )
    assert (first.matter, first.owner, first.due_on) == (LAND.matter, LAND.owner, LAND.due_on)
    assert found[2].investor == found[2].group == ""
    # Due today is not overdue yet.
    assert coord.open_matters(db, as_of=date(2020, 4, 10))[0].days_overdue is None


def test_delete_and_restore(db: Database, project: uuid.UUID) -> None:
    matter = coord.add_matter(db, project, LAND)
    coord.delete_matter(db, matter)
    assert coord.matters_of(db, project) == [] and coord.open_matters(db) == []
    assert fetch(db, CoordinationMatter, matter).deleted
    coord.restore_matter(db, matter)
    assert [m.id for m in coord.matters_of(db, project)] == [matter]


def test_matters_of_a_deleted_project_are_not_open(db: Database, project: uuid.UUID) -> None:
    coord.add_matter(db, project, LAND)
    with db.begin() as session:
        from fieldlog.store.models import Project

        session.get(Project, project).deleted = True
    assert coord.open_matters(db) == []


def test_put_status_brings_back_a_newer_status(db: Database, project: uuid.UUID) -> None:
    matter = coord.add_matter(db, project, LAND)
    with db.begin() as session:
        session.get(CoordinationMatter, matter).status = "escalated"  # a newer FieldLog's
    assert coord.open_matters(db) == []  # not known to be open
    coord.resolve_matter(db, matter, on=date(2020, 4, 15))
    coord.put_status(db, matter, "escalated", None)
    stored = fetch(db, CoordinationMatter, matter)
    assert (stored.status, stored.resolved_on) == ("escalated", None)


BAD = [
    ("add", coord.MatterInput("  "), "matter is required"),
    (
        "add",
        coord.MatterInput("用地", due_on=date(1900, 1, 1)),
        "deadline 1900-01-01 is out of range (1990–2100)",
    ),
    ("edit", coord.MatterInput("", "市局"), "matter is required"),
    ("resolve-twice", None, "the matter is already resolved"),
    ("reopen-open", None, "the matter is already open"),
    ("gone", None, "coordination matter {id} does not exist or has been deleted"),
]


@pytest.mark.parametrize(("action", "data", "message"), BAD, ids=[b[0] for b in BAD])
def test_refusals_change_nothing(db: Database, project, action, data, message) -> None:
    matter = coord.add_matter(db, project, LAND)
    if action == "resolve-twice":
        coord.resolve_matter(db, matter, on=date(2020, 4, 12))
    if action == "gone":
        coord.delete_matter(db, matter)
    calls = {
        "add": lambda: coord.add_matter(db, project, data),
        "edit": lambda: coord.edit_matter(db, matter, data, LAND),
        "resolve-twice": lambda: coord.resolve_matter(db, matter, on=date(2020, 4, 13)),
        "reopen-open": lambda: coord.reopen_matter(db, matter),
        "gone": lambda: coord.resolve_matter(db, matter, on=date(2020, 4, 13)),
    }
    before, digest, history = field_dump(db), db_digest(db), history_count(db)
    with pytest.raises(InvalidInput) as refused:
        calls[action]()
    assert str(refused.value) == message.format(id=matter)
    assert field_diff(before, field_dump(db)) == {}
    assert (db_digest(db), history_count(db)) == (digest, history)


def test_a_matter_of_a_missing_project_is_refused(db: Database, small: Small) -> None:
    digest = db_digest(db)
    ghost = uuid.UUID(int=5)
    with pytest.raises(InvalidInput) as refused:
        coord.add_matter(db, ghost, LAND)
    assert str(refused.value) == f"project {ghost} does not exist or has been deleted"
    assert db_digest(db) == digest


def test_the_refusals_read_in_chinese(db: Database, project: uuid.UUID, chinese) -> None:
    digest = db_digest(db)
    with pytest.raises(InvalidInput) as refused:
        coord.add_matter(db, project, coord.MatterInput(""))
    assert str(refused.value) == "请填写协调事项" and db_digest(db) == digest
    matter = coord.add_matter(db, project, LAND)
    digest = db_digest(db)
    with pytest.raises(InvalidInput) as refused:
        coord.reopen_matter(db, matter)
    assert str(refused.value) == "该事项已是未办结状态"
    assert db_digest(db) == digest


def test_the_projects_history_shows_its_matters_by_their_words(
    db: Database, project: uuid.UUID
) -> None:
    from fieldlog.services.admin.history import record_history

    matter = coord.add_matter(db, project, LAND)
    coord.resolve_matter(db, matter, on=date(2020, 4, 12))
    entries = [e for e in record_history(db, "project", project) if e.record_id == matter]
    assert {e.field for e in entries} >= {"deleted", "status", "resolved_on"}
    assert {e.part for e in entries} == {LAND.matter[:20]}
    assert {e.table for e in entries} == {"coordination_matter"}


def test_a_matter_resolved_after_the_day_was_open_on_it(db: Database, project: uuid.UUID) -> None:
    matter = coord.add_matter(db, project, LAND)
    coord.resolve_matter(db, matter, on=date(2020, 4, 15))
    [before] = coord.open_matters(db, as_of=date(2020, 4, 12))
    assert (before.id, before.days_overdue) == (matter, 2)
    assert coord.open_matters(db, as_of=date(2020, 4, 15)) == []
    assert coord.open_matters(db) == []
