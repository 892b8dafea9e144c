"""Writes the change history: the value a field held, each time a change replaces it.

Local edits are recorded by the stamping listener, in the same flush as the change; sync merges
record what they overwrite through `record_merged`. New records add nothing (their first values
stand on the record with their stamps), so bulk inserts and first imports cost nothing here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.orm import Session

from fieldlog.store.models import FieldChange
from fieldlog.store.plain_insert import PreparedInsert, prepare
from fieldlog.store.types import json_value, utcnow

EDIT, RESTORE, SYNC = "edit", "restore", "sync"

#: Session.info key: how the changes of the current flush should be labelled (edit or restore).
SOURCE_INFO = "fieldlog_change_source"


def _stamp_of(stamp: Any) -> tuple[int, str]:
    if not stamp:
        return 0, ""
    return int(stamp[0]), str(stamp[1])


def change_row(
    table: str,
    record_id: uuid.UUID,
    field: str,
    old: tuple[Any, Any],
    new: tuple[Any, Any],
    source: str,
) -> dict[str, Any]:
    """One history row: `old` and `new` are (value, stamp) pairs."""
    old_hlc, old_node = _stamp_of(old[1])
    new_hlc, new_node = _stamp_of(new[1])
    return {
        "table_name": table,
        "record_id": record_id,
        "field": field,
        "old_value": json_value(old[0]),
        "old_hlc": old_hlc,
        "old_node": old_node,
        "new_value": json_value(new[0]),
        "new_hlc": new_hlc,
        "new_node": new_node,
        "source": source,
        "recorded_at": utcnow(),
    }


def record(session: Session, rows: Iterable[dict[str, Any]]) -> None:
    """Add history rows (from change_row) in the session's transaction."""
    prepared(session.connection(), list(rows)).write(session.connection())


def prepared(connection: Connection, rows: list[dict[str, Any]]) -> PreparedInsert:
    """History rows (from change_row) ready to be written (`plain_insert.prepare`)."""
    # Plain column values: no need for the ORM's bulk insert and its bookkeeping per row.
    table: Table = FieldChange.__table__  # type: ignore[assignment]
    return prepare(connection, table, rows)


def record_merged(
    session: Session,
    table: str,
    local: Any,
    changes: dict[str, Any],
    fields: Iterable[str],
) -> None:
    """Record the fields a sync merge takes from an incoming row over the `local` one."""
    old_stamps: dict[str, Any] = local["field_stamps"] or {}
    new_stamps: dict[str, Any] = changes.get("field_stamps") or old_stamps
    record(
        session,
        (
            change_row(
                table,
                local["id"],
                name,
                (local[name], old_stamps.get(name)),
                (changes[name], new_stamps.get(name)),
                SYNC,
            )
            for name in fields
            if name in changes and changes[name] != local[name]
        ),
    )
