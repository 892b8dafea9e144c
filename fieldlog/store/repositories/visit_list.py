"""The visit log: one page of visits for a filter and a sort, and how many match.

Everything runs in SQL (filter, sort and a keyset seek), so a log over a million visits never
loads more than a page. Live visits of live organizations only, as the counting rules count them.
The visit id ends every ordering, so pages are stable: fetching every page gives each row once.
The text search reads the bigram index on SQLite (fieldlog.store.search_index) and the GIN index
of characters and bigrams on PostgreSQL (fieldlog.store.server_search): the same visits either
way; another engine gets LIKE.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, false, func, literal_column, or_, select
from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.domain.period import Period
from fieldlog.store import search_index, server_search
from fieldlog.store.collation import bytewise
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    Member,
    Organization,
    Visit,
    VisitVisitor,
    WorkGroup,
)
from fieldlog.store.repositories import visit_keyset
from fieldlog.store.repositories.common import contains, in_period, is_live, live_join, starts_with
from fieldlog.store.repositories.search_text import unmatchable
from fieldlog.store.visit_rows import FULL_SUMMARY_CHARS, VISITOR_SEPARATOR, first_line
from fieldlog.store.visit_rows import VisitListRow as VisitListRow  # the log's rows, from here too

#: The keys `VisitSort` accepts, in the order of the log's columns.
SORT_KEYS = ("date", "organization", "kind", "chain", "intent", "follow_up")
#: From this many index hits on, a search walks the log in order instead of sorting its hits.
COMMON_HITS = 2000
#: From this many on, the walk asks the index about each visit rather than listing the hits.
#: Measured at 1,000,000 visits: 230,464 hits list in 83 ms against 253 ms asking (a
#: three-character word); 487,762 in 108 ms against 53; 790,104 in 121 against 20.
FREQUENT_HITS = 300_000
#: A common fragment's page is first looked for among at most this many visits at the head of
#: the log (in the page's order), each matched by LIKE on its own texts, when the fragment's
#: newest hits promise twice a page there: no listing or counting of its hits. Measured at
#: 1,000,000 visits (生产基, 230,464 hits): 66 ms the index's way, 13 ms this way.
PROBE_ROWS = 4000
#: Fragments longer than this skip the probe (a LIKE pattern has a length limit).
PROBE_CHARS = 100


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
            raise ValueError(
                msg(
                    "store.visit_sort_key",
                    "unknown sort key {key}; use one of {keys}",
                    key=repr(self.key),
                    keys=", ".join(SORT_KEYS),
                )
            )


def _like_condition(text: str) -> ColumnElement[bool]:
    # The same match as the organization search, so both boxes find alike.
    conditions = [contains(Organization.name, text), contains(Visit.summary, text)]
    if text.isascii():
        conditions.append(contains(Organization.name_initials, text.lower()))
        conditions.append(starts_with(Organization.credit_code, text.upper()))
    return or_(*conditions)


def _indexed_condition(session: Session, fragment: str, ordered: bool) -> ColumnElement[bool]:
    """The same match as the LIKEs, answered by the bigram index (SQLite), and by LIKE over the
    few summaries longer than the index covers."""
    beyond = literal_column("visit.rowid").in_(search_index.long_summary_rowids(fragment))
    return or_(_index_condition(session, fragment, ordered), beyond)


def _index_condition(session: Session, fragment: str, ordered: bool) -> ColumnElement[bool]:
    found = search_index.matching_rowids(fragment)
    if not ordered:
        return literal_column("visit.rowid").in_(found)
    hits: int = session.execute(search_index.capped_count(fragment, FREQUENT_HITS)).scalar_one()
    if hits < COMMON_HITS:
        # Few matches: read them through the index, then sort them.
        return literal_column("visit.rowid").in_(found)
    if hits < FREQUENT_HITS:
        # Many: walk the log in its order and keep the matches; a page fills after a short walk.
        return literal_column("+visit.rowid").in_(found)
    # A large part of the log: listing every match costs more than asking the index about each
    # visit the walk passes, and the walk is short.
    return exists(found.where(search_index.visit_search.c.rowid == literal_column("visit.rowid")))


def _text_condition(session: Session, fragment: str, ordered: bool) -> ColumnElement[bool] | None:
    text = fragment.strip()
    if not text:
        return None
    if unmatchable(text):
        return false()
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return _indexed_condition(session, text, ordered)
    if dialect == "postgresql":
        return server_search.condition(session, text, ordered, COMMON_HITS)
    return _like_condition(text)


def _visited_by(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """The visit has a live visitor meeting the conditions."""
    # The few live members in scope are listed once; each visit of the period (read in the
    # log's order from its narrow index) is then checked by one seek in (visit, deleted,
    # member). Starting from the members' visits instead reads a wide visit row per visit.
    members = select(Member.id).where(Member.deleted.is_(False), *conditions)
    return exists().where(
        VisitVisitor.visit_id == Visit.id,
        VisitVisitor.deleted.is_(False),
        VisitVisitor.member_id.in_(members),
    )


def _conditions(session: Session, wanted: VisitFilter, ordered: bool) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        is_live(Visit),
        is_live(Organization),
        *in_period(Visit.visited_on, wanted.period),
    ]
    if wanted.member_id is not None:
        conditions.append(_visited_by(Member.id == wanted.member_id))
    if wanted.group_id is not None:
        conditions.append(_visited_by(Member.group_id == wanted.group_id))
    if wanted.chain_id is not None:
        conditions.append(Visit.chain_id == wanted.chain_id)
    if wanted.org_kind:
        conditions.append(Organization.kind == wanted.org_kind)
    text = _text_condition(session, wanted.text, ordered)
    if text is not None:
        conditions.append(text)
    return conditions


def _filtered(
    session: Session, query: Select[Any], wanted: VisitFilter, ordered: bool = True
) -> Select[Any]:
    """The query over the matching visits; `ordered` when it reads them in the log's order."""
    joined = query.join(Organization, Organization.id == Visit.org_id)
    return joined.where(*_conditions(session, wanted, ordered))


