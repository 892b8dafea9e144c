"""Stamps every replicated change with the clock, the node and the local change counter.

Runs inside the flush, in the same transaction as the change, so no service can forget it and a
change is never stored without the metadata sync needs (SPEC §3.1, §6).

A field's stamp is ``[hlc, node]``, or ``[hlc, node, seen]`` once the field has been written
before: ``seen`` maps node ids to the newest stamp of that node's writes to this field that the
writer had in its history when it wrote (the stamp it replaced and everything that one had
seen). Sync compares stamps to pick the last writer, and `seen` to tell a plain successor
(the writer knew the value it replaced) from a concurrent edit (it did not), which is a conflict.
Sync writes merged rows with Core statements, which this listener never sees, so a merged row
keeps the stamps it arrived with.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Table, event, insert, inspect, select, update
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from fieldlog.domain import hlc
from fieldlog.domain.ids import new_id
from fieldlog.store import history
from fieldlog.store.models import META_COLUMNS, Base, LocalState, Replicated
from fieldlog.store.plain_insert import PreparedInsert, prepare
from fieldlog.store.types import utcnow

HLC_KEY = "hlc"
SEQ_KEY = "change_seq"
NODE_KEY = "node_id"

#: Session.info key under which the node id of the open database is found.
NODE_INFO = "fieldlog_node_id"


def read_state(session: Session, key: str) -> str | None:
    """A local_state value, or None."""
    return session.execute(select(LocalState.value).where(LocalState.key == key)).scalar()


def write_state(session: Session, key: str, value: str) -> None:
    """Set a local_state value (insert or update) without touching the unit of work."""
    done = session.execute(update(LocalState).where(LocalState.key == key).values(value=value))
    if done.rowcount == 0:  # type: ignore[attr-defined]
        session.execute(insert(LocalState).values(key=key, value=value))


#: Session.info key of the clock and change counter drawn in the current transaction.
COUNTERS_INFO = "fieldlog_counters"
#: Session.info key of the wall clock (a callable returning milliseconds since the epoch).
CLOCK_INFO = "fieldlog_clock"

WallClock = Callable[[], int]


def system_clock_ms() -> int:
    """This machine's wall clock in milliseconds since the epoch."""
    return time.time_ns() // 1_000_000


def now_ms(session: Session) -> int:
    """The wall clock the session's stamps are drawn from (the system clock unless replaced)."""
    clock: WallClock = session.info.get(CLOCK_INFO, system_clock_ms)
    return clock()


def use_clock(sessions: sessionmaker[Session], clock: WallClock) -> None:
    """Draw the stamps of every later session from `clock` (simulated laptops in tests)."""
    info = dict(sessions.kw.get("info") or {})
    info[CLOCK_INFO] = clock
    sessions.configure(info=info)


def _counters(session: Session) -> list[int]:
    """The clock and change counter of this transaction: [hlc, seq].

    Read from local_state at the first use in a transaction, then kept in the session and
    written back once before commit. Safe because a write transaction holds the database's write
    lock from its start (BEGIN IMMEDIATE), so no other process can move them meanwhile.
    """
    counters: list[int] | None = session.info.get(COUNTERS_INFO)
    if counters is None:
        counters = [int(read_state(session, HLC_KEY) or 0), int(read_state(session, SEQ_KEY) or 0)]
        session.info[COUNTERS_INFO] = counters
    return counters


def _advance_counters(session: Session) -> tuple[int, int]:
    """Draw the next clock stamp and change number."""
    counters = _counters(session)
    counters[0] = hlc.tick(counters[0], now_ms(session))
    counters[1] += 1
    return counters[0], counters[1]


def receive_stamp(session: Session, remote: int) -> int:
    """Move this database's clock past a stamp received from elsewhere; returns the clock."""
    counters = _counters(session)
    counters[0] = hlc.receive(counters[0], remote, now_ms(session))
    return counters[0]


def draw_change_number(session: Session) -> int:
    """A change number for writes made outside the ORM (a sync import), saved at commit."""
    counters = _counters(session)
    counters[1] += 1
    return counters[1]


