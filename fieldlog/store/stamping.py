"""Stamps every replicated change with the clock, the node and the local change counter.

Runs inside the flush, in the same transaction as the change, so no service can forget it and a
change is never stored without the metadata sync needs (SPEC §3.1, §6).
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event, insert, inspect, select, update
from sqlalchemy.orm import Session, SessionTransaction

from fieldlog.domain import hlc
from fieldlog.store.models import META_COLUMNS, LocalState, Replicated
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


def _advance_counters(session: Session) -> tuple[int, int]:
    """Draw the next clock stamp and change number.

    Read from local_state at the first change of a transaction, then kept in the session and
    written back once before commit. Safe because a write transaction holds the database's write
    lock from its start (BEGIN IMMEDIATE), so no other process can move them meanwhile.
    """
    counters = session.info.get(COUNTERS_INFO)
    if counters is None:
        counters = [int(read_state(session, HLC_KEY) or 0), int(read_state(session, SEQ_KEY) or 0)]
        session.info[COUNTERS_INFO] = counters
    counters[0] = hlc.tick(counters[0], time.time_ns() // 1_000_000)
    counters[1] += 1
    return counters[0], counters[1]


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


def _content_columns(obj: Replicated) -> list[str]:
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in META_COLUMNS]


def _changed_columns(obj: Replicated) -> list[str]:
    state = inspect(obj)
    names = ["deleted"] if state.attrs.deleted.history.has_changes() else []
    names += [n for n in _content_columns(obj) if state.attrs[n].history.has_changes()]
    return names


def _stamp(obj: Replicated, fields: list[str], node: str, stamp: int, seq: int) -> None:
    stamps: dict[str, Any] = dict(obj.field_stamps or {})
    for name in fields:
        stamps[name] = [stamp, node]
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
    for obj in new:
        if obj.created_at is None:
            obj.created_at = utcnow()
        _stamp(obj, ["deleted", *_content_columns(obj)], node, stamp, seq)
    for obj, fields in dirty:
        _stamp(obj, fields, node, stamp, seq)
