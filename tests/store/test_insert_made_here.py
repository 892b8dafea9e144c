"""Records made here inserted in bulk (`insert_made_here`) are stored exactly as a flush of the
same new objects stores them: every column, the stamps, and the history rows."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fieldlog.domain.ids import new_id, pair_id
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.store.models import (
    CatalogItem,
    Contact,
    Organization,
    Visit,
    VisitContact,
    VisitVisitor,
)
from fieldlog.store.models.history import FieldChange
from fieldlog.store.stamping import CLOCK_INFO, NewRecord, insert_made_here, made_here_writes

TIMES = frozenset({"created_at", "updated_at"})


def records(db: Database) -> list[NewRecord]:
    """An organization, a contact, a visit with its visitor and contact: values as the import
    gives them (None for what takes the column's default)."""
    member = team.save_member(db, team.MemberInput("李娜"))
    with db.read() as session:
        kind = session.scalars(select(CatalogItem.id).where(CatalogItem.kind == "visit_kind"))
        kind_id = kind.first()
    org, contact, visit = new_id(), new_id(), new_id()
    return [
        (
            Organization,
            {
                "id": org,
                "name": "深圳市德润物流有限公司",
                "name_key": "深圳市德润物流有限公司",
                "name_initials": "szsdrwlyxgs",
                "kind": "enterprise",
                "credit_code": None,
                "region": "",
                "chain_id": None,
                "is_target": False,
                "notes": "",
            },
        ),
        (Contact, {"id": contact, "org_id": org, "name": "张总", "title": "总经理", "phone": ""}),
        (
            Visit,
            {
                "id": visit,
                "visited_on": date(2021, 1, 5),
                "org_id": org,
                "kind_id": kind_id,
                "chain_id": None,
                "project_id": None,
                "summary": "洽谈仓储合作",
                "intent": "strong",
                "next_follow_up": None,
            },
        ),
        (VisitVisitor, {"id": pair_id(visit, member), "visit_id": visit, "member_id": member}),
        (VisitContact, {"id": pair_id(visit, contact), "visit_id": visit, "contact_id": contact}),
    ]


class Undo(Exception):
    """Carries what was read out of a transaction it rolls back (the clock's counters too)."""


def stored(db: Database, made: list[NewRecord], *, bulk: bool) -> dict[str, Any]:
    """Store `made` one way or the other at a fixed clock, read every column back, undo it."""
    try:
        with db.begin() as session:
            session.info[CLOCK_INFO] = lambda: 1_700_000_000_000
            if bulk:
                insert_made_here(session, made)
            else:
                for model, values in made:
                    session.add(model(**{k: v for k, v in values.items() if v is not None}))
            session.flush()
            raise Undo(read_back(session, made))
    except Undo as undone:
        return undone.args[0]  # type: ignore[no-any-return]


def read_back(session: Session, made: list[NewRecord]) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for model, values in made:
        table = model.__table__  # type: ignore[attr-defined]
        found = dict(
            session.execute(select(table).where(table.c.id == values["id"])).one()._mapping
        )
        assert all(found[name] is not None for name in TIMES)
        rows[f"{table.name} {values['id']}"] = {k: v for k, v in found.items() if k not in TIMES}
    columns = [c for c in FieldChange.__table__.columns if c.key not in {"id", "recorded_at"}]
    query = select(*columns).order_by(FieldChange.id)
    history = [dict(r) for r in session.execute(query).mappings()]
    return {"rows": rows, "history": history, "stored": raw(session, made)}


def raw(session: Session, made: list[NewRecord]) -> dict[str, list[tuple[Any, ...]]]:
    """What SQLite holds, as the driver reads it (no conversion): every table the records went
    into and the history, all but the times."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return {}
    stored: dict[str, list[tuple[Any, ...]]] = {}
    for table in {model.__tablename__ for model, _values in made} | {"field_change"}:  # type: ignore[attr-defined]
        result = connection.exec_driver_sql(f"SELECT * FROM {table}")
        names = [d[0] for d in result.cursor.description]  # type: ignore[union-attr]
        keep = [i for i, n in enumerate(names) if n not in TIMES | {"recorded_at"}]
        stored[table] = sorted(tuple(row[i] for i in keep) for row in result.all())
    return stored


def test_bulk_insert_stores_what_a_flush_stores(db: Database) -> None:
    made = records(db)
    flushed = stored(db, made, bulk=False)
    bulk = stored(db, made, bulk=True)
    assert bulk == flushed
    visit = bulk["rows"][f"visit {made[2][1]['id']}"]
    assert visit["field_stamps"]["summary"][0] == visit["hlc"] > 0
    assert visit["deleted"] is False and visit["local_seq"] > 0
    assert [c["table_name"] for c in bulk["history"][-5:]] == [
        "organization",
        "contact",
        "visit",
        "visit_visitor",
        "visit_contact",
    ]


def test_nothing_to_insert_draws_no_stamp(db: Database) -> None:
    with db.begin() as session:
        insert_made_here(session, [])
        assert "fieldlog_counters" not in session.info


def test_a_batch_the_database_refuses_rolls_back_with_its_savepoint(db: Database) -> None:
    made = records(db)
    twice = [*made, made[0]]  # the same organization id twice
    before = digest(db)
    with db.begin() as session:
        savepoint = session.begin_nested()
        with pytest.raises(IntegrityError, match=r"(?i)unique"):  # either engine's words
            insert_made_here(session, twice)
        savepoint.rollback()
        assert session.get(Organization, made[0][1]["id"]) is None
        assert session.scalar(select(func.count()).select_from(FieldChange)) == 1  # the member's
    assert digest(db) == before


def test_a_value_that_cannot_be_converted_stops_the_insert_before_any_row_is_written(
    db: Database,
) -> None:
    """On SQLite the values of every table are converted before the first row is written: a
    value the converter refuses (a visit's date that is no date) leaves the earlier tables
    unwritten too."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("a server converts the values as it writes them, under the import's savepoint")
    made = records(db)
    model, values = made[2]
    assert model is Visit
    bad = [*made[:2], (model, {**values, "visited_on": "the day after tomorrow"}), *made[3:]]
    before = digest(db)
    with db.begin() as session:
        with pytest.raises(TypeError, match="date"):
            made_here_writes(session, bad)
        assert session.get(Organization, made[0][1]["id"]) is None
        assert session.scalar(select(func.count()).select_from(FieldChange)) == 1  # the member's
    assert digest(db) == before
