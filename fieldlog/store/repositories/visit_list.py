"""The visit log: one page of visits for a filter and a sort, and how many match.

Everything runs in SQL (filter, sort, offset and limit), so a log over a million visits never
loads more than a page. Live visits of live organizations only, as the counting rules count them.
The visit id ends every ordering, so pages are stable: fetching every page gives each row once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from fieldlog.domain.period import Period
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    Member,
    Organization,
    Visit,
    VisitVisitor,
    WorkGroup,
)

#: The keys `VisitSort` accepts, in the order of the log's columns.
SORT_KEYS = ("date", "organization", "kind", "chain", "intent", "follow_up")
#: How much of a summary a row carries (for a tooltip); the log shows its first line only.
FULL_SUMMARY_CHARS = 1000
SUMMARY_CHARS = 120
VISITOR_SEPARATOR = "、"


@dataclass(frozen=True)
class VisitFilter:
    """Which visits the log shows; None or blank means no restriction."""

    text: str = ""
    period: Period = field(default_factory=Period.all_time)
    member_id: uuid.UUID | None = None
    group_id: uuid.UUID | None = None
    chain_id: uuid.UUID | None = None
    org_kind: str | None = None


@dataclass(frozen=True)
class VisitSort:
    """The order of the log: a key of SORT_KEYS, newest or largest first when descending."""

    key: str = "date"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.key not in SORT_KEYS:
            raise ValueError(f"unknown sort key {self.key!r}; use one of {', '.join(SORT_KEYS)}")


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


def first_line(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first non-blank line of `text`, cut to `limit` characters with an ellipsis."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _escape(text: str) -> str:
    # The same LIKE escaping as the organization search, so both boxes match alike.
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_condition(fragment: str) -> ColumnElement[bool] | None:
    text = _escape(fragment.strip())
    if not text:
        return None
    conditions = [
        Organization.name.like(f"%{text}%", escape="\\"),
        Visit.summary.like(f"%{text}%", escape="\\"),
    ]
    if text.isascii():
        conditions.append(Organization.name_initials.like(f"%{text.lower()}%", escape="\\"))
        conditions.append(Organization.credit_code.like(f"{text.upper()}%", escape="\\"))
    return or_(*conditions)


def _visited_by(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """The visit has a live visitor meeting the conditions."""
    visitors = (
        select(VisitVisitor.visit_id)
        .join(Member, Member.id == VisitVisitor.member_id)
        .where(VisitVisitor.deleted.is_(False), Member.deleted.is_(False), *conditions)
    )
    return Visit.id.in_(visitors)


def _conditions(wanted: VisitFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        Visit.deleted.is_(False),
        Organization.deleted.is_(False),
    ]
    if wanted.period.start is not None:
        conditions.append(Visit.visited_on >= wanted.period.start)
    if wanted.period.end is not None:
        conditions.append(Visit.visited_on <= wanted.period.end)
    if wanted.member_id is not None:
        conditions.append(_visited_by(Member.id == wanted.member_id))
    if wanted.group_id is not None:
        conditions.append(_visited_by(Member.group_id == wanted.group_id))
    if wanted.chain_id is not None:
        conditions.append(Visit.chain_id == wanted.chain_id)
    if wanted.org_kind:
        conditions.append(Organization.kind == wanted.org_kind)
    text = _text_condition(wanted.text)
    if text is not None:
        conditions.append(text)
    return conditions


def _filtered(query: Select[Any], wanted: VisitFilter) -> Select[Any]:
    return query.join(Organization, Organization.id == Visit.org_id).where(*_conditions(wanted))


#: A column to order by: a mapped attribute or an expression.
Sortable = ColumnElement[Any] | InstrumentedAttribute[Any]

_INTENT_RANK = {"strong": 0, "medium": 1, "weak": 2, "none": 3}


def _sort_columns(sort: VisitSort) -> tuple[list[Sortable], bool]:
    """The primary ordering of a sort key (each column ascending), and whether it can be blank."""
    if sort.key == "organization":
        return [Organization.name_initials, Organization.name], False
    if sort.key == "kind":
        return [CatalogItem.sort_order, CatalogItem.name], True
    if sort.key == "chain":
        return [Chain.sort_order, Chain.name], True
    if sort.key == "intent":
        # Strongest first when ascending; a visit without an intent counts as blank.
        return [case(_INTENT_RANK, value=Visit.intent, else_=None)], True
    if sort.key == "follow_up":
        return [Visit.next_follow_up], True
    return [Visit.visited_on], False


def _ordering(sort: VisitSort) -> list[ColumnElement[Any]]:
    """ORDER BY for a sort: its columns with blanks last either way, then newest visit first."""
    columns, nullable = _sort_columns(sort)
    order: list[ColumnElement[Any]] = []
    if nullable:
        order.append(case((columns[0].is_(None), 1), else_=0))
    order.extend(column.desc() if sort.descending else column.asc() for column in columns)
    if sort.key == "date" and not sort.descending:
        return [*order, Visit.id.asc()]
    if sort.key != "date":
        order.append(Visit.visited_on.desc())
    # Ties end on the id (UUIDv7, time-ordered): a total order, so pages never overlap.
    return [*order, Visit.id.desc()]


def _with_names(query: Select[Any]) -> Select[Any]:
    """Join the visit's kind and chain (live ones only; a deleted one shows as blank)."""
    return query.outerjoin(
        CatalogItem, and_(CatalogItem.id == Visit.kind_id, CatalogItem.deleted.is_(False))
    ).outerjoin(Chain, and_(Chain.id == Visit.chain_id, Chain.deleted.is_(False)))


