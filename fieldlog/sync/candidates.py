"""Look-alike organizations without a code to tell them apart: a review list, never merged here.

Live organizations whose names a person would likely call the same one
(`domain.company_names.look_alike`: places, brackets and legal forms set aside, the cores
scored by rapidfuzz) are proposed in pairs, never merged. Each organization is paired with the
earliest (smallest id) of its look-alikes, as the old equal-name rule paired every name with
the earliest of its namesakes: one pair per organization, the same list on every laptop holding
the same organizations. Pairs where both carry valid credit codes are never proposed (equal
codes were merged automatically, different ones are different organizations). A pair a person
dismissed stays dismissed, and the organization pairs with its next earliest look-alike. A pair
still open that the rule no longer proposes (renamed, deleted, an earlier look-alike arrived)
leaves the list. `reason` says "name" for names equal but for spacing, width and brackets
(`text.name_key`), "similar" otherwise.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from fieldlog.domain.company_names import look_alike_pairs
from fieldlog.domain.credit_code import is_valid_credit_code
from fieldlog.domain.ids import pair_id
from fieldlog.domain.text import name_key
from fieldlog.store.models import DuplicateCandidate, Organization

Pair = tuple[uuid.UUID, uuid.UUID]


def _coded(code: str | None) -> bool:
    return bool(code) and is_valid_credit_code(code or "")


def proposed_pairs(
    names: dict[uuid.UUID, str], coded: set[uuid.UUID], decided: set[uuid.UUID]
) -> dict[uuid.UUID, Pair]:
    """The pairs the rule proposes, by pair id: each organization with its earliest look-alike,
    leaving out pairs both coded and pairs a person already decided (`decided`: pair ids)."""
    earliest: dict[uuid.UUID, uuid.UUID] = {}
    for first, second in look_alike_pairs(names):  # sorted: the smallest first wins
        if second in earliest or (first in coded and second in coded):
            continue
        if pair_id(first, second) not in decided:
            earliest[second] = first
    return {pair_id(first, second): (first, second) for second, first in earliest.items()}


def reason_for(first_name: str, second_name: str) -> str:
    """ "name" when the names differ only in spacing, width or brackets, else "similar"."""
    return "name" if name_key(first_name) == name_key(second_name) else "similar"


def refresh_candidates(session: Session, now: datetime) -> int:
    """Bring the review list up to date; returns how many pairs were added."""
    live = session.execute(
        select(Organization.id, Organization.name, Organization.credit_code).where(
            Organization.deleted.is_(False)
        )
    ).all()
    names = {row.id: row.name for row in live}
    coded = {row.id for row in live if _coded(row.credit_code)}
    status = dict(session.execute(select(DuplicateCandidate.id, DuplicateCandidate.status)).all())
    decided = {pair for pair, state in status.items() if state != "open"}
    wanted = proposed_pairs(names, coded, decided)
    stale = sorted(pair for pair, state in status.items() if state == "open" and pair not in wanted)
    if stale:
        session.execute(delete(DuplicateCandidate).where(DuplicateCandidate.id.in_(stale)))
    rows = [
        {
            "id": candidate,
            "first_org_id": first,
            "second_org_id": second,
            "reason": reason_for(names[first], names[second]),
            "status": "open",
            "found_at": now,
        }
        for candidate, (first, second) in sorted(wanted.items(), key=lambda item: item[1])
        if candidate not in status
    ]
    if rows:
        session.execute(insert(DuplicateCandidate), rows)
    return len(rows)
