"""change history kept on this laptop: every replaced value of every field

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "field_change",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.JSON(), nullable=True),
        sa.Column("old_hlc", sa.BigInteger(), nullable=False),
        sa.Column("old_node", sa.String(length=32), nullable=False),
        sa.Column("new_value", sa.JSON(), nullable=True),
        sa.Column("new_hlc", sa.BigInteger(), nullable=False),
        sa.Column("new_node", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_change")),
    )
    op.create_index("ix_field_change_record", "field_change", ["record_id", "field"])


def downgrade() -> None:
    op.drop_index("ix_field_change_record", table_name="field_change")
    op.drop_table("field_change")
