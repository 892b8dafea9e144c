"""The team, its work groups, members and home counties, as the team services read them.

Functions receive a session and never commit. Tombstones are left out except where a function
says otherwise (a member may still name a removed county).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldlog.store.collation import bytewise
from fieldlog.store.models import CatalogItem, Member, Team, WorkGroup
from fieldlog.store.repositories.common import live

COUNTY = "county"


def first_team(session: Session) -> Team | None:
    """The team this database belongs to (the first live one created), or None."""
    query = live(Team).order_by(Team.created_at, Team.id).limit(1)
    return session.execute(query).scalars().first()


def members_by_name(session: Session) -> list[Member]:
    """Live members by name."""
    return list(session.execute(live(Member).order_by(bytewise(Member.name))).scalars())


def member_named(session: Session, name: str) -> Member | None:
    """A live member with exactly this name (surrounding spaces ignored), if any."""
    query = live(Member).where(Member.name == name.strip())
    return session.execute(query).scalars().first()


def groups_in_order(session: Session) -> list[WorkGroup]:
    """Live work groups in display order."""
    query = live(WorkGroup).order_by(WorkGroup.sort_order, bytewise(WorkGroup.name))
    return list(session.execute(query).scalars())


def group_columns(session: Session) -> list[Any]:
    """(id, name, sort_order) of the live work groups: columns, not records, because loading
    whole records decodes every field's stamps (the visit dialog asks each time it opens)."""
    query = select(WorkGroup.id, WorkGroup.name, WorkGroup.sort_order).where(
        WorkGroup.deleted.is_(False)
    )
    return list(session.execute(query))


def member_columns(session: Session) -> list[Any]:
    """(id, name, group_id) of the live members, as columns (see `group_columns`)."""
    query = select(Member.id, Member.name, Member.group_id).where(Member.deleted.is_(False))
    return list(session.execute(query))


def live_counties(session: Session) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of the live home counties, in the order the team put them."""
    query = (
        select(CatalogItem.id, CatalogItem.name)
        .where(CatalogItem.kind == COUNTY, CatalogItem.deleted.is_(False))
        .order_by(CatalogItem.sort_order, bytewise(CatalogItem.name))
    )
    return [(item_id, name) for item_id, name in session.execute(query)]


def county_names_by_id(session: Session) -> dict[uuid.UUID, str]:
    """Every home county's name by id, removed ones included."""
    query = select(CatalogItem.id, CatalogItem.name).where(CatalogItem.kind == COUNTY)
    return {item_id: name for item_id, name in session.execute(query)}


def members_first_entered(session: Session) -> list[Member]:
    """Live members, first entered first."""
    query = live(Member).order_by(Member.created_at, Member.id)
    return list(session.execute(query).scalars())


def last_county_order(session: Session) -> int:
    """The largest sort position among the live home counties (0 without any)."""
    query = select(func.max(CatalogItem.sort_order)).where(
        CatalogItem.kind == "county", CatalogItem.deleted.is_(False)
    )
    return session.execute(query).scalar() or 0
