"""Writes made by the merge itself (dedupe), stamped so every laptop makes identical ones.

Two laptops that merge the same duplicate organizations independently must write the same
rows, or their digests would differ. So these writes take no clock reading and no node id:
the stamp of a derived write is one past the newest stamp of the records it was derived from,
and its node is "m" plus a hash of what it writes and what it replaces. Equal stamps therefore
mean equal writes; different inputs give different stamps, which the ordinary per-field merge
settles like any other edit.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session

from fieldlog.domain import hlc
from fieldlog.store.stamping import next_stamp
from fieldlog.sync.rows import RowLike, TableSpec, encode_value
from fieldlog.sync.values import json_text

#: Node ids of derived writes start with this (real node ids are 32 hex digits).
DERIVED_PREFIX = "m"
#: What a derived node hashes: compact JSON, keys sorted, ASCII.
_NODE_TEXT = json_text(",", ":", True)


def is_derived(node: str) -> bool:
    """Whether a node id names a derived write rather than a laptop."""
    return node.startswith(DERIVED_PREFIX)


def derived_node(table: str, row_id: uuid.UUID, name: str, value: Any, previous: Any) -> str:
    """The node id of a derived write: a hash of the row, field, new value and old stamp."""
    text = _NODE_TEXT([table, str(row_id), name, encode_value(value), previous])
    return DERIVED_PREFIX + hashlib.sha256(text.encode()).hexdigest()[:31]


class DerivedWriter:
    """Makes derived writes in one import's transaction and remembers the newest stamp."""

    def __init__(self, session: Session, seq: int) -> None:
        self.session = session
        self.seq = seq
        self.newest = 0
        self.writes = 0
        self._pending: dict[tuple[TableSpec, tuple[str, ...]], list[dict[str, Any]]] = {}
        self._creating: dict[TableSpec, list[dict[str, Any]]] = {}

    def _meta(self, meta: tuple[Any, ...], stamp: int, node: str) -> tuple[Any, ...]:
        self.newest = max(self.newest, stamp)
        return max(meta, (stamp, node, hlc.to_datetime(stamp)))

    def _stamped(
        self, spec: TableSpec, row: RowLike, changes: dict[str, Any], base: int
    ) -> dict[str, Any]:
        stamps: dict[str, Any] = dict(row["field_stamps"] or {})
        meta: tuple[Any, ...] = (row["hlc"], row["node_id"], row["updated_at"])
        for name, value in changes.items():
            previous = stamps.get(name)
            stamp = max(base, previous[0] if previous else 0) + 1
            node = derived_node(spec.name, row["id"], name, value, previous)
            stamps[name] = next_stamp(previous, stamp, node)
            meta = self._meta(meta, stamp, node)
        self.writes += 1
        return {
            **changes,
            "field_stamps": stamps,
            "hlc": meta[0],
            "node_id": meta[1],
            "updated_at": meta[2],
            "local_seq": self.seq,
        }

    def stamped(
        self, spec: TableSpec, row: RowLike, changes: dict[str, Any], base: int
    ) -> dict[str, Any]:
        """The values `update` would write (counted as a write), written by `write_later`."""
        return self._stamped(spec, row, changes, base)

    def write_later(self, spec: TableSpec, row_id: uuid.UUID, values: dict[str, Any]) -> None:
        """Queue values made by `stamped` for the next `flush` (one statement per kind)."""
        key = (spec, tuple(sorted(values)))
        params = {f"v_{name}": value for name, value in values.items()}
        self._pending.setdefault(key, []).append({"b_id": row_id, **params})

    def update(self, spec: TableSpec, row: RowLike, changes: dict[str, Any], base: int) -> None:
        """Write `changes` into an existing row, each field one past max(base, its stamp)."""
        table = spec.table
        values = self._stamped(spec, row, changes, base)
        self.session.execute(update(table).where(table.c.id == row["id"]).values(**values))

    def update_later(
        self, spec: TableSpec, row: RowLike, changes: dict[str, Any], base: int
    ) -> None:
        """Like `update`, written at the next `flush` with others of its kind (many rows)."""
        values = self._stamped(spec, row, changes, base)
        key = (spec, tuple(sorted(values)))
        params = {f"v_{name}": value for name, value in values.items()}
        self._pending.setdefault(key, []).append({"b_id": row["id"], **params})

    def flush(self) -> None:
        """Write the rows made with `create_later` and the updates made with `update_later`
        and `write_later`, one statement per kind."""
        for spec, created in self._creating.items():
            self.session.execute(insert(spec.table), created)
        self._creating.clear()
        for (spec, keys), rows in self._pending.items():
            table = spec.table
            statement = (
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values({key: bindparam(f"v_{key}") for key in keys})
            )
            self.session.execute(statement, rows)
        self._pending.clear()

    def create_later(
        self, spec: TableSpec, row_id: uuid.UUID, values: dict[str, Any], base: int
    ) -> None:
        """Like `create`, inserted at the next `flush` with the others of its table."""
        self._creating.setdefault(spec, []).append(self._created(spec, row_id, values, base))

    def _created(
        self, spec: TableSpec, row_id: uuid.UUID, values: dict[str, Any], base: int
    ) -> dict[str, Any]:
        stamp = base + 1
        fields = {"deleted": False, **values}
        nodes = {name: derived_node(spec.name, row_id, name, v, None) for name, v in fields.items()}
        stamps = {name: [stamp, node] for name, node in nodes.items()}
        node = max(nodes.values())
        self._meta((0, "", hlc.to_datetime(0)), stamp, node)
        when = hlc.to_datetime(stamp)
        self.writes += 1
        return {
            "id": row_id,
            **fields,
            "field_stamps": stamps,
            "hlc": stamp,
            "node_id": node,
            "created_at": when,
            "updated_at": when,
            "local_seq": self.seq,
        }

    def create(self, spec: TableSpec, row_id: uuid.UUID, values: dict[str, Any], base: int) -> None:
        """Insert a new row (a link row with a fixed id) with every field stamped base + 1."""
        self.session.execute(insert(spec.table).values(**self._created(spec, row_id, values, base)))
