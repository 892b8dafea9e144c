"""sync state kept on this laptop: applied packages, peers, conflict log, look-alike review list

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _when(name: str, *, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "applied_package",
        sa.Column("package_id", sa.Uuid(), nullable=False),
        sa.Column("sender_node", sa.String(length=32), nullable=False),
        sa.Column("sender_name", sa.String(length=100), nullable=False),
        _when("made_at", nullable=True),
        _when("applied_at"),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_applied_package")),
    )
    op.create_table(
        "sync_peer",
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("member_name", sa.String(length=100), nullable=False),
        sa.Column("last_package_id", sa.Uuid(), nullable=True),
        _when("last_made_at", nullable=True),
        _when("last_received_at", nullable=True),
        sa.Column("last_rows", sa.Integer(), nullable=False),
        sa.Column("packages", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("node_id", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=32), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("winner_value", sa.JSON(), nullable=True),
        sa.Column("winner_hlc", sa.BigInteger(), nullable=False),
        sa.Column("winner_node", sa.String(length=32), nullable=False),
        sa.Column("loser_value", sa.JSON(), nullable=True),
        sa.Column("loser_hlc", sa.BigInteger(), nullable=False),
        sa.Column("loser_node", sa.String(length=32), nullable=False),
        sa.Column("package_id", sa.Uuid(), nullable=True),
        _when("detected_at"),
        _when("resolved_at", nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint(
            "table_name",
            "row_id",
            "field",
            "winner_hlc",
            "winner_node",
            "loser_hlc",
            "loser_node",
            name=op.f("uq_sync_conflict_table_name"),
        ),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_row_id"), ["row_id"], unique=False)
    op.create_table(
        "duplicate_candidate",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("first_org_id", sa.Uuid(), nullable=False),
        sa.Column("second_org_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        _when("found_at"),
        _when("decided_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_candidate")),
    )
    with op.batch_alter_table("duplicate_candidate", schema=None) as batch_op:
        for column in ("first_org_id", "second_org_id", "status"):
            batch_op.create_index(batch_op.f(f"ix_duplicate_candidate_{column}"), [column])


def downgrade() -> None:
    for table in ("duplicate_candidate", "sync_conflict", "sync_peer", "applied_package"):
        op.drop_table(table)
