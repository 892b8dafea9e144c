"""What every repository shares: the live-rows rule, text and period conditions, and the
look-ups every service needs (a live record by id, catalog entries by name).

A row is live while its tombstone (`deleted`) is unset; a deleted row is hidden everywhere, and
a name joined from a deleted record shows as blank. Written once here, in the manner of a
repository base class with soft deletion, so that every screen hides the same rows.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, msg
from fieldlog.domain.period import Period
from fieldlog.store.collation import bytewise
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


def is_live(model: Any) -> ColumnElement[bool]:
    """The row of `model` (a model or an alias of one) is live: its tombstone is unset."""
    condition: ColumnElement[bool] = model.deleted.is_(False)
    return condition


def live_join(model: Any, key: Any) -> ColumnElement[bool]:
    """Join condition to the live row of `model` (a model or an alias) whose id is `key`.

    In an outer join a deleted record then reads as NULL: its name shows as blank.
    """
    return and_(model.id == key, is_live(model))


def live(model: type[R]) -> Select[R]:
    """SELECT of the live rows of a model."""
    return select(model).where(is_live(model))


#: The escape character of every LIKE pattern built here.
LIKE_ESCAPE = "\\"


def escape_like(text: str) -> str:
    """`text` with LIKE's wildcards (% and _) and the escape character taken literally."""
    return (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )


def contains(column: Any, text: str) -> ColumnElement[bool]:
    """`column` holds `text` as typed (a % or _ in it is no wildcard)."""
    condition: ColumnElement[bool] = column.like(f"%{escape_like(text)}%", escape=LIKE_ESCAPE)
    return condition


def starts_with(column: Any, text: str) -> ColumnElement[bool]:
    """`column` begins with `text` as typed (a % or _ in it is no wildcard)."""
    condition: ColumnElement[bool] = column.like(f"{escape_like(text)}%", escape=LIKE_ESCAPE)
    return condition


def between(column: Any, first: date | None, last: date | None) -> list[ColumnElement[bool]]:
    """Conditions keeping `column` from `first` to `last`, both included; None: no bound there."""
    conditions: list[ColumnElement[bool]] = []
    if first is not None:
        conditions.append(column >= first)
    if last is not None:
        conditions.append(column <= last)
    return conditions


def in_period(column: Any, period: Period) -> list[ColumnElement[bool]]:
    """Conditions keeping the dates of `column` inside `period` (inclusive, as SPEC §3.5 counts;
    none for an open end)."""
    return between(column, period.start, period.end)


def count_live(session: Session, model: type[Replicated]) -> int:
    """How many live rows a table holds."""
    query = select(func.count()).select_from(model).where(is_live(model))
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
        .where(CatalogItem.kind == kind, is_live(CatalogItem))
        .order_by(CatalogItem.sort_order, bytewise(CatalogItem.name))
    )
    return list(session.execute(query).scalars())
