"""server_search: the visit log's substring index on PostgreSQL (GIN over characters and bigrams)

Revision ID: 0012_server_search
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from fieldlog.store import server_search

revision = "0012_server_search"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # PostgreSQL only: SQLite has its FTS5 bigram index since 0006. Built-in GIN needs no
    # extension, so a database owner's role can run this on any server.
    server_search.install(op.get_bind())


def downgrade() -> None:
    server_search.uninstall(op.get_bind())
