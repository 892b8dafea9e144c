"""A savepoint rolled back to is released at once: SQLite (and PostgreSQL) keep it open after
`ROLLBACK TO`, and SQLAlchemy forgets it, so each refused row of an import left one open to the
end of the transaction, under which SQLite journalled every page written again and again."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from fieldlog.store.database import Database


def test_a_savepoint_rolled_back_to_is_no_longer_open(db: Database) -> None:
    with db.engine.connect() as connection:
        connection.begin()
        nested = connection.begin_nested()
        name = nested._savepoint  # type: ignore[attr-defined]
        connection.execute(text("UPDATE local_state SET value = value WHERE key = ''"))
        nested.rollback()
        with pytest.raises(DBAPIError, match=r"(?i)no such savepoint|does not exist"):
            connection.exec_driver_sql(f"RELEASE SAVEPOINT {name}")
        connection.rollback()


def test_what_a_savepoint_undid_stays_undone_and_the_rest_is_kept(db: Database) -> None:
    with db.begin() as session:
        session.execute(text("INSERT INTO local_state (key, value) VALUES ('kept', '1')"))
        nested = session.begin_nested()
        session.execute(text("INSERT INTO local_state (key, value) VALUES ('undone', '2')"))
        nested.rollback()
        again = session.begin_nested()
        session.execute(text("INSERT INTO local_state (key, value) VALUES ('later', '3')"))
        again.commit()
    with db.read() as session:
        keys = session.execute(
            text("SELECT key FROM local_state WHERE key IN ('kept', 'undone', 'later')")
        ).scalars()
        assert sorted(keys) == ["kept", "later"]
