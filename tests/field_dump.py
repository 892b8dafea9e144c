"""Field-level dumps of the replicated data, for tests that check exactly what an action changed."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from fieldlog.store.database import Database
from fieldlog.store.dump import digest, dump_lines
from fieldlog.store.models.base import META_COLUMNS
from fieldlog.store.models.history import FieldChange

#: (table, record id) → {field: value}, every replicated record, live or tombstoned.
FieldDump = dict[tuple[str, str], dict[str, Any]]

#: Stamps that any write renews; a content change shows in the fields themselves.
STAMP_COLUMNS = frozenset({"created_at", "updated_at", "node_id", "hlc", "field_stamps"})


def field_dump(db: Database) -> FieldDump:
    """Every replicated record's content fields and tombstone (stamps left out)."""
    with db.read() as session:
        rows = [json.loads(line) for line in dump_lines(session)]
    return {
        (table, record["id"]): {k: v for k, v in record.items() if k not in STAMP_COLUMNS}
        for table, record in rows
    }


def field_diff(before: FieldDump, after: FieldDump) -> dict[tuple[str, str, str], tuple[Any, Any]]:
    """(table, id, field) → (old, new) for every field that differs; a new record lists each of
    its fields with old None, a vanished one each field with new None."""
    changed: dict[tuple[str, str, str], tuple[Any, Any]] = {}
    for key in before.keys() | after.keys():
        old, new = before.get(key, {}), after.get(key, {})
        for name in old.keys() | new.keys():
            if name == "id":
                continue
            if old.get(name) != new.get(name):
                changed[(*key, name)] = (old.get(name), new.get(name))
    return changed


def content_fields(table_columns: set[str]) -> set[str]:
    """The columns a person edits (no identity or stamps)."""
    return {c for c in table_columns if c not in META_COLUMNS}


def db_digest(db: Database) -> str:
    """`fieldlog digest` of the open database, read in-process."""
    with db.read() as session:
        return digest(session)


def history_count(db: Database) -> int:
    """How many rows the change history holds."""
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(FieldChange)).scalar_one())
