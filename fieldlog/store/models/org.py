"""Organizations (enterprises, associations, …), their tags, aliases and contacts."""

from __future__ import annotations

import uuid

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.store.models.base import Base, Replicated, ref


class Organization(Replicated, Base):
    """企业/商协会/园区/中介机构/政府部门; the credit code is the natural key when present."""

    __tablename__ = "organization"
    __table_args__ = (
        # Counting the organizations visited looks each one up by id for its tombstone and kind:
        # this index answers that alone, without reading the wide row.
        Index("ix_organization_id_live_kind", "id", "deleted", "kind"),
    )

    name: Mapped[str]
    name_key: Mapped[str] = mapped_column(index=True)
    name_initials: Mapped[str] = mapped_column(default="", index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), index=True)
    region: Mapped[str] = mapped_column(default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    chain_id: Mapped[uuid.UUID | None] = ref("chain.id")
    link_id: Mapped[uuid.UUID | None] = ref("chain_link.id")
    is_target: Mapped[bool] = mapped_column(default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class OrgTag(Replicated, Base):
    """An organization carries a tag (世界500强, 专精特新, …); id is fixed by the pair."""

    __tablename__ = "org_tag"

    org_id: Mapped[uuid.UUID] = ref("organization.id", required=True)
    tag_id: Mapped[uuid.UUID] = ref("catalog_item.id", required=True)


class OrgAlias(Replicated, Base):
    """A merged-away organization id and the organization it now means."""

    __tablename__ = "org_alias"

    alias_id: Mapped[uuid.UUID] = mapped_column(index=True)
    org_id: Mapped[uuid.UUID] = ref("organization.id", required=True)


class Contact(Replicated, Base):
    """A person at an organization (联系人) with title and phone."""

    __tablename__ = "contact"

    org_id: Mapped[uuid.UUID] = ref("organization.id", required=True)
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(Text, default="")
