"""`check` on a database server: the server-side equivalents of SQLite's own checks.

SQLite's integrity_check and foreign_key_check have no direct counterpart on a server, so each
is asked as a query: the database answers and is at this FieldLog's schema revision; every
foreign key of the models holds (counted row by row in SQL, since a constraint can be deferred
or have been dropped or disabled by hand); no credit code is held by two live organizations;
the change counter is not behind the newest change; and, where the role may run amcheck, every
B-tree index of FieldLog's tables is structurally sound.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKeyConstraint, Select, Table, and_, exists, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, msg
from fieldlog.store import migrate
from fieldlog.store.models import REPLICATED_MODELS, Base, Organization
from fieldlog.store.stamping import COUNTERS_INFO, SEQ_KEY, read_state

#: amcheck's B-tree check (heapallindexed off: the structure only, quick on a large table).
_AMCHECK = "bt_index_check(regclass, boolean)"
_CHECK_INDEX = text("SELECT bt_index_check(CAST(:index AS regclass), false)")


def server_checks(session: Session, thorough: bool) -> tuple[list[Message], list[Message]]:
    """The problems and notes of the server-side checks: the revision and the foreign keys
    always (what a sync import checks before it commits, as SQLite's checks are there);
    `thorough` (`fieldlog check`) adds the credit codes, the change counter and amcheck."""
    session.execute(text("SELECT 1"))  # the database answers
    problems = _revision(session) + _foreign_keys(session)
    if not thorough:
        return problems, []
    problems += _duplicate_codes(session) + _change_counter(session)
    found, notes = _amcheck(session)
    return problems + found, notes


def _revision(session: Session) -> list[Message]:
    revision = migrate.current_revision(session.connection())
    if revision == migrate.head_revision():
        return []
    return [
        msg(
            "health.revision",
            "schema: the database is at revision {found}, this FieldLog expects {expected}",
            found=str(revision),
            expected=migrate.head_revision(),
        )
    ]


def _missing(table: Table, constraint: ForeignKeyConstraint) -> Select[Any]:
    """SQL counting the rows of `table` whose `constraint` points at no row."""
    pairs = [(element.parent, element.column) for element in constraint.elements]
    points = and_(*(column.is_not(None) for column, _ in pairs))
    found = exists().where(*(target == column for column, target in pairs))
    return select(func.count()).select_from(table).where(points, ~found)


def _foreign_keys(session: Session) -> list[Message]:
    from fieldlog.store.health import missing_parent  # health runs these checks

    problems = []
    for table in Base.metadata.sorted_tables:
        for constraint in sorted(table.foreign_key_constraints, key=lambda c: str(c.name)):
            count: int = session.execute(_missing(table, constraint)).scalar_one()
            if count:
                problems.append(missing_parent(count, table.name, constraint.referred_table.name))
    return problems


def _duplicate_codes(session: Session) -> list[Message]:
    codes = (
        select(Organization.credit_code)
        .where(Organization.deleted.is_(False), Organization.credit_code.is_not(None))
        .group_by(Organization.credit_code)
        .having(func.count() > 1)
        .subquery()
    )
    count = session.execute(select(func.count()).select_from(codes)).scalar_one()
    if not count:
        return []
    return [
        msg(
            "health.duplicate_codes",
            "credit codes: {count} code(s) are held by more than one live organization",
            count=count,
        )
    ]


def _change_counter(session: Session) -> list[Message]:
    newest = 0
    for model in REPLICATED_MODELS:
        table = model.__table__  # type: ignore[attr-defined]
        newest = max(newest, session.execute(select(func.max(table.c.local_seq))).scalar() or 0)
    counters = session.info.get(COUNTERS_INFO)
    counter = max(int(read_state(session, SEQ_KEY) or 0), counters[1] if counters else 0)
    if newest <= counter:
        return []
    return [
        msg(
            "health.counter_behind",
            "sync: the change counter ({counter}) is behind the newest change ({newest}), so a "
            "package could miss a change",
            counter=counter,
            newest=newest,
        )
    ]


def _amcheck(session: Session) -> tuple[list[Message], list[Message]]:
    usable = session.execute(
        text(
            "SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'bt_index_check')"
            f" AND has_function_privilege(to_regprocedure('{_AMCHECK}'), 'EXECUTE')"
        )
    ).scalar()
    if not usable:
        return [], [
            msg(
                "health.amcheck_missing",
                "index structure not checked: the amcheck extension is not installed or not "
                "granted to this role (an administrator can: CREATE EXTENSION amcheck)",
            )
        ]
    names = set(Base.metadata.tables)
    indexes = session.execute(
        text(
            "SELECT c.relname, i.indexrelid::regclass::text FROM pg_index i"
            " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid"
            " JOIN pg_am a ON a.oid = x.relam WHERE a.amname = 'btree'"
            " AND c.relnamespace = current_schema()::regnamespace"
        )
    ).all()
    problems = []
    for table, index in indexes:
        if table not in names:
            continue
        try:
            with session.begin_nested():
                session.execute(_CHECK_INDEX, {"index": index})
        except DBAPIError as exc:  # amcheck raises on the first damage it finds in an index
            detail = str(exc.orig).splitlines()[0]
            problems.append(msg("health.integrity", "integrity: {detail}", detail=detail))
    return problems, []
