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
    table, columns = search_index.INDEX_TABLE, search_index._COLUMNS
    connection.execute(text(f"INSERT INTO {table} ({table}) VALUES ('delete-all')"))
    insert = text(
        f"INSERT INTO {table} (rowid, {columns})"
        f" SELECT v.rowid, {search_index._bigrams_sql('v.summary')},"
        f" {search_index._org_columns('o')}"
        " FROM visit AS v LEFT JOIN organization AS o ON o.id = v.org_id"
        " WHERE v.rowid BETWEEN :low AND :high"
    )
    first, last = connection.execute(text("SELECT min(rowid), max(rowid) FROM visit")).one()
    if first is not None:
        for low in range(first, last + 1, CHUNK_VISITS):
            high = min(low + CHUNK_VISITS - 1, last)
            connection.execute(insert, {"low": low, "high": high})
            migrate.report((high - first + 1) / (last - first + 1))
    connection.execute(text(f"INSERT INTO {table} ({table}) VALUES ('optimize')"))


def downgrade() -> None:
    search_index.uninstall(op.get_bind())
