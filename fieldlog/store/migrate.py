"""Schema revisions through Alembic, run from code (no alembic.ini needed).

Opening a database only needs to know its revision and whether it is the newest: both are read
without Alembic (the revision ids are read from the migration files), so Alembic is imported only
when a schema actually changes — it costs a few hundred milliseconds at every start otherwise.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r'^revision = "([^"]+)"$', re.MULTILINE)
_DOWN = re.compile(r'^down_revision = (?:"([^"]+)"|None)$', re.MULTILINE)


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at our migrations, optionally bound to a connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _chain() -> dict[str, str | None]:
    """Every revision of the migration files and the one it follows."""
    chain: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is not None and down is not None:
            chain[revision[1]] = down[1]
    return chain


def head_revision() -> str:
    """The newest revision this version of FieldLog knows (the one no other revision follows)."""
    chain = _chain()
    followed = set(chain.values())
    [head] = [revision for revision in chain if revision not in followed]
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None for a database never migrated."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_known(revision: str) -> bool:
    """Whether this version of FieldLog knows a revision (an unknown one is from a newer app)."""
    return revision in _chain()


def upgrade(connection: Connection) -> None:
    """Bring the schema to the newest revision inside the caller's transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
