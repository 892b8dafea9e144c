"""A canonical dump of the replicated data, and its SHA-256 digest (SPEC §5 `digest`).

Covers every live and tombstoned replicated record and every field sync carries; leaves out what
is local to one laptop (local_state, local_seq). Two databases holding the same data give the
same digest whatever order the rows were written in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.store.models import REPLICATED_MODELS
from fieldlog.store.models.base import LOCAL_COLUMNS
from fieldlog.store.types import json_value


def dump_lines(session: Session) -> Iterator[str]:
    """One JSON line per replicated record, tables in a fixed order, rows by id."""
    for model in REPLICATED_MODELS:
        table = model.__table__  # type: ignore[attr-defined]
        columns = sorted(
            (c for c in table.columns if c.key not in LOCAL_COLUMNS), key=lambda c: c.key
        )
        query = select(*columns).order_by(table.c.id)
        for row in session.execute(query).mappings():
            record = {key: json_value(value) for key, value in row.items()}
            yield json.dumps(
                [table.name, record], sort_keys=True, ensure_ascii=False, separators=(",", ":")
            )


def digest(session: Session) -> str:
    """SHA-256 (hex) of the canonical dump."""
    hasher = hashlib.sha256()
    for line in dump_lines(session):
        hasher.update(line.encode("utf-8"))
        hasher.update(b"\n")
    return hasher.hexdigest()
