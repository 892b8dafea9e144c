"""What a bureau database keeps of the teams it receives (SPEC §9): never replicated.

A bureau database takes the packages of several teams. `BureauTeam` lists the teams it has
registered; `RecordTeam` says, for every record a team's package brought, which team it came
from, so each team's figures are counted from its own records only (`store/team_view.py`). A
record two teams both sent (a default catalog item has the same id everywhere) belongs to both.
Neither table travels in a package or counts in the digest.

`LeadAssignment` is replicated: the bureau's decision, for an enterprise several teams work
with, of which team leads it (首报首谈). The bureau writes one per team, on that team's own record
of the enterprise, and sends it to that team in a package sealed with the team's passphrase
(`bureau send`); the team's laptops merge it and pass it on like any record.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.store.models.base import Base, Replicated, ref
from fieldlog.store.types import utcnow


class BureauTeam(Base):
    """A team this bureau receives: its id (from its packages), name, and when registered."""

    __tablename__ = "bureau_team"

    team_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)


class SameOrg(Base):
    """A bureau's decision on two teams' organizations that look alike: the same enterprise or
    not (`same`). The pair is kept in id order (`first_org_id` < `second_org_id`)."""

    __tablename__ = "bureau_same_org"

    first_org_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    second_org_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    same: Mapped[bool]
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)


class OrgIdentity(Base):
    """On a bureau, which enterprise an organization is when that is not its credit code alone:
    confirmed look-alikes share one key (a credit code one of them has, else the smallest id)."""

    __tablename__ = "bureau_org_identity"

    org_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    key: Mapped[str] = mapped_column(String(40))


class RecordTeam(Base):
    """One record a team's package brought to this bureau: (table, record id, team)."""

    __tablename__ = "record_team"
    __table_args__ = (Index("ix_record_team_team", "team_id", "table_name", "record_id"),)

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    team_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)


class LeadAssignment(Replicated, Base):
    """首报首谈 decided by the bureau, on one team's record of an enterprise.

    Fields: ``org_id`` the team's organization; ``lead_team_id``/``lead_team`` the team that
    leads (id and name: another team's id is known to this team by name only, so no foreign key);
    ``first_team``/``first_on`` who reported the enterprise first and when; ``decided_on`` and
    ``note`` the bureau's decision. Its id is fixed by the bureau and the organization, so a
    later decision replaces the earlier one field by field.
    """

    __tablename__ = "lead_assignment"

    org_id: Mapped[uuid.UUID] = ref("organization.id", required=True)
    lead_team_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    lead_team: Mapped[str] = mapped_column(String(200), default="")
    first_team: Mapped[str] = mapped_column(String(200), default="")
    first_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
