"""A line of the visit log, as every reader of the log builds it (plain Python, no SQLAlchemy:
the window's first page is read before the ORM is imported, `store.first_page`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: How much of a summary a row carries (for a tooltip); the log shows its first line only.
FULL_SUMMARY_CHARS = 1000
SUMMARY_CHARS = 120
VISITOR_SEPARATOR = "、"


@dataclass(frozen=True)
class VisitListRow:
    """One line of the visit log; names of deleted catalog entries and chains show as blank."""

    id: uuid.UUID
    visited_on: date
    org_id: uuid.UUID
    org_name: str
    org_kind: str
    kind_name: str
    visitors: str
    chain_name: str
    intent: str
    summary: str
    full_summary: str
    next_follow_up: date | None
    #: The row's values of the ordering it was read in; the page after it starts from them.
    sort_key: tuple[Any, ...] = field(default=(), compare=False, repr=False)


def first_line(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first non-blank line of `text`, cut to `limit` characters with an ellipsis."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
