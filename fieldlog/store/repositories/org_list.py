"""The organization directory: a filtered, sorted page of organizations, and one record's detail.

Functions receive a session and never commit; tombstones are hidden. Filtering, sorting and
paging run in SQL so the directory stays quick with 200,000 organizations (SPEC §8).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from fieldlog.domain.messages import msg
from fieldlog.domain.stages import BY_CODE
from fieldlog.store.collation import bytewise
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    ChainLink,
    Contact,
    Member,
    Organization,
    OrgTag,
    Project,
    StageEvent,
    Visit,
    VisitVisitor,
)
from fieldlog.store.repositories.common import live_join
from fieldlog.store.repositories.org_search import matching

#: The columns the directory can be sorted by.
SORT_KEYS = (
    "name",
    "kind",
    "credit_code",
    "chain",
    "region",
    "tags",
    "target",
    "visits",
    "last_visit",
)


@dataclass(frozen=True)
class OrgFilter:
    """What the directory shows: a search fragment and optional kind/tag/chain/target filters."""

    text: str = ""
    kind: str | None = None
    tag_id: uuid.UUID | None = None
    chain_id: uuid.UUID | None = None
    is_target: bool | None = None


@dataclass(frozen=True)
class OrgListRow:
    """One line of the directory; kind as its code, tags in catalog order."""

    id: uuid.UUID
    name: str
    kind: str
    credit_code: str | None
    chain: str | None
    region: str
    tags: tuple[str, ...]
    is_target: bool
    visits: int
    last_visit: date | None


def _live_visits(org: Any) -> Any:
    return and_(Visit.org_id == org, Visit.deleted.is_(False))


def _visit_count() -> Any:
    # count(*), not count(id): an index on (org_id, deleted) answers it without the table.
    query = select(func.count()).select_from(Visit).where(_live_visits(Organization.id))
    return query.correlate(Organization).scalar_subquery()


def _last_visit() -> Any:
    query = select(func.max(Visit.visited_on)).where(_live_visits(Organization.id))
    return query.correlate(Organization).scalar_subquery()


def _best_tag() -> Any:
    """The catalog position of the organization's most notable tag (世界500强 before 专精特新)."""
    query = (
        select(func.min(CatalogItem.sort_order))
        .join(OrgTag, and_(OrgTag.tag_id == CatalogItem.id, OrgTag.deleted.is_(False)))
        .where(OrgTag.org_id == Organization.id, CatalogItem.deleted.is_(False))
    )
    return query.correlate(Organization).scalar_subquery()


def _filtered(query: Select[Any], where: OrgFilter) -> Select[Any]:
    # The type-ahead's own conditions (Chinese fragment, pinyin initials, code prefix), reused.
    condition = matching(where.text).whereclause
    assert condition is not None  # matching() always hides tombstones
    query = query.where(condition)
    if where.kind:
        query = query.where(Organization.kind == where.kind)
    if where.chain_id is not None:
        query = query.where(Organization.chain_id == where.chain_id)
    if where.is_target is not None:
        query = query.where(Organization.is_target.is_(where.is_target))
    if where.tag_id is not None:
        tagged = select(OrgTag.org_id).where(
            OrgTag.tag_id == where.tag_id, OrgTag.deleted.is_(False)
        )
        query = query.where(Organization.id.in_(tagged))
    return query


def _sort_column(key: str) -> Any:
    columns: dict[str, Any] = {
        "name": bytewise(Organization.name_initials),
        "kind": bytewise(Organization.kind),
        "credit_code": bytewise(Organization.credit_code),
        "chain": bytewise(Chain.name),
        "region": bytewise(func.nullif(Organization.region, "")),
        "tags": _best_tag(),
        "target": Organization.is_target,
        "visits": _visit_count(),
        "last_visit": _last_visit(),
    }
    if key not in columns:
        raise ValueError(
            msg("store.org_sort_key", "cannot sort organizations by {key}", key=repr(key))
        )
    return columns[key]


#: Sort keys that can be blank; blanks go last in both directions.
_BLANKABLE = frozenset({"credit_code", "chain", "region", "tags", "last_visit"})


def _page_ids(
    session: Session, where: OrgFilter, sort: str, descending: bool, offset: int, limit: int
) -> list[uuid.UUID]:
    column = _sort_column(sort)
    order = column.desc() if descending else column.asc()
    if sort in _BLANKABLE:
        order = order.nulls_last()
    query = _filtered(select(Organization.id), where)
    if sort == "chain":
        query = query.outerjoin(Chain, live_join(Chain, Organization.chain_id))
    # Name and id break ties, so pages neither overlap nor leave gaps.
    query = query.order_by(order, bytewise(Organization.name), Organization.id)
    return list(session.execute(query.offset(offset).limit(limit)).scalars())


