"""Several FieldLog installations (laptops, an office PC) in one test process.

An installation is a user account's FieldLog: its id is kept in the per-user configuration
folder (`location.installation_id`), which tests/conftest.py points at a temporary folder for the
whole run. An `Installation` points it at a folder of its own while it opens a database or
writes to one, so two `Database` handles of one process act as two computers would; a handle
must be used inside `with installation:` whenever it may write (the first write stores its node)
or reads what is the installation's own on a server (who uses it, its passphrase entry).
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.store.database import Database
from fieldlog.store.location import installation_id

CONFIG_VAR = "XDG_CONFIG_HOME"


class Installation:
    """One computer's FieldLog: `with it:` the code inside runs as that installation."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._kept: list[str | None] = []
        with self:
            self.id = installation_id()  # made now: each installation has its own from the start

    def __enter__(self) -> Installation:
        self._kept.append(os.environ.get(CONFIG_VAR))
        os.environ[CONFIG_VAR] = str(self.folder)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        kept = self._kept.pop()
        if kept is None:
            os.environ.pop(CONFIG_VAR, None)
        else:
            os.environ[CONFIG_VAR] = kept

    def open(self, location: str) -> Database:
        """Open `location` as this installation (`open_workspace`, as the window does)."""
        with self:
            return open_workspace(location)


def installations(folder: Path, count: int) -> list[Installation]:
    """`count` installations, each with a configuration folder of its own under `folder`."""
    return [Installation(folder / f"installation-{n}") for n in range(count)]
