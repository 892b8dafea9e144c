"""One team's records inside a bureau database, seen as that team's own database (SPEC §9).

A team view has connections of its own on which every replicated table is shadowed by a
temporary view of the same name holding only the records that team's packages brought
(`RecordTeam`). SQLite and PostgreSQL both look a plain table name up among temporary objects
first, so every query — ORM, Core or plain SQL, joins and subqueries alike — sees the team's
records only. Every report, count and workbook FieldLog has (`stats`, the weekly return, the
dashboard) therefore gives, for one team, what the team's own database gives, by the same code:
nothing is re-implemented per team. A view is read only.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.util import LRUCache

from fieldlog.store.database import Database, another_engine
from fieldlog.store.models import REPLICATED_MODELS

#: Session.info key: the id of the team whose records a team view's sessions see.
TEAM_INFO = "fieldlog_team_view"
#: local_state key naming a bureau database (its name; set by `bureau init`).
BUREAU_NAME_KEY = "bureau_name"


def _team_literal(engine: Engine, team_id: uuid.UUID) -> str:
    # As each engine stores a UUID: 32 hex digits on SQLite, a uuid on PostgreSQL.
    return f"'{team_id.hex}'" if engine.dialect.name == "sqlite" else f"'{team_id}'::uuid"


def _shadow(engine: Engine, team_id: uuid.UUID) -> None:
    team = _team_literal(engine, team_id)
    sqlite = engine.dialect.name == "sqlite"

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        schema = "main"
        if not sqlite:
            cursor.execute("SELECT current_schema()")
            schema = cursor.fetchone()[0]
        for model in REPLICATED_MODELS:
            table = model.__table__.name  # type: ignore[attr-defined]
            cursor.execute(
                f'CREATE TEMP VIEW "{table}" AS SELECT * FROM "{schema}"."{table}" '
                f'WHERE id IN (SELECT record_id FROM "{schema}".record_team '
                f"WHERE team_id = {team} AND table_name = '{table}')"
            )
        cursor.close()
        if not sqlite:
            dbapi_connection.commit()  # the views live as long as the connection

    event.listen(engine, "connect", on_connect)


_CACHES: dict[tuple[str, str, str], LRUCache[Any, Any]] = {}


def _statements(engine: Engine, location: str) -> LRUCache[Any, Any]:
    key = (engine.dialect.name, engine.dialect.driver, location)
    if key not in _CACHES:
        _CACHES[key] = LRUCache(500)
    return _CACHES[key]


def open_team_view(db: Database, team_id: uuid.UUID) -> Database:
    """`db` as team `team_id` sees it: only its records, read only, on connections of its own;
    closing the view releases them (and nothing of `db`). For a window that shows one team."""
    engine = another_engine(db)
    # Views of one database share one statement cache: their SQL is the database's own (the
    # temporary views take the tables' names), and compiling it anew for each view cost more
    # than counting a team.
    engine.update_execution_options(compiled_cache=_statements(engine, db.location))
    _shadow(engine, team_id)
    info = dict(db.sessions.kw.get("info") or {})
    info[TEAM_INFO] = team_id
    sessions = sessionmaker(engine, expire_on_commit=False, info=info)
    return Database(db.location, engine, sessions, db.node_id, read_only=True, password=db.password)


@contextmanager
def team_view(db: Database, team_id: uuid.UUID) -> Iterator[Database]:
    """`open_team_view` for the length of a block."""
    view = open_team_view(db, team_id)
    try:
        yield view
    finally:
        view.close()
