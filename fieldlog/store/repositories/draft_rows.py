"""Drafts of forms not yet saved: read, replace, delete, list.

Plain statements, never the unit of work: a draft is no record of the data, so writing one draws
no clock reading, stamps nothing and leaves no history. Functions receive a session and never
commit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from fieldlog.store.models import Draft


def draft_fields(session: Session, key: str) -> tuple[dict[str, Any], datetime] | None:
    """The fields stored under `key` and when they were saved, or None."""
    row = session.execute(select(Draft.fields, Draft.saved_at).where(Draft.key == key)).first()
    return None if row is None else (row[0], row[1])


def put_draft(session: Session, key: str, fields: dict[str, Any], saved_at: datetime) -> None:
    """Store `fields` under `key`, replacing what was there."""
    values = {"fields": fields, "saved_at": saved_at}
    done = session.execute(update(Draft).where(Draft.key == key).values(**values))
    if done.rowcount == 0:  # type: ignore[attr-defined]
        session.execute(insert(Draft).values(key=key, **values))


def delete_draft(session: Session, key: str) -> None:
    """Delete the draft under `key` (nothing happens when there is none)."""
    session.execute(delete(Draft).where(Draft.key == key))


def draft_list(session: Session) -> list[tuple[str, datetime]]:
    """Every draft's key and when it was saved, newest first."""
    query = select(Draft.key, Draft.saved_at).order_by(Draft.saved_at.desc(), Draft.key)
    return [(key, saved_at) for key, saved_at in session.execute(query)]