def next_stamp(previous: list[Any] | None, stamp: int, node: str) -> list[Any]:
    """The field stamp of a write at (stamp, node) replacing a field stamped `previous`."""
    if not previous:
        return [stamp, node]
    if previous[0] == stamp and previous[1] == node:
        return list(previous)
    seen: dict[str, int] = dict(previous[2]) if len(previous) > 2 else {}
    if previous[0] and seen.get(previous[1], -1) < previous[0]:
        seen[previous[1]] = previous[0]
    return [stamp, node, seen] if seen else [stamp, node]


@event.listens_for(Session, "before_commit")
def _save_counters(session: Session) -> None:
    session.flush()  # stamps drawn by the final flush must be saved too
    counters = session.info.pop(COUNTERS_INFO, None)
    if counters is not None:
        write_state(session, HLC_KEY, str(counters[0]))
        write_state(session, SEQ_KEY, str(counters[1]))


@event.listens_for(Session, "after_transaction_end")
def _forget_counters(session: Session, transaction: SessionTransaction) -> None:
    # Only when the whole transaction ends: a SAVEPOINT rolled back inside it (one rejected row
    # of an import) must not make later changes draw stamps the transaction already used.
    if transaction.parent is None:
        session.info.pop(COUNTERS_INFO, None)


#: Each replicated class's content columns, found once: a flush of a large import stamps tens of
#: thousands of new records of a handful of classes.
_CONTENT_COLUMNS: dict[type, tuple[str, ...]] = {}


def _content_columns(obj: Replicated) -> tuple[str, ...]:
    return _content_columns_of(type(obj))


def _content_columns_of(model: type[Replicated]) -> tuple[str, ...]:
    columns = _CONTENT_COLUMNS.get(model)
    if columns is None:
        attrs = inspect(model).column_attrs
        columns = tuple(c.key for c in attrs if c.key not in META_COLUMNS)
        _CONTENT_COLUMNS[model] = columns
    return columns


def _changed_columns(obj: Replicated) -> list[str]:
    state = inspect(obj)
    names = ["deleted"] if state.attrs.deleted.history.has_changes() else []
    names += [n for n in _content_columns(obj) if state.attrs[n].history.has_changes()]
    return names


def _replaced(
    obj: Replicated, fields: list[str], new_stamps: dict[str, Any], source: str
) -> Iterator[dict[str, Any]]:
    """History rows of the values these fields of a stored record held before this change."""
    state = inspect(obj)
    old_stamps: dict[str, Any] = state.committed_state.get("field_stamps") or {}
    for name in fields:
        replaced = state.attrs[name].history.deleted
        if not replaced:  # the old value was never loaded: nothing known to record
            continue
        old = (replaced[0], old_stamps.get(name))
        new = (getattr(obj, name), new_stamps.get(name))
        yield history.change_row(obj.__tablename__, obj.id, name, old, new, source)  # type: ignore[attr-defined]


def _created(obj: Replicated, source: str) -> dict[str, Any]:
    """The history row of a record made here: its tombstone going from nothing to live."""
    if obj.id is None:  # the column default would only be drawn at insert
        obj.id = new_id()
    new = (bool(obj.deleted), obj.field_stamps.get("deleted"))
    return history.change_row(obj.__tablename__, obj.id, "deleted", (None, None), new, source)  # type: ignore[attr-defined]


def _stamp(obj: Replicated, fields: Iterable[str], node: str, stamp: int, seq: int) -> None:
    stamps: dict[str, Any] = dict(obj.field_stamps or {})
    if stamps:
        for name in fields:
            stamps[name] = next_stamp(stamps.get(name), stamp, node)
    else:  # a record made here: next_stamp of nothing, for every field
        stamps = {name: [stamp, node] for name in fields}
    obj.field_stamps = stamps
    obj.node_id = node
    obj.hlc = stamp
    obj.local_seq = seq
    obj.updated_at = utcnow()


@event.listens_for(Session, "before_flush")
def _stamp_changes(session: Session, _context: Any, _instances: Any) -> None:
    node = session.info.get(NODE_INFO)
    if node is None:  # a session not opened through Database (e.g. a migration): leave as is
        return
    new = [o for o in session.new if isinstance(o, Replicated)]
    dirty = [
        (o, fields)
        for o in session.dirty
        if isinstance(o, Replicated) and (fields := _changed_columns(o))
    ]
    if not new and not dirty:
        return
    stamp, seq = _advance_counters(session)
    source = session.info.pop(history.SOURCE_INFO, history.EDIT)
    for obj in new:
        if obj.created_at is None:
            obj.created_at = utcnow()
        _stamp(obj, ("deleted", *_content_columns(obj)), node, stamp, seq)
    history.record(session, (_created(obj, source) for obj in new))
    for obj, fields in dirty:
        _stamp(obj, fields, node, stamp, seq)
        history.record(session, _replaced(obj, fields, obj.field_stamps, source))


