"""The latest live visit of each live organization that sets a follow-up, kept by triggers.

Which visit's follow-up is due is decided by the latest live visit to each organization (a later
visit supersedes an earlier one's follow-up). Ranking every visit on each reading costs seconds at
a million visits, so on SQLite a small local table holds, per live organization, its latest live
visit when that visit sets a next follow-up, and triggers keep it current whoever writes (ORM,
Core, a sync merge, a bulk insert): each change recomputes the one or two organizations it
touches. It is derived data, never replicated. PostgreSQL has no such table and ranks visits.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, MetaData, Table, Uuid, text
from sqlalchemy.engine import Connection

from fieldlog.store import derived_tables

TABLE = "follow_up_latest"

follow_up_latest = Table(
    TABLE,
    MetaData(),
    Column("org_id", Uuid(), primary_key=True),
    Column("visit_id", Uuid(), nullable=False),
    Column("due", Date(), nullable=False),
    Index(f"ix_{TABLE}_due", "due", "visit_id"),
    Index(f"ix_{TABLE}_visit", "visit_id"),
)

#: The latest live visit of one organization, when the organization is live, ranked as the
#: follow-ups' rule ranks visits: by date, then creation time, then id.
_LATEST = (
    "SELECT v.org_id, v.id, v.next_follow_up FROM visit AS v"
    " WHERE v.org_id = {org} AND v.deleted = 0"
    " AND EXISTS (SELECT 1 FROM organization AS o WHERE o.id = {org} AND o.deleted = 0)"
    " ORDER BY v.visited_on DESC, v.created_at DESC, v.id DESC LIMIT 1"
)


def _recompute(org: str) -> str:
    return (
        f"DELETE FROM {TABLE} WHERE org_id = {org};"
        f" INSERT INTO {TABLE} (org_id, visit_id, due) SELECT * FROM ({_LATEST.format(org=org)})"
        " WHERE next_follow_up IS NOT NULL;"
    )


_VISIT_FIELDS = ("id", "org_id", "deleted", "visited_on", "created_at", "next_follow_up")


def _ddl() -> list[str]:
    changed = " OR ".join(f"old.{name} IS NOT new.{name}" for name in _VISIT_FIELDS)
    both = _recompute("old.org_id") + " " + _recompute("new.org_id")
    return [
        f"CREATE TRIGGER {TABLE}_visit_insert AFTER INSERT ON visit BEGIN"
        f" {_recompute('new.org_id')} END",
        # A sync merge rewrites every column of a row: only a change that can matter counts.
        f"CREATE TRIGGER {TABLE}_visit_update AFTER UPDATE OF {', '.join(_VISIT_FIELDS)}"
        f" ON visit WHEN {changed} BEGIN {both} END",
        f"CREATE TRIGGER {TABLE}_visit_delete AFTER DELETE ON visit BEGIN"
        f" {_recompute('old.org_id')} END",
        # A visit may arrive before its organization (a sync package in any order).
        f"CREATE TRIGGER {TABLE}_org_insert AFTER INSERT ON organization BEGIN"
        f" {_recompute('new.id')} END",
        f"CREATE TRIGGER {TABLE}_org_update AFTER UPDATE OF id, deleted ON organization"
        f" WHEN old.id IS NOT new.id OR old.deleted IS NOT new.deleted"
        f" BEGIN {_recompute('old.id')} {_recompute('new.id')} END",
        f"CREATE TRIGGER {TABLE}_org_delete AFTER DELETE ON organization BEGIN"
        f" {_recompute('old.id')} END",
    ]


_TRIGGERS = ("visit_insert", "visit_update", "visit_delete", "org_insert", "org_update")


def supported(connection: Connection) -> bool:
    """Whether this kind of database keeps the table (SQLite does)."""
    return connection.dialect.name == "sqlite"


def present(connection: Connection) -> bool:
    """Whether this database holds the table (SQLite from schema 0008 on)."""
    return derived_tables.sqlite_table_present(connection, TABLE)


def install(connection: Connection) -> None:
    """Create the table and its triggers, and fill it from every visit (SQLite only)."""
    if not supported(connection):
        return
    follow_up_latest.create(connection)
    for statement in _ddl():
        connection.execute(text(statement))
    rebuild(connection)


def rebuild(connection: Connection) -> None:
    """Fill the table afresh from the visits and organizations."""
    connection.execute(text(f"DELETE FROM {TABLE}"))
    connection.execute(
        text(
            f"INSERT INTO {TABLE} (org_id, visit_id, due)"
            " SELECT org_id, id, next_follow_up FROM (SELECT v.org_id, v.id, v.next_follow_up,"
            " row_number() OVER (PARTITION BY v.org_id"
            " ORDER BY v.visited_on DESC, v.created_at DESC, v.id DESC) AS rank"
            " FROM visit AS v JOIN organization AS o ON o.id = v.org_id AND o.deleted = 0"
            " WHERE v.deleted = 0) WHERE rank = 1 AND next_follow_up IS NOT NULL"
        )
    )


def uninstall(connection: Connection) -> None:
    """Drop the table and its triggers."""
    if not supported(connection):
        return
    for name in (*_TRIGGERS, "org_delete"):
        connection.execute(text(f"DROP TRIGGER IF EXISTS {TABLE}_{name}"))
    connection.execute(text(f"DROP TABLE IF EXISTS {TABLE}"))


# Deferred upkeep during a large sync apply (`sync/deferred.py`): the triggers above recompute an
# organization on every write of one of its visits; an import of a hundred thousand visits then
# recomputes each organization thousands of times. `defer` swaps them, inside the caller's
# transaction, for temporary ones that only note the organizations a write touches (the same
# ones the real triggers would recompute); `catch_up` recomputes each noted organization once and
# puts the real triggers back. A rollback undoes both.
PENDING_TABLE = "follow_up_pending"
_ALL_TRIGGERS = tuple(f"{TABLE}_{name}" for name in (*_TRIGGERS, "org_delete"))


def _note(*orgs: str) -> str:
    return " ".join(
        f"INSERT OR IGNORE INTO {PENDING_TABLE} (org_id) SELECT {org} WHERE {org} IS NOT NULL;"
        for org in orgs
    )


def _deferred_ddl(mark: int) -> list[str]:
    changed = " OR ".join(f"old.{name} IS NOT new.{name}" for name in _VISIT_FIELDS)
    return [
        f"CREATE TEMP TABLE {PENDING_TABLE} (org_id PRIMARY KEY)",
        derived_tables.mark_table(PENDING_TABLE, mark),
        # Visits appended past the mark are noted by `catch_up`, all at once.
        f"CREATE TEMP TRIGGER {TABLE}_defer_visit_insert AFTER INSERT ON main.visit"
        f" WHEN new.rowid <= {int(mark)} BEGIN {_note('new.org_id')} END",
        # An appended visit was never among the follow-ups: only its final organization
        # matters, which `catch_up` notes.
        f"CREATE TEMP TRIGGER {TABLE}_defer_visit_update AFTER UPDATE OF"
        f" {', '.join(_VISIT_FIELDS)} ON main.visit WHEN ({changed}) AND old.rowid <= {int(mark)}"
        f" BEGIN {_note('old.org_id', 'new.org_id')} END",
        f"CREATE TEMP TRIGGER {TABLE}_defer_visit_delete AFTER DELETE ON main.visit"
        f" WHEN old.rowid <= {int(mark)} BEGIN {_note('old.org_id')} END",
        f"CREATE TEMP TRIGGER {TABLE}_defer_org_insert AFTER INSERT ON main.organization BEGIN"
        f" {_note('new.id')} END",
        f"CREATE TEMP TRIGGER {TABLE}_defer_org_update AFTER UPDATE OF id, deleted"
        " ON main.organization WHEN old.id IS NOT new.id OR old.deleted IS NOT new.deleted"
        f" BEGIN {_note('old.id', 'new.id')} END",
        f"CREATE TEMP TRIGGER {TABLE}_defer_org_delete AFTER DELETE ON main.organization BEGIN"
        f" {_note('old.id')} END",
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
    """Recompute every organization noted since `defer`, as the real triggers would have, and
    put them back; returns how many organizations were recomputed."""
    pending = f"temp.{PENDING_TABLE}"
    connection.execute(
        text(
            f"INSERT OR IGNORE INTO {pending} (org_id) SELECT org_id FROM main.visit"
            " WHERE rowid > :mark AND org_id IS NOT NULL"
        ),
        {"mark": derived_tables.take_mark(connection, PENDING_TABLE)},
    )
    noted = connection.execute(text(f"SELECT count(*) FROM {pending}")).scalar() or 0
    connection.execute(
        text(f"DELETE FROM main.{TABLE} WHERE org_id IN (SELECT org_id FROM {pending})")
    )
    connection.execute(
        text(
            f"INSERT INTO main.{TABLE} (org_id, visit_id, due)"
            " SELECT org_id, id, next_follow_up FROM (SELECT v.org_id, v.id, v.next_follow_up,"
            " row_number() OVER (PARTITION BY v.org_id"
            " ORDER BY v.visited_on DESC, v.created_at DESC, v.id DESC) AS rank"
            " FROM main.visit AS v JOIN main.organization AS o ON o.id = v.org_id AND o.deleted = 0"
            f" WHERE v.deleted = 0 AND v.org_id IN (SELECT org_id FROM {pending}))"
            " WHERE rank = 1 AND next_follow_up IS NOT NULL"
        )
    )
    for name in _ALL_TRIGGERS:
        connection.execute(text(f"DROP TRIGGER temp.{name.replace(TABLE, TABLE + '_defer', 1)}"))
    connection.execute(text(f"DROP TABLE {pending}"))
    for statement in _ddl():
        connection.execute(text(statement))
    return int(noted)
