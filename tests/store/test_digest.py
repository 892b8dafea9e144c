"""The digest: repeatable, independent of row order, sensitive to every replicated field."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Boolean, Date, Integer, String, Text, insert, select, update

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import REPLICATED_MODELS
from fieldlog.store.models.base import LOCAL_COLUMNS
from fieldlog.store.types import UtcDateTime
from tests.conftest import new_database


def _populate(db: Database) -> None:
    member = team.save_member(db, team.MemberInput("王强", county="江口县"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", tags=["专精特新"])).id
    contact = orgs.save_contact(db, org, orgs.ContactInput("陈总", title="总经理"))
    visits.save_visit(
        db, visits.VisitInput(date(2020, 4, 1), org, [member], contact_ids=[contact], intent="中")
    )
    project = projects.open_project(
        db, projects.ProjectInput("冷链仓储项目", investor_id=org), on=date(2020, 4, 1)
    )
    projects.move_stage(
        db,
        project,
        projects.Stage.SIGNED,
        on=date(2020, 4, 9),
        signing=projects.Signing(date(2020, 4, 9), 50_000_000, "框架协议"),
    )
    projects.add_tranche(db, project, received_on=date(2020, 4, 20), amount_yuan=1_000_000)


def _changed(value: object, column) -> object:
    if isinstance(column.type, Boolean):
        return not value
    if isinstance(column.type, UtcDateTime):
        return datetime(2001, 2, 3, tzinfo=UTC)
    if isinstance(column.type, Date):
        return date(2001, 2, 3)
    if isinstance(column.type, Integer):
        return (value or 0) + 1
    if isinstance(column.type, String | Text):
        # Within the column's length, which a server enforces (SQLite does not).
        text = f"{value}x"
        limit = getattr(column.type, "length", None)
        return text if limit is None or len(text) <= limit else f"{text[: limit - 1]}~"
    if column.key == "field_stamps":
        return {**(value or {}), "x": [1, "n"]}
    return uuid.uuid4()


def test_digest_is_repeatable(db: Database) -> None:
    _populate(db)
    assert digest(db) == digest(db)


def test_digest_changes_when_any_field_changes(db: Database) -> None:
    _populate(db)
    original = digest(db)
    checked = 0
    for model in REPLICATED_MODELS:
        table = model.__table__
        with db.read() as session:
            row = session.execute(select(table).limit(1)).mappings().first()
        if row is None:
            continue
        for column in table.columns:
            if column.key in LOCAL_COLUMNS or column.foreign_keys or column.primary_key:
                continue
            new = _changed(row[column.key], column)
            with db.begin() as session:
                session.execute(
                    update(table).where(table.c.id == row["id"]).values({column.key: new})
                )
            assert digest(db) != original, f"{table.name}.{column.key}"
            with db.begin() as session:
                session.execute(
                    update(table)
                    .where(table.c.id == row["id"])
                    .values({column.key: row[column.key]})
                )
            assert digest(db) == original
            checked += 1
    assert checked > 100


def test_same_data_in_another_order_gives_the_same_digest(db: Database, tmp_path: Path) -> None:
    _populate(db)
    other = open_workspace(new_database(tmp_path, "other.db"))
    with db.read() as source, other.begin() as target:
        for model in REPLICATED_MODELS:
            table = model.__table__
            target.execute(table.delete())
        for model in reversed(REPLICATED_MODELS):
            table = model.__table__
            rows = [dict(r) for r in source.execute(select(table)).mappings()]
            for row in reversed(rows):
                row["local_seq"] = 0
                target.execute(insert(table).values(row))
    assert digest(other) == digest(db)
    other.close()


@pytest.mark.parametrize("field", ["summary", "deleted"])
def test_a_service_edit_changes_the_digest(db: Database, field: str) -> None:
    member = team.save_member(db, team.MemberInput("王强"))
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    visit = visits.save_visit(db, visits.VisitInput(date(2020, 4, 1), org, [member]))
    before = digest(db)
    if field == "deleted":
        visits.delete_visit(db, visit)
    else:
        visits.save_visit(
            db, visits.VisitInput(date(2020, 4, 1), org, [member], summary="新"), visit
        )
    assert digest(db) != before
