"""The dispatched team, its members and work groups, and the shared catalogs."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import BigInteger, Integer, String, Text
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
    # The assessment scope (考核口径, docs/ARCHITECTURE.md "Assessment"): a signed project earns
    # credit when its contract amount reaches the minimum; a phase-two or capital-increase
    # project when its amount reaches its own minimum (None: such projects never do). Fund
    # origins a bureau leaves out are flagged on their catalog items (`assess_excluded`).
    assess_min_contract_yuan: Mapped[int] = mapped_column(BigInteger, default=100_000_000)
    assess_follow_on_min_yuan: Mapped[int | None] = mapped_column(BigInteger, default=50_000_000)
    # The three colours of a stale project (三色预警): days without a stage change, funds, a
    # progress note or a visit about it; and the days within which a new lead must be answered.
    stale_yellow_days: Mapped[int] = mapped_column(Integer, default=60)
    stale_red_days: Mapped[int] = mapped_column(Integer, default=90)
    stale_retire_days: Mapped[int] = mapped_column(Integer, default=180)
    lead_reply_days: Mapped[int] = mapped_column(Integer, default=3)
    # Complete leads each member is to bring in a week.
    weekly_lead_quota: Mapped[int] = mapped_column(Integer, default=1)


class CatalogItem(Replicated, Base):
    """An entry of an editable catalog: county, visit kind, org tag, sign form, fund origin."""

    __tablename__ = "catalog_item"

    kind: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str]
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # A fund origin whose money earns no assessment credit (本地企业投资, 财政资金).
    assess_excluded: Mapped[bool] = mapped_column(default=False)


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
