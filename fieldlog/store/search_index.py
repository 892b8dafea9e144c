"""The visit log's substring index on SQLite: FTS5 over overlapping character bigrams.

FTS5's trigram tokenizer cannot answer fragments shorter than three characters, and most Chinese
search words (华为, 物流, 协会) have two. So each indexed text becomes the list of its overlapping
bigrams, the last character standing alone, each written in hexadecimal so that the unicode61
tokenizer keeps punctuation, spaces, % and _ as part of the token. A fragment then matches
exactly where LIKE '%fragment%' does: one character is a prefix query, two are one token, more
are a phrase of consecutive bigrams. ASCII letters are folded to lower case on both sides, as
SQLite's LIKE folds them (and only them).

One FTS row per visit (its rowid is the visit's rowid) holds the visit's summary and its
organization's name, pinyin initials and credit code. Triggers keep it current whoever writes
(ORM, Core, a sync merge, a bulk insert, a raw connection): the splitting is plain SQL over a
small table of numbers, so no connection needs a Python function to write a visit. A rename of an
organization rewrites the rows of that organization's visits only. PostgreSQL has its own index
of the same match (`store.server_search`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, column, func, select, table, text
from sqlalchemy.engine import Connection

#: The FTS5 table and the numbers it splits texts with; both are local, derived data.
INDEX_TABLE = "visit_search"
NUMBERS_TABLE = "search_number"
#: Positions are hi * STRIDE + lo over the first INDEXED_CHARS characters of a text.
STRIDE = 1024
#: Only the start of a text is split into bigrams: splitting costs time quadratic in the length
#: (SQLite's substr walks the UTF-8 from the start), and a 10 MB note must not stall a write.
#: Summaries longer than this (rare) are searched with LIKE, through a partial index of them.
INDEXED_CHARS = 2000
LONG_SUMMARIES_INDEX = "ix_visit_long_summary"
TABLES = (INDEX_TABLE, NUMBERS_TABLE)

visit_search = table(INDEX_TABLE, column("rowid"), column(INDEX_TABLE))


def is_index_table(name: str) -> bool:
    """Whether a table is part of the search index (the FTS5 table, its shadows, the numbers)."""
    return name in (NUMBERS_TABLE, INDEX_TABLE) or name.startswith(f"{INDEX_TABLE}_")


def _bigrams_sql(value: str) -> str:
    """SQL for the space-separated hexadecimal bigrams of `value`, in order of position."""
    whole = f"substr(coalesce({value}, ''), 1, {INDEXED_CHARS})"
    # Written so that both numbers are read as ranges of their primary key, in order.
    return (
        f"(SELECT group_concat(hex(lower(substr({whole}, hi.n * {STRIDE} + lo.n + 1, 2))), ' ')"
        f" FROM {NUMBERS_TABLE} AS hi CROSS JOIN {NUMBERS_TABLE} AS lo"
        f" WHERE hi.n <= (length({whole}) - 1) / {STRIDE}"
        f" AND lo.n < length({whole}) - hi.n * {STRIDE})"
    )


_COLUMNS = "summary, org_name, org_initials, org_code"
_BLANK_ORG = "NULL, NULL, NULL"


def _org_columns(org: str) -> str:
    return ", ".join(
        _bigrams_sql(f"{org}.{name}") for name in ("name", "name_initials", "credit_code")
    )


def _visit_entry(command: str, visit: str) -> str:
    # A visit may arrive before its organization (a sync package in any order): a missing
    # organization indexes as blank, and the organization's insert fills it in.
    return (
        f"INSERT INTO {INDEX_TABLE} ({command}rowid, {_COLUMNS})"
        f" SELECT {_command_value(command)}{visit}.rowid, {_bigrams_sql(f'{visit}.summary')},"
        f" {_org_columns('o')} FROM (SELECT 1) LEFT JOIN organization AS o"
        f" ON o.id = {visit}.org_id;"
    )


def _command_value(command: str) -> str:
    return "'delete', " if command else ""


def _org_visits(command: str, org: str, org_columns: str) -> str:
    return (
        f"INSERT INTO {INDEX_TABLE} ({command}rowid, {_COLUMNS})"
        f" SELECT {_command_value(command)}v.rowid, {_bigrams_sql('v.summary')}, {org_columns}"
        f" FROM visit AS v WHERE v.org_id = {org}.id;"
    )


def _ddl() -> list[str]:
    # The index is contentless (it keeps no copy of its texts, which would double its size), so
    # a row leaves it by a 'delete' carrying exactly the values it went in with: the triggers
    # recompute them from the visit and its organization as they were.
    forget, remember = f"{INDEX_TABLE}, ", ""
    unfilled = _org_visits(forget, "new", _BLANK_ORG) + _org_visits(
        remember, "new", _org_columns("new")
    )
    renamed = _org_visits(forget, "old", _org_columns("old")) + _org_visits(
        remember, "new", _org_columns("new")
    )
    emptied = _org_visits(forget, "old", _org_columns("old")) + _org_visits(
        remember, "old", _BLANK_ORG
    )
    return [
        f"CREATE TABLE {NUMBERS_TABLE} (n INTEGER PRIMARY KEY)",
        f"CREATE INDEX {LONG_SUMMARIES_INDEX} ON visit (id)"
        f" WHERE length(summary) > {INDEXED_CHARS}",
        f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5"
        f"({_COLUMNS}, content = '', tokenize = 'unicode61')",
        f"CREATE TRIGGER {INDEX_TABLE}_visit_insert AFTER INSERT ON visit BEGIN"
        f" {_visit_entry(remember, 'new')} END",
        f"CREATE TRIGGER {INDEX_TABLE}_visit_update AFTER UPDATE OF summary, org_id ON visit"
        # A sync merge rewrites every column of a row: only a real change reindexes it.
        " WHEN old.summary IS NOT new.summary OR old.org_id IS NOT new.org_id"
        f" BEGIN {_visit_entry(forget, 'old')} {_visit_entry(remember, 'new')} END",
        f"CREATE TRIGGER {INDEX_TABLE}_visit_delete AFTER DELETE ON visit BEGIN"
        f" {_visit_entry(forget, 'old')} END",
        f"CREATE TRIGGER {INDEX_TABLE}_org_insert AFTER INSERT ON organization BEGIN"
        f" {unfilled} END",
        f"CREATE TRIGGER {INDEX_TABLE}_org_update AFTER UPDATE OF name, name_initials,"
        f" credit_code ON organization WHEN old.name IS NOT new.name"
        " OR old.name_initials IS NOT new.name_initials OR old.credit_code IS NOT new.credit_code"
        f" BEGIN {renamed} END",
        f"CREATE TRIGGER {INDEX_TABLE}_org_delete AFTER DELETE ON organization BEGIN {emptied} END",
    ]


def install(connection: Connection) -> None:
    """Create the index, its triggers and its numbers, and index every visit (SQLite only)."""
    if connection.dialect.name != "sqlite":
        return
    for statement in _ddl():
        connection.execute(text(statement))
    connection.execute(
        text(f"INSERT INTO {NUMBERS_TABLE} (n) SELECT value FROM json_each(:numbers)").bindparams(
            numbers=str(list(range(STRIDE)))
        )
    )
    rebuild(connection)


def rebuild(connection: Connection) -> None:
    """Index every visit afresh (after a restore that may have renumbered rows, say)."""
    connection.execute(text(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('delete-all')"))
    connection.execute(
        text(
            f"INSERT INTO {INDEX_TABLE} (rowid, {_COLUMNS})"
            f" SELECT v.rowid, {_bigrams_sql('v.summary')}, {_org_columns('o')}"
            " FROM visit AS v LEFT JOIN organization AS o ON o.id = v.org_id"
        )
    )
    connection.execute(text(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('optimize')"))


def uninstall(connection: Connection) -> None:
    """Drop the index and everything that maintains it."""
    if connection.dialect.name != "sqlite":
        return
    triggers = ("visit_insert", "visit_update", "visit_delete", "org_insert", "org_update")
    for name in (*triggers, "org_delete"):
        connection.execute(text(f"DROP TRIGGER IF EXISTS {INDEX_TABLE}_{name}"))
    connection.execute(text(f"DROP INDEX IF EXISTS {LONG_SUMMARIES_INDEX}"))
    connection.execute(text(f"DROP TABLE IF EXISTS {INDEX_TABLE}"))
    connection.execute(text(f"DROP TABLE IF EXISTS {NUMBERS_TABLE}"))


def fold(fragment: str) -> str:
    """ASCII letters in lower case, everything else as it is: the folding of SQLite's LIKE."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in fragment)


