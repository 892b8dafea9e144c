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

Finding the pairs reads and compares every live organization (~10 s for 200,000 on a loaded
2-core machine, bench/lookalikes.py), so an import that changed no organization and no decision
skips it: `local_state` keeps what the list was last built from.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from fieldlog.domain.company_names import THRESHOLD, look_alike_pairs
from fieldlog.domain.credit_code import is_valid_credit_code
from fieldlog.domain.ids import pair_id
from fieldlog.domain.text import name_key
from fieldlog.store.models import DuplicateCandidate, Organization
from fieldlog.store.stamping import read_state, write_state
from fieldlog.sync import workers

Pair = tuple[uuid.UUID, uuid.UUID]
BUILT_FROM_KEY = "look_alikes_built_from"
#: Raise when the rule proposes other pairs for the same names, so every list is rebuilt.
RULE_VERSION = 2


def _coded(code: str | None) -> bool:
    return bool(code) and is_valid_credit_code(code or "")


def proposed_pairs(
    names: dict[uuid.UUID, str], codes: dict[uuid.UUID, str | None], decided: set[uuid.UUID]
) -> dict[uuid.UUID, Pair]:
    """The pairs the rule proposes, by pair id: each organization with its earliest look-alike,
    leaving out pairs both with valid codes and pairs a person already decided (`decided`: pair
    ids)."""
    # Ids as integers (same order as the UUIDs): 200,000 of them sort and hash ten times faster.
    by_number = {key.int: name for key, name in names.items()}
    earliest: dict[uuid.UUID, uuid.UUID] = {}
    for low, high in look_alike_pairs(by_number):  # sorted: the smallest first wins
        first, second = uuid.UUID(int=low), uuid.UUID(int=high)
        if second in earliest or (_coded(codes[first]) and _coded(codes[second])):
            continue
        if pair_id(first, second) not in decided:
            earliest[second] = first
    return {pair_id(first, second): (first, second) for second, first in earliest.items()}


def reason_for(first_name: str, second_name: str) -> str:
    """ "name" when the names differ only in spacing, width or brackets, else "similar"."""
    return "name" if name_key(first_name) == name_key(second_name) else "similar"


def _built_from(session: Session) -> str:
    """What the list depends on: the rule, the organizations' last change, their number, and
    the number of pairs a person decided."""
    last, count = session.execute(
        select(func.max(Organization.local_seq), func.count()).select_from(Organization)
    ).one()
    decided = session.execute(
        select(func.count()).where(DuplicateCandidate.status != "open")
    ).scalar()
    return f"{RULE_VERSION}:{THRESHOLD}:{last}:{count}:{decided}"


Inputs = tuple[dict[uuid.UUID, str], dict[uuid.UUID, str | None], set[uuid.UUID]]


def _inputs(session: Session) -> tuple[Inputs, dict[uuid.UUID, str]]:
    """What `proposed_pairs` takes (live names, their codes, decided pairs) and every pair's
    status."""
    live = session.execute(
        select(Organization.id, Organization.name, Organization.credit_code).where(
            Organization.deleted.is_(False)
        )
    ).all()
    names = {row.id: row.name for row in live}
    codes = {row.id: row.credit_code for row in live}
    status = dict(session.execute(select(DuplicateCandidate.id, DuplicateCandidate.status)).all())
    decided = {pair for pair, state in status.items() if state != "open"}
    return (names, codes, decided), status


#: Live organizations from which an import finds the look-alike pairs on a worker process
#: while it moves the references to merged organizations (`early_pairs`).
EARLY_ORGS = 1_000


class EarlyPairs:
    """The pairs `proposed_pairs` finds for the organizations as they were when asked, found
    on a worker process (`sync/workers.py`) while the import goes on; `close` ends it."""

    def __init__(self, inputs: Inputs) -> None:
        self._inputs = inputs
        self._workers = workers.Workers(1)
        self._reply = self._workers.submit(("pairs", *inputs))

    def pairs(self, inputs: Inputs) -> dict[uuid.UUID, Pair] | None:
        """The pairs, when `inputs` are still those it was given and the worker answered."""
        if inputs != self._inputs:
            return None
        reply = self._reply.result()
        return reply if isinstance(reply, dict) else None

    def close(self) -> None:
        """End the worker (whether or not its pairs were taken)."""
        self._workers.close()


def early_pairs(session: Session) -> EarlyPairs | None:
    """Start finding the pairs on a worker when there are many organizations (None: not)."""
    if not workers.possible():
        return None
    live = session.execute(
        select(func.count()).select_from(Organization).where(Organization.deleted.is_(False))
    ).scalar_one()
    if live < EARLY_ORGS:
        return None
    try:
        return EarlyPairs(_inputs(session)[0])
    except OSError:  # no worker could start: the pairs are found here
        return None


def refresh_candidates(session: Session, now: datetime, early: EarlyPairs | None = None) -> int:
    """Bring the review list up to date; returns how many pairs were added. `early` may hold
    the pairs found already (taken only when the organizations and decisions are the same)."""
    built_from = _built_from(session)
    if read_state(session, BUILT_FROM_KEY) == built_from:
        return 0
    write_state(session, BUILT_FROM_KEY, built_from)
    inputs, status = _inputs(session)
    names, codes, decided = inputs
    wanted = early.pairs(inputs) if early is not None else None
    if wanted is None:
        wanted = proposed_pairs(names, codes, decided)
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
