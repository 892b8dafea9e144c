"""Finding organizations by a typed fragment: Chinese substring, pinyin initials, credit code."""

from __future__ import annotations

from sqlalchemy import Select, case, false, func, or_, select
from sqlalchemy.orm import Session

from fieldlog.domain.text import MAX_NAME_LENGTH
from fieldlog.store.collation import bytewise
from fieldlog.store.models import Organization
from fieldlog.store.repositories.common import contains, is_live, starts_with
from fieldlog.store.repositories.search_text import unmatchable


def matching(fragment: str) -> Select[Organization]:
    """Live organizations whose name contains the fragment, whose pinyin initials contain it, or
    whose credit code starts with it; best matches first (name starts with it, then shorter)."""
    stripped = fragment.strip()
    query = select(Organization).where(is_live(Organization))
    if not stripped:
        return query.order_by(Organization.created_at.desc())
    # Names (and so their initials) are at most MAX_NAME_LENGTH characters, credit codes 18: a
    # longer fragment is in none of them, and its LIKE pattern could pass SQLite's 50,000 bytes.
    if unmatchable(stripped) or len(stripped) > MAX_NAME_LENGTH:
        return query.where(false())
    conditions = [contains(Organization.name, stripped)]
    if stripped.isascii():
        conditions.append(contains(Organization.name_initials, stripped.lower()))
        conditions.append(starts_with(Organization.credit_code, stripped.upper()))
    starts = case((starts_with(Organization.name, stripped), 0), else_=1)
    return query.where(or_(*conditions)).order_by(
        starts, func.length(Organization.name), bytewise(Organization.name)
    )


def search(
    session: Session, fragment: str, *, limit: int, kind: str | None = None
) -> list[Organization]:
    """At most `limit` matching organizations, optionally of one kind."""
    query = matching(fragment)
    if kind:
        query = query.where(Organization.kind == kind)
    return list(session.execute(query.limit(limit)).scalars())
