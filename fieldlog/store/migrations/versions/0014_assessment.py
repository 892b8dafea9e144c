"""assessment: the team's 考核口径 and warning thresholds, a project's kind, fund origin,
milestones after signing and lead details, excluded fund origins, and the matters a project needs
the government to coordinate (coordination_matter, replicated)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

#: The team's rules, with the defaults an existing team starts from (docs/ARCHITECTURE.md).
TEAM_COLUMNS = (
    ("assess_min_contract_yuan", sa.BigInteger(), False, "100000000"),
    ("assess_follow_on_min_yuan", sa.BigInteger(), True, "50000000"),
    ("stale_yellow_days", sa.Integer(), False, "60"),
    ("stale_red_days", sa.Integer(), False, "90"),
    ("stale_retire_days", sa.Integer(), False, "180"),
    ("lead_reply_days", sa.Integer(), False, "3"),
    ("weekly_lead_quota", sa.Integer(), False, "1"),
)


def upgrade() -> None:
    # Existing rows get the defaults the services write; an existing project is a new one
    # (not a second phase) with no milestones and no lead details yet.
    with op.batch_alter_table("team", schema=None) as batch_op:
        for name, kind, nullable, default in TEAM_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=nullable, server_default=default))
    with op.batch_alter_table("catalog_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("assess_excluded", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="new")
        )
        batch_op.add_column(sa.Column("origin_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("stats_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("above_scale_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("progress_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("content", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("demands", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("contact_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_project_origin_id"), ["origin_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_contact_id"), ["contact_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_project_origin_id_catalog_item"),
            "catalog_item",
            ["origin_id"],
            ["id"],
            initially="DEFERRED",
            deferrable=True,
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_project_contact_id_contact"),
            "contact",
            ["contact_id"],
            ["id"],
            initially="DEFERRED",
            deferrable=True,
        )
    op.create_table(
        "coordination_matter",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("matter", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
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
            ["project_id"],
            ["project.id"],
            name=op.f("fk_coordination_matter_project_id_project"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coordination_matter")),
    )
    with op.batch_alter_table("coordination_matter", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coordination_matter_local_seq"), ["local_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_coordination_matter_project_id"), ["project_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("coordination_matter")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_project_contact_id_contact"), type_="foreignkey")
        batch_op.drop_constraint(
            batch_op.f("fk_project_origin_id_catalog_item"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_project_contact_id"))
        batch_op.drop_index(batch_op.f("ix_project_origin_id"))
        for name in (
            "contact_id",
            "demands",
            "content",
            "progress_on",
            "above_scale_on",
            "stats_on",
            "origin_id",
            "kind",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("catalog_item", schema=None) as batch_op:
        batch_op.drop_column("assess_excluded")
    with op.batch_alter_table("team", schema=None) as batch_op:
        for name, *_ in reversed(TEAM_COLUMNS):
            batch_op.drop_column(name)
