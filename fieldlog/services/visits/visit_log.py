"""The visit log: pages of visits filtered and sorted in the database, and the filters' choices."""

from __future__ import annotations

from dataclasses import dataclass

from fieldlog.domain.messages import msg
from fieldlog.store.database import Database
from fieldlog.store.repositories import visit_list
from fieldlog.store.repositories.visit_list import (
    SORT_KEYS,
    FilterChoice,
    PageRequest,
    VisitFilter,
    VisitListRow,
    VisitSort,
)

__all__ = [
    "NEWEST_FIRST",
    "SORT_KEYS",
    "FilterChoice",
    "FilterChoices",
    "VisitFilter",
    "VisitListRow",
    "VisitSort",
    "count_matching_visits",
    "filter_choices",
    "visit_page",
]

NEWEST_FIRST = VisitSort()
#: A page larger than this is refused: the log asks for a couple of hundred rows at a time.
MAX_PAGE = 10_000


@dataclass(frozen=True)
class FilterChoices:
    """What the log's member, work group and chain filters offer."""

    members: list[FilterChoice]
    groups: list[FilterChoice]
    chains: list[FilterChoice]


def visit_page(
    db: Database,
    wanted: VisitFilter,
    sort: VisitSort = NEWEST_FIRST,
    offset: int = 0,
    limit: int = 200,
    *,
    after: VisitListRow | None = None,
    from_end: bool = False,
) -> list[VisitListRow]:
    """At most `limit` visits matching `wanted`, in the order of `sort`.

    They start `offset` rows in, or right after the row `after` (read in the same sort), which
    costs the same at any depth; with `from_end` they are the last rows of the log instead.
    """
    if not 0 < limit <= MAX_PAGE:
        raise ValueError(
            msg(
                "visit.page_size",
                "a page holds 1 to {most} visits, not {limit}",
                most=format(MAX_PAGE, ","),
                limit=limit,
            )
        )
    key = after.sort_key if after is not None else None
    if after is not None and not key:
        raise ValueError(msg("visit.no_sort_key", "the row to continue after carries no sort key"))
    page = PageRequest(limit=limit, offset=offset, after=key, from_end=from_end)
    with db.read() as session:
        return visit_list.visit_page(session, wanted, sort, page)


def count_matching_visits(db: Database, wanted: VisitFilter, cap: int | None = None) -> int:
    """How many live visits of live organizations match `wanted` (at most `cap`, when given:
    counting a very common search to its end would cost more than showing its first page)."""
    with db.read() as session:
        return visit_list.count_matching_visits(session, wanted, cap)


def filter_choices(db: Database) -> FilterChoices:
    """Live members, work groups and chains, in the order the filters list them."""
    with db.read() as session:
        members, groups, chains = visit_list.filter_choices(session)
    return FilterChoices(members, groups, chains)
