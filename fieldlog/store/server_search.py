"""The visit log's substring index on PostgreSQL: GIN over each text's characters and bigrams.

The same match as SQLite's bigram index (`store.search_index`), by the same idea in the
server's own terms. `fieldlog_grams(text)` is the array of the characters and overlapping
character pairs of a text, ASCII letters folded to lower case (`fieldlog_fold`, the
folding of SQLite's LIKE, and only of ASCII: PostgreSQL's lower() and ILIKE fold every
alphabet). Built-in GIN array indexes over it answer "holds every character pair of the
fragment" (a single character: holds that character), and `strpos` over the folded text then
keeps exactly the texts that hold the fragment in one piece. No extension is needed (plpgsql is
built in), so a database owner's role creates everything here on any server (pg_trgm was
measured too, and lost: docs/PERFORMANCE.md).

Only a summary's first INDEXED_CHARS characters are split, as on SQLite; longer summaries are
read through an index of summary lengths. Organization names, initials and credit codes are indexed
on the organization table, and a visit matches through its organization's id. Expression
indexes keep themselves current on every write path: there are no triggers and no side table.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, cast, func, literal, or_, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.types import Text

from fieldlog.store.models import Organization, Visit
from fieldlog.store.repositories.common import LIKE_ESCAPE, escape_like
from fieldlog.store.search_index import INDEXED_CHARS, fold

FOLD = "fieldlog_fold"
GRAMS = "fieldlog_grams"
#: The indexes this module keeps (a migration creates them; no model describes them).
INDEXES = {
    "ix_visit_summary_grams": f"visit USING gin ({GRAMS}(left(summary, {INDEXED_CHARS})))",
    # On the length itself (not a partial index of the long ones): its statistics tell the
    # planner that long summaries are rare, so a rare word's few hits are joined row by row.
    "ix_visit_summary_length": "visit ((length(summary)))",
    "ix_organization_name_grams": f"organization USING gin ({GRAMS}(name))",
    "ix_organization_initials_grams": f"organization USING gin ({GRAMS}(name_initials))",
    "ix_organization_code_folded": f"organization ({FOLD}(credit_code) text_pattern_ops)",
}

_UPPER, _LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
# The folding is a FROM-less SQL body, so the planner inlines it into any query. The grams are
# one pass over the characters (string_to_array … NULL splits a text into them), appending to
# an array in place: linear in the length (a set-based SQL body was four times slower). GIN
# removes repeated elements itself.
_FUNCTIONS = (
    f"CREATE OR REPLACE FUNCTION {FOLD}(value text) RETURNS text"
    " LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
    f" AS $$ SELECT translate(value, '{_UPPER}', '{_LOWER}') $$",
    f"CREATE OR REPLACE FUNCTION {GRAMS}(value text) RETURNS text[]"
    " LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$"
    " DECLARE found text[] := '{}'; one text; previous text;"
    f" BEGIN FOREACH one IN ARRAY string_to_array({FOLD}(value), NULL) LOOP"
    "  found := found || one;"
    "  IF previous IS NOT NULL THEN found := found || (previous || one); END IF;"
    "  previous := one;"
    " END LOOP; RETURN found; END $$",
)


def is_search_index(name: str) -> bool:
    """Whether an index is one of this module's (derived data no model describes)."""
    return name in INDEXES


def install(connection: Connection) -> None:
    """Create the functions and the indexes (PostgreSQL only)."""
    if connection.dialect.name != "postgresql":
        return
    for statement in _FUNCTIONS:
        connection.execute(text(statement))
    for name, definition in INDEXES.items():
        table, _, rest = definition.partition(" ")
        connection.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {rest}"))


def uninstall(connection: Connection) -> None:
    """Drop the indexes and the functions."""
    if connection.dialect.name != "postgresql":
        return
    for name in INDEXES:
        connection.execute(text(f"DROP INDEX IF EXISTS {name}"))
    connection.execute(text(f"DROP FUNCTION IF EXISTS {GRAMS}(text)"))
    connection.execute(text(f"DROP FUNCTION IF EXISTS {FOLD}(text)"))


def grams(fragment: str) -> list[str]:
    """The elements an indexed text holds when it holds `fragment` (folded, not blank)."""
    if len(fragment) == 1:
        return [fragment]
    return sorted({fragment[i : i + 2] for i in range(len(fragment) - 1)})


