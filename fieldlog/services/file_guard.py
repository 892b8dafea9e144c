"""The one guard in front of every file the services write (exports, packages, backups)."""

from __future__ import annotations

from pathlib import Path

from fieldlog.services.errors import InvalidInput
from fieldlog.store.files import FileRefused, Kind, check_output, refuse_database_itself

__all__ = ["Kind", "guard_input", "guard_output"]


def guard_output(path: Path, kind: Kind, database: Path | None) -> Path:
    """`path`, unless writing `kind` there would hit the open database (`database`), one of its
    companion files, or an existing file of another kind: InvalidInput, nothing written."""
    try:
        return check_output(path, kind, database)
    except FileRefused as exc:
        raise InvalidInput(str(exc)) from None


def guard_input(path: Path, database: Path | None, what: str) -> None:
    """Refuse to read the open database or its companions as `what` (a workbook, a package):
    only SQLite may open them, or this process would drop its locks on the database."""
    try:
        refuse_database_itself(path, database, f"it is not {what}")
    except FileRefused as exc:
        raise InvalidInput(str(exc)) from None
