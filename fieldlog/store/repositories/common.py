"""Look-ups every service needs: a live record by id, catalog entries by name."""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, msg
from fieldlog.store.models import CatalogItem, Replicated

R = TypeVar("R", bound=Replicated)


class NotFound(LookupError, ValueError):
    """A record that does not exist or has been deleted."""


#: The records a caller names by a plain word, so the sentence reads whole in every language.
RECORD_NAMES: dict[str, Message] = {
    "project": msg("store.record.project", "project"),
    "organization": msg("store.record.organization", "organization"),
    "member": msg("store.record.member", "member"),
    "visit": msg("store.record.visit", "visit"),
    "contact": msg("store.record.contact", "contact"),
    "chain": msg("store.record.chain", "chain"),
    "chain link": msg("store.record.chain_link", "chain link"),
    "work group": msg("store.record.work_group", "work group"),
    "team": msg("store.record.team", "team"),
}


def _named(what: Message | str) -> Message | str:
    return RECORD_NAMES.get(what, what) if isinstance(what, str) else what


def get_live(
    session: Session, model: type[R], record_id: uuid.UUID | None, what: Message | str
) -> R:
    """The live (not tombstoned) record, or NotFound naming `what`."""
    record = session.get(model, record_id) if record_id is not None else None
    if record is None or record.deleted:
        raise NotFound(
            msg(
                "store.not_live",
                "{what} {id} does not exist or has been deleted",
                what=_named(what),
                id=str(record_id),
            )
        )
    return record


def get_any(session: Session, model: type[R], record_id: uuid.UUID, what: Message | str) -> R:
    """The record, live or tombstoned (to restore it), or NotFound naming `what`."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(
            msg(
                "store.not_found",
                "{what} {id} does not exist",
                what=_named(what),
                id=str(record_id),
            )
        )
    return record


def live(model: type[R]) -> Select[R]:
    """SELECT of the live rows of a model."""
    return select(model).where(model.deleted.is_(False))


def count_live(session: Session, model: type[Replicated]) -> int:
    """How many live rows a table holds."""
    query = select(func.count()).select_from(model).where(model.deleted.is_(False))
    return session.execute(query).scalar_one()


def catalog_entry(session: Session, kind: str, name_or_id: str | uuid.UUID) -> CatalogItem:
    """A live catalog entry of `kind`, by its id or its exact name."""
    query = live(CatalogItem).where(CatalogItem.kind == kind)
    if isinstance(name_or_id, uuid.UUID):
        query = query.where(CatalogItem.id == name_or_id)
    else:
        query = query.where(CatalogItem.name == name_or_id.strip())
    entry = session.execute(query).scalars().first()
    if entry is None:
        raise NotFound(
            msg(
                "store.not_in_catalog",
                "no {kind} {name} in the catalog",
                kind=kind.replace("_", " "),
                name=repr(name_or_id),
            )
        )
    return entry


def catalog_names(session: Session, kind: str) -> list[str]:
    """The names of the live entries of a catalog, in display order."""
    query = (
        select(CatalogItem.name)
        .where(CatalogItem.kind == kind, CatalogItem.deleted.is_(False))
        .order_by(CatalogItem.sort_order, CatalogItem.name)
    )
    return list(session.execute(query).scalars())
