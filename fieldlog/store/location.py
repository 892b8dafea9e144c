"""Where the database lives: --db beats FIELDLOG_DB beats the per-user data folder."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from fieldlog.store.private import new_private_file, private_folder

if TYPE_CHECKING:  # SQLAlchemy loads when a URL is made: the first paint needs none
    from sqlalchemy.engine import URL

APP_NAME = "FieldLog"
ENV_DB = "FIELDLOG_DB"


def default_db_path() -> Path:
    """The database in the per-user data folder (e.g. ~/.local/share/FieldLog/fieldlog.db)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "fieldlog.db"


def resolve_location(option: str | None) -> str:
    """The database location chosen by the --db option, the environment or the default."""
    return option or os.environ.get(ENV_DB) or str(default_db_path())


def is_url(location: str) -> bool:
    """Whether a location is a SQLAlchemy URL rather than a plain file path."""
    return "://" in location


def to_url(location: str) -> URL:
    """A plain path means SQLite; anything with a scheme is passed to SQLAlchemy as is."""
    from sqlalchemy.engine import URL, make_url

    if is_url(location):
        return make_url(location)
    return URL.create("sqlite", database=str(Path(location).expanduser().resolve()))


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """An SQLite `file:` URI naming `path` exactly: every character that means something in a
    URI (`#`, `?`, `%`, spaces, non-ASCII) is percent-quoted, as SQLite expects."""
    return f"{Path(path).expanduser().resolve().as_uri()}?mode={mode}"


def describe(location: str) -> str:
    """A location fit for messages and titles: the path, or the URL without its password
    (after the user name, or as a `password` parameter: the driver takes either)."""
    if is_url(location):
        from sqlalchemy.engine import make_url

        url = make_url(location).difference_update_query(["password"])
        return url.render_as_string(hide_password=True)
    return str(Path(location).expanduser())


def installation_id() -> str:
    """This user account's FieldLog installation id, created on first use.

    Kept outside the database, so a database file copied to another laptop notices that it is
    somewhere new and takes a node id of its own (SPEC §6).
    """
    folder = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path = folder / "installation-id"
    try:
        return str(uuid.UUID(path.read_text(encoding="ascii").strip()))
    except (OSError, ValueError):
        private_folder(folder)
        new_private_file(path, replace=True)  # its user's only, like every file FieldLog makes
        value = str(uuid.uuid4())
        path.write_text(value + "\n", encoding="ascii")
        return value
