"""The payload of a package: a header line, then one line per changed row.

Export picks rows by the local change counter (``local_seq``), never by the clock: a change
this laptop received late got a new number when it was applied, so it is forwarded too.
Import parses the payload once, before the database is touched, to check its shape (every line
a record of a known table with an id of its own, counts as the manifest says) and keeps the
parsed records for the apply (`Records`; an import of very many rows parses a package again
when its turn comes, so memory stays bounded); inside the import's transaction every field is
decoded and applied — a bad value there rolls the whole import back.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, carried, msg
from fieldlog.sync.errors import PackageError
from fieldlog.sync.manifest import Manifest
from fieldlog.sync.rows import (
    SPECS,
    TableSpec,
    check_widths,
    decode_row,
    encode_row,
    encode_value,
)

MAX_LINE = 4 * 1024 * 1024
MAX_NAME = 100
#: A team's name may be as long as any name the services accept.
MAX_TEAM_NAME = 200


@dataclass(frozen=True)
class Header:
    """Who sent a package (inside the encryption): member name, when, names of other nodes,
    and the name of the sender's team (its id is in the manifest)."""

    member: str
    made_at: datetime | None
    nodes: dict[str, str]
    team: str = ""


@dataclass
class Contents:
    """What checking a payload found: header, rows per table, newest stamp per node."""

    header: Header
    counts: dict[str, int] = field(default_factory=dict)
    newest: dict[str, int] = field(default_factory=dict)
    #: The team records the package holds: name by id.
    teams: dict[str, str] = field(default_factory=dict)
    #: The teams its other rows name (a member's, work group's or team target's team).
    team_refs: set[str] = field(default_factory=set)

    @property
    def rows(self) -> int:
        """Rows in all tables."""
        return sum(self.counts.values())

    @property
    def max_stamp(self) -> int:
        """The newest stamp anywhere in the package (0 when empty)."""
        return max(self.newest.values(), default=0)


def changed_rows(session: Session, since: int | None) -> Iterator[dict[str, Any]]:
    """The travelling form of every row changed after change number `since` (all if None)."""
    for spec in SPECS.values():
        table = spec.table
        query = select(*(table.c[key] for key in spec.columns)).order_by(table.c.id)
        if since is not None:
            query = query.where(table.c.local_seq > since)
        for row in session.execute(query).mappings():
            yield encode_row(spec, row)


def build_payload(header: Header, rows: Iterator[dict[str, Any]]) -> tuple[bytes, dict[str, int]]:
    """The payload bytes and the row counts per table."""
    out = io.BytesIO()
    head = {
        "member": header.member,
        "made_at": encode_value(header.made_at),
        "nodes": header.nodes,
        "team": header.team,
    }
    out.write(json.dumps({"header": head}, ensure_ascii=False).encode("utf-8") + b"\n")
    counts: dict[str, int] = {}
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        out.write(b"\n")
        counts[row["table"]] = counts.get(row["table"], 0) + 1
    return out.getvalue(), counts


def _name(value: Any, limit: int = MAX_NAME) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError(msg("sync.member_name_expected", "member name expected"))
    return value


def _header(line: str) -> Header:
    data = json.loads(line)
    head = data["header"]
    made_at = head.get("made_at")
    nodes = head.get("nodes", {})
    if not isinstance(nodes, dict) or len(nodes) > 10_000:
        raise ValueError(msg("sync.node_names_expected", "node names expected"))
    when = datetime.fromisoformat(made_at) if isinstance(made_at, str) else None
    return Header(
        member=_name(head.get("member", "")),
        made_at=when if when is not None and when.tzinfo is not None else None,
        nodes={_name(node)[:32]: _name(name) for node, name in nodes.items()},
        team=_name(head.get("team", ""), MAX_TEAM_NAME),
    )


def _lines(plaintext: bytes) -> Iterator[tuple[int, str]]:
    try:
        text = plaintext.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(msg("sync.not_utf8", "the changes are not UTF-8 text")) from None
    # Split on "\n" only: text values may hold U+2028 and other line separators.
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE:
            raise ValueError(
                msg(
                    "sync.line_too_long",
                    "line {number} is longer than {limit} characters",
                    number=number,
                    limit=format(MAX_LINE, ","),
                )
            )
        if line.strip():
            yield number, line


def no_header(label: str) -> Message:
    """The refusal of a payload whose first line is not a valid header."""
    return msg("package.no_header", "{label} has no valid header line", label=label)


def bad_line(label: str, number: int, exc: BaseException) -> Message:
    """The refusal of a payload line: our message as it is, a library's text cut short."""
    problem = carried(exc)
    return msg(
        "package.bad_line",
        "{label}, line {number}: {problem}",
        label=label,
        number=number,
        problem=problem if isinstance(problem, Message) else problem[:160],
    )


#: A payload's parsed lines: (line number, the JSON value of the line), header excluded.
Records = list[tuple[int, Any]]


def parse_records(plaintext: bytes, label: str) -> tuple[Header, Records]:
    """The header and every other line parsed (not yet checked); PackageError for a bad line."""
    header, records, problem = _parse(plaintext, label)
    if problem is not None:
        raise problem
    return header, records


