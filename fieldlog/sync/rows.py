"""Records as they travel: one JSON object per replicated row, checked field by field.

A row carries its table, id, every content field, ``deleted``, ``created_at``, ``updated_at``,
``hlc``, ``node_id`` and ``field_stamps`` — never ``local_seq``, which is this laptop's own.
Values are JSON: UUIDs as strings, dates and times in ISO 8601, integers, booleans, text.
Decoding refuses anything the column could not hold, so nothing odd reaches the database.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String, Table, Uuid
from sqlalchemy.sql.schema import Column

from fieldlog.domain import hlc
from fieldlog.domain.messages import Message, carried, msg
from fieldlog.store.models import REPLICATED_MODELS
from fieldlog.store.models.base import LOCAL_COLUMNS, META_COLUMNS
from fieldlog.store.types import UtcDateTime
from fieldlog.store.types import json_value as encode_value

#: Longest text any column may bring: the services allow 20,000 characters of notes (some go
#: into String columns, which SQLite does not limit), so this only stops absurd values.
MAX_TEXT = 100_000
#: A String column this narrow holds a code (stage, intent, kind, role, scope, metric, position,
#: catalog kind) or a credit code: its declared width is what a value may take, whatever release
#: wrote it. Wider String columns hold names, phones and evidence that this version's services
#: write beyond the declared width on SQLite (a member's name of 200 characters in String(100)),
#: so those keep MAX_TEXT.
CODE_WIDTH = 32
#: No stamp may lie beyond 2200-01-01: such a clock is broken, and its stamps would carry
#: every later edit of the team past it.
MAX_STAMP = hlc.pack(7_258_118_400_000)
#: Most nodes a field's history may name (a team has a few dozen laptops).
MAX_SEEN = 1_000
MAX_NODE = 32
INT_LIMIT = 2**63

Decoder = Callable[[Any], Any]
#: A database row by column key (SQLAlchemy's RowMapping or a plain dict).
RowLike = Mapping[Any, Any]


@dataclass(frozen=True, eq=False)
class TableSpec:
    """How the rows of one replicated table travel and merge.

    ``fields`` are merged one by one (last writer wins): ``deleted`` and the content columns.
    ``columns`` are everything a package carries.
    """

    name: str
    table: Table
    fields: tuple[str, ...]
    columns: tuple[str, ...]
    decoders: Mapping[str, Decoder]
    defaults: Mapping[str, Any]
    #: The keys a travelling row of this table may have ("table" and `columns`).
    allowed: frozenset[str] = frozenset()
    #: The coded columns and their widths (checked when a package is first read).
    widths: Mapping[str, int] = field(default_factory=dict)


def _text(limit: int) -> Decoder:
    def decode(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(msg("sync.text_expected", "text expected"))
        if len(value) > limit:
            raise ValueError(
                msg(
                    "sync.text_too_long",
                    "text of {length} characters, at most {limit}",
                    length=format(len(value), ","),
                    limit=format(limit, ","),
                )
            )
        return value

    return decode


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= INT_LIMIT:
        raise ValueError(msg("sync.integer_expected", "whole number expected"))
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(msg("sync.boolean_expected", "true or false expected"))
    return value


def _uuid(value: Any) -> uuid.UUID:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError(msg("sync.id_expected", "id expected"))
    return uuid.UUID(value)


#: References repeat (a package's visits name a few organizations, catalog items and members
#: over and over), so their UUIDs are parsed once; ids of the rows themselves are all distinct.
_parsed_reference = lru_cache(maxsize=4096)(uuid.UUID)


def _reference(value: Any) -> uuid.UUID:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError(msg("sync.id_expected", "id expected"))
    return _parsed_reference(value)


def _date(value: Any) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError(msg("sync.date_expected", "date YYYY-MM-DD expected"))
    return date.fromisoformat(value)


def _timestamp(value: Any) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError(msg("sync.time_expected", "time expected"))
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(msg("sync.time_without_zone", "time without a time zone"))
    return moment.astimezone(UTC)


def _node(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_NODE or not value.isascii():
        raise ValueError(msg("sync.node_expected", "node id expected"))
    return value


def decode_stamp(value: Any) -> list[Any]:
    """A field stamp [hlc, node] or [hlc, node, {node: hlc}], checked."""
    if type(value) is list and len(value) == 2:  # the common case, checked quickly
        hlc_value, node = value
        quick = type(hlc_value) is int and 0 <= hlc_value <= MAX_STAMP
        if quick and type(node) is str and len(node) <= MAX_NODE:
            return value
    if not isinstance(value, list) or len(value) not in (2, 3):
        raise ValueError(msg("sync.stamp_expected", "field stamp expected"))
    stamp: list[Any] = [_integer(value[0]), _node(value[1])]
    if not 0 <= stamp[0] <= MAX_STAMP:
        raise ValueError(clock_wrong(stamp[0]))
    if len(value) == 3:
        seen = value[2]
        if not isinstance(seen, dict) or len(seen) > MAX_SEEN:
            raise ValueError(msg("sync.history_expected", "field history expected"))
        stamp.append({_node(node): _integer(hlc) for node, hlc in seen.items()})
    return stamp


def clock_wrong(stamp: int) -> Message:
    """The refusal of a stamp before 1970 or after 2200: the sender's clock is wrong."""
    if stamp < 0:
        when = msg("sync.before_1970", "before 1970")
    else:
        year = 1970 + hlc.wall_ms(stamp) // 31_557_600_000
        when = msg("sync.in_the_year", "in the year {year}", year=year)
    return msg(
        "sync.clock_wrong", "a change stamped {when}: the sender's clock is wrong", when=when
    )


