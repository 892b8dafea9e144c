"""The password of an encrypted database, remembered in the computer's password store when the
user asks (`services/secrets.py`), never in a file.

The entry is named by the database file's resolved path: it must be found before the file is
open, and an encrypted file keeps nothing readable without its key. A file moved or copied
elsewhere is therefore asked for again (its password is unchanged); a file replaced by another
one at the same path finds the old entry, which then no longer opens it: the caller says so,
forgets it, and asks (it never tries it again and again).

Where the computer has no password store, `remember` keeps the password for this run only
(`Kept.MEMORY`) and the caller says that it will be asked each time, and why.
"""

from __future__ import annotations

import os
from pathlib import Path

from fieldlog.services import secrets
from fieldlog.services.secrets import Kept, Secret


def scope_of(path: Path | str) -> str:
    """The entry's scope: the file's absolute, resolved path (case-folded where the file system
    ignores case, so that `C:\\Data\\x.db` and `c:\\data\\X.db` share one entry)."""
    return os.path.normcase(str(Path(path).expanduser().resolve()))


def remembered(path: Path | str) -> str | None:
    """The password remembered for the database at `path`, or None."""
    return secrets.read(Secret.DATABASE_PASSWORD, scope_of(path))


def remember(path: Path | str, password: str) -> Kept:
    """Remember `password` for the database at `path`: in the password store when there is one
    that keeps it, else for this run only."""
    return secrets.save(Secret.DATABASE_PASSWORD, scope_of(path), password)


def forget(path: Path | str) -> None:
    """Forget the password remembered for the database at `path` (nothing when there is none)."""
    secrets.forget(Secret.DATABASE_PASSWORD, scope_of(path))


def store_available() -> bool:
    """Whether a remembered password is still known in the next run."""
    return secrets.store_available()
