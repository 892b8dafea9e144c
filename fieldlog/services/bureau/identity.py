"""Which enterprise each team's record is, across teams: one credit code, or look-alikes the
bureau confirmed (SPEC §9).

Two teams keep two records of an enterprise both work with. With one credit code they are the same
enterprise at once. Without a code (or with one on only one side), names that look alike are
proposed (`candidates`) and the bureau decides (`decide`): the same enterprise, or not. Confirmed
records share one key (`OrgIdentity`: the credit code one of them has, else the smallest id of the
group), which the bureau's total and its overlaps both use, so an enterprise confirmed the same
counts once and is flagged once. A pair decided "not the same" is never proposed again.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from fieldlog.domain.company_names import look_alike_pairs
from fieldlog.domain.credit_code import is_valid_credit_code
from fieldlog.domain.messages import msg
from fieldlog.services.bureau.bureau import require_bureau
from fieldlog.services.errors import InvalidInput
from fieldlog.store.database import Database
from fieldlog.store.repositories import bureau_rows


@dataclass(frozen=True)
class Candidate:
    """Two teams' records whose names look alike, to be decided by the bureau."""

    first_id: uuid.UUID
    first_name: str
    first_team: str
    second_id: uuid.UUID
    second_name: str
    second_team: str


def _ordered(a: uuid.UUID, b: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    return (a, b) if a.hex < b.hex else (b, a)


class _Groups:
    """Union-find over organization ids."""

    def __init__(self) -> None:
        self.parent: dict[uuid.UUID, uuid.UUID] = {}

    def find(self, item: uuid.UUID) -> uuid.UUID:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[item] = root
        return root

    def join(self, a: uuid.UUID, b: uuid.UUID) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            keep, other = (ra, rb) if ra.hex < rb.hex else (rb, ra)
            self.parent[other] = keep


def refresh_identity(session: Session) -> None:
    """Rewrite `OrgIdentity` from the confirmed pairs (and the codes their groups hold)."""
    groups = _Groups()
    for first, second in bureau_rows.confirmed_pairs(session):
        groups.join(first, second)
    members: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for org in list(groups.parent):
        members[groups.find(org)].append(org)
    codes = bureau_rows.codes_of(session, list(groups.parent))
    rows = []
    for root, orgs in members.items():
        valid = sorted(c for o in orgs if (c := codes.get(o)) and is_valid_credit_code(c))
        key = valid[0] if valid else f"same:{root.hex}"
        rows += [{"org_id": org, "key": key} for org in orgs]
    bureau_rows.replace_identities(session, rows)


def decide(db: Database, first: uuid.UUID, second: uuid.UUID, *, same: bool) -> None:
    """Record the bureau's decision on two records (the same enterprise or not)."""
    require_bureau(db)
    if first == second:
        raise InvalidInput(msg("bureau.same_record", "those are one record already"))
    a, b = _ordered(first, second)
    with db.begin() as session:
        found = bureau_rows.org_ids(session, [a, b])
        missing = [str(o) for o in (a, b) if o not in found]
        if missing:
            raise InvalidInput(
                msg("bureau.no_such_org", "no organization has the id {id}", id=missing[0])
            )
        bureau_rows.replace_decision(session, a, b, same)
        refresh_identity(session)


def find_org(db: Database, text: str) -> uuid.UUID:
    """An organization by its full id or the end of it (8 hex digits at least)."""
    wanted = text.strip().replace("-", "").lower()
    if len(wanted) < 8:
        raise InvalidInput(
            msg("bureau.short_id", "give at least the last 8 characters of the record's id")
        )
    with db.read() as session:
        ids = [org for org in bureau_rows.org_ids(session) if org.hex.endswith(wanted)]
    if len(ids) != 1:
        raise InvalidInput(msg("bureau.no_such_org", "no organization has the id {id}", id=text))
    return ids[0]


def candidates(db: Database, names_of_teams: dict[uuid.UUID, str] | None = None) -> list[Candidate]:
    """Pairs of live enterprises of different teams whose names look alike, not yet decided and
    not told apart by two different valid credit codes; by the first one's name."""
    require_bureau(db)
    with db.read() as session:
        orgs = bureau_rows.live_enterprises(session)
        teams = bureau_rows.org_teams(session)
        decided = bureau_rows.decided_pairs(session)
        if names_of_teams is None:
            names_of_teams = dict(bureau_rows.team_rows(session))
    return _pairs(orgs, teams, decided, names_of_teams)


def _pairs(
    orgs: Iterable, teams: dict, decided: set, names: dict[uuid.UUID, str]
) -> list[Candidate]:
    rows = {row.id: row for row in orgs}
    found = []
    # The names a person would call one enterprise (domain/company_names.py), compared within
    # blocks, never all pairs of all names.
    for first, second in look_alike_pairs({org: row.name for org, row in rows.items()}):
        a, b = rows[first], rows[second]
        if not set(teams.get(a.id, [])).isdisjoint(teams.get(b.id, [])):
            continue  # one team's own records: the team's review list, not the bureau's
        if a.credit_code and b.credit_code:
            continue  # equal codes are one enterprise already, different ones are not
        if _ordered(a.id, b.id) in decided:
            continue
        team_a = names.get(teams.get(a.id, [None])[0], "")  # type: ignore[arg-type]
        team_b = names.get(teams.get(b.id, [None])[0], "")  # type: ignore[arg-type]
        found.append(Candidate(a.id, a.name, team_a, b.id, b.name, team_b))
    return sorted(found, key=lambda c: (c.first_name, c.second_name, c.first_id.hex))
