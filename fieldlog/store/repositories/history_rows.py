"""The queries of the change history: a record's changes, its parts, the authors' names."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.store.models import FieldChange, SyncPeer


def peer_names(session: Session) -> dict[str, str]:
    """The member name of every laptop met through sync, by node id."""
    return dict(session.execute(select(SyncPeer.node_id, SyncPeer.member_name)).all())


def parts_of(
    session: Session, model: Any, parent: str, subject: str | None, record_id: uuid.UUID
) -> list[tuple[uuid.UUID, Any]]:
    """The ids of the rows of `model` that belong to the record, each with its subject's id."""
    columns = [model.id, getattr(model, subject or "id")]
    rows = session.execute(select(*columns).where(getattr(model, parent) == record_id))
    return [(row[0], row[1]) for row in rows]


def changes_of(
    session: Session, record_ids: Collection[uuid.UUID], hidden: Collection[str]
) -> list[FieldChange]:
    """The recorded changes of these records (but not of the hidden fields), newest first."""
    query = (
        select(FieldChange)
        .where(FieldChange.record_id.in_(record_ids), FieldChange.field.not_in(hidden))
        .order_by(FieldChange.new_hlc.desc(), FieldChange.id.desc())
    )
    return list(session.execute(query).scalars())


def newest_change(session: Session, record_id: uuid.UUID, field: str) -> int | None:
    """The id of the latest recorded change of one field of one record."""
    query = select(FieldChange.id).where(
        FieldChange.record_id == record_id, FieldChange.field == field
    )
    return session.execute(query.order_by(FieldChange.id.desc()).limit(1)).scalar()