def _with_names(query: Select[Any]) -> Select[Any]:
    """Join the visit's kind and chain (live ones only; a deleted one shows as blank)."""
    return query.outerjoin(CatalogItem, live_join(CatalogItem, Visit.kind_id)).outerjoin(
        Chain, live_join(Chain, Visit.chain_id)
    )


def _page_order(sort: VisitSort, page: PageRequest) -> list[visit_keyset.Term]:
    order = visit_keyset.terms(sort.key, sort.descending)
    return visit_keyset.reversed_terms(order) if page.from_end else order


def _in_order(
    query: Select[Any], sort: VisitSort, page: PageRequest, order: list[visit_keyset.Term]
) -> Select[Any]:
    """`query` with the sort's names joined, past the page's `after` row, in the page's order."""
    if sort.key in ("kind", "chain"):
        query = _with_names(query)
    if page.after is not None:
        query = query.where(visit_keyset.after(order, page.after))
    return query.order_by(*visit_keyset.order_by(order))


def _page_keys(
    session: Session, wanted: VisitFilter, sort: VisitSort, page: PageRequest
) -> Select[Any]:
    # Only ids and sort keys go through the sort: a million rows sort fast without summaries.
    order = _page_order(sort, page)
    query = _filtered(session, select(*(column for column, _ in order)), wanted)
    query = _in_order(query, sort, page, order)
    return query.offset(max(page.offset, 0)).limit(page.limit)


