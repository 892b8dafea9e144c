"""Migrations build exactly the schema the models describe, from an empty database."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect

from fieldlog.store import follow_up_index, migrate, search_index, visit_tally
from fieldlog.store.models import Base


def _derived(name: str) -> bool:
    """Tables that SQL of their own keeps (the search index, the latest follow-ups, the visit
    tally)."""
    return search_index.is_index_table(name) or name in (follow_up_index.TABLE, visit_tally.TABLE)


def _ours(name: str | None, type_: str, parent: dict[str, str | None]) -> bool:
    """Everything but the derived tables (no model describes them) and their indexes."""
    if type_ == "table":
        return name is None or not _derived(name)
    if type_ == "index":
        derived = name == search_index.LONG_SUMMARIES_INDEX  # part of the search index
        return not derived and not _derived(str(parent.get("table_name") or ""))
    return True


def test_upgrade_from_empty_matches_the_models(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.begin() as conn:
        assert migrate.current_revision(conn) is None
        migrate.upgrade(conn)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        options = {"compare_type": True, "include_name": _ours}
        context = MigrationContext.configure(conn, opts=options)
        assert compare_metadata(context, Base.metadata) == []
        tables = {t for t in inspect(conn).get_table_names() if not _derived(t)}
    engine.dispose()
    assert tables == set(Base.metadata.tables) | {"alembic_version"}


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    for _ in range(2):
        with engine.begin() as conn:
            migrate.upgrade(conn)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    engine.dispose()


def test_unknown_revision_is_not_known() -> None:
    assert migrate.is_known(migrate.head_revision())
    assert not migrate.is_known("9999_from_the_future")


def write_old_database(engine: Engine, revision: str) -> None:
    """A FieldLog database at an older schema `revision`, with one organization, through
    `engine` (plain or encrypted); the engine is disposed of."""
    from alembic import command
    from sqlalchemy import text

    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), revision)
        conn.execute(text("PRAGMA application_id = 1179406151"))
        conn.execute(
            text(
                "INSERT INTO organization (id, created_at, updated_at, node_id, hlc, deleted,"
                " field_stamps, local_seq, name, name_key, kind, region, address, is_target,"
                " phone, notes) VALUES ('0123456789abcdef0123456789abcdef', '2020-01-01',"
                " '2020-01-01', '', 0, 0, '{}', 0, '深圳市铜仁商会', 'k', 'association', '', '',"
                " 0, '', '')"
            )
        )
    engine.dispose()


def test_upgrading_an_older_database_backs_it_up_and_fills_initials(tmp_path: Path) -> None:
    from sqlalchemy import text

    from fieldlog.store.backup import backup_folder
    from fieldlog.store.database import open_database

    path = tmp_path / "old.db"
    write_old_database(create_engine(f"sqlite:///{path}"), "0001")
    db = open_database(str(path))
    with db.read() as session:
        initials = session.execute(text("SELECT name_initials FROM organization")).scalar()
        revision = migrate.current_revision(session.connection())
    db.close()
    assert (initials, revision) == ("szstrsh", migrate.head_revision())
    names = [p.name for p in backup_folder(path).iterdir()]
    assert len(names) == 1 and names[0].endswith("-before-upgrade.db")


def test_revisions_read_from_the_files_are_alembics(tmp_path: Path) -> None:
    from alembic.runtime.migration import MigrationContext as Context
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    known = {revision.revision for revision in script.walk_revisions()}
    assert all(migrate.is_known(revision) for revision in known)
    assert not migrate.is_known("9999") and not migrate.is_known("")
    engine = create_engine(f"sqlite:///{tmp_path / 'r.db'}")
    with engine.begin() as conn:
        assert migrate.current_revision(conn) is None
        migrate.upgrade(conn)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == Context.configure(conn).get_current_revision()
    engine.dispose()


def test_upgrading_a_0009_database_gives_its_team_empty_signatories(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    from fieldlog.store.database import open_database

    path = tmp_path / "0009.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "0009")
        conn.execute(text("PRAGMA application_id = 1179406151"))
        conn.execute(
            text(
                "INSERT INTO team (id, created_at, updated_at, node_id, hlc, deleted, field_stamps,"
                " local_seq, name, home_city, host_city, reporting_unit, dispatch_start,"
                " dispatch_end) VALUES ('0123456789abcdef0123456789abcdef', '2020-01-01',"
                " '2020-01-01', 'n1', 7, 0, '{}', 3, '铜仁市驻深招商工作队', '铜仁市', '深圳市',"
                " '铜仁市投资促进局', '2020-03-23', '2020-06-30')"
            )
        )
        columns = {c["name"] for c in inspect(conn).get_columns("team")}
    engine.dispose()
    assert "return_preparer" not in columns
    db = open_database(str(path))
    with db.read() as session:
        row = session.execute(text("SELECT * FROM team")).mappings().one()
        revision = migrate.current_revision(session.connection())
    db.close()
    assert revision == migrate.head_revision()
    assert (row["name"], row["reporting_unit"], row["dispatch_end"], row["hlc"]) == (
        "铜仁市驻深招商工作队",
        "铜仁市投资促进局",
        "2020-06-30",
        7,
    )
    assert (row["return_preparer"], row["return_reviewer"], row["return_phone"]) == ("", "", "")
