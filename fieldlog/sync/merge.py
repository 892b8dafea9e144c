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

import json
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import JSON, Table, Update, Uuid, bindparam, insert, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.store import history
from fieldlog.store.repositories.bulk_rows import insert_rows
from fieldlog.store.types import UtcDateTime
from fieldlog.sync.rows import SPECS, RowLike, TableSpec, canonical, decode_row
from fieldlog.sync.values import json_text

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


def _merge_into(
    session: Session,
    spec: TableSpec,
    mine: RowLike,
    row: dict[str, Any],
    seq: int,
    result: MergeResult,
    updates: list[dict[str, Any]],
) -> None:
    """Merge a travelling row into the stored one: count it, log its history and queue the
    update (as `_update`'s bound parameters) when it changes anything."""
    changes, conflicts = merge_row(spec, mine, row)
    result.conflicts += conflicts
    if not changes:
        result.unchanged += 1
        return
    history.record_merged(session, spec.name, mine, changes, spec.fields)
    merged = {**mine, **changes, "local_seq": seq}
    updates.append({f"b_{key}": value for key, value in merged.items()})


def _apply_chunk(
    session: Session, spec: TableSpec, rows: list[dict[str, Any]], seq: int
) -> MergeResult:
    table = spec.table
    columns = [table.c[key] for key in spec.columns]
    query = select(*columns).where(table.c.id.in_([row["id"] for row in rows]))
    local = {row["id"]: row for row in session.execute(query).mappings()}
    result = MergeResult()
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row in rows:
        mine = local.get(row["id"])
        if mine is None:
            inserts.append(_complete(spec, row, seq))
            continue
        _merge_into(session, spec, mine, row, seq, result, updates)
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


# The bulk way (a whole package's parsed lines at once) ------------------------------------
#
# `apply_rows` decodes each row into Python values and writes them back through SQLAlchemy's
# types, one row at a time. `apply_records` takes a package's parsed lines table by table, asks
# the database which ids it holds in one query per chunk, merges those rows exactly as
# `merge_row` does, and turns each new row straight into the parameters of one INSERT
# (`_Converter`: each field's decoder followed by its column's bind processor, the same values
# the row-by-row way stores). Anything unusual on a line — a field missing or unknown, a value a
# decoder refuses — goes the row-by-row way for that line, which says what is wrong.

BULK_CHUNK = 1_000


@lru_cache(maxsize=64)
def _plan(
    table: Table, keys: tuple[str, ...], dialect: Dialect
) -> tuple[str, tuple[str, ...], tuple[Any, ...]] | None:
    """The compiled INSERT of every column, its parameter order and each one's bind processor
    (as `bulk_rows.insert_rows` compiles it); None where parameters are not positional."""
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        return None
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    names = tuple(compiled.positiontup or ())
    if sorted(names) != sorted(keys) or len(set(names)) != len(names):
        return None
    processors = tuple(
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    )
    return compiled.string, names, processors


class _Converter:
    """A new row of one table as the parameters of its INSERT, on SQLite (None elsewhere)."""

    def __init__(self, spec: TableSpec, dialect: Dialect) -> None:
        keys = (*spec.columns, "local_seq")
        plan = _plan(spec.table, keys, dialect)
        # The engine serializes JSON with json.dumps itself (no serializer of its own).
        plain_json = getattr(dialect, "_json_serializer", None) is None
        self.sql = plan[0] if plan is not None else ""
        self.plain_json = plain_json
        #: Where the change number goes in the parameters (-1: no plan).
        self.seq_at = plan[1].index("local_seq") if plan is not None else -1
        #: Where the row's id goes (its 32 hexadecimal digits; -1: no plan).
        self.id_at = plan[1].index("id") if plan is not None else -1
        self.steps: list[tuple[str, Callable[[Any], Any] | None]] = []
        for name, processor in zip(plan[1], plan[2], strict=True) if plan else ():
            if name == "local_seq":
                self.steps.append((name, None))
                continue
            self.steps.append((name, _fused(spec, name, processor, plain_json)))
        self.allowed = spec.allowed

    def convert(self, record: dict[str, Any], seq: int) -> tuple[Any, ...] | None:
        """The INSERT's parameters, or None when the line needs the row-by-row way."""
        if record.keys() != self.allowed:
            return None
        try:
            return tuple([seq if step is None else step(record[name]) for name, step in self.steps])
        except Exception:
            return None


