"""Removing a local_state value so that its bytes leave the file: a secret that used to be kept
in the database (the team passphrase before it moved to the password store) must not survive in
a free page, the page's unused space or the write-ahead log, where a thief's scan finds it.
"""

from __future__ import annotations

import contextlib

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from fieldlog.store.models.base import LocalState


def erase_state(session: Session, key: str) -> bool:
    """Delete the local_state value `key` with SQLite's secure_delete on (the freed bytes are
    overwritten with zeros); True when there was one. PostgreSQL has no such pages to scan."""
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        before = connection.exec_driver_sql("PRAGMA secure_delete").scalar()
        connection.exec_driver_sql("PRAGMA secure_delete = ON")
    try:
        done = session.execute(delete(LocalState).where(LocalState.key == key))
    finally:
        if sqlite:
            connection.exec_driver_sql(f"PRAGMA secure_delete = {int(before or 0)}")
    return bool(done.rowcount)  # type: ignore[attr-defined]


def flush_log(engine: Engine) -> None:
    """Copy the write-ahead log into the file and empty it, so the value's old page is not left
    there; best effort (a reader elsewhere may hold it: then SQLite reuses it soon anyway)."""
    if engine.dialect.name != "sqlite":
        return
    # On the driver's connection: inside the transaction SQLAlchemy would begin, SQLite refuses
    # a checkpoint ("database table is locked").
    with contextlib.suppress(Exception):
        raw = engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # type: ignore[union-attr]
        finally:
            raw.close()