def _row_stamp(value: Any) -> int:
    stamp = _integer(value)
    if not 0 <= stamp <= MAX_STAMP:
        raise ValueError(clock_wrong(stamp))
    return stamp


def _stamps(fields: tuple[str, ...]) -> Decoder:
    allowed = frozenset(fields)

    def decode(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ValueError(msg("sync.stamps_expected", "field stamps expected"))
        if not value.keys() <= allowed:
            unknown = set(value) - allowed
            raise ValueError(
                msg(
                    "sync.stamp_unknown_field",
                    "a stamp for an unknown field {field}",
                    field=repr(sorted(unknown)[0]),
                )
            )
        return {name: decode_stamp(stamp) for name, stamp in value.items()}

    return decode


def _plain_decoder(column: Column[Any]) -> Decoder:
    kind = column.type
    if isinstance(kind, UtcDateTime):
        return _timestamp
    if isinstance(kind, Uuid):
        return _uuid if column.primary_key else _reference
    if isinstance(kind, Boolean):
        return _boolean
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, Integer):
        return _integer
    if isinstance(kind, String):  # Text too
        return _text(_code_width(column) or MAX_TEXT)
    raise TypeError(f"no decoder for {column.table.name}.{column.key} ({kind})")


def _code_width(column: Column[Any]) -> int | None:
    """The width of a coded column (see CODE_WIDTH); None for any other column."""
    length = getattr(column.type, "length", None)
    if isinstance(column.type, String) and length is not None and length <= CODE_WIDTH:
        return int(length)
    return None


def _decoder(column: Column[Any], fields: tuple[str, ...]) -> Decoder:
    if isinstance(column.type, JSON):
        return _stamps(fields)
    if column.key == "node_id":
        return _node
    if column.key == "hlc":
        return _row_stamp
    plain = _plain_decoder(column)
    if not column.nullable:
        return plain
    return lambda value: None if value is None else plain(value)


def _spec(table: Table) -> TableSpec:
    content = sorted(c.key for c in table.columns if c.key not in META_COLUMNS)
    fields = ("deleted", *content)
    columns = tuple(c.key for c in table.columns if c.key not in LOCAL_COLUMNS)
    defaults = {}
    for column in table.columns:
        value = getattr(column.default, "arg", None)
        if column.key in content and value is not None and not callable(value):
            defaults[column.key] = value
    return TableSpec(
        name=table.name,
        table=table,
        fields=fields,
        columns=columns,
        decoders={c.key: _decoder(c, fields) for c in table.columns if c.key in columns},
        defaults=defaults,
        allowed=frozenset({"table", *columns}),
        widths=MappingProxyType(
            {
                c.key: width
                for c in table.columns
                if c.key in content and (width := _code_width(c)) is not None
            }
        ),
    )


#: Every replicated table, in an order where references point backwards.
SPECS: dict[str, TableSpec] = {
    model.__tablename__: _spec(model.__table__)  # type: ignore[attr-defined]
    for model in REPLICATED_MODELS
}


def canonical(value: Any) -> str:
    """A value as a string that sorts the same on every laptop (a tie-breaker for merges)."""
    return json.dumps(encode_value(value), ensure_ascii=False, sort_keys=True)


def encode_row(spec: TableSpec, row: RowLike) -> dict[str, Any]:
    """The travelling form of a database row."""
    encoded = {"table": spec.name}
    encoded.update({key: encode_value(row[key]) for key in spec.columns})
    return encoded


#: Columns a row must carry whatever the schema revision it was written by.
REQUIRED = ("id", "created_at", "updated_at", "node_id", "hlc", "deleted", "field_stamps")
_REQUIRED = frozenset(REQUIRED)


def check_widths(table: str, record: Mapping[str, Any]) -> None:
    """ValueError when a coded field of a travelling row is longer than its column allows.

    Run on every line when a package is first read, before the database is touched: a newer
    release may send codes this one does not know (kept as they came), never wider ones.
    """
    for key, width in SPECS[table].widths.items():
        value = record.get(key)
        if isinstance(value, str) and len(value) > width:
            raise ValueError(
                msg(
                    "sync.code_too_long",
                    "{field}: text of {length} characters, at most {limit}",
                    field=table + "." + key,
                    length=format(len(value), ","),
                    limit=width,
                )
            )


def decode_row(record: Any) -> tuple[TableSpec, dict[str, Any]]:
    """A travelling row checked and turned into column values; ValueError says what is wrong."""
    if not isinstance(record, dict):
        raise ValueError(msg("sync.not_an_object", "a record must be a JSON object"))
    spec = SPECS.get(record.get("table"))  # type: ignore[arg-type]
    if spec is None:
        raise ValueError(
            msg(
                "sync.unknown_table",
                "unknown table {table}",
                table=repr(str(record.get("table"))[:40]),
            )
        )
    keys = record.keys()
    if not keys <= spec.allowed:
        unknown = set(record) - spec.allowed
        raise ValueError(
            msg(
                "sync.unknown_field",
                "unknown field {field} in {table}",
                field=repr(sorted(unknown)[0][:40]),
                table=spec.name,
            )
        )
    if not keys >= _REQUIRED:
        missing = [key for key in REQUIRED if key not in record]
        raise ValueError(
            msg(
                "sync.record_without",
                "{table} record without {field}",
                table=spec.name,
                field=missing[0],
            )
        )
    decoders = spec.decoders
    row: dict[str, Any] = {}
    key = ""
    try:
        for key, value in record.items():
            if key != "table":
                row[key] = decoders[key](value)
    except (ValueError, TypeError) as exc:
        raise ValueError(
            msg(
                "sync.bad_value",
                "{field}: {problem}",
                field=spec.name + "." + key,
                problem=carried(exc),
            )
        ) from None
    return spec, row
