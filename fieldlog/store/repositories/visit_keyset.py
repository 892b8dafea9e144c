"""The visit log's orderings, and keyset seeks: the page after a row, at any depth, in one seek.

A sort is a list of (column, descending) pairs ending on the visit id, a total order. The page
after a row is the rows whose key comes after that row's key in this order, so fetching page
after page gives every row once however deep the log goes (OFFSET would count past every row
before). The same pairs, every direction flipped, read the log from its end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, or_
from sqlalchemy.orm import InstrumentedAttribute

from fieldlog.store.collation import bytewise
from fieldlog.store.models import CatalogItem, Chain, Organization, Visit

#: A column to order by: a mapped attribute or an expression.
Sortable = ColumnElement[Any] | InstrumentedAttribute[Any]
#: One term of an ordering: the column and whether it runs largest first.
Term = tuple[Sortable, bool]

_INTENT_RANK = {"strong": 0, "medium": 1, "weak": 2, "none": 3}


def _sort_columns(key: str) -> tuple[list[Sortable], bool]:
    """The primary ordering of a sort key (each column ascending), and whether it can be blank."""
    if key == "organization":
        return [bytewise(Organization.name_initials), bytewise(Organization.name)], False
    if key == "kind":
        return [CatalogItem.sort_order, bytewise(CatalogItem.name)], True
    if key == "chain":
        return [Chain.sort_order, bytewise(Chain.name)], True
    if key == "intent":
        # Strongest first when ascending; a visit without an intent counts as blank.
        return [case(_INTENT_RANK, value=Visit.intent, else_=None)], True
    if key == "follow_up":
        return [Visit.next_follow_up], True
    return [Visit.visited_on], False


def terms(key: str, descending: bool) -> list[Term]:
    """The ordering of a sort: its columns with blanks last either way, then newest visit first."""
    columns, nullable = _sort_columns(key)
    order: list[Term] = []
    if nullable:
        order.append((case((columns[0].is_(None), 1), else_=0), False))
    order.extend((column, descending) for column in columns)
    if key == "date" and not descending:
        return [*order, (Visit.id, False)]
    if key != "date":
        order.append((Visit.visited_on, True))
    # Ties end on the id (UUIDv7, time-ordered): a total order, so pages never overlap.
    return [*order, (Visit.id, True)]


def reversed_terms(order: Sequence[Term]) -> list[Term]:
    """The same order read from its end."""
    return [(column, not descending) for column, descending in order]


def order_by(order: Sequence[Term]) -> list[ColumnElement[Any]]:
    """ORDER BY clauses for an ordering."""
    return [column.desc() if descending else column.asc() for column, descending in order]


def _beyond(column: Sortable, descending: bool, value: Any) -> ColumnElement[bool]:
    if value is None:
        # Blanks sort as a group of their own, decided by the blank flag before them.
        return false()
    return column < value if descending else column > value


def after(order: Sequence[Term], key: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after the row whose ordering values are `key`."""
    branches = []
    for n, (column, descending) in enumerate(order):
        same = [c.is_not_distinct_from(v) for (c, _), v in zip(order[:n], key, strict=False)]
        branches.append(and_(*same, _beyond(column, descending, key[n])))
    condition = or_(*branches)
    first, descending = order[0]
    if key[0] is None:
        return condition
    # A plain bound on the first column as well, which an index on it can seek to.
    bound = first <= key[0] if descending else first >= key[0]
    return and_(bound, condition)
