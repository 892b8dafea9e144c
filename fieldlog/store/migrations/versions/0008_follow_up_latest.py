"""follow_up_latest: each live organization's latest live visit with a follow-up (SQLite only)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text
from sqlalchemy.engine import Connection

from fieldlog.store import follow_up_index, migrate

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: Organizations filled per statement: the upgrade's watcher hears how far the fill is between
#: chunks (and may stop it there).
CHUNK_ORGS = 10_000

#: Each live organization's latest live visit, ranked as the follow-ups' rule ranks visits (by
#: date, then creation time, then id), when it sets a follow-up: what `follow_up_index.rebuild`
#: writes, found from the (org_id, deleted, visited_on) index, so that only each
#: organization's latest visits are read, not every visit.
_FILL = (
    f"INSERT INTO {follow_up_index.TABLE} (org_id, visit_id, due)"
    " SELECT v.org_id, v.id, v.next_follow_up FROM organization AS o"
    " JOIN visit AS v ON v.rowid = (SELECT latest.rowid FROM visit AS latest"
    " WHERE latest.org_id = o.id AND latest.deleted = 0"
    " ORDER BY latest.visited_on DESC, latest.created_at DESC, latest.id DESC LIMIT 1)"
    " WHERE o.deleted = 0 AND o.rowid BETWEEN :low AND :high"
    " AND v.next_follow_up IS NOT NULL"
)


def upgrade() -> None:
    connection = op.get_bind()
    if not follow_up_index.supported(connection):
        return
    # follow_up_index.install, with its fill done in chunks of organizations.
    follow_up_index.follow_up_latest.create(connection)
    for statement in follow_up_index._ddl():
        connection.execute(text(statement))
    _fill(connection)


def _fill(connection: Connection) -> None:
    first, last = connection.execute(text("SELECT min(rowid), max(rowid) FROM organization")).one()
    if first is None:
        return
    for low in range(first, last + 1, CHUNK_ORGS):
        high = min(low + CHUNK_ORGS - 1, last)
        connection.execute(text(_FILL), {"low": low, "high": high})
        migrate.report((high - first + 1) / (last - first + 1))


def downgrade() -> None:
    follow_up_index.uninstall(op.get_bind())
