"""The visit log: pages of visits filtered and sorted in the database, and the filters' choices."""

from __future__ import annotations

from dataclasses import dataclass

from fieldlog.store.database import Database
from fieldlog.store.repositories import visit_list
from fieldlog.store.repositories.visit_list import (
    SORT_KEYS,
    Choice,
    VisitFilter,
    VisitListRow,
    VisitSort,
)

__all__ = [
    "NEWEST_FIRST",
    "SORT_KEYS",
    "Choice",
    "FilterChoices",
    "VisitFilter",
    "VisitListRow",
    "VisitSort",
    "count_visits",
    "filter_choices",
    "visit_page",
]

NEWEST_FIRST = VisitSort()
#: A page larger than this is refused: the log asks for a couple of hundred rows at a time.
MAX_PAGE = 10_000


@dataclass(frozen=True)
class FilterChoices:
    """What the log's member, work group and chain filters offer."""

    members: list[Choice]
    groups: list[Choice]
    chains: list[Choice]


def visit_page(
    db: Database,
    wanted: VisitFilter,
    sort: VisitSort = NEWEST_FIRST,
    offset: int = 0,
    limit: int = 200,
) -> list[VisitListRow]:
    """At most `limit` visits matching `wanted` from `offset`, in the order of `sort`."""
    if not 0 < limit <= MAX_PAGE:
        raise ValueError(f"a page holds 1 to {MAX_PAGE:,} visits, not {limit}")
    with db.read() as session:
        return visit_list.visit_page(session, wanted, sort, offset, limit)


def count_visits(db: Database, wanted: VisitFilter) -> int:
    """How many live visits of live organizations match `wanted`."""
    with db.read() as session:
        return visit_list.count_visits(session, wanted)


def filter_choices(db: Database) -> FilterChoices:
    """Live members, work groups and chains, in the order the filters list them."""
    with db.read() as session:
        members, groups, chains = visit_list.filter_choices(session)
    return FilterChoices(members, groups, chains)