def org_page(
    session: Session,
    where: OrgFilter,
    *,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[OrgListRow]:
    """One page of matching organizations in a stable order."""
    # Two steps: SQLite would compute the visit figures for every skipped row of an OFFSET.
    ids = _page_ids(session, where, sort, descending, offset, limit)
    query = (
        select(
            Organization.id,
            Organization.name,
            Organization.kind,
            Organization.credit_code,
            Chain.name,
            Organization.region,
            Organization.is_target,
            _visit_count(),
            _last_visit(),
        )
        .outerjoin(Chain, live_join(Chain, Organization.chain_id))
        .where(Organization.id.in_(ids))
    )
    found = {row[0]: row for row in session.execute(query)}
    tags = tag_names(session, ids)
    return [
        OrgListRow(oid, name, kind, code, chain, region, tuple(tags.get(oid, ())), target, n, last)
        for oid, name, kind, code, chain, region, target, n, last in (found[i] for i in ids)
    ]


def org_count(session: Session, where: OrgFilter) -> int:
    """How many organizations the filter shows."""
    query = _filtered(select(func.count(Organization.id)), where)
    return session.execute(query).scalar_one()


def tag_names(session: Session, org_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """The live tags of these organizations, in catalog order."""
    query = (
        select(OrgTag.org_id, CatalogItem.name)
        .join(CatalogItem, live_join(CatalogItem, OrgTag.tag_id))
        .where(OrgTag.deleted.is_(False), OrgTag.org_id.in_(org_ids))
        .order_by(CatalogItem.sort_order, bytewise(CatalogItem.name))
    )
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    for org_id, name in session.execute(query):
        found[org_id].append(name)
    return found


def chain_names(session: Session, org: Organization) -> tuple[str | None, str | None]:
    """The names of the organization's chain and link (None when unset or deleted)."""
    chain = session.get(Chain, org.chain_id) if org.chain_id else None
    link = session.get(ChainLink, org.link_id) if org.link_id else None
    return (
        chain.name if chain and not chain.deleted else None,
        link.name if link and not link.deleted else None,
    )


def live_contacts(session: Session, org_id: uuid.UUID) -> list[Contact]:
    """The organization's live contacts, first entered first."""
    query = select(Contact).where(Contact.org_id == org_id, Contact.deleted.is_(False))
    return list(session.execute(query.order_by(Contact.created_at, Contact.id)).scalars())


def visit_history(session: Session, org_id: uuid.UUID) -> list[tuple[Any, ...]]:
    """(id, date, kind name, summary) of the organization's live visits, newest first."""
    kind = aliased(CatalogItem)
    query = (
        select(Visit.id, Visit.visited_on, kind.name, Visit.summary)
        .outerjoin(kind, live_join(kind, Visit.kind_id))
        .where(_live_visits(org_id))
        .order_by(Visit.visited_on.desc(), Visit.created_at.desc(), Visit.id)
    )
    return [tuple(row) for row in session.execute(query)]


def visitor_names(session: Session, visit_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """The live members on each of these visits, by name."""
    query = (
        select(VisitVisitor.visit_id, Member.name)
        .join(Member, live_join(Member, VisitVisitor.member_id))
        .where(VisitVisitor.deleted.is_(False), VisitVisitor.visit_id.in_(visit_ids))
        .order_by(bytewise(Member.name))
    )
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    for visit_id, name in session.execute(query):
        found[visit_id].append(name)
    return found


def investor_projects(session: Session, org_id: uuid.UUID) -> list[tuple[Any, ...]]:
    """(id, name, contract yuan, signing date) of the live projects the organization invests in."""
    query = (
        select(Project.id, Project.name, Project.contract_yuan, Project.signed_on)
        .where(Project.investor_id == org_id, Project.deleted.is_(False))
        .order_by(Project.created_at, Project.id)
    )
    return [tuple(row) for row in session.execute(query)]


def latest_stages(session: Session, project_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Each project's current stage code: that of its latest live stage event of a known stage,
    else (only a newer FieldLog's stages) that of its latest event."""
    query = (
        select(StageEvent.project_id, StageEvent.stage)
        .where(StageEvent.deleted.is_(False), StageEvent.project_id.in_(project_ids))
        .order_by(StageEvent.occurred_on, StageEvent.hlc)
    )
    latest: dict[uuid.UUID, str] = {}
    for project_id, stage in session.execute(query):  # later events overwrite earlier ones
        if stage in BY_CODE or latest.get(project_id) not in BY_CODE:
            latest[project_id] = stage
    return latest


def chain_choices(session: Session) -> list[tuple[uuid.UUID, str]]:
    """Live chains in display order."""
    query = (
        select(Chain.id, Chain.name)
        .where(Chain.deleted.is_(False))
        .order_by(Chain.sort_order, bytewise(Chain.name))
    )
    return [(cid, name) for cid, name in session.execute(query)]


def link_choices(session: Session) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """(chain id, link id, name) of every live link, in display order."""
    query = (
        select(ChainLink.chain_id, ChainLink.id, ChainLink.name)
        .where(ChainLink.deleted.is_(False))
        .order_by(ChainLink.chain_id, ChainLink.sort_order, bytewise(ChainLink.name))
    )
    return [(chain, link, name) for chain, link, name in session.execute(query)]


def tag_choices(session: Session) -> list[tuple[uuid.UUID, str]]:
    """Live organization tags in catalog order."""
    query = (
        select(CatalogItem.id, CatalogItem.name)
        .where(CatalogItem.kind == "org_tag", CatalogItem.deleted.is_(False))
        .order_by(CatalogItem.sort_order, bytewise(CatalogItem.name))
    )
    return [(tid, name) for tid, name in session.execute(query)]