def _parse(plaintext: bytes, label: str) -> tuple[Header, Records, PackageError | None]:
    """The header, the lines parsed up to the first that is not JSON, and its refusal."""
    lines = _lines(plaintext)
    try:
        _number, first = next(lines)
        header = _header(first)
    except (StopIteration, ValueError, KeyError, TypeError, AttributeError):
        raise PackageError(no_header(label)) from None
    records: Records = []
    number = 1
    loads = json.loads
    try:
        for position, line in lines:
            number = position
            records.append((position, loads(line)))
    except (ValueError, TypeError, RecursionError) as exc:
        return header, records, PackageError(bad_line(label, number, exc))
    return header, records, None


def read_rows(
    plaintext: bytes, label: str
) -> tuple[Header, Iterator[tuple[TableSpec, dict[str, Any]]]]:
    """The header and an iterator over the decoded rows; PackageError for a bad line."""
    lines = _lines(plaintext)
    try:
        _number, first = next(lines)
        header = _header(first)
    except (StopIteration, ValueError, KeyError, TypeError, AttributeError):
        raise PackageError(no_header(label)) from None

    def rows() -> Iterator[tuple[TableSpec, dict[str, Any]]]:
        number = 1
        try:
            for position, line in lines:
                number = position
                yield decode_row(json.loads(line))
        except (ValueError, TypeError, RecursionError) as exc:
            raise PackageError(bad_line(label, number, exc)) from None

    return header, rows()


#: The tables whose rows name a team (`target` only with scope "team").
_TEAM_REFERENCES = frozenset({"member", "work_group", "target"})
_CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _note_stamp(newest: dict[str, int], stamp: Any) -> None:
    if isinstance(stamp, list) and len(stamp) >= 2:
        hlc, node = stamp[0], stamp[1]
        if type(hlc) is int and isinstance(node, str) and hlc > newest.get(node, -1):
            newest[node] = hlc


def _scan_line(record: Any, contents: Contents, seen: set[tuple[str, str]]) -> None:
    if not isinstance(record, dict):
        raise ValueError(msg("sync.not_an_object", "a record must be a JSON object"))
    table, row_id = record.get("table"), record.get("id")
    if not isinstance(table, str) or table not in SPECS:
        raise ValueError(
            msg("sync.unknown_table", "unknown table {table}", table=repr(str(table)[:40]))
        )
    if not isinstance(row_id, str) or not _CANONICAL_ID.fullmatch(row_id):
        raise ValueError(
            msg("sync.record_without_id", "{table} record without a valid id", table=table)
        )
    key = (table, row_id)
    if key in seen:
        raise ValueError(
            msg("sync.record_twice", "{table} {id} appears twice", table=table, id=row_id)
        )
    seen.add(key)
    check_widths(table, record)
    counts = contents.counts
    counts[table] = counts.get(table, 0) + 1
    newest = contents.newest
    stamps = record.get("field_stamps")
    if isinstance(stamps, dict):
        # A row's stamps mostly repeat one [hlc, node]: a stamp equal to the last one noted
        # (an int hlc and a str node) adds nothing.
        last: Any = None
        for stamp in stamps.values():
            if stamp == last or not isinstance(stamp, list) or len(stamp) < 2:
                continue
            hlc, node = stamp[0], stamp[1]
            if type(hlc) is int and isinstance(node, str):
                last = stamp
                if hlc > newest.get(node, -1):
                    newest[node] = hlc
    _note_stamp(newest, [record.get("hlc"), record.get("node_id")])
    _note_team(table, record, contents)


def _note_team(table: str, record: dict[str, Any], contents: Contents) -> None:
    """Which team a row is or names, if any (ill-formed values are refused when decoded)."""
    if table == "team":
        name = record.get("name")
        contents.teams[record["id"]] = name[:MAX_TEAM_NAME] if isinstance(name, str) else ""
        return
    named = record.get("scope_id") if record.get("scope") == "team" else record.get("team_id")
    if table in _TEAM_REFERENCES and isinstance(named, str) and _CANONICAL_ID.fullmatch(named):
        contents.team_refs.add(named)


def check_contents(plaintext: bytes, manifest: Manifest, label: str) -> Contents:
    """Check the shape of every line: tables, ids (each once), the widths of coded fields,
    counts against the manifest.

    Other field values are checked one by one when the rows are decoded to be applied, inside
    the import's transaction, so a bad value still leaves the database as it was.
    """
    return check_and_keep(plaintext, manifest, label)[0]


def check_and_keep(plaintext: bytes, manifest: Manifest, label: str) -> tuple[Contents, Records]:
    """`check_contents`, and the parsed lines, which the apply can take without parsing again.

    Lines are parsed first, then checked in order: the first line that is not JSON is refused
    only after the lines before it passed, as when each line was parsed and checked in turn.
    """
    header, records, problem = _parse(plaintext, label)
    contents = Contents(header=header)
    seen: set[tuple[str, str]] = set()
    number = 1
    try:
        for position, record in records:
            number = position
            _scan_line(record, contents, seen)
    except (ValueError, TypeError, RecursionError) as exc:
        raise PackageError(bad_line(label, number, exc)) from None
    if problem is not None:
        raise problem
    listed = {table: count for table, count in manifest.counts.items() if count}
    if listed != contents.counts:
        tables = sorted(set(listed) | set(contents.counts))
        table = next(t for t in tables if listed.get(t, 0) != contents.counts.get(t, 0))
        raise PackageError(
            msg(
                "package.counts_differ",
                "{label}: the manifest does not match the contents ({table}: {listed} listed, "
                "{found} found)",
                label=label,
                table=table,
                listed=listed.get(table, 0),
                found=contents.counts.get(table, 0),
            )
        )
    return contents, records
