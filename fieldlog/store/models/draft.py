"""Unsaved form entries (a visit being typed), kept inside the database they belong to.

Never replicated and never part of the digest (it is not in REPLICATED_MODELS): a draft is what
one person typed on one laptop, not yet part of the data.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.store.models.base import Base
from fieldlog.store.types import utcnow


class Draft(Base):
    """One form's unsaved fields.

    Fields: ``key`` names the form and its record ("visit-new", "visit-<visit id hex>");
    ``fields`` the form's state as plain JSON data; ``saved_at`` when it was last written (UTC).
    """

    __tablename__ = "draft"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON())
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)
