"""The database password remembered on this computer, when the user asks (services/secrets.py):
one entry per database file, named by its resolved path (known before the file is open)."""

from __future__ import annotations

from pathlib import Path

from fieldlog.services import secrets
from fieldlog.services.secrets import Kept, Secret


def _scope(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


def remembered(path: Path) -> str | None:
    """The password remembered for the database at `path`, or None."""
    return secrets.read(Secret.DATABASE_PASSWORD, _scope(path))


def remember(path: Path, password: str) -> Kept:
    """Remember `password` for the database at `path` (this run only without a store)."""
    return secrets.save(Secret.DATABASE_PASSWORD, _scope(path), password)


def forget(path: Path) -> None:
    """Forget the password remembered for the database at `path`."""
    secrets.forget(Secret.DATABASE_PASSWORD, _scope(path))
