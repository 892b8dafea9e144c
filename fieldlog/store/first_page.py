"""The visit log's first page read straight from an SQLite file, before the ORM is imported.

Importing SQLAlchemy's ORM and declaring the models costs more than everything else the window
does before it can paint (docs/PERFORMANCE.md). So the window first shows the log's first page
read here with Python's sqlite3 alone, read-only, in the same statements the repository
(`store.repositories.visit_list`) sends for the unfiltered log, newest first; the full window
is built once that page is on screen. The rows are the same `VisitListRow`s (a test holds the two
readers to each other).

Only where those statements are the right answer: a plain FieldLog file (SQLite opens it; an
encrypted file does not open with sqlite3), at the schema this FieldLog knows (an older one is
upgraded by the normal open first), not a bureau's (its window shows another log), with visits.
Anything else answers None and the window opens the normal way. A server is never read here.
The file is opened by SQLite through a read-only `file:` URI (never with Python's open(), which
would drop the locks SQLite holds on it in this process).
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from fieldlog.store.visit_rows import (
    FULL_SUMMARY_CHARS,
    VISITOR_SEPARATOR,
    VisitListRow,
    first_line,
)

#: store.engine.APPLICATION_ID ("FLOG"), repeated so that no SQLAlchemy module is imported.
APPLICATION_ID = 0x464C4F47
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"
_REVISION = re.compile(r'^revision = "([^"]+)"$', re.MULTILINE)
_DOWN = re.compile(r'^down_revision = (?:"([^"]+)"|None)$', re.MULTILINE)
#: Waits this long for a writer's lock, then gives the page up (the normal open waits longer).
BUSY_MS = 200

_KEYS = (
    "SELECT visit.visited_on, visit.id FROM visit"
    " JOIN organization ON organization.id = visit.org_id"
    " WHERE visit.deleted IS 0 AND organization.deleted IS 0"
    " ORDER BY visit.visited_on DESC, visit.id DESC LIMIT ?"
)
_DETAILS = (
    "SELECT visit.id, visit.visited_on, organization.id, organization.name, organization.kind,"
    " catalog_item.name, chain.name, visit.intent, substr(visit.summary, 1, ?),"
    " visit.next_follow_up FROM visit JOIN organization ON organization.id = visit.org_id"
    " LEFT OUTER JOIN catalog_item ON catalog_item.id = visit.kind_id"
    " AND catalog_item.deleted IS 0"
    " LEFT OUTER JOIN chain ON chain.id = visit.chain_id AND chain.deleted IS 0"
    " WHERE visit.id IN ({ids})"
)
_VISITORS = (
    "SELECT visit_visitor.visit_id, member.name FROM visit_visitor"
    " JOIN member ON member.id = visit_visitor.member_id"
    " WHERE visit_visitor.visit_id IN ({ids})"
    " AND visit_visitor.deleted IS 0 AND member.deleted IS 0"
    " ORDER BY visit_visitor.visit_id, member.name"
)


@cache
def head_revision() -> str | None:
    """The newest schema revision of the migration files (as `store.migrate` reads them)."""
    chain: dict[str, str | None] = {}
    for path in MIGRATIONS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is not None and down is not None:
            chain[revision[1]] = down[1]
    heads = [revision for revision in chain if revision not in set(chain.values())]
    return heads[0] if len(heads) == 1 else None


def read_first_page(path: Path, limit: int) -> list[VisitListRow] | None:
    """The first `limit` visits of the unfiltered log of the FieldLog file at `path`, newest
    first; None where this reading does not apply (see the module) or SQLite refuses."""
    if not path.is_file():
        return None
    uri = f"{path.expanduser().resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_MS / 1000)
    except sqlite3.Error:
        return None
    try:
        with connection:
            return _read(connection, limit)
    except sqlite3.Error:  # encrypted, damaged, busy, not ours: the normal open tells why
        return None
    finally:
        connection.close()


def _read(connection: sqlite3.Connection, limit: int) -> list[VisitListRow] | None:
    connection.execute("PRAGMA query_only = 1")
    if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return None
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] != head_revision():
        return None
    bureau = connection.execute("SELECT value FROM local_state WHERE key = 'bureau_name'")
    if (bureau.fetchone() or ("",))[0]:
        return None
    keys = connection.execute(_KEYS, (limit,)).fetchall()
    if not keys:
        return None  # an empty log (perhaps the welcome screen): nothing to show early
    ids = [key[1] for key in keys]
    marks = ", ".join("?" * len(ids))
    details = {
        row[0]: row
        for row in connection.execute(_DETAILS.format(ids=marks), (FULL_SUMMARY_CHARS, *ids))
    }
    names: dict[str, list[str]] = {}
    for visit_id, name in connection.execute(_VISITORS.format(ids=marks), ids):
        names.setdefault(visit_id, []).append(name)
    return [
        _row(details[visit_id], VISITOR_SEPARATOR.join(names.get(visit_id, []))) for visit_id in ids
    ]


def _uuid(value: Any) -> uuid.UUID:
    return uuid.UUID(hex=value) if isinstance(value, str) else uuid.UUID(bytes=bytes(value))


def _date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _row(row: Any, visitors: str) -> VisitListRow:
    visited_on, visit_id = _date(row[1]), _uuid(row[0])
    assert visited_on is not None
    return VisitListRow(
        id=visit_id,
        visited_on=visited_on,
        org_id=_uuid(row[2]),
        org_name=row[3],
        org_kind=row[4],
        kind_name=row[5] or "",
        visitors=visitors,
        chain_name=row[6] or "",
        intent=row[7] or "",
        summary=first_line(row[8] or ""),
        full_summary=row[8] or "",
        next_follow_up=_date(row[9]),
        sort_key=(visited_on, visit_id),
    )
