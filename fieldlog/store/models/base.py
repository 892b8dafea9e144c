"""The declarative base and the metadata every replicated record carries (SPEC §3.1)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fieldlog.domain.ids import new_id
from fieldlog.store.types import UtcDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Columns that describe a record's replication rather than its content.
META_COLUMNS = frozenset(
    {"id", "created_at", "updated_at", "node_id", "hlc", "deleted", "field_stamps", "local_seq"}
)
#: Columns that never leave this laptop (not in sync packages, not in the digest).
LOCAL_COLUMNS = frozenset({"local_seq"})


class Base(DeclarativeBase):
    """The one declarative base: naming convention for constraints, portable column types."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        uuid.UUID: Uuid(),
        datetime: UtcDateTime(),
        date: Date(),
        str: String(200),
        dict[str, Any]: JSON(),
    }


def ref(target: str, *, required: bool = False) -> Any:
    """A foreign key column; deferred so a merge can insert rows in any order in one transaction."""
    return mapped_column(
        ForeignKey(target, deferrable=True, initially="DEFERRED"), index=True, nullable=not required
    )


class Replicated:
    """Identity and sync metadata shared by every replicated table.

    Fields: ``id`` UUIDv7; ``created_at``/``updated_at`` UTC; ``node_id`` the device that made the
    last change; ``hlc`` the hybrid-logical-clock stamp of that change; ``deleted`` the tombstone;
    ``field_stamps`` {column: [hlc, node]} for per-field last-writer-wins; ``local_seq`` this
    laptop's change counter (local only), which picks what goes into the next sync package.
    """

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    node_id: Mapped[str] = mapped_column(String(32), default="")
    hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    deleted: Mapped[bool] = mapped_column(default=False)
    field_stamps: Mapped[dict[str, Any]] = mapped_column(default=dict)
    local_seq: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class LocalState(Base):
    """Key/value facts about this database on this laptop: node identity, clock, counters.

    Never replicated and never part of the digest.
    """

    __tablename__ = "local_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(400))