def _phrase(fragment: str) -> str:
    """The FTS5 phrase matching `fragment` (already folded, not blank) as a substring."""
    if len(fragment) == 1:
        return f'"{fragment.encode().hex()}"*'
    pairs = (fragment[i : i + 2].encode().hex() for i in range(len(fragment) - 1))
    return '"' + " ".join(pairs) + '"'


def match_query(fragment: str) -> str:
    """The FTS5 query for the log's text search: summary or name anywhere; for ASCII also the
    pinyin initials anywhere and the credit code's start."""
    phrase = _phrase(fold(fragment))
    if not fragment.isascii():
        return f"{{summary org_name}} : {phrase}"
    return f"{{summary org_name org_initials}} : {phrase} OR org_code : ^{phrase}"


def matching_rowids(fragment: str) -> Select[Any]:
    """The rowids of the visits whose indexed texts contain `fragment` (not blank)."""
    return select(visit_search.c.rowid).where(_matches(fragment))


def long_summary_rowids(fragment: str) -> Select[Any]:
    """The rowids of the visits with a summary longer than what is indexed that contains
    `fragment` as LIKE would find it (ASCII letters folded, as SQLite's lower() folds them);
    read through a partial index of those visits. instr, not LIKE: a LIKE pattern is limited to
    50,000 bytes, and a pasted fragment may be longer."""
    visit = table("visit", column("rowid"), column("summary"))
    return select(visit.c.rowid).where(
        func.length(visit.c.summary) > INDEXED_CHARS,
        func.instr(func.lower(visit.c.summary), fold(fragment)) > 0,
    )


def _matches(fragment: str) -> ColumnElement[bool]:
    return visit_search.c[INDEX_TABLE].op("MATCH")(match_query(fragment))


def capped_count(fragment: str, cap: int) -> Select[Any]:
    """How many visits (live or not) the index finds for `fragment`, counting at most `cap`."""
    found = matching_rowids(fragment).limit(cap).subquery()
    return select(func.count()).select_from(found)
