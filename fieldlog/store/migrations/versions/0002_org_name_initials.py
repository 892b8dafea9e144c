"""organization.name_initials: pinyin initials for type-ahead search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_initials", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_organization_name_initials"), ["name_initials"])
    _fill_initials()


def _fill_initials() -> None:
    # Computed from the name, as the services do for new records.
    from fieldlog.domain.text import pinyin_initials

    connection = op.get_bind()
    organization = sa.table(
        "organization", sa.column("id", sa.Uuid()), sa.column("name"), sa.column("name_initials")
    )
    for org_id, name in connection.execute(sa.select(organization.c.id, organization.c.name)):
        connection.execute(
            organization.update()
            .where(organization.c.id == org_id)
            .values(name_initials=pinyin_initials(name or ""))
        )


def downgrade() -> None:
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organization_name_initials"))
        batch_op.drop_column("name_initials")
