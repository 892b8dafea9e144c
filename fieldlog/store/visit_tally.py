"""How many live visits each organization has, kept by triggers (the all-time figures).

The all-time visit figures (SPEC §3.5 over an unbounded period, for the whole team) count every
live visit of every live organization: at a million visits the count read a million index
entries each time. On SQLite a small local table holds, per organization, its number of live
visits (`deleted = 0`), whatever the organization's own state: the figures' query joins it to
the live organizations as it joined the counted visits. Triggers keep it current whoever writes
(ORM, Core, a sync merge, a bulk insert) by adding and taking away one: a live visit written
adds one to its organization, a live visit removed or tombstoned takes one away, a visit moved
to another organization moves its one, an undelete adds it back. An organization whose count
falls to 0 loses its row, so the table always equals a fresh
`SELECT org_id, count(*) FROM visit WHERE deleted = 0 GROUP BY org_id` (`differences` checks it,
`fieldlog check` reports a difference). It is derived data, never replicated. PostgreSQL has no
such table and counts the visits.

A visit removed by `INSERT OR REPLACE`/`UPDATE OR REPLACE` fires no delete trigger in SQLite
(recursive triggers are off); FieldLog never writes visits that way.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, Table, Uuid, text
from sqlalchemy.engine import Connection

from fieldlog.store import derived_tables

TABLE = "visit_tally"

visit_tally = Table(
    TABLE,
    MetaData(),
    Column("org_id", Uuid(), primary_key=True),
    Column("visits", Integer(), nullable=False),
    # Its rows are its primary key's entries: one lookup per organization, not two.
    sqlite_with_rowid=False,
)

#: Each organization's live visits, counted afresh (what the table holds).
FRESH = (
    "SELECT org_id, count(*) AS visits FROM {schema}visit"
    " WHERE deleted = 0 AND org_id IS NOT NULL{also} GROUP BY org_id"
)


def _add(org: str, live: str) -> str:
    """Count one more visit for `org` when `live` holds."""
    return (
        f"INSERT INTO {TABLE} (org_id, visits) SELECT {org}, 1"
        f" WHERE {live} AND {org} IS NOT NULL"
        " ON CONFLICT (org_id) DO UPDATE SET visits = visits + 1;"
    )


def _take(org: str, live: str) -> str:
    """Count one visit less for `org` when `live` holds (its row goes at 0)."""
    return (
        f"UPDATE {TABLE} SET visits = visits - 1 WHERE org_id = {org} AND {live};"
        f" DELETE FROM {TABLE} WHERE org_id = {org} AND visits <= 0;"
    )


#: An update that can change a count: the visit moved or its tombstone changed, and it was or
#: is live (a sync merge rewrites every column of a row, mostly to the same values).
_UPDATE_MATTERS = (
    "(old.org_id IS NOT new.org_id OR old.deleted IS NOT new.deleted)"
    " AND (old.deleted = 0 OR new.deleted = 0)"
)


def _ddl() -> list[str]:
    return [
        f"CREATE TRIGGER {TABLE}_visit_insert AFTER INSERT ON visit WHEN new.deleted = 0"
        f" BEGIN {_add('new.org_id', 'new.deleted = 0')} END",
        f"CREATE TRIGGER {TABLE}_visit_update AFTER UPDATE OF org_id, deleted ON visit"
        f" WHEN {_UPDATE_MATTERS} BEGIN {_take('old.org_id', 'old.deleted = 0')}"
        f" {_add('new.org_id', 'new.deleted = 0')} END",
        f"CREATE TRIGGER {TABLE}_visit_delete AFTER DELETE ON visit WHEN old.deleted = 0"
        f" BEGIN {_take('old.org_id', 'old.deleted = 0')} END",
    ]


_TRIGGERS = ("visit_insert", "visit_update", "visit_delete")
_ALL_TRIGGERS = tuple(f"{TABLE}_{name}" for name in _TRIGGERS)


def supported(connection: Connection) -> bool:
    """Whether this kind of database keeps the table (SQLite does)."""
    return connection.dialect.name == "sqlite"


def present(connection: Connection) -> bool:
    """Whether this database holds the table (SQLite from schema 0016 on)."""
    return derived_tables.sqlite_table_present(connection, TABLE)


def counts_visits(connection: Connection) -> bool:
    """Whether the table counts the visits a query on this connection sees: it is present and
    `visit` is the table itself, not a temporary view of some of its rows shadowing it (a
    bureau's team view, `store/team_view.py`, whose counts the table does not keep)."""
    if not present(connection):
        return False
    query = text("SELECT 1 FROM sqlite_temp_master WHERE name = 'visit'")
    return connection.execute(query).first() is None


def create(connection: Connection) -> None:
    """Create the empty table and its triggers (SQLite only; `rebuild` fills it)."""
    visit_tally.create(connection)
    for statement in _ddl():
        connection.execute(text(statement))


def install(connection: Connection) -> None:
    """Create the table and its triggers, and fill it from every visit (SQLite only)."""
    if not supported(connection):
        return
    create(connection)
    rebuild(connection)


def rebuild(connection: Connection) -> None:
    """Fill the table afresh from the visits (one aggregate over the visits' org index)."""
    connection.execute(text(f"DELETE FROM {TABLE}"))
    fresh = FRESH.format(schema="", also="")
    connection.execute(text(f"INSERT INTO {TABLE} (org_id, visits) {fresh}"))


def differences(connection: Connection) -> int:
    """How many organizations' stored counts differ from their visits counted afresh (0: the
    table is right; also 0 where no table is kept)."""
    if not present(connection):
        return 0
    fresh = FRESH.format(schema="", also="")
    stored = f"SELECT org_id, visits FROM {TABLE}"
    query = (
        f"SELECT count(DISTINCT org_id) FROM (SELECT org_id FROM ({fresh} EXCEPT {stored})"
        f" UNION ALL SELECT org_id FROM ({stored} EXCEPT {fresh}))"
    )
    return int(connection.execute(text(query)).scalar() or 0)


def uninstall(connection: Connection) -> None:
    """Drop the table and its triggers."""
    if not supported(connection):
        return
    for name in _ALL_TRIGGERS:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    connection.execute(text(f"DROP TABLE IF EXISTS {TABLE}"))


# Deferred upkeep during a large sync apply (`sync/deferred.py`), as `follow_up_index` does:
# `defer` swaps the triggers, inside the caller's transaction, for temporary ones that only note
# the organizations whose count a write changes (the ones the real triggers would adjust);
# `catch_up` counts each noted organization's visits afresh, once, and puts the real triggers
# back. A rollback undoes both.
PENDING_TABLE = "visit_tally_pending"


def _note(*orgs: str) -> str:
    return " ".join(
        f"INSERT OR IGNORE INTO {PENDING_TABLE} (org_id) SELECT {org} WHERE {org} IS NOT NULL;"
        for org in orgs
    )


def _deferred_ddl(mark: int) -> list[str]:
    return [
        f"CREATE TEMP TABLE {PENDING_TABLE} (org_id PRIMARY KEY)",
        derived_tables.mark_table(PENDING_TABLE, mark),
        # Visits appended past the mark are noted by `catch_up`, all at once.
        f"CREATE TEMP TRIGGER {TABLE}_defer_visit_insert AFTER INSERT ON main.visit"
        f" WHEN new.deleted = 0 AND new.rowid <= {int(mark)} BEGIN {_note('new.org_id')} END",
        # An appended visit was never counted: only its final organization matters, which
        # `catch_up` notes.
        f"CREATE TEMP TRIGGER {TABLE}_defer_visit_update AFTER UPDATE OF org_id, deleted"
        f" ON main.visit WHEN {_UPDATE_MATTERS} AND old.rowid <= {int(mark)}"
        f" BEGIN {_note('old.org_id', 'new.org_id')} END",
        f"CREATE TEMP TRIGGER {TABLE}_defer_visit_delete AFTER DELETE ON main.visit"
        f" WHEN old.deleted = 0 AND old.rowid <= {int(mark)} BEGIN {_note('old.org_id')} END",
    ]


def defer(connection: Connection) -> bool:
    """Swap the table's triggers for noting ones until `catch_up` (in one transaction).

    False, and nothing done, when this database keeps no such table.
    """
    if not present(connection):
        return False
    mark = derived_tables.last_visit(connection)
    derived_tables.swap_triggers(connection, _ALL_TRIGGERS, _deferred_ddl(mark))
    return True


def catch_up(connection: Connection) -> int:
    """Count afresh every organization noted since `defer`, as the real triggers would have
    left it, and put them back; returns how many organizations were counted."""
    pending = f"temp.{PENDING_TABLE}"
    connection.execute(
        text(
            f"INSERT OR IGNORE INTO {pending} (org_id) SELECT org_id FROM main.visit"
            " WHERE rowid > :mark AND deleted = 0 AND org_id IS NOT NULL"
        ),
        {"mark": derived_tables.take_mark(connection, PENDING_TABLE)},
    )
    noted = connection.execute(text(f"SELECT count(*) FROM {pending}")).scalar() or 0
    connection.execute(
        text(f"DELETE FROM main.{TABLE} WHERE org_id IN (SELECT org_id FROM {pending})")
    )
    fresh = FRESH.format(schema="main.", also=f" AND org_id IN (SELECT org_id FROM {pending})")
    connection.execute(text(f"INSERT INTO main.{TABLE} (org_id, visits) {fresh}"))
    for name in _ALL_TRIGGERS:
        connection.execute(text(f"DROP TRIGGER temp.{name.replace(TABLE, TABLE + '_defer', 1)}"))
    connection.execute(text(f"DROP TABLE {pending}"))
    for statement in _ddl():
        connection.execute(text(statement))
    return int(noted)
