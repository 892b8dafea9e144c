"""Many new rows of one table written with one statement (sync imports hundreds of thousands).

On SQLite the rows go to the driver's ``executemany`` directly, each value converted by its
column type's own bind processor — the same conversion SQLAlchemy applies, so the stored values
are identical — because SQLAlchemy's per-row parameter bookkeeping for an ``executemany``
(building and processing a parameter dict per row) costs several times what SQLite spends
writing the rows. Any other database gets the ordinary Core ``INSERT`` with a parameter list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

Convert = Callable[[Any], Any] | None


@lru_cache(maxsize=256)
def _plan(
    table: Table, keys: tuple[str, ...], dialect: Dialect
) -> tuple[str, tuple[str, ...], tuple[Convert, ...]] | None:
    """The compiled INSERT, its parameter order and each parameter's bind processor."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    names = tuple(compiled.positiontup or ())
    if sorted(names) != sorted(keys) or len(set(names)) != len(names):
        return None  # an unexpected shape: the ordinary way
    processors = tuple(
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    )
    return compiled.string, names, processors


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT `rows` into `table`; every row sets the same columns (by column key)."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    plan = None
    if dialect.name == "sqlite" and dialect.paramstyle == "qmark":
        plan = _plan(table, tuple(rows[0]), dialect)
    if plan is None:
        session.execute(insert(table), list(rows))
        return
    sql, names, processors = plan
    convert = list(zip(names, processors, strict=True))
    params = [
        tuple(row[name] if process is None else process(row[name]) for name, process in convert)
        for row in rows
    ]
    connection.exec_driver_sql(sql, params)