#: A travelling time as FieldLog writes it: UTC, microseconds (`store.types.json_value`).
_UTC_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00")


#: json.dumps with its defaults, as SQLAlchemy calls it, without building an encoder each time.
_STAMPS_TEXT = json_text(", ", ": ", False)


def _fused(
    spec: TableSpec, name: str, processor: Any, plain_json: bool = False
) -> Callable[[Any], Any]:
    """The column's decoder followed by its bind processor, with quicker ways for the values
    every row carries: its own id (checked canonical when verified), references (repeated, so
    remembered), times in FieldLog's own UTC form (stored as SQLite's text of that time)."""
    decoder, column = spec.decoders[name], spec.table.c[name]

    def convert(value: Any) -> Any:
        decoded = decoder(value)
        return None if decoded is None or processor is None else processor(decoded)

    if processor is None:
        return decoder
    if isinstance(column.type, JSON) and plain_json:
        return lambda value: _STAMPS_TEXT(decoder(value))
    if isinstance(column.type, Uuid) and column.primary_key:
        return lambda value: value.replace("-", "") if len(value) == 36 else convert(value)
    if isinstance(column.type, Uuid):
        remembered = lru_cache(maxsize=8192)(convert)
        return lambda value: None if value is None else remembered(value)
    if isinstance(column.type, UtcDateTime):

        def moment(value: Any) -> Any:
            if type(value) is str and _UTC_TIME.fullmatch(value):
                datetime.fromisoformat(value)  # a real date and time, or ValueError
                return value[:10] + " " + value[11:26]
            return convert(value)

        return moment
    return convert


def _held(session: Session, spec: TableSpec, hexes: list[str]) -> dict[str, RowLike]:
    """The rows of these ids (32 hexadecimal digits each) this database holds already, by those
    digits (ids were checked canonical when the package was verified). On SQLite the ids are
    first looked up as stored text, so a chunk of new rows costs no UUID objects."""
    table = spec.table
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        found = connection.exec_driver_sql(
            f"SELECT id FROM {table.name} WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(hexes),),
        ).scalars()
        wanted = [uuid.UUID(hex=value) for value in found]
    else:
        wanted = [uuid.UUID(hex=value) for value in hexes]
    if not wanted:
        return {}
    query = select(*(table.c[key] for key in spec.columns)).where(table.c.id.in_(wanted))
    return {row["id"].hex: row for row in session.execute(query).mappings()}


def _apply_table(
    session: Session,
    spec: TableSpec,
    lines: list[tuple[int, dict[str, Any]]],
    seq: int,
    converter: _Converter,
    fail: Callable[[int, BaseException], Exception],
) -> MergeResult:
    result = MergeResult()
    local = _held(session, spec, [record["id"].replace("-", "") for _number, record in lines])
    fast: list[tuple[Any, ...]] = []
    slow: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for number, record in lines:
        mine = local.get(record["id"].replace("-", "")) if local else None
        if mine is None and converter.sql:
            params = converter.convert(record, seq)
            if params is not None:
                fast.append(params)
                continue
        _decode_and_place(session, spec, mine, record, number, seq, fail, slow, result, updates)
    return _written(session, spec, converter, fast, slow, updates, result, len(lines))


def _decode_and_place(
    session: Session,
    spec: TableSpec,
    mine: Any,
    record: dict[str, Any],
    number: int,
    seq: int,
    fail: Callable[[int, BaseException], Exception],
    slow: list[dict[str, Any]],
    result: MergeResult,
    updates: list[dict[str, Any]],
) -> None:
    """A line decoded the careful way: a new row completed for `slow`, or merged into `mine`."""
    try:
        _spec, row = decode_row(record)
    except (ValueError, TypeError) as exc:
        raise fail(number, exc) from None
    if mine is None:
        slow.append(_complete(spec, row, seq))
        return
    _merge_into(session, spec, mine, row, seq, result, updates)


