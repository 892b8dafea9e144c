"""Field values as they travel, checked one by one: text, numbers, ids, dates, times, nodes and
the field stamps of the merge. Each decoder returns the value or raises ValueError with a message
saying what was expected (the caller names the table, field and line)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from fieldlog.domain import hlc
from fieldlog.domain.messages import Message, msg

#: No stamp may lie beyond 2200-01-01: such a clock is broken, and its stamps would carry
#: every later edit of the team past it.
MAX_STAMP = hlc.pack(7_258_118_400_000)
#: Most nodes a field's history may name (a team has a few dozen laptops).
MAX_SEEN = 1_000
MAX_NODE = 32
INT_LIMIT = 2**63

Decoder = Callable[[Any], Any]


def json_text(item_separator: str, key_separator: str, sort_keys: bool) -> Callable[[Any], str]:
    """`json.dumps(value, separators=(item_separator, key_separator), sort_keys=sort_keys)` as
    one function made once: json.dumps builds an encoder on every call that asks for anything
    but its defaults, which many thousands of calls in an import feel. The same text."""
    make = json.encoder.c_make_encoder  # type: ignore[attr-defined]
    if make is None:  # a Python without json's C module

        def dumps(value: Any) -> str:
            separators = (item_separator, key_separator)
            return json.dumps(value, separators=separators, sort_keys=sort_keys)

        return dumps
    encode = make(
        None,
        json.JSONEncoder().default,
        json.encoder.encode_basestring_ascii,  # type: ignore[attr-defined]
        None,
        key_separator,
        item_separator,
        sort_keys,
        False,
        True,
    )
    return lambda value: "".join(encode(value, 0))


def text(limit: int) -> Decoder:
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


def integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= INT_LIMIT:
        raise ValueError(msg("sync.integer_expected", "whole number expected"))
    return value


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(msg("sync.boolean_expected", "true or false expected"))
    return value


def identifier(value: Any) -> uuid.UUID:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError(msg("sync.id_expected", "id expected"))
    return uuid.UUID(value)


#: References repeat (a package's visits name a few organizations, catalog items and members
#: over and over), so their UUIDs are parsed once; ids of the rows themselves are all distinct.
_parsed_reference = lru_cache(maxsize=4096)(uuid.UUID)


def reference(value: Any) -> uuid.UUID:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError(msg("sync.id_expected", "id expected"))
    return _parsed_reference(value)


def day(value: Any) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError(msg("sync.date_expected", "date YYYY-MM-DD expected"))
    return date.fromisoformat(value)


def timestamp(value: Any) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError(msg("sync.time_expected", "time expected"))
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(msg("sync.time_without_zone", "time without a time zone"))
    return moment.astimezone(UTC)


def node_id(value: Any) -> str:
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
    stamp: list[Any] = [integer(value[0]), node_id(value[1])]
    if not 0 <= stamp[0] <= MAX_STAMP:
        raise ValueError(clock_wrong(stamp[0]))
    if len(value) == 3:
        seen = value[2]
        if not isinstance(seen, dict) or len(seen) > MAX_SEEN:
            raise ValueError(msg("sync.history_expected", "field history expected"))
        stamp.append({node_id(node): integer(hlc) for node, hlc in seen.items()})
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


def row_stamp(value: Any) -> int:
    stamp = integer(value)
    if not 0 <= stamp <= MAX_STAMP:
        raise ValueError(clock_wrong(stamp))
    return stamp


def stamps(fields: tuple[str, ...]) -> Decoder:
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
