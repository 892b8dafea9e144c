"""The dispatched team, its members and work groups, and the shared catalogs."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.store.models.base import Base, Replicated, ref


class Team(Replicated, Base):
    """工作队: name, home and host city, reporting unit, dispatch period, and who signs its weekly
    return (填报人, 审核人, 联系电话)."""

    __tablename__ = "team"

    name: Mapped[str]
    home_city: Mapped[str] = mapped_column(default="")
    host_city: Mapped[str] = mapped_column(default="")
    reporting_unit: Mapped[str] = mapped_column(default="")
    dispatch_start: Mapped[date | None]
    dispatch_end: Mapped[date | None]
    return_preparer: Mapped[str] = mapped_column(default="")
    return_reviewer: Mapped[str] = mapped_column(default="")
    return_phone: Mapped[str] = mapped_column(default="")


class CatalogItem(Replicated, Base):
    """An entry of an editable catalog: county, visit kind, org tag, sign form, fund origin."""

    __tablename__ = "catalog_item"

    kind: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str]
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Chain(Replicated, Base):
    """产业链: an industry chain worked by the team."""

    __tablename__ = "chain"

    name: Mapped[str]
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ChainLink(Replicated, Base):
    """链环节: a node of a chain's tree; position is upstream, midstream or downstream."""

    __tablename__ = "chain_link"

    chain_id: Mapped[uuid.UUID] = ref("chain.id", required=True)
    parent_id: Mapped[uuid.UUID | None] = ref("chain_link.id")
    name: Mapped[str]
    position: Mapped[str] = mapped_column(String(16), default="midstream")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class WorkGroup(Replicated, Base):
    """产业招商工作组: two or three members working one chain."""

    __tablename__ = "work_group"

    team_id: Mapped[uuid.UUID | None] = ref("team.id")
    name: Mapped[str]
    chain_id: Mapped[uuid.UUID | None] = ref("chain.id")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Member(Replicated, Base):
    """队员: a cadre, with home unit and county and whether from the promotion system."""

    __tablename__ = "member"

    team_id: Mapped[uuid.UUID | None] = ref("team.id")
    group_id: Mapped[uuid.UUID | None] = ref("work_group.id")
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16), default="member")
    home_unit: Mapped[str] = mapped_column(default="")
    county_id: Mapped[uuid.UUID | None] = ref("catalog_item.id")
    from_promotion_system: Mapped[bool] = mapped_column(default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
