"""What a bureau database keeps of the teams it receives (SPEC §9): never replicated.

A bureau database takes the packages of several teams. `BureauTeam` lists the teams it has
registered; `RecordTeam` says, for every record a team's package brought, which team it came
from, so each team's figures are counted from its own records only (`store/team_view.py`). A
record two teams both sent (a default catalog item has the same id everywhere) belongs to both.
Neither table travels in a package or counts in the digest.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.store.models.base import Base
from fieldlog.store.types import utcnow


class BureauTeam(Base):
    """A team this bureau receives: its id (from its packages), name, and when registered."""

    __tablename__ = "bureau_team"

    team_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)


class RecordTeam(Base):
    """One record a team's package brought to this bureau: (table, record id, team)."""

    __tablename__ = "record_team"
    __table_args__ = (Index("ix_record_team_team", "team_id", "table_name", "record_id"),)

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    team_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
