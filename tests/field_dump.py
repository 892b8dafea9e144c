"""Field-level dumps of the replicated data, for tests that check exactly what an action changed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from fieldlog.store.database import Database
from fieldlog.store.dump import digest
from fieldlog.store.models import REPLICATED_MODELS
from fieldlog.store.models.base import LOCAL_COLUMNS, META_COLUMNS
from fieldlog.store.models.history import FieldChange
from fieldlog.store.types import json_value

#: (table, record id) → {field: value}, every replicated record, live or tombstoned.
FieldDump = dict[tuple[str, str], dict[str, Any]]

#: Stamps that any write renews; a content change shows in the fields themselves.
STAMP_COLUMNS = frozenset({"created_at", "updated_at", "node_id", "hlc", "field_stamps"})


def field_dump(db: Database) -> FieldDump:
    """Every replicated record's content fields and tombstone (stamps left out), valued as the
    canonical dump values them. Read column by column rather than through the dump's JSON lines:
    decoding every record's stamps made it cost a second on the demo."""
    dump: FieldDump = {}
    with db.read() as session:
        for model in REPLICATED_MODELS:
            table = model.__table__  # type: ignore[attr-defined]
            columns = [c for c in table.columns if c.key not in LOCAL_COLUMNS | STAMP_COLUMNS]
            for row in session.execute(select(*columns)).mappings():
                record = {key: json_value(value) for key, value in row.items()}
                dump[(table.name, record["id"])] = record
    return dump


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