# --- records made here in bulk ------------------------------------------------------------------

#: A record to insert: its class and the values it is made with (None or absent: the default).
NewRecord = tuple[type[Replicated], dict[str, Any]]
#: Each replicated class's columns for a Core insert: (key, scalar default or None).
_INSERT_COLUMNS: dict[type, tuple[tuple[str, Any], ...]] = {}
#: Each replicated class's place among the tables, parents first.
_TABLE_ORDER: dict[type, int] = {}


def _insert_columns(model: type[Replicated]) -> tuple[tuple[str, Any], ...]:
    columns = _INSERT_COLUMNS.get(model)
    if columns is None:
        table: Table = model.__table__  # type: ignore[attr-defined]
        found = []
        for column in table.columns:
            # A callable default (id, the times, the stamps) is never needed: always given.
            default = column.default
            scalar = default.arg if isinstance(default, ScalarElementColumnDefault) else None
            found.append((column.key, scalar))
        columns = _INSERT_COLUMNS[model] = tuple(found)
    return columns


def insert_made_here(session: Session, records: Sequence[NewRecord]) -> None:
    """Insert records made here with one Core statement per table, stamped and recorded in the
    history exactly as a flush of the same new objects added in this order would.

    For an import's thousands of new rows: the unit of work's bookkeeping per object costs more
    than the rows themselves. Each record's values must hold its id; a value that is None or
    missing takes the column's default, as the unit of work leaves such a column to it.
    """
    connection = session.connection()
    for write in made_here_writes(session, records):
        write.write(connection)


def made_here_writes(session: Session, records: Sequence[NewRecord]) -> list[PreparedInsert]:
    """What `insert_made_here` writes, table by table in order, prepared and not written yet:
    on SQLite every value is converted here, so a value that cannot be stored stops them
    before anything of these records is written (the session's pending objects are flushed
    first)."""
    if not records:
        return []
    node = session.info.get(NODE_INFO)
    if node is None:  # as `_stamp_changes`: a session not opened through Database
        raise RuntimeError("records made here need a session opened through Database")
    session.flush()  # objects pending in the session go first, under a stamp of their own
    stamp, seq = _advance_counters(session)
    source = session.info.pop(history.SOURCE_INFO, history.EDIT)
    rows: dict[type[Replicated], list[dict[str, Any]]] = {}
    stamped: dict[type[Replicated], dict[str, Any]] = {}
    changes = []
    for model, values in records:
        row = {
            key: default if (v := values.get(key)) is None else v
            for key, default in _insert_columns(model)
        }
        row["created_at"] = values.get("created_at") or utcnow()
        stamps = stamped.get(model)
        if stamps is None:  # the same for every record of a class: one object, encoded once
            fields = ("deleted", *_content_columns_of(model))
            stamps = stamped[model] = {name: [stamp, node] for name in fields}
        row["field_stamps"] = stamps
        row["node_id"], row["hlc"], row["local_seq"] = node, stamp, seq
        row["updated_at"] = utcnow()
        rows.setdefault(model, []).append(row)
        new = (bool(values.get("deleted")), row["field_stamps"]["deleted"])
        changes.append(
            history.change_row(model.__tablename__, row["id"], "deleted", (None, None), new, source)  # type: ignore[attr-defined]
        )
    connection = session.connection()
    # Parents first, as the unit of work orders them.
    return [history.prepared(connection, changes)] + [
        prepare(connection, model.__table__, rows[model])  # type: ignore[attr-defined]
        for model in sorted(rows, key=_table_order)
    ]


def _table_order(model: type[Replicated]) -> int:
    order = _TABLE_ORDER.get(model)
    if order is None:
        order = _TABLE_ORDER[model] = Base.metadata.sorted_tables.index(model.__table__)  # type: ignore[attr-defined]
    return order
