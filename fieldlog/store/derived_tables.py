"""What the local tables kept by triggers share (`search_index`, `follow_up_index`,
`visit_tally`): whether one is here, swapping a table's triggers inside a transaction, and the
mark a deferral keeps of the visits that were there before it.

A deferral (`sync/deferred.py`) notes what each write touches, but most of a large import's
writes are new visits, appended after the last rowid: noting those one by one, by a trigger on
every insert, cost as much as writing them. So the noting triggers leave alone the visits past
the mark (`last_visit`), and `catch_up` notes all of those at once with one range read. A visit
inserted at or below the mark (a rowid freed by a delete in the same transaction) is still
noted by its trigger."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.engine import Connection


def sqlite_table_present(connection: Connection, name: str) -> bool:
    """Whether this database is SQLite and holds the table `name`."""
    if connection.dialect.name != "sqlite":
        return False
    query = text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name")
    return connection.execute(query, {"name": name}).first() is not None


def swap_triggers(connection: Connection, drop: Iterable[str], create: Iterable[str]) -> None:
    """Drop the triggers named in `drop`, then run the statements of `create` (in the caller's
    transaction: a rollback puts the old ones back)."""
    for name in drop:
        connection.execute(text(f"DROP TRIGGER {name}"))
    for statement in create:
        connection.execute(text(statement))


def last_visit(connection: Connection) -> int:
    """The highest rowid of the visit table (0 when empty): the mark of a deferral."""
    found = connection.execute(text("SELECT coalesce(max(rowid), 0) FROM main.visit")).scalar()
    return int(found or 0)


def mark_table(pending: str, mark: int) -> str:
    """The statement keeping a deferral's mark beside its temporary table `pending`."""
    return f"CREATE TEMP TABLE {pending}_mark AS SELECT {int(mark)} AS rowid"


def take_mark(connection: Connection, pending: str) -> int:
    """The mark kept by `mark_table` (its table dropped)."""
    mark = connection.execute(text(f"SELECT rowid FROM temp.{pending}_mark")).scalar()
    connection.execute(text(f"DROP TABLE temp.{pending}_mark"))
    return int(mark or 0)