def _written(
    session: Session,
    spec: TableSpec,
    converter: _Converter,
    fast: list[tuple[Any, ...]],
    slow: list[dict[str, Any]],
    updates: list[dict[str, Any]],
    result: MergeResult,
    lines: int,
) -> MergeResult:
    """Write a table's new and merged rows; `result` with what was written."""
    _write(session, spec, converter.sql, fast, slow, updates)
    result.new, result.updated = len(fast) + len(slow), len(updates)
    result.by_table[spec.name] = lines
    return result


def _write(
    session: Session,
    spec: TableSpec,
    sql: str,
    fast: list[tuple[Any, ...]],
    slow: list[dict[str, Any]],
    updates: list[dict[str, Any]],
) -> None:
    """A chunk's new rows (converted ones first) and its updates, in this order."""
    if fast:
        session.connection().exec_driver_sql(sql, fast)
    if slow:
        insert_rows(session, spec.table, slow)
    if updates:
        session.execute(_update(spec), updates)


def apply_records(
    session: Session,
    records: list[tuple[int, Any]],
    seq: int,
    fail: Callable[[int, BaseException], Exception],
    on_chunk: Callable[[int], None] | None = None,
) -> MergeResult:
    """Merge a package's parsed lines (`changes.parse_records`, already checked by
    `check_contents`) into the database; the same rows, results and conflicts as `apply_rows`.

    `fail(line, problem)` makes the refusal of a line whose value cannot be decoded; the first
    such line of the package is the one refused, as when lines are applied in turn.
    """
    total = MergeResult()
    refuse = _first_refusal(lambda: records, fail)
    for name, lines in _by_table(records).items():
        spec = SPECS[name]
        converter = _Converter(spec, session.connection().dialect)
        for start in range(0, len(lines), BULK_CHUNK):
            chunk = lines[start : start + BULK_CHUNK]
            total.add(_apply_table(session, spec, chunk, seq, converter, refuse))
            if on_chunk is not None:
                on_chunk(total.new + total.updated + total.unchanged)
    return total


def _by_table(records: list[tuple[int, Any]]) -> dict[str, list[tuple[int, dict[str, Any]]]]:
    """A package's lines by table, the tables in the order of their first line."""
    by_table: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for number, record in records:
        by_table.setdefault(record["table"], []).append((number, record))
    return by_table


def _first_refusal(
    records: Callable[[], list[tuple[int, Any]]], fail: Callable[[int, BaseException], Exception]
) -> Callable[[int, BaseException], Exception]:
    """`fail` for the first line of the package that cannot be decoded, up to the one given."""

    def refuse(number: int, problem: BaseException) -> Exception:
        for earlier, record in records():  # an earlier line of another table may be bad too
            if earlier >= number:
                break
            try:
                decode_row(record)
            except (ValueError, TypeError) as exc:
                return fail(earlier, exc)
        return fail(number, problem)

    return refuse


# Lines made ready while verifying ----------------------------------------------------------
#
# A package verified on another process (`importer.Verifier`) comes back with its lines
# converted there, as `_Converter` converts them, into the parameters of each table's INSERT
# (`make_ready`): only the lookup of the rows held already, the INSERTs and the merges of held
# rows are left for the import's transaction (`apply_ready`). A held row, or a line that needs
# the row-by-row way, is taken from the package's lines parsed again.


@dataclass
class ReadyTable:
    """One table's lines of a package made ready: the INSERT they were converted for (its SQL,
    where the change number goes, whether stamps were written as json.dumps does), and per line
    its number, its id's 32 hexadecimal digits and the INSERT's parameters with change number
    0 (None where the line needs the row-by-row way)."""

    name: str
    sql: str
    seq_at: int
    plain_json: bool
    lines: list[tuple[int, str, tuple[Any, ...] | None]]


