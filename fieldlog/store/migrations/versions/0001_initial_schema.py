"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "catalog_item",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_item")),
    )
    with op.batch_alter_table("catalog_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_catalog_item_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_catalog_item_local_seq"), ["local_seq"], unique=False)

    op.create_table(
        "chain",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain")),
    )
    with op.batch_alter_table("chain", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chain_local_seq"), ["local_seq"], unique=False)

    op.create_table(
        "local_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_local_state")),
    )
    op.create_table(
        "target",
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("scope_id", sa.Uuid(), nullable=True),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target")),
    )
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_target_local_seq"), ["local_seq"], unique=False)

    op.create_table(
        "team",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("home_city", sa.String(length=200), nullable=False),
        sa.Column("host_city", sa.String(length=200), nullable=False),
        sa.Column("reporting_unit", sa.String(length=200), nullable=False),
        sa.Column("dispatch_start", sa.Date(), nullable=True),
        sa.Column("dispatch_end", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
    )
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_local_seq"), ["local_seq"], unique=False)

    op.create_table(
        "chain_link",
        sa.Column("chain_id", sa.Uuid(), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=16), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chain_id"],
            ["chain.id"],
            name=op.f("fk_chain_link_chain_id_chain"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["chain_link.id"],
            name=op.f("fk_chain_link_parent_id_chain_link"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain_link")),
    )
    with op.batch_alter_table("chain_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chain_link_chain_id"), ["chain_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_chain_link_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_chain_link_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "work_group",
        sa.Column("team_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("chain_id", sa.Uuid(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chain_id"],
            ["chain.id"],
            name=op.f("fk_work_group_chain_id_chain"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
            name=op.f("fk_work_group_team_id_team"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_group")),
    )
    with op.batch_alter_table("work_group", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_work_group_chain_id"), ["chain_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_group_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_group_team_id"), ["team_id"], unique=False)

    op.create_table(
        "member",
        sa.Column("team_id", sa.Uuid(), nullable=True),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("home_unit", sa.String(length=200), nullable=False),
        sa.Column("county_id", sa.Uuid(), nullable=True),
        sa.Column("from_promotion_system", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["county_id"],
            ["catalog_item.id"],
            name=op.f("fk_member_county_id_catalog_item"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["work_group.id"],
            name=op.f("fk_member_group_id_work_group"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
            name=op.f("fk_member_team_id_team"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_county_id"), ["county_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_team_id"), ["team_id"], unique=False)

    op.create_table(
        "organization",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=True),
        sa.Column("region", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=400), nullable=False),
        sa.Column("chain_id", sa.Uuid(), nullable=True),
        sa.Column("link_id", sa.Uuid(), nullable=True),
        sa.Column("is_target", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chain_id"],
            ["chain.id"],
            name=op.f("fk_organization_chain_id_chain"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["link_id"],
            ["chain_link.id"],
            name=op.f("fk_organization_link_id_chain_link"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization")),
    )
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organization_chain_id"), ["chain_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_organization_credit_code"), ["credit_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_organization_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_link_id"), ["link_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_name_key"), ["name_key"], unique=False)

    op.create_table(
        "contact",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
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
            name=op.f("fk_contact_org_id_organization"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_org_id"), ["org_id"], unique=False)

    op.create_table(
        "org_alias",
        sa.Column("alias_id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
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
            name=op.f("fk_org_alias_org_id_organization"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_alias")),
    )
    with op.batch_alter_table("org_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_org_alias_alias_id"), ["alias_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_org_alias_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_org_alias_org_id"), ["org_id"], unique=False)

    op.create_table(
        "org_tag",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("tag_id", sa.Uuid(), nullable=False),
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
            name=op.f("fk_org_tag_org_id_organization"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"],
            ["catalog_item.id"],
            name=op.f("fk_org_tag_tag_id_catalog_item"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_tag")),
    )
    with op.batch_alter_table("org_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_org_tag_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_org_tag_org_id"), ["org_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_org_tag_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "project",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("investor_id", sa.Uuid(), nullable=True),
        sa.Column("chain_id", sa.Uuid(), nullable=True),
        sa.Column("link_id", sa.Uuid(), nullable=True),
        sa.Column("chain_role", sa.String(length=16), nullable=False),
        sa.Column("planned_yuan", sa.BigInteger(), nullable=True),
        sa.Column("contract_yuan", sa.BigInteger(), nullable=True),
        sa.Column("sign_form_id", sa.Uuid(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("landing_county_id", sa.Uuid(), nullable=True),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("progress", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False),
        sa.Column("next_follow_up", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chain_id"],
            ["chain.id"],
            name=op.f("fk_project_chain_id_chain"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["work_group.id"],
            name=op.f("fk_project_group_id_work_group"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["investor_id"],
            ["organization.id"],
            name=op.f("fk_project_investor_id_organization"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["landing_county_id"],
            ["catalog_item.id"],
            name=op.f("fk_project_landing_county_id_catalog_item"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["link_id"],
            ["chain_link.id"],
            name=op.f("fk_project_link_id_chain_link"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["member.id"],
            name=op.f("fk_project_owner_id_member"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["sign_form_id"],
            ["catalog_item.id"],
            name=op.f("fk_project_sign_form_id_catalog_item"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
    )
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_chain_id"), ["chain_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_investor_id"), ["investor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_project_landing_county_id"), ["landing_county_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_project_link_id"), ["link_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_project_next_follow_up"), ["next_follow_up"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_project_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_sign_form_id"), ["sign_form_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_signed_on"), ["signed_on"], unique=False)

    op.create_table(
        "funds_tranche",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("amount_yuan", sa.BigInteger(), nullable=False),
        sa.Column("origin_id", sa.Uuid(), nullable=True),
        sa.Column("evidence", sa.String(length=400), nullable=False),
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
            ["origin_id"],
            ["catalog_item.id"],
            name=op.f("fk_funds_tranche_origin_id_catalog_item"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_funds_tranche_project_id_project"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funds_tranche")),
    )
    with op.batch_alter_table("funds_tranche", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_funds_tranche_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_funds_tranche_origin_id"), ["origin_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_funds_tranche_project_id"), ["project_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_funds_tranche_received_on"), ["received_on"], unique=False
        )

    op.create_table(
        "stage_event",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=True),
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
            ["member_id"],
            ["member.id"],
            name=op.f("fk_stage_event_member_id_member"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_stage_event_project_id_project"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_event")),
    )
    with op.batch_alter_table("stage_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stage_event_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_stage_event_member_id"), ["member_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_stage_event_occurred_on"), ["occurred_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_stage_event_project_id"), ["project_id"], unique=False)

    op.create_table(
        "visit",
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("kind_id", sa.Uuid(), nullable=True),
        sa.Column("chain_id", sa.Uuid(), nullable=True),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("intent", sa.String(length=16), nullable=False),
        sa.Column("next_follow_up", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chain_id"],
            ["chain.id"],
            name=op.f("fk_visit_chain_id_chain"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["kind_id"],
            ["catalog_item.id"],
            name=op.f("fk_visit_kind_id_catalog_item"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organization.id"],
            name=op.f("fk_visit_org_id_organization"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_visit_project_id_project"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_chain_id"), ["chain_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_kind_id"), ["kind_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_visit_next_follow_up"), ["next_follow_up"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_visit_org_id"), ["org_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_visited_on"), ["visited_on"], unique=False)

    op.create_table(
        "visit_contact",
        sa.Column("visit_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_visit_contact_contact_id_contact"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_contact_visit_id_visit"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_contact")),
    )
    with op.batch_alter_table("visit_contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_visit_contact_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_visit_contact_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_contact_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "visit_visitor",
        sa.Column("visit_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("node_id", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("local_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_visit_visitor_member_id_member"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_visitor_visit_id_visit"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_visitor")),
    )
    with op.batch_alter_table("visit_visitor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_visitor_local_seq"), ["local_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_visitor_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_visitor_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("visit_visitor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_visitor_visit_id"))
        batch_op.drop_index(batch_op.f("ix_visit_visitor_member_id"))
        batch_op.drop_index(batch_op.f("ix_visit_visitor_local_seq"))

    op.drop_table("visit_visitor")
    with op.batch_alter_table("visit_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_contact_visit_id"))
        batch_op.drop_index(batch_op.f("ix_visit_contact_local_seq"))
        batch_op.drop_index(batch_op.f("ix_visit_contact_contact_id"))

    op.drop_table("visit_contact")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_visited_on"))
        batch_op.drop_index(batch_op.f("ix_visit_project_id"))
        batch_op.drop_index(batch_op.f("ix_visit_org_id"))
        batch_op.drop_index(batch_op.f("ix_visit_next_follow_up"))
        batch_op.drop_index(batch_op.f("ix_visit_local_seq"))
        batch_op.drop_index(batch_op.f("ix_visit_kind_id"))
        batch_op.drop_index(batch_op.f("ix_visit_chain_id"))

    op.drop_table("visit")
    with op.batch_alter_table("stage_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stage_event_project_id"))
        batch_op.drop_index(batch_op.f("ix_stage_event_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_stage_event_member_id"))
        batch_op.drop_index(batch_op.f("ix_stage_event_local_seq"))

    op.drop_table("stage_event")
    with op.batch_alter_table("funds_tranche", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_funds_tranche_received_on"))
        batch_op.drop_index(batch_op.f("ix_funds_tranche_project_id"))
        batch_op.drop_index(batch_op.f("ix_funds_tranche_origin_id"))
        batch_op.drop_index(batch_op.f("ix_funds_tranche_local_seq"))

    op.drop_table("funds_tranche")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_signed_on"))
        batch_op.drop_index(batch_op.f("ix_project_sign_form_id"))
        batch_op.drop_index(batch_op.f("ix_project_owner_id"))
        batch_op.drop_index(batch_op.f("ix_project_next_follow_up"))
        batch_op.drop_index(batch_op.f("ix_project_local_seq"))
        batch_op.drop_index(batch_op.f("ix_project_link_id"))
        batch_op.drop_index(batch_op.f("ix_project_landing_county_id"))
        batch_op.drop_index(batch_op.f("ix_project_investor_id"))
        batch_op.drop_index(batch_op.f("ix_project_group_id"))
        batch_op.drop_index(batch_op.f("ix_project_chain_id"))

    op.drop_table("project")
    with op.batch_alter_table("org_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_org_tag_tag_id"))
        batch_op.drop_index(batch_op.f("ix_org_tag_org_id"))
        batch_op.drop_index(batch_op.f("ix_org_tag_local_seq"))

    op.drop_table("org_tag")
    with op.batch_alter_table("org_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_org_alias_org_id"))
        batch_op.drop_index(batch_op.f("ix_org_alias_local_seq"))
        batch_op.drop_index(batch_op.f("ix_org_alias_alias_id"))

    op.drop_table("org_alias")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_org_id"))
        batch_op.drop_index(batch_op.f("ix_contact_local_seq"))

    op.drop_table("contact")
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organization_name_key"))
        batch_op.drop_index(batch_op.f("ix_organization_local_seq"))
        batch_op.drop_index(batch_op.f("ix_organization_link_id"))
        batch_op.drop_index(batch_op.f("ix_organization_kind"))
        batch_op.drop_index(batch_op.f("ix_organization_credit_code"))
        batch_op.drop_index(batch_op.f("ix_organization_chain_id"))

    op.drop_table("organization")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_team_id"))
        batch_op.drop_index(batch_op.f("ix_member_local_seq"))
        batch_op.drop_index(batch_op.f("ix_member_group_id"))
        batch_op.drop_index(batch_op.f("ix_member_county_id"))

    op.drop_table("member")
    with op.batch_alter_table("work_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_group_team_id"))
        batch_op.drop_index(batch_op.f("ix_work_group_local_seq"))
        batch_op.drop_index(batch_op.f("ix_work_group_chain_id"))

    op.drop_table("work_group")
    with op.batch_alter_table("chain_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chain_link_parent_id"))
        batch_op.drop_index(batch_op.f("ix_chain_link_local_seq"))
        batch_op.drop_index(batch_op.f("ix_chain_link_chain_id"))

    op.drop_table("chain_link")
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_local_seq"))

    op.drop_table("team")
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_target_local_seq"))

    op.drop_table("target")
    op.drop_table("local_state")
    with op.batch_alter_table("chain", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chain_local_seq"))

    op.drop_table("chain")
    with op.batch_alter_table("catalog_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalog_item_local_seq"))
        batch_op.drop_index(batch_op.f("ix_catalog_item_kind"))

    op.drop_table("catalog_item")
