"""What the local tables kept by triggers share (`search_index`, `follow_up_index`,
`visit_tally`): whether one is here, and swapping a table's triggers inside a transaction."""

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
