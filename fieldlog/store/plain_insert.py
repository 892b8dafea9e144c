"""Many rows inserted into one table with the driver's executemany, values converted once.

SQLAlchemy's Core insert of a list of dicts builds and checks a parameter set per row; for the
tens of thousands of rows of a large import that costs more than SQLite's own work. Here the
statement is compiled once per table and set of columns, and each value goes through the very
converter SQLAlchemy would apply (`bind_processor` of the column's type, for this connection's
dialect), so the stored bytes are the same. Other databases than SQLite take the Core insert.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any, cast
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Dialect, Table, insert

from fieldlog.domain.messages import msg

Converter = Callable[[Any], Any]
#: The SQL and each placeholder's column and converter (None: the value as it is).
_Compiled = tuple[str, tuple[tuple[str, Converter | None], ...]]
#: Per dialect (an engine's own, with its JSON serializer): (table, columns) → compiled.
_COMPILED: WeakKeyDictionary[Dialect, dict[tuple[str, tuple[str, ...]], _Compiled]] = (
    WeakKeyDictionary()
)


def _compiled(connection: Connection, table: Table, keys: tuple[str, ...]) -> _Compiled:
    dialect = connection.dialect
    known = _COMPILED.setdefault(dialect, {})
    found = known.get((table.name, keys))
    if found is None:
        compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
        order = compiled.positiontup or []
        if sorted(order) != sorted(keys):
            raise ValueError(
                msg(
                    "store.plain_insert_columns",
                    "cannot insert the columns {columns} into {table} in order",
                    columns=", ".join(keys),
                    table=table.name,
                )
            )
        processors = compiled._bind_processors  # the converters Core applies
        columns = tuple((name, cast(Converter | None, processors.get(name))) for name in order)
        found = known[(table.name, keys)] = (compiled.string, columns)
    return found


class PreparedInsert:
    """Rows for one table, converted and ready to be written (`prepare`); `write` writes them."""

    __slots__ = ("rows", "sql", "table", "values")

    def __init__(
        self, table: Table, rows: Sequence[dict[str, Any]], sql: str | None, values: list[Any]
    ) -> None:
        self.table, self.rows, self.sql, self.values = table, rows, sql, values

    def write(self, connection: Connection) -> None:
        """Insert the rows (through the Core insert on other databases than SQLite)."""
        if self.sql is not None:
            connection.exec_driver_sql(self.sql, self.values)
        elif self.rows:
            connection.execute(insert(self.table), list(self.rows))


def prepare(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> PreparedInsert:
    """`rows` (each with the same keys, column keys of `table`) ready for `table`, nothing
    written yet. On SQLite every value is converted here, so a value a converter refuses stops
    everything before any row is written of the tables prepared first and written after;
    other databases convert them as they are written."""
    if not rows or connection.dialect.name != "sqlite" or connection.dialect.paramstyle != "qmark":
        return PreparedInsert(table, rows, None, [])
    sql, columns = _compiled(connection, table, tuple(rows[0]))
    # Column by column: each converter mapped over its values, the rows zipped at the end.
    values = list(zip(*(_converted(rows, name, convert) for name, convert in columns), strict=True))
    return PreparedInsert(table, rows, sql, values)


def _converted(rows: Sequence[dict[str, Any]], name: str, convert: Converter | None) -> list[Any]:
    """The column `name` of `rows`, each value through `convert`."""
    values = list(map(itemgetter(name), rows))
    if convert is None:
        return values
    if not isinstance(values[0], dict):
        return list(map(convert, values))
    # A dict (JSON) value shared by many rows, as the stamps of a batch of new records are, is
    # encoded once: `rows` holds every value for the whole call, so an id names one object.
    encoded: dict[int, Any] = {}
    out = []
    for value in values:
        found = encoded.get(id(value))
        if found is None:
            found = encoded[id(value)] = convert(value)
        out.append(found)
    return out


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (each with the same keys, column keys of `table`) into `table`."""
    prepare(connection, table, rows).write(connection)
