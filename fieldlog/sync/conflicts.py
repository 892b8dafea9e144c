"""The conflict log: concurrent writes of one field met on this laptop, kept for review."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from fieldlog.domain.ids import new_id
from fieldlog.store.models import SyncConflict
from fieldlog.sync.merge import Conflict
from fieldlog.sync.rows import encode_value

#: Fields computed from another field (they conflict whenever it does; logged once, with it).
DERIVED_FIELDS = {"organization": frozenset({"name_key", "name_initials"})}


def record_conflicts(
    session: Session, conflicts: Iterable[Conflict], package_id: uuid.UUID, now: datetime
) -> int:
    """Log conflicts not logged before (the same pair may come again in another package)."""
    return _record(session, conflicts, package_id, now)


def record_local_conflicts(session: Session, conflicts: Iterable[Conflict], now: datetime) -> int:
    """Log values that an edit made here replaced although its user never saw them (another
    user of this database changed the field after the form was loaded): no package brought
    them, so `package_id` stays empty; the review restores them as it restores a sync loser.
    The stamps name each side's node: on a server every installation writes with its own, so
    the review tells this installation's value from another's (named by the member that
    installation chose, `services/admin/history.node_names`)."""
    return _record(session, conflicts, None, now)


def _record(
    session: Session, conflicts: Iterable[Conflict], package_id: uuid.UUID | None, now: datetime
) -> int:
    added = 0
    for conflict in conflicts:
        if conflict.field in DERIVED_FIELDS.get(conflict.table, ()):
            continue
        key = {
            "table_name": conflict.table,
            "row_id": conflict.row_id,
            "field": conflict.field,
            "winner_hlc": conflict.winner_stamp[0],
            "winner_node": conflict.winner_stamp[1],
            "loser_hlc": conflict.loser_stamp[0],
            "loser_node": conflict.loser_stamp[1],
        }
        query = select(SyncConflict.id).filter_by(**key)
        if session.execute(query).first() is not None:
            continue
        session.execute(
            insert(SyncConflict).values(
                id=new_id(),
                **key,
                winner_value=encode_value(conflict.winner_value),
                loser_value=encode_value(conflict.loser_value),
                package_id=package_id,
                detected_at=now,
                resolution="",
            )
        )
        added += 1
    return added
