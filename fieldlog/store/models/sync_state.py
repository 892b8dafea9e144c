"""What sync remembers on this laptop only: packages applied, peers, conflicts, look-alikes.

None of these tables is replicated or part of the digest: each laptop keeps its own record of
what it received and what it found.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.domain.ids import new_id
from fieldlog.store.models.base import Base
from fieldlog.store.types import utcnow


class AppliedPackage(Base):
    """A sync package applied here (a second import of it is skipped).

    Fields: ``package_id`` from its manifest; ``sender_node`` and ``sender_name`` (the member
    who sent it, if known); ``made_at`` when it was written; ``applied_at``; ``rows`` it held;
    ``file_name`` it was read from.
    """

    __tablename__ = "applied_package"

    package_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    sender_node: Mapped[str] = mapped_column(String(32))
    sender_name: Mapped[str] = mapped_column(String(100), default="")
    made_at: Mapped[datetime | None]
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(String(400), default="")


class SyncPeer(Base):
    """Another laptop this one has received from: the team leader's "last received" overview.

    Fields: ``node_id``; ``member_name`` (as its last package said, or as relayed by another);
    ``last_package_id``, ``last_made_at``, ``last_received_at``, ``last_rows`` of its newest
    package applied here; ``packages`` applied from it in all.
    """

    __tablename__ = "sync_peer"

    node_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    member_name: Mapped[str] = mapped_column(String(100), default="")
    last_package_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    last_made_at: Mapped[datetime | None]
    last_received_at: Mapped[datetime | None]
    last_rows: Mapped[int] = mapped_column(Integer, default=0)
    packages: Mapped[int] = mapped_column(Integer, default=0)


class SyncConflict(Base):
    """Two concurrent writes of one field met here; the loser's value is kept for review.

    Fields: the record (``table_name``, ``row_id``) and ``field``; the winning and losing
    value with their stamps (hlc, node); the ``package_id`` that brought them together;
    ``detected_at``; ``resolved_at`` and ``resolution`` ("restored" or "kept") once reviewed.
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (
        UniqueConstraint(
            "table_name",
            "row_id",
            "field",
            "winner_hlc",
            "winner_node",
            "loser_hlc",
            "loser_node",
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid(), index=True)
    field: Mapped[str] = mapped_column(String(64))
    winner_value: Mapped[Any] = mapped_column(JSON(), nullable=True)
    winner_hlc: Mapped[int] = mapped_column(BigInteger)
    winner_node: Mapped[str] = mapped_column(String(32))
    loser_value: Mapped[Any] = mapped_column(JSON(), nullable=True)
    loser_hlc: Mapped[int] = mapped_column(BigInteger)
    loser_node: Mapped[str] = mapped_column(String(32))
    package_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str] = mapped_column(String(16), default="")


class DuplicateCandidate(Base):
    """Two organizations whose names look alike and that no credit code tells apart.

    Never merged automatically: a person merges or dismisses them. ``id`` is fixed by the pair
    (earlier organization first); ``status`` is open, merged or dismissed.
    """

    __tablename__ = "duplicate_candidate"

    id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    first_org_id: Mapped[uuid.UUID] = mapped_column(Uuid(), index=True)
    second_org_id: Mapped[uuid.UUID] = mapped_column(Uuid(), index=True)
    reason: Mapped[str] = mapped_column(String(16), default="name")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    found_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
