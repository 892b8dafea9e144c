"""Per-field last-writer-wins merge of incoming rows, written with Core statements.

For each field the write with the greater (hlc, node) stamp wins — ties (only possible for
the deterministic writes of dedupe) go to the greater canonical value, then stamp — so the
result is the same whatever order packages arrive in, and applying one twice changes nothing.
``created_at`` takes the earlier time; ``hlc``, ``node_id`` and ``updated_at`` follow the
newest change. A row that takes anything from the incoming one gets this import's change
number, so it travels on in this laptop's next package.

Two different values of a field whose winner was written without knowing the loser (the
loser's stamp is not in the winner's `seen`) are a conflict: both wrote without seeing each
other. Equal values never conflict; a successor never conflicts with what it replaced.
The Core statements bypass the ORM, so the stamping listener does not restamp merged rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Update, bindparam, select, update
from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.store import history
from fieldlog.store.repositories.bulk_rows import insert_rows
from fieldlog.sync.rows import RowLike, TableSpec, canonical

CHUNK = 500
ZERO: list[Any] = [0, ""]
ROW_META = ("hlc", "node_id", "updated_at")


@dataclass(frozen=True)
class Conflict:
    """Two concurrent writes of one field: the one kept and the one that lost."""

    table: str
    row_id: uuid.UUID
    field: str
    winner_value: Any
    winner_stamp: list[Any]
    loser_value: Any
    loser_stamp: list[Any]


@dataclass
class MergeResult:
    """Rows new here, rows that took something, rows already up to date, conflicts met."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    by_table: dict[str, int] = field(default_factory=dict)

    def add(self, other: MergeResult) -> None:
        """Fold another result into this one."""
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.conflicts += other.conflicts
        for table, count in other.by_table.items():
            self.by_table[table] = self.by_table.get(table, 0) + count


def covers(winner: list[Any], loser: list[Any]) -> bool:
    """Whether the winning write's author knew the losing write (or it is the zero stamp)."""
    if loser[0] == 0:
        return True
    seen: dict[str, int] = winner[2] if len(winner) > 2 else {}
    return seen.get(loser[1], -1) >= loser[0]


def order(stamp_a: list[Any], value_a: Any, stamp_b: list[Any], value_b: Any) -> int:
    """1 when write a beats write b, -1 when b beats a, 0 when they are the same."""
    key_a, key_b = (stamp_a[0], stamp_a[1]), (stamp_b[0], stamp_b[1])
    if key_a != key_b:
        return 1 if key_a > key_b else -1
    for left, right in ((value_a, value_b), (stamp_a, stamp_b)):
        if left != right:
            text_a, text_b = canonical(left), canonical(right)
            if text_a != text_b:
                return 1 if text_a > text_b else -1
    return 0


def _meta(row: RowLike) -> tuple[Any, ...]:
    return (row["hlc"], row["node_id"], row["updated_at"])


def merge_row(
    spec: TableSpec, local: RowLike, incoming: RowLike
) -> tuple[dict[str, Any], list[Conflict]]:
    """The columns of `local` to change to take in `incoming`, and the conflicts found."""
    local_stamps: dict[str, Any] = local["field_stamps"] or {}
    in_stamps: dict[str, Any] = incoming["field_stamps"]
    changes: dict[str, Any] = {}
    stamps: dict[str, Any] | None = None
    conflicts: list[Conflict] = []
    for name in spec.fields:
        if name not in incoming:
            continue
        mine, theirs = local_stamps.get(name) or ZERO, in_stamps.get(name) or ZERO
        mine_value, their_value = local[name], incoming[name]
        if mine == theirs and mine_value == their_value:
            continue
        result = order(theirs, their_value, mine, mine_value)
        if result > 0:
            changes[name] = their_value
            stamps = dict(local_stamps) if stamps is None else stamps
            if name in in_stamps:
                stamps[name] = theirs
        if result == 0 or mine_value == their_value:
            continue
        won, lost = (theirs, mine) if result > 0 else (mine, theirs)
        if not covers(won, lost):
            values = (their_value, mine_value) if result > 0 else (mine_value, their_value)
            conflicts.append(
                Conflict(spec.name, local["id"], name, values[0], won, values[1], lost)
            )
    if stamps is not None:
        changes["field_stamps"] = stamps
    if _meta(incoming) > _meta(local):
        changes.update({key: incoming[key] for key in ROW_META})
    if incoming["created_at"] < local["created_at"]:
        changes["created_at"] = incoming["created_at"]
    return changes, conflicts


@cache
def _update(spec: TableSpec) -> Update:
    table = spec.table
    keys = [key for key in spec.columns if key != "id"] + ["local_seq"]
    return (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values({key: bindparam(f"b_{key}") for key in keys})
    )


def _complete(spec: TableSpec, row: dict[str, Any], seq: int) -> dict[str, Any]:
    full = dict(row)
    for key in spec.columns:
        if key not in full:
            if key not in spec.defaults and not spec.table.c[key].nullable:
                raise ValueError(
                    msg(
                        "sync.new_record_lacks",
                        "a new {table} record lacks {field}",
                        table=spec.name,
                        field=key,
                    )
                )
            full[key] = spec.defaults.get(key)
    full["local_seq"] = seq
    return full


def _apply_chunk(
    session: Session, spec: TableSpec, rows: list[dict[str, Any]], seq: int
) -> MergeResult:
    table = spec.table
    columns = [table.c[key] for key in spec.columns]
    query = select(*columns).where(table.c.id.in_([row["id"] for row in rows]))
    local = {row["id"]: row for row in session.execute(query).mappings()}
    result = MergeResult()
    inserts, updates = [], []
    for row in rows:
        mine = local.get(row["id"])
        if mine is None:
            inserts.append(_complete(spec, row, seq))
            continue
        changes, conflicts = merge_row(spec, mine, row)
        result.conflicts += conflicts
        if not changes:
            result.unchanged += 1
            continue
        history.record_merged(session, spec.name, mine, changes, spec.fields)
        merged = {**mine, **changes, "local_seq": seq}
        updates.append({f"b_{key}": value for key, value in merged.items()})
    if inserts:
        insert_rows(session, table, inserts)
    if updates:
        session.execute(_update(spec), updates)
    result.new, result.updated = len(inserts), len(updates)
    result.by_table[spec.name] = len(rows)
    return result


def apply_rows(
    session: Session,
    rows: Iterable[tuple[TableSpec, dict[str, Any]]],
    seq: int,
    on_chunk: Callable[[int], None] | None = None,
) -> MergeResult:
    """Merge incoming rows (in any order) into the database; `seq` marks what took anything.

    `on_chunk(rows_done)` is called after every few hundred rows (progress for the window).
    """
    total = MergeResult()
    buffers: dict[str, tuple[TableSpec, list[dict[str, Any]]]] = {}

    def flush(spec: TableSpec, buffer: list[dict[str, Any]]) -> None:
        total.add(_apply_chunk(session, spec, buffer, seq))
        buffer.clear()
        if on_chunk is not None:
            on_chunk(total.new + total.updated + total.unchanged)

    for spec, row in rows:
        _spec, buffer = buffers.setdefault(spec.name, (spec, []))
        buffer.append(row)
        if len(buffer) >= CHUNK:
            flush(spec, buffer)
    for spec, buffer in buffers.values():
        if buffer:
            flush(spec, buffer)
    return total
