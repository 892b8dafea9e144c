"""Revision 0011 adds the local `draft` table to a 0010 database, its data untouched."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, text

from fieldlog.services.visits import drafts
from fieldlog.store import migrate
from fieldlog.store.database import open_database

from ..field_dump import db_digest


def test_upgrading_a_0010_database_adds_an_empty_draft_table(tmp_path: Path) -> None:
    path = tmp_path / "0010.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "0010")
        conn.execute(text("PRAGMA application_id = 1179406151"))
        assert "draft" not in inspect(conn).get_table_names()
    engine.dispose()
    db = open_database(str(path))
    try:
        with db.read() as session:
            assert migrate.current_revision(session.connection()) == migrate.head_revision()
            assert "draft" in inspect(session.connection()).get_table_names()
        digest = db_digest(db)
        assert drafts.list_drafts(db) == []
        assert drafts.save_draft(db, "visit-new", {"summary": "after the upgrade"})
        assert db_digest(db) == digest
    finally:
        db.close()
    backups = sorted(p.name for p in (tmp_path / "0010-backups").iterdir())
    assert len(backups) == 1 and backups[0].endswith("-before-upgrade.db")
