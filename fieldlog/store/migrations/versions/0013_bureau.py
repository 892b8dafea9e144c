"""bureau: the teams a bureau database receives, which team each record came from, and the
bureau's 首报首谈 decisions (lead_assignment, replicated)

Revision ID: 0013
Revises: 0012_server_search
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012_server_search"
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

    op.create_table(
        "bureau_same_org",
        sa.Column("first_org_id", sa.Uuid(), nullable=False),
        sa.Column("second_org_id", sa.Uuid(), nullable=False),
        sa.Column("same", sa.Boolean(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("first_org_id", "second_org_id", name=op.f("pk_bureau_same_org")),
    )
    op.create_table(
        "bureau_org_identity",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("org_id", name=op.f("pk_bureau_org_identity")),
    )
    op.create_table(
        "lead_assignment",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("lead_team_id", sa.Uuid(), nullable=True),
        sa.Column("lead_team", sa.String(length=200), nullable=False),
        sa.Column("first_team", sa.String(length=200), nullable=False),
        sa.Column("first_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organization.id"],
            name=op.f("fk_lead_assignment_org_id_organization"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_assignment")),
    )
    with op.batch_alter_table("lead_assignment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lead_assignment_local_seq"), ["local_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_lead_assignment_org_id"), ["org_id"], unique=False)


def downgrade() -> None:
    op.drop_table("lead_assignment")
    op.drop_table("bureau_org_identity")
    op.drop_table("bureau_same_org")
    op.drop_index("ix_record_team_team", table_name="record_team")
    op.drop_table("record_team")
    op.drop_table("bureau_team")
