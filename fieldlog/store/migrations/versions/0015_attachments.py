"""attachments: photos, PDFs and Office files on visits, organizations, projects and contacts
(attachment, replicated) and their bytes once per SHA-256 (attachment_file, local)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

OWNERS = (
    ("visit_id", "visit"),
    ("org_id", "organization"),
    ("project_id", "project"),
    ("contact_id", "contact"),
)


def upgrade() -> None:
    op.create_table(
        "attachment",
        *(sa.Column(column, sa.Uuid(), nullable=True) for column, _table in OWNERS),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        *(
            sa.ForeignKeyConstraint(
                [column],
                [f"{table}.id"],
                name=op.f(f"fk_attachment_{column}_{table}"),
                initially="DEFERRED",
                deferrable=True,
            )
            for column, table in OWNERS
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        for column in ("local_seq", "sha256", *(column for column, _table in OWNERS)):
            batch_op.create_index(batch_op.f(f"ix_attachment_{column}"), [column], unique=False)
    op.create_table(
        "attachment_file",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_file")),
    )


def downgrade() -> None:
    op.drop_table("attachment_file")
    op.drop_table("attachment")
