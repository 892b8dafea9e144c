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

from fieldlog.store import derived_tables

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


def newest_hits(fragment: str, most: int) -> Select[int, Any]:
    """(how many, the lowest rowid) of the `most` visits with the highest rowids that the index
    finds for `fragment` (live or not): how densely it matches the newest part of the log."""
    found = matching_rowids(fragment).order_by(visit_search.c.rowid.desc()).limit(most).subquery()
    return select(func.count(), func.min(found.c.rowid))


# Deferred upkeep during a large sync apply (`sync/deferred.py`). The triggers above index a
# visit once per write; an import of a hundred thousand visits spends most of its time there.
# `defer` swaps them, inside the caller's transaction, for temporary ones that only take a
# visit's entry out (once, with the values it went in with, exactly as the real triggers would)
# and note its rowid; `catch_up` indexes every noted visit once from its final row and puts the
# real triggers back. A rollback undoes both: the real triggers return with the transaction.
PENDING_TABLE = "visit_search_pending"
_TRIGGER_NAMES = tuple(
    f"{INDEX_TABLE}_{name}"
    for name in (
        "visit_insert",
        "visit_update",
        "visit_delete",
        "org_insert",
        "org_update",
        "org_delete",
    )
)


def _has_triggers(connection: Connection) -> bool:
    query = text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (:a, :b)")
    found = connection.execute(query, {"a": _TRIGGER_NAMES[0], "b": _TRIGGER_NAMES[3]}).scalar()
    return found == 2


def _forget_unnoted(visit: str, org_columns: str, where: str, mark: int) -> str:
    """Take out the entries of the visits `where` selects that are not noted yet, then note them
    (a visit appended past the mark has no entry yet: `catch_up` notes it)."""
    # Trigger bodies take no schema names: the temporary table is found first, the rest in main.
    pending = PENDING_TABLE
    unnoted = (
        f"{where} AND {visit}.rowid <= {int(mark)}"
        f" AND {visit}.rowid NOT IN (SELECT rowid FROM {pending})"
    )
    return (
        f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rowid, {_COLUMNS})"
        f" SELECT 'delete', {visit}.rowid, {_bigrams_sql(f'{visit}.summary')}, {org_columns}"
        f" FROM {unnoted};"
        f" INSERT OR IGNORE INTO {pending} (rowid) SELECT {visit}.rowid FROM {unnoted};"
    )


def _deferred_ddl(mark: int) -> list[str]:
    pending = PENDING_TABLE
    own_visit = "(SELECT 1) LEFT JOIN organization AS o ON o.id = old.org_id WHERE 1"
    org_visits = "visit AS v WHERE v.org_id = {org}.id"
    of_new_org = _forget_unnoted("v", _BLANK_ORG, org_visits.format(org="new"), mark)
    of_old_org = _forget_unnoted("v", _org_columns("old"), org_visits.format(org="old"), mark)
    return [
        f"CREATE TEMP TABLE {PENDING_TABLE} (rowid INTEGER PRIMARY KEY)",
        derived_tables.mark_table(PENDING_TABLE, mark),
        # Visits appended past the mark are noted by `catch_up`, all at once.
        f"CREATE TEMP TRIGGER {INDEX_TABLE}_defer_visit_insert AFTER INSERT ON main.visit"
        f" WHEN new.rowid <= {int(mark)}"
        f" BEGIN INSERT OR IGNORE INTO {pending} (rowid) VALUES (new.rowid); END",
        f"CREATE TEMP TRIGGER {INDEX_TABLE}_defer_visit_update AFTER UPDATE OF summary, org_id"
        " ON main.visit WHEN (old.summary IS NOT new.summary OR old.org_id IS NOT new.org_id)"
        f" AND old.rowid <= {int(mark)}"
        f" BEGIN {_forget_unnoted('old', _org_columns('o'), own_visit, mark)} END",
        f"CREATE TEMP TRIGGER {INDEX_TABLE}_defer_visit_delete AFTER DELETE ON main.visit"
        f" WHEN old.rowid <= {int(mark)}"
        f" BEGIN {_forget_unnoted('old', _org_columns('o'), own_visit, mark)} END",
        # A new organization: its visits were indexed with blank organization columns.
        f"CREATE TEMP TRIGGER {INDEX_TABLE}_defer_org_insert AFTER INSERT ON main.organization"
        f" BEGIN {of_new_org} END",
        f"CREATE TEMP TRIGGER {INDEX_TABLE}_defer_org_update AFTER UPDATE OF name,"
        " name_initials, credit_code ON main.organization WHEN old.name IS NOT new.name"
        " OR old.name_initials IS NOT new.name_initials OR old.credit_code IS NOT new.credit_code"
        f" BEGIN {of_old_org} END",
        f"CREATE TEMP TRIGGER {INDEX_TABLE}_defer_org_delete AFTER DELETE ON main.organization"
        f" BEGIN {of_old_org} END",
    ]


