"""What opening a workspace asks of the database: which shipped rows are there, adding one, and
whether anything has been entered yet.

Functions receive a session and never commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from fieldlog.store.models import Replicated


def present_ids(session: Session, models: Iterable[type[Replicated]]) -> set[object]:
    """The ids of every row of these tables, tombstones included (a deleted default stays)."""
    present: set[object] = set()
    for model in models:
        present |= set(session.execute(select(model.id)).scalars())
    return present


def insert_row(session: Session, model: type[Replicated], row: dict[str, object]) -> None:
    """Write a row exactly as given (metadata included), bypassing the ORM's stamping."""
    session.execute(insert(model).values(**row))


def has_live_row(session: Session, model: type[Replicated]) -> bool:
    """Whether the table holds at least one live row."""
    query = select(model.id).where(model.deleted.is_(False)).limit(1)
    return session.execute(query).first() is not None
