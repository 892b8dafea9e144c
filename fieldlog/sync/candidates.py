"""Look-alike organizations without a code to tell them apart: a review list, never merged here.

Live organizations with the same name key (`domain.text.name_key`: case, width, spaces and
brackets folded) are paired with the earliest of them, unless both carry valid credit codes
(then the codes decide: equal codes were merged automatically, different ones are different
organizations). A pair a person dismissed stays dismissed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from fieldlog.domain.credit_code import is_valid_credit_code
from fieldlog.domain.ids import pair_id
from fieldlog.store.models import DuplicateCandidate, Organization


def _coded(code: str | None) -> bool:
    return bool(code) and is_valid_credit_code(code or "")


def refresh_candidates(session: Session, now: datetime) -> int:
    """Add look-alike pairs not yet on the list; returns how many were added."""
    live = Organization.deleted.is_(False)
    keys = session.execute(
        select(Organization.name_key)
        .where(live, Organization.name_key != "")
        .group_by(Organization.name_key)
        .having(func.count() > 1)
    ).scalars()
    known = set(session.execute(select(DuplicateCandidate.id)).scalars())
    added = 0
    for key in sorted(keys):
        query = select(Organization.id, Organization.credit_code).where(
            live, Organization.name_key == key
        )
        (first, first_code), *others = sorted(session.execute(query))
        for other, code in others:
            candidate = pair_id(first, other)
            if candidate in known or (_coded(first_code) and _coded(code)):
                continue
            session.execute(
                insert(DuplicateCandidate).values(
                    id=candidate,
                    first_org_id=first,
                    second_org_id=other,
                    reason="name",
                    status="open",
                    found_at=now,
                )
            )
            known.add(candidate)
            added += 1
    return added
