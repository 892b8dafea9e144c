"""Organizations as saving, merging and reviewing them needs: finding one by credit code or
name, its tag links, aliases and what points at it.

Functions receive a session and never commit. Each says whether tombstones count: tag links and
aliases are returned with them because a save or merge revives a tombstone rather than adding a
second row with the same id.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldlog.domain.text import clean_name, name_key
from fieldlog.store.models import Contact, OrgAlias, Organization, OrgTag, Visit
from fieldlog.store.repositories.common import live


def _earliest_first(*conditions: Any) -> Any:
    query = live(Organization).where(*conditions)
    return query.order_by(Organization.created_at, Organization.id)


def _earliest(session: Session, *conditions: Any) -> Organization | None:
    return session.execute(_earliest_first(*conditions)).scalars().first()


def org_with_code(session: Session, code: str) -> Organization | None:
    """The earliest live organization with this normalized credit code."""
    return _earliest(session, Organization.credit_code == code)


def org_named(session: Session, name: str) -> Organization | None:
    """The earliest live organization whose normalized name matches."""
    return _earliest(session, Organization.name_key == name_key(name))


def orgs_with_name_key(session: Session, key: str) -> list[Organization]:
    """The live organizations with this normalized name, earliest first."""
    return list(session.execute(_earliest_first(Organization.name_key == key)).scalars())


def contact_named(session: Session, org_id: uuid.UUID, name: str) -> Contact | None:
    """The earliest live contact at the organization with this (cleaned) name."""
    query = live(Contact).where(Contact.org_id == org_id, Contact.name == clean_name(name))
    return session.execute(query.order_by(Contact.created_at, Contact.id)).scalars().first()


def earliest_look_alike(session: Session, key: str) -> uuid.UUID | None:
    """The smallest id among the live organizations with this name key (the one every laptop
    pairs a look-alike with)."""
    query = (
        select(Organization.id)
        .where(Organization.deleted.is_(False), Organization.name_key == key)
        .order_by(Organization.id)
        .limit(1)
    )
    return session.execute(query).scalar()


def tag_links(session: Session, org_ids: Collection[uuid.UUID]) -> list[OrgTag]:
    """Every tag link of these organizations, tombstoned ones included."""
    query = select(OrgTag).where(OrgTag.org_id.in_(list(org_ids)))
    return list(session.execute(query).scalars())


def merged_into(session: Session, org_id: uuid.UUID) -> uuid.UUID | None:
    """The organization a live alias says `org_id` was merged into, or None."""
    query = select(OrgAlias.org_id).where(OrgAlias.alias_id == org_id, OrgAlias.deleted.is_(False))
    return session.execute(query).scalars().first()


def aliases_to(session: Session, org_id: uuid.UUID) -> list[OrgAlias]:
    """The live aliases that resolve to `org_id` (records merged into it)."""
    query = select(OrgAlias).where(OrgAlias.org_id == org_id, OrgAlias.deleted.is_(False))
    return list(session.execute(query).scalars())


def count_pointing_at(session: Session, model: Any, column: str, org_id: uuid.UUID) -> int:
    """How many live rows of `model` have `column` equal to `org_id`."""
    query = select(func.count()).where(getattr(model, column) == org_id, model.deleted.is_(False))
    return session.execute(query).scalar_one()


def rows_pointing_at(session: Session, model: Any, column: str, org_id: uuid.UUID) -> list[Any]:
    """The live rows of `model` whose `column` is `org_id`."""
    query = select(model).where(getattr(model, column) == org_id, model.deleted.is_(False))
    return list(session.execute(query).scalars())


def visit_tally(session: Session, org_id: uuid.UUID) -> tuple[int, date | None]:
    """How many live visits the organization has, and the date of the latest."""
    live_visit = (Visit.org_id == org_id) & Visit.deleted.is_(False)
    count, last = session.execute(
        select(func.count(), func.max(Visit.visited_on)).where(live_visit)
    ).one()
    return count, last
