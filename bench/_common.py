"""What the benchmark scripts share: a fast row writer for synthetic data, and timing helpers.

The writer stores values in exactly the form SQLAlchemy's column types store them on SQLite
(UUIDs as 32 hex digits, dates ISO, timestamps "YYYY-MM-DD HH:MM:SS.ffffff", JSON with the
default separators), so a synthetic row cannot be told from one the app wrote. It goes through
the driver's ``executemany`` with INSERT statements compiled by SQLAlchemy from the models.
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert

from fieldlog.domain import hlc
from fieldlog.store.database import Database
from fieldlog.store.models import META_COLUMNS

BATCH = 20_000


def uuid7_hex(ms: int, rng: random.Random) -> str:
    """A UUIDv7 for a record created at `ms` (ms since the epoch), as stored: 32 hex digits."""
    rand_a, rand_b = rng.getrandbits(12), rng.getrandbits(62)
    value = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    return f"{value:032x}"


def pair_hex(first: str, second: str) -> str:
    """fieldlog.domain.ids.pair_id of two stored ids, as stored."""
    return uuid.uuid5(uuid.UUID(hex=first), str(uuid.UUID(hex=second))).hex


def stamp_of(ms: int) -> int:
    """The hybrid-logical-clock stamp of a change made at `ms`."""
    return hlc.pack(ms)


def timestamp_text(ms: int) -> str:
    """A UTC timestamp as SQLAlchemy stores it on SQLite."""
    moment = datetime.fromtimestamp(ms / 1000, tz=UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def date_ms(day: date) -> int:
    """Midnight UTC of `day`, in ms since the epoch."""
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


def content_columns(table: Table) -> list[str]:
    """The columns a new record's field stamps cover: the tombstone, then its content."""
    return ["deleted", *(c.key for c in table.columns if c.key not in META_COLUMNS)]


class Stamper:
    """Field stamps of new records of one table, as the app's flush writes them."""

    def __init__(self, table: Table) -> None:
        self.parts = [f'"{name}": [' for name in content_columns(table)]

    def json(self, stamp: int, node: str) -> str:
        """The stored JSON of {column: [stamp, node]} for every content column."""
        tail = f'{stamp}, "{node}"]'
        return "{" + ", ".join(part + tail for part in self.parts) + "}"


def meta(ms: int, node: str, seq: int, stamps: str, record_id: str) -> dict[str, Any]:
    """The replication metadata of a record created at `ms` on `node` as change `seq`."""
    when = timestamp_text(ms)
    return {
        "id": record_id,
        "created_at": when,
        "updated_at": when,
        "node_id": node,
        "hlc": stamp_of(ms),
        "deleted": 0,
        "field_stamps": stamps,
        "local_seq": seq,
    }


class RowWriter:
    """Bulk INSERTs of already-stored values, on one driver connection, in big transactions."""

    def __init__(self, db: Database) -> None:
        self.dialect = db.engine.dialect
        self.raw = db.engine.raw_connection()
        self.conn = self.raw.driver_connection
        assert self.conn is not None
        # A build writes a new file nobody reads yet: durability waits for the final commit, and
        # the foreign keys are checked once at the end (`fieldlog check`).
        for pragma in (
            "PRAGMA foreign_keys = OFF",
            "PRAGMA synchronous = OFF",
            "PRAGMA cache_size = -1000000",
            "PRAGMA temp_store = MEMORY",
        ):
            self.conn.execute(pragma)
        self.conn.execute("BEGIN")
        self.counts: dict[str, int] = {}

    def write(self, table: Table, rows: Iterable[dict[str, Any]]) -> None:
        """INSERT `rows` (dicts keyed by column, every column given) into `table`."""
        keys = [c.key for c in table.columns]
        compiled = insert(table).compile(dialect=self.dialect, column_keys=keys)
        names = tuple(compiled.positiontup or ())
        getter = itemgetter(*names)
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append(getter(row))
            if len(batch) >= BATCH:
                self._flush(compiled.string, table.name, batch)
                batch = []
        self._flush(compiled.string, table.name, batch)

    def _flush(self, sql: str, name: str, batch: list[tuple[Any, ...]]) -> None:
        if batch:
            self.conn.executemany(sql, batch)
            self.counts[name] = self.counts.get(name, 0) + len(batch)

    def commit(self) -> None:
        """Commit what was written and begin the next transaction."""
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN")

    def close(self) -> None:
        """Commit, checkpoint the write-ahead log and give the connection back."""
        self.conn.execute("COMMIT")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.raw.close()


def median_ms(samples: Sequence[float]) -> float:
    """The median of seconds, in milliseconds rounded to 0.1."""
    return round(statistics.median(samples) * 1000, 1)


def percentile_ms(samples: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of seconds, in milliseconds rounded to 0.1."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return round(ordered[rank - 1] * 1000, 1)


def slowest_statements(db: Database, call: Any, top: int = 3) -> list[dict[str, Any]]:
    """Run `call()`; its `top` slowest SQL statements with their time and query plan."""
    from sqlalchemy import event

    seen: list[list[Any]] = []

    def before(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        seen.append([statement, params, time.perf_counter()])

    def after(*_: Any) -> None:
        seen[-1][2] = time.perf_counter() - seen[-1][2]

    event.listen(db.engine, "before_cursor_execute", before)
    event.listen(db.engine, "after_cursor_execute", after)
    try:
        call()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
        event.remove(db.engine, "after_cursor_execute", after)
    slow = sorted(seen, key=lambda entry: -entry[2])[:top]
    raw = db.engine.raw_connection()
    try:
        return [
            {
                "ms": round(seconds * 1000, 1),
                "sql": " ".join(statement.split()),
                "plan": [row[3] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", params)],
            }
            for statement, params, seconds in slow
        ]
    finally:
        raw.close()
