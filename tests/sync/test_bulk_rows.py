"""The import's fast INSERT stores exactly what an ordinary Core INSERT stores."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, cast, insert, select

from fieldlog.store.repositories.bulk_rows import insert_rows
from fieldlog.sync.changes import changed_rows
from fieldlog.sync.merge import _complete
from fieldlog.sync.rows import SPECS, decode_row
from tests.sync.bulk import add_visits
from tests.sync.conftest import Laptop


def _stored(laptop: Laptop, tables: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    stored = {}
    with laptop.db.read() as session:
        for name in tables:
            table = SPECS[name].table
            columns = [cast(column, String) for column in table.columns]
            query = select(*columns).order_by(table.c.id)
            stored[name] = [tuple(row) for row in session.execute(query)]
    return stored


def test_fast_insert_stores_what_core_stores(laptops) -> None:  # type: ignore[no-untyped-def]
    source: Laptop = laptops("source")
    add_visits(source.db, 30, who="王强", organizations=4)
    with source.db.read() as session:
        rows = [decode_row(row) for row in changed_rows(session, 0)]
    new = [(spec, row) for spec, row in rows if spec.name in ("organization", "visit", "member")]
    assert len(new) == 35
    fast, core = laptops("fast"), laptops("core")
    tables = sorted({spec.name for spec, _row in new})
    for laptop, use_fast in ((fast, True), (core, False)):
        with laptop.db.begin() as session:
            for name in tables:
                batch = [_complete(spec, row, 7) for spec, row in new if spec.name == name]
                spec = next(spec for spec, _row in new if spec.name == name)
                table = spec.table
                if use_fast:
                    insert_rows(session, table, batch)
                else:
                    session.execute(insert(table), batch)
    assert _stored(fast, tables) == _stored(core, tables)
    assert fast.digest() == core.digest()
