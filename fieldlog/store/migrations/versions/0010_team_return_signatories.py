"""team.return_preparer, return_reviewer, return_phone: who signs the weekly return

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

COLUMNS = ("return_preparer", "return_reviewer", "return_phone")


def upgrade() -> None:
    # An existing team has nobody named yet: empty, as the services write an unset field.
    with op.batch_alter_table("team", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(
                sa.Column(name, sa.String(length=200), nullable=False, server_default="")
            )


def downgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