def defer(connection: Connection) -> bool:
    """Swap the index's triggers for noting ones until `catch_up` (in one transaction).

    False, and nothing done, when this database keeps no such index (PostgreSQL, or none yet).
    """
    if connection.dialect.name != "sqlite" or not _has_triggers(connection):
        return False
    mark = derived_tables.last_visit(connection)
    derived_tables.swap_triggers(connection, _TRIGGER_NAMES, _deferred_ddl(mark))
    return True


class _Hex(dict[str, str]):
    """A character's hexadecimal UTF-8, ASCII letters folded to lower case (built once each)."""

    def __missing__(self, char: str) -> str:
        folded = chr(ord(char) + 32) if "A" <= char <= "Z" else char
        value = self[char] = folded.encode().hex().upper()
        return value


_HEX = _Hex()


def bigrams(value: str | None) -> str | None:
    """What `_bigrams_sql` makes of `value`, computed here: the hexadecimal bigrams of its first
    INDEXED_CHARS characters, the last character alone; None for an empty or missing text.
    (A text holding NUL, which SQLite's length() stops at, is left to SQL: see `catch_up`.)"""
    if not value:
        return None
    hexes = list(map(_HEX.__getitem__, value[:INDEXED_CHARS]))  # a miss asks __missing__
    return " ".join([*map(str.__add__, hexes, hexes[1:]), hexes[-1]])


#: Visits indexed per statement when catching up (bounds the memory of a huge import).
CATCH_UP_CHUNK = 20_000


def catch_up(connection: Connection) -> int:
    """Index every visit noted since `defer` from its row as it is now, and put the real
    triggers back; returns how many visits were indexed.

    The bigrams are made here rather than in SQL (several times faster, and each
    organization's texts are split once, not once per visit), into exactly the entries the real
    triggers would write; a text holding NUL goes through the triggers' own SQL.
    """
    pending = f"temp.{PENDING_TABLE}"
    connection.execute(
        text(
            f"INSERT OR IGNORE INTO {pending} (rowid)"
            " SELECT rowid FROM main.visit WHERE rowid > :mark"
        ),
        {"mark": derived_tables.take_mark(connection, PENDING_TABLE)},
    )
    query = text(
        f"SELECT p.rowid, v.summary, o.name, o.name_initials, o.credit_code FROM {pending} AS p"
        " JOIN main.visit AS v ON v.rowid = p.rowid"
        " LEFT JOIN main.organization AS o ON o.id = v.org_id"
        " WHERE p.rowid > :after ORDER BY p.rowid LIMIT :limit"
    )
    insert = f"INSERT INTO main.{INDEX_TABLE} (rowid, {_COLUMNS}) VALUES (?, ?, ?, ?, ?)"
    organizations: dict[str | None, str | None] = {}

    def split(value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            return connection.execute(  # type: ignore[no-any-return]
                text(f"SELECT {_bigrams_sql(':value')}"), {"value": value}
            ).scalar()
        return bigrams(value)

    def org_text(value: str | None) -> str | None:
        if value not in organizations:
            organizations[value] = split(value)
        return organizations[value]

    indexed, after = 0, -1
    while True:
        rows = connection.execute(query, {"after": after, "limit": CATCH_UP_CHUNK}).all()
        if not rows:
            break
        entries = [
            (rowid, split(summary), org_text(name), org_text(initials), org_text(code))
            for rowid, summary, name, initials, code in rows
        ]
        connection.exec_driver_sql(insert, entries)
        indexed += len(entries)
        after = rows[-1][0]
    for name in _TRIGGER_NAMES:
        deferred = name.replace(INDEX_TABLE, INDEX_TABLE + "_defer", 1)
        connection.execute(text(f"DROP TRIGGER temp.{deferred}"))
    connection.execute(text(f"DROP TABLE {pending}"))
    for statement in _ddl():
        if statement.startswith("CREATE TRIGGER"):
            connection.execute(text(statement))
    return indexed