def _holds(column: Any, folded: str, limit: int | None = None) -> ColumnElement[bool]:
    """`column` holds `folded` as SQLite's LIKE finds it: through the grams index, then exactly."""
    indexed = func.left(column, limit) if limit is not None else column
    wanted = cast(literal(grams(folded), ARRAY(Text)), ARRAY(Text))
    return func.fieldlog_grams(indexed).op("@>")(wanted) & (
        func.strpos(func.fieldlog_fold(column), folded) > 0
    )


def _long_summary_holds(folded: str) -> ColumnElement[bool]:
    return (func.length(Visit.summary) > INDEXED_CHARS) & (
        func.strpos(func.fieldlog_fold(Visit.summary), folded) > 0
    )


def matching_orgs(fragment: str) -> Select[Any]:
    """Ids of the organizations whose name holds `fragment`; for ASCII also whose pinyin
    initials hold it or whose credit code starts with it (ASCII letters in either case)."""
    folded = fold(fragment)
    conditions = [_holds(Organization.name, folded)]
    if fragment.isascii():
        conditions.append(_holds(Organization.name_initials, folded))
        prefix = f"{escape_like(folded)}%"
        code = func.fieldlog_fold(Organization.credit_code)
        conditions.append(code.like(prefix, escape=LIKE_ESCAPE))
    return select(Organization.id).where(or_(*conditions))


def matching_visits(fragment: str) -> Select[Any]:
    """Ids of the visits (live or not) whose summary or organization holds `fragment` (not
    blank): the summary's indexed start, a long summary's whole text, the organization's match."""
    by_summary = select(Visit.id).where(_summary_holds(fold(fragment)))
    by_org = select(Visit.id).where(Visit.org_id.in_(matching_orgs(fragment)))
    return by_summary.union(by_org)  # type: ignore[return-value]


def _summary_holds(folded: str) -> ColumnElement[bool]:
    """The summary holds `folded`: found through the grams of its start, or (a long one) read
    through the index of lengths."""
    return or_(_holds(Visit.summary, folded, INDEXED_CHARS), _long_summary_holds(folded))


def capped_hits(session: Session, fragment: str, cap: int) -> int:
    """How many visits the indexes offer for `fragment` (before the exact check), up to `cap`."""
    offered = select(Visit.id).where(_offered(fold(fragment))).limit(cap).subquery()
    by_org = select(Visit.id).where(Visit.org_id.in_(matching_orgs(fragment))).limit(cap)
    found = session.execute(select(func.count()).select_from(offered)).scalar_one()
    found += session.execute(select(func.count()).select_from(by_org.subquery())).scalar_one()
    return int(min(found, cap))


def _offered(folded: str) -> ColumnElement[bool]:
    wanted = cast(literal(grams(folded), ARRAY(Text)), ARRAY(Text))
    return func.fieldlog_grams(func.left(Visit.summary, INDEXED_CHARS)).op("@>")(wanted)


def estimated_hits(session: Session, fragment: str) -> float:
    """The planner's estimate of the summaries holding `fragment`'s grams (no row is read): the
    statistics of the GIN index's elements are good for frequent ones."""
    query = select(Visit.id).where(_offered(fold(fragment)))
    compiled = query.compile(session.get_bind())
    explain = f"EXPLAIN (FORMAT JSON) {compiled}"
    plan: Any = session.connection().exec_driver_sql(explain, compiled.params).scalar_one()
    return float(plan[0]["Plan"]["Plan Rows"])


def condition(session: Session, fragment: str, ordered: bool, common: int) -> ColumnElement[bool]:
    """The visit (of the enclosing query) matches `fragment`.

    Few matches (under `common`) are listed through the indexes and then sorted. More are found
    by walking the log in its order and keeping the visits among the listed matches (a page
    fills after a short walk, where sorting every match would read them all). A word the index
    statistics call frequent is not listed at all: the walk checks each visit's own summary,
    and its organization among the few that match.
    """
    if not ordered:
        return Visit.id.in_(matching_visits(fragment))
    if estimated_hits(session, fragment) >= 10 * common:
        folded = fold(fragment)
        in_summary = func.strpos(func.fieldlog_fold(Visit.summary), folded) > 0
        return or_(in_summary, Visit.org_id.in_(matching_orgs(fragment)))
    if capped_hits(session, fragment, common) < common:
        return Visit.id.in_(matching_visits(fragment))
    # Two lists joined by OR: the planner checks each visit of the walk against both (hashed),
    # rather than joining every match and sorting.
    by_summary = select(Visit.id).where(_summary_holds(fold(fragment)))
    return or_(Visit.id.in_(by_summary), Visit.org_id.in_(matching_orgs(fragment)))
