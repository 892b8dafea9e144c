"""visit_search: FTS5 over character bigrams for the visit log's text search (SQLite only)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text
from sqlalchemy.engine import Connection

from fieldlog.store import migrate, search_index

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: Visits indexed per statement: the upgrade's watcher hears how far the build is between
#: chunks (and may stop it there); the index holds the same rows as one statement would give.
CHUNK_VISITS = 20_000
#: The build's own SQL function: `bigrams` registered on the migration's connection only.
BIGRAMS_FUNCTION = "fieldlog_upgrade_bigrams"
#: SQLite's lower() without ICU: ASCII letters only.
_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def bigrams(value: str | None) -> str | None:
    """Exactly what `search_index._bigrams_sql` makes of `value`, in Python: two to three times
    faster than SQLite's substr walking the text from its start for every character. The text
    up to its first NUL (where SQLite's substr stops), its first INDEXED_CHARS characters: for
    each position, the hexadecimal UTF-8 of that character and the next (the last alone), ASCII
    folded to lower case, joined by spaces; None for no character (group_concat of nothing)."""
    whole = (value or "").partition("\0")[0][: search_index.INDEXED_CHARS]
    if not whole:
        return None
    hexes = [c.encode().hex().upper() for c in whole.translate(_ASCII_LOWER)]
    length = len(hexes)
    hexes.append("")
    return " ".join([hexes[i] + hexes[i + 1] for i in range(length)])


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    # search_index.install, with its rebuild done in chunks of visits by rowid.
    for statement in search_index._ddl():
        connection.execute(text(statement))
    numbers = str(list(range(search_index.STRIDE)))
    connection.execute(
        text(
            f"INSERT INTO {search_index.NUMBERS_TABLE} (n) SELECT value FROM json_each(:numbers)"
        ).bindparams(numbers=numbers)
    )
    _index_visits(connection)


def _index_visits(connection: Connection) -> None:
    """`search_index.rebuild`, in chunks, with the bigrams made by `bigrams`."""
    table, columns = search_index.INDEX_TABLE, search_index._COLUMNS
    split = ", ".join(
        f"{BIGRAMS_FUNCTION}({name})"
        for name in ("v.summary", "o.name", "o.name_initials", "o.credit_code")
    )
    insert = text(
        f"INSERT INTO {table} (rowid, {columns}) SELECT v.rowid, {split}"
        " FROM visit AS v LEFT JOIN organization AS o ON o.id = v.org_id"
        " WHERE v.rowid BETWEEN :low AND :high"
    )
    driver_connection = connection.connection.dbapi_connection
    assert driver_connection is not None
    # Registered on this connection only, and left there: SQLite refuses to remove a function
    # while the upgrade's transaction has statements open. The triggers never call it.
    driver_connection.create_function(BIGRAMS_FUNCTION, 1, bigrams, deterministic=True)
    connection.execute(text(f"INSERT INTO {table} ({table}) VALUES ('delete-all')"))
    first, last = connection.execute(text("SELECT min(rowid), max(rowid) FROM visit")).one()
    if first is not None:
        for low in range(first, last + 1, CHUNK_VISITS):
            high = min(low + CHUNK_VISITS - 1, last)
            connection.execute(insert, {"low": low, "high": high})
            migrate.report((high - first + 1) / (last - first + 1))
    connection.execute(text(f"INSERT INTO {table} ({table}) VALUES ('optimize')"))


def downgrade() -> None:
    search_index.uninstall(op.get_bind())
