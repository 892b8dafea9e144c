"""follow_up_latest: each live organization's latest live visit with a follow-up (SQLite only)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

from fieldlog.store import follow_up_index

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    follow_up_index.install(op.get_bind())


def downgrade() -> None:
    follow_up_index.uninstall(op.get_bind())