def _probed_keys(
    session: Session, wanted: VisitFilter, sort: VisitSort, page: PageRequest
) -> list[tuple[Any, ...]] | None:
    """The page's keys when a common fragment fills it among the first PROBE_ROWS visits of
    the page's order (matched by LIKE, the index's own match); None: look the usual way.

    Exact: the visits probed are a prefix of the order (every other condition applied), so
    a full page found among them is the page. A fragment with few hits is not probed (the
    index lists them at once), nor is one the probe could not fill a page from.
    """
    text = wanted.text.strip()
    if (
        not text
        or len(text) > PROBE_CHARS
        or unmatchable(text)
        or session.get_bind().dialect.name != "sqlite"
        or page.offset < 0
    ):
        return None
    hits, lowest = session.execute(search_index.newest_hits(text, COMMON_HITS)).one()
    if hits < COMMON_HITS:
        return None
    # The density of the newest hits (by rowid, which follows entry) estimates how far into
    # the log a page of matches lies; a wrong estimate costs time, never a wrong page.
    rowid: ColumnElement[int] = literal_column("visit.rowid")
    highest = session.execute(select(func.max(rowid)).select_from(Visit)).scalar_one()
    density = hits / max(1, int(highest or 0) - int(lowest or 0) + 1)
    needed = int(2 * (page.offset + page.limit) / density) + 1
    if needed > PROBE_ROWS:
        return None
    rest = replace(wanted, text="")
    order = _page_order(sort, page)
    head = _in_order(_filtered(session, select(rowid).select_from(Visit), rest), sort, page, order)
    query = _filtered(session, select(*(column for column, _ in order)), rest)
    query = query.where(rowid.in_(head.limit(needed)), _like_condition(text))
    query = _in_order(query, sort, page, order).offset(page.offset).limit(page.limit)
    keys = [tuple(row) for row in session.connection().execute(query)]
    return keys if len(keys) == page.limit else None


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
        .order_by(VisitVisitor.visit_id, bytewise(Member.name))
    )
    names: dict[uuid.UUID, list[str]] = {}
    for visit_id, name in session.connection().execute(query):
        names.setdefault(visit_id, []).append(name)
    return {visit_id: VISITOR_SEPARATOR.join(found) for visit_id, found in names.items()}


@dataclass(frozen=True)
class PageRequest:
    """Which page: `limit` rows from `offset`, after the row whose sort key is `after` (when
    given), counted from the end of the log when `from_end` (the rows still come in order)."""

    limit: int
    offset: int = 0
    after: tuple[Any, ...] | None = None
    from_end: bool = False


def visit_page(
    session: Session, wanted: VisitFilter, sort: VisitSort, page: PageRequest
) -> list[VisitListRow]:
    """The visits of `page` that match, in the sort's order."""
    # Through the session's connection: plain rows, without the ORM's loading of each.
    connection = session.connection()
    keys = _probed_keys(session, wanted, sort, page)
    if keys is None:
        keys = [tuple(row) for row in connection.execute(_page_keys(session, wanted, sort, page))]
    if page.from_end:
        keys.reverse()
    ids = [key[-1] for key in keys]
    details = {row[0]: row for row in connection.execute(_details(ids))} if ids else {}
    visitors = _visitor_names(session, ids)
    return [_row(details[key[-1]], visitors.get(key[-1], ""), key) for key in keys]


def _row(row: Any, visitors: str, key: tuple[Any, ...]) -> VisitListRow:
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
        sort_key=key,
    )


def count_matching_visits(session: Session, wanted: VisitFilter, cap: int | None = None) -> int:
    """How many visits match the filter, counting no further than `cap` when given."""
    if cap is None:
        query = _filtered(session, select(func.count()).select_from(Visit), wanted, False)
        return int(session.execute(query).scalar_one())
    # Read as the first page is (a common word walks the log's narrow index until the cap,
    # rather than reading the wide row of each of its hits).
    order = visit_keyset.order_by(visit_keyset.terms("date", True))
    found = _filtered(session, select(Visit.id), wanted).order_by(*order).limit(cap).subquery()
    return int(session.execute(select(func.count()).select_from(found)).scalar_one())


@dataclass(frozen=True)
class FilterChoice:
    """A record a filter can pick: its id and name."""

    id: uuid.UUID
    name: str


def _choices(session: Session, model: Any, *order: Any) -> list[FilterChoice]:
    query = select(model.id, model.name).where(model.deleted.is_(False)).order_by(*order)
    return [FilterChoice(record_id, name) for record_id, name in session.execute(query)]


def filter_choices(
    session: Session,
) -> tuple[list[FilterChoice], list[FilterChoice], list[FilterChoice]]:
    """Live members (by name), work groups and chains (in display order) for the filters."""
    return (
        _choices(session, Member, bytewise(Member.name)),
        _choices(session, WorkGroup, WorkGroup.sort_order, bytewise(WorkGroup.name)),
        _choices(session, Chain, Chain.sort_order, bytewise(Chain.name)),
    )