class Ready:
    """A package's lines made ready (`make_ready`), taken by the first apply: one that comes
    after (the same verified package applied again) parses the lines again."""

    def __init__(self, tables: list[ReadyTable]) -> None:
        self._tables: list[ReadyTable] | None = tables

    def take(self) -> list[ReadyTable] | None:
        """The tables, once (None afterwards): their memory goes with the apply."""
        tables, self._tables = self._tables, None
        return tables


def make_ready(records: list[tuple[int, Any]], dialect: Dialect) -> Ready:
    """A checked package's lines (`changes.check_and_keep`) made ready for `apply_ready`.

    Equal texts among the parameters are made one object (a package's rows repeat their
    references, node, codes and often their field stamps), which the pickle sending them to the
    importing process keeps shared: the lines of an import take less memory there.
    """
    ready = []
    same: dict[str, str] = {}
    share = same.setdefault
    for name, lines in _by_table(records).items():
        converter = _Converter(SPECS[name], dialect)
        made: list[tuple[int, str, tuple[Any, ...] | None]] = []
        at = converter.id_at
        for number, record in lines:
            params = converter.convert(record, 0) if converter.sql else None
            if params is None:
                made.append((number, record["id"].replace("-", ""), None))
                continue
            params = tuple([share(v, v) if type(v) is str else v for v in params])
            made.append((number, params[at], params))
        ready.append(ReadyTable(name, converter.sql, converter.seq_at, converter.plain_json, made))
    return Ready(ready)


def apply_ready(
    session: Session,
    ready: list[ReadyTable],
    records: Callable[[], list[tuple[int, Any]]],
    seq: int,
    fail: Callable[[int, BaseException], Exception],
    on_chunk: Callable[[int], None] | None = None,
) -> MergeResult:
    """`apply_records` for a package's lines made ready (`make_ready`): the same statements in
    the same order, the same results. `records()` gives the package's parsed lines, asked for
    only when a line is held already or needs the row-by-row way; a table whose INSERT differs
    here from the one its lines were made for is applied from those lines."""
    dialect = session.connection().dialect
    total = MergeResult()
    refuse = _first_refusal(records, fail)
    numbered: dict[int, Any] = {}

    def record_of(number: int) -> Any:
        if not numbered:
            numbered.update(records())
        return numbered[number]

    for table in ready:
        spec = SPECS[table.name]
        converter = _Converter(spec, dialect)
        usable = bool(converter.sql) and (
            (converter.sql, converter.seq_at, converter.plain_json)
            == (table.sql, table.seq_at, table.plain_json)
        )
        for start in range(0, len(table.lines), BULK_CHUNK):
            chunk = table.lines[start : start + BULK_CHUNK]
            if usable:
                done = _apply_ready_chunk(session, spec, chunk, seq, converter, record_of, refuse)
            else:
                lines = [(number, record_of(number)) for number, _hex, _params in chunk]
                done = _apply_table(session, spec, lines, seq, converter, refuse)
            total.add(done)
            if on_chunk is not None:
                on_chunk(total.new + total.updated + total.unchanged)
    return total


def _apply_ready_chunk(
    session: Session,
    spec: TableSpec,
    chunk: list[tuple[int, str, tuple[Any, ...] | None]],
    seq: int,
    converter: _Converter,
    record_of: Callable[[int], Any],
    fail: Callable[[int, BaseException], Exception],
) -> MergeResult:
    """`_apply_table` for lines made ready."""
    result = MergeResult()
    local = _held(session, spec, [hexes for _number, hexes, _params in chunk])
    at, stamp = converter.seq_at, (seq,)
    fast: list[tuple[Any, ...]] = []
    slow: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for number, hexes, params in chunk:
        mine = local.get(hexes) if local else None
        if mine is None and params is not None:
            fast.append(params[:at] + stamp + params[at + 1 :])
            continue
        record = record_of(number)
        _decode_and_place(session, spec, mine, record, number, seq, fail, slow, result, updates)
    return _written(session, spec, converter, fast, slow, updates, result, len(chunk))
