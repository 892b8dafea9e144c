"""Test set-up: offscreen Qt, and every user folder redirected so no real settings are touched."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt or platformdirs resolves a folder.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="fieldlog-tests-"))
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())
os.environ.pop("FIELDLOG_DB", None)

import pytest  # noqa: E402

from fieldlog.store.database import Database  # noqa: E402


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A new FieldLog database file with the default catalogs."""
    from fieldlog.services.workspace import open_workspace

    database = open_workspace(str(tmp_path / "fieldlog.db"))
    yield database
    database.close()
