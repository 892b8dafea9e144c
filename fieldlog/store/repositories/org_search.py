"""Finding organizations by a typed fragment: Chinese substring, pinyin initials, credit code."""

from __future__ import annotations

from sqlalchemy import Select, case, false, func, or_, select
from sqlalchemy.orm import Session

from fieldlog.domain.text import MAX_NAME_LENGTH
from fieldlog.store.models import Organization
from fieldlog.store.repositories.search_text import unmatchable


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def matching(fragment: str) -> Select[Organization]:
    """Live organizations whose name contains the fragment, whose pinyin initials contain it, or
    whose credit code starts with it; best matches first (name starts with it, then shorter)."""
    stripped = fragment.strip()
    query = select(Organization).where(Organization.deleted.is_(False))
    if not stripped:
        return query.order_by(Organization.created_at.desc())
    # Names (and so their initials) are at most MAX_NAME_LENGTH characters, credit codes 18: a
    # longer fragment is in none of them, and its LIKE pattern could pass SQLite's 50,000 bytes.
    if unmatchable(stripped) or len(stripped) > MAX_NAME_LENGTH:
        return query.where(false())
    text = _escape(stripped)
    conditions = [Organization.name.like(f"%{text}%", escape="\\")]
    if text.isascii():
        conditions.append(Organization.name_initials.like(f"%{text.lower()}%", escape="\\"))
        conditions.append(Organization.credit_code.like(f"{text.upper()}%", escape="\\"))
    starts = case((Organization.name.like(f"{text}%", escape="\\"), 0), else_=1)
    return query.where(or_(*conditions)).order_by(
        starts, func.length(Organization.name), Organization.name
    )


def search(
    session: Session, fragment: str, *, limit: int, kind: str | None = None
) -> list[Organization]:
    """At most `limit` matching organizations, optionally of one kind."""
    query = matching(fragment)
    if kind:
        query = query.where(Organization.kind == kind)
    return list(session.execute(query.limit(limit)).scalars())
