"""bureau: the teams a bureau database receives and which team each record came from

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Two new tables, empty on a team's laptop; nothing existing changes.
    op.create_table(
        "bureau_team",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_bureau_team")),
    )
    op.create_table(
        "record_team",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "record_id", "team_id", name=op.f("pk_record_team")),
    )
    op.create_index("ix_record_team_team", "record_team", ["team_id", "table_name", "record_id"])


def downgrade() -> None:
    op.drop_index("ix_record_team_team", table_name="record_team")
    op.drop_table("record_team")
    op.drop_table("bureau_team")