def _page_ids(wanted: VisitFilter, sort: VisitSort, offset: int, limit: int) -> Select[Any]:
    # Only ids go through the sort: a million rows sort fast when they do not carry summaries.
    query = _filtered(select(Visit.id), wanted)
    if sort.key in ("kind", "chain"):
        query = _with_names(query)
    return query.order_by(*_ordering(sort)).offset(max(offset, 0)).limit(limit)


def _details(visit_ids: list[uuid.UUID]) -> Select[Any]:
    columns = (
        Visit.id,
        Visit.visited_on,
        Organization.id,
        Organization.name,
        Organization.kind,
        CatalogItem.name,
        Chain.name,
        Visit.intent,
        func.substr(Visit.summary, 1, FULL_SUMMARY_CHARS),
        Visit.next_follow_up,
    )
    query = select(*columns).join(Organization, Organization.id == Visit.org_id)
    return _with_names(query).where(Visit.id.in_(visit_ids))


def _visitor_names(session: Session, visit_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not visit_ids:
        return {}
    query = (
        select(VisitVisitor.visit_id, Member.name)
        .join(Member, Member.id == VisitVisitor.member_id)
        .where(
            VisitVisitor.visit_id.in_(visit_ids),
            VisitVisitor.deleted.is_(False),
            Member.deleted.is_(False),
        )
        .order_by(VisitVisitor.visit_id, Member.name)
    )
    names: dict[uuid.UUID, list[str]] = {}
    for visit_id, name in session.execute(query):
        names.setdefault(visit_id, []).append(name)
    return {visit_id: VISITOR_SEPARATOR.join(found) for visit_id, found in names.items()}


def visit_page(
    session: Session, wanted: VisitFilter, sort: VisitSort, offset: int, limit: int
) -> list[VisitListRow]:
    """The visits from `offset` (at most `limit`) that match, in the sort's order."""
    ids = list(session.execute(_page_ids(wanted, sort, offset, limit)).scalars())
    details = {row[0]: row for row in session.execute(_details(ids))} if ids else {}
    visitors = _visitor_names(session, ids)
    return [_row(details[visit_id], visitors.get(visit_id, "")) for visit_id in ids]


def _row(row: Any, visitors: str) -> VisitListRow:
    return VisitListRow(
        id=row[0],
        visited_on=row[1],
        org_id=row[2],
        org_name=row[3],
        org_kind=row[4],
        kind_name=row[5] or "",
        visitors=visitors,
        chain_name=row[6] or "",
        intent=row[7] or "",
        summary=first_line(row[8] or ""),
        full_summary=row[8] or "",
        next_follow_up=row[9],
    )


def count_visits(session: Session, wanted: VisitFilter) -> int:
    """How many visits match the filter."""
    query = _filtered(select(func.count()).select_from(Visit), wanted)
    return int(session.execute(query).scalar_one())


@dataclass(frozen=True)
class Choice:
    """A record a filter can pick: its id and name."""

    id: uuid.UUID
    name: str


def _choices(session: Session, model: Any, *order: Any) -> list[Choice]:
    query = select(model.id, model.name).where(model.deleted.is_(False)).order_by(*order)
    return [Choice(record_id, name) for record_id, name in session.execute(query)]


def filter_choices(session: Session) -> tuple[list[Choice], list[Choice], list[Choice]]:
    """Live members (by name), work groups and chains (in display order) for the filters."""
    return (
        _choices(session, Member, Member.name),
        _choices(session, WorkGroup, WorkGroup.sort_order, WorkGroup.name),
        _choices(session, Chain, Chain.sort_order, Chain.name),
    )
