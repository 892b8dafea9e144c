"""Records as they travel: one JSON object per replicated row, checked field by field.

A row carries its table, id, every content field, ``deleted``, ``created_at``, ``updated_at``,
``hlc``, ``node_id`` and ``field_stamps`` — never ``local_seq``, which is this laptop's own.
Values are JSON: UUIDs as strings, dates and times in ISO 8601, integers, booleans, text.
Decoding refuses anything the column could not hold, so nothing odd reaches the database.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String, Table, Uuid
from sqlalchemy.sql.schema import Column

from fieldlog.domain.messages import carried, msg
from fieldlog.store.models import REPLICATED_MODELS
from fieldlog.store.models.base import LOCAL_COLUMNS, META_COLUMNS
from fieldlog.store.types import UtcDateTime
from fieldlog.store.types import json_value as encode_value
from fieldlog.sync import values
from fieldlog.sync.values import Decoder

#: Longest text any column may bring: the services allow 20,000 characters of notes (some go
#: into String columns, which SQLite does not limit), so this only stops absurd values.
MAX_TEXT = 100_000
#: A String column this narrow holds a code (stage, intent, kind, role, scope, metric, position,
#: catalog kind) or a credit code: its declared width is what a value may take, whatever release
#: wrote it. Wider String columns hold names, phones and evidence that this version's services
#: write beyond the declared width on SQLite (a member's name of 200 characters in String(100)),
#: so those keep MAX_TEXT.
CODE_WIDTH = 32
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


def _plain_decoder(column: Column[Any]) -> Decoder:
    kind = column.type
    if isinstance(kind, UtcDateTime):
        return values.timestamp
    if isinstance(kind, Uuid):
        return values.identifier if column.primary_key else values.reference
    if isinstance(kind, Boolean):
        return values.boolean
    if isinstance(kind, Date):
        return values.day
    if isinstance(kind, Integer):
        return values.integer
    if isinstance(kind, String):  # Text too
        return values.text(_code_width(column) or MAX_TEXT)
    raise TypeError(f"no decoder for {column.table.name}.{column.key} ({kind})")


def _code_width(column: Column[Any]) -> int | None:
    """The width of a coded column (see CODE_WIDTH); None for any other column."""
    length = getattr(column.type, "length", None)
    if isinstance(column.type, String) and length is not None and length <= CODE_WIDTH:
        return int(length)
    return None


def _decoder(column: Column[Any], fields: tuple[str, ...]) -> Decoder:
    if isinstance(column.type, JSON):
        return values.stamps(fields)
    if column.key == "node_id":
        return values.node_id
    if column.key == "hlc":
        return values.row_stamp
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
