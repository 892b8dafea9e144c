"""narrow covering indexes for the visit log, its filters and the visit counts

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_log_order", ["visited_on", "id", "deleted", "org_id"])
    with op.batch_alter_table("visit_visitor", schema=None) as batch_op:
        batch_op.create_index("ix_visit_visitor_member_live", ["member_id", "deleted", "visit_id"])


def downgrade() -> None:
    with op.batch_alter_table("visit_visitor", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_visitor_member_live")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_log_order")
