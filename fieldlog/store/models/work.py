"""Visits, projects with their stage events and funds tranches, and targets."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import BigInteger, Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.store.models.base import Base, Replicated, ref


class Visit(Replicated, Base):
    """走访: one contact event with one organization."""

    __tablename__ = "visit"
    __table_args__ = (
        # The directory's per-organization visit counts and last visits read this index alone.
        Index("ix_visit_org_live_date", "org_id", "deleted", "visited_on"),
        # The log's order (date, then id) with what its filters and counts check: pages, seeks
        # and period counts read this narrow index, never the wide rows with their summaries.
        Index("ix_visit_log_order", "visited_on", "id", "deleted", "org_id"),
    )

    visited_on: Mapped[date] = mapped_column(Date, index=True)
    org_id: Mapped[uuid.UUID] = ref("organization.id", required=True)
    kind_id: Mapped[uuid.UUID | None] = ref("catalog_item.id")
    chain_id: Mapped[uuid.UUID | None] = ref("chain.id")
    project_id: Mapped[uuid.UUID | None] = ref("project.id")
    summary: Mapped[str] = mapped_column(Text, default="")
    intent: Mapped[str] = mapped_column(String(16), default="")
    next_follow_up: Mapped[date | None] = mapped_column(Date, index=True)


class VisitVisitor(Replicated, Base):
    """A member who took part in a visit; id is fixed by the pair."""

    __tablename__ = "visit_visitor"
    __table_args__ = (
        # Whether a visit has a live visitor from a scope (one seek per member in scope), and a
        # scope's visits, read from the index alone.
        Index("ix_visit_visitor_member_live", "member_id", "deleted", "visit_id"),
    )

    visit_id: Mapped[uuid.UUID] = ref("visit.id", required=True)
    member_id: Mapped[uuid.UUID] = ref("member.id", required=True)


class VisitContact(Replicated, Base):
    """A contact met on a visit; id is fixed by the pair."""

    __tablename__ = "visit_contact"

    visit_id: Mapped[uuid.UUID] = ref("visit.id", required=True)
    contact_id: Mapped[uuid.UUID] = ref("contact.id", required=True)


class Project(Replicated, Base):
    """招商项目: from lead to production; the stage is derived from its stage events."""

    __tablename__ = "project"

    name: Mapped[str]
    investor_id: Mapped[uuid.UUID | None] = ref("organization.id")
    chain_id: Mapped[uuid.UUID | None] = ref("chain.id")
    link_id: Mapped[uuid.UUID | None] = ref("chain_link.id")
    chain_role: Mapped[str] = mapped_column(String(16), default="")
    planned_yuan: Mapped[int | None] = mapped_column(BigInteger)
    contract_yuan: Mapped[int | None] = mapped_column(BigInteger)
    sign_form_id: Mapped[uuid.UUID | None] = ref("catalog_item.id")
    signed_on: Mapped[date | None] = mapped_column(Date, index=True)
    landing_county_id: Mapped[uuid.UUID | None] = ref("catalog_item.id")
    owner_id: Mapped[uuid.UUID | None] = ref("member.id")
    group_id: Mapped[uuid.UUID | None] = ref("work_group.id")
    progress: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    next_follow_up: Mapped[date | None] = mapped_column(Date, index=True)
    # 项目类型: new, phase_two (二期) or capital_increase (增资); the assessment counts the last
    # two by their own minimum, on the new investment their contract amount holds.
    kind: Mapped[str] = mapped_column(String(16), default="new")
    # 资金来源 of the investment (a fund-origin catalog item); an excluded origin earns no credit.
    origin_id: Mapped[uuid.UUID | None] = ref("catalog_item.id")
    # Milestones after signing: 入库 (纳入统计) and 入规 (规模以上).
    stats_on: Mapped[date | None] = mapped_column(Date)
    above_scale_on: Mapped[date | None] = mapped_column(Date)
    # The date of the latest progress note (进展情况): activity for the stale colours.
    progress_on: Mapped[date | None] = mapped_column(Date)
    # What makes a lead complete: 项目内容, 投资规模 (planned_yuan), an investor contact and
    # 投资方诉求.
    content: Mapped[str] = mapped_column(Text, default="")
    demands: Mapped[str] = mapped_column(Text, default="")
    contact_id: Mapped[uuid.UUID | None] = ref("contact.id")


class CoordinationMatter(Replicated, Base):
    """需协调解决事项: a problem of a project for the government to solve, with who owns it, by
    when, and whether it is open or resolved."""

    __tablename__ = "coordination_matter"

    project_id: Mapped[uuid.UUID] = ref("project.id", required=True)
    matter: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    resolved_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class StageEvent(Replicated, Base):
    """A dated move of a project into a stage, by whom, with an optional note. Append-only."""

    __tablename__ = "stage_event"

    project_id: Mapped[uuid.UUID] = ref("project.id", required=True)
    stage: Mapped[str] = mapped_column(String(16))
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    member_id: Mapped[uuid.UUID | None] = ref("member.id")
    note: Mapped[str] = mapped_column(Text, default="")


class FundsTranche(Replicated, Base):
    """到位资金: money actually invested on a date. Append-only."""

    __tablename__ = "funds_tranche"

    project_id: Mapped[uuid.UUID] = ref("project.id", required=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    amount_yuan: Mapped[int] = mapped_column(BigInteger)
    origin_id: Mapped[uuid.UUID | None] = ref("catalog_item.id")
    evidence: Mapped[str] = mapped_column(String(400), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Target(Replicated, Base):
    """目标任务: a value to reach for one metric over a period, for a team, group, member or county.

    ``scope`` is team/group/member/county and ``scope_id`` the record it names; ``metric`` is a
    key of the counting rules; ``value`` is a count, or yuan for amounts.
    """

    __tablename__ = "target"

    scope: Mapped[str] = mapped_column(String(16))
    scope_id: Mapped[uuid.UUID | None]
    metric: Mapped[str] = mapped_column(String(32))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(BigInteger)
