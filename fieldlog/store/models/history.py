"""The change history of this laptop: every value a field held before it was replaced.

Local, like the sync state: each laptop keeps the history it has seen (its own edits and the
changes sync brought in), so it costs nothing in packages and nothing on bulk imports, where
nothing is replaced. The current value and its stamp stay on the record itself.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.store.models.base import Base
from fieldlog.store.types import utcnow


class FieldChange(Base):
    """One replaced value of one field of one record.

    Fields: ``table_name``, ``record_id`` and ``field`` name what changed; ``old_value`` the
    value replaced (as JSON: dates ISO, ids as text) with ``old_hlc``/``old_node``, the stamp it
    was written with (0 and "" when unknown); ``new_value`` with ``new_hlc``/``new_node``, the
    change that replaced it; ``source`` says how the change arrived here: ``edit`` (on this
    laptop), ``restore`` (an earlier value brought back) or ``sync`` (from a package);
    ``recorded_at`` when this laptop recorded it.
    """

    __tablename__ = "field_change"
    __table_args__ = (Index("ix_field_change_record", "record_id", "field"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid())
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    old_hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    old_node: Mapped[str] = mapped_column(String(32), default="")
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    new_node: Mapped[str] = mapped_column(String(32), default="")
    source: Mapped[str] = mapped_column(String(8), default="edit")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
