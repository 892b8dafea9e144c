"""The team passphrase in the computer's password store, never in the database file: set, read,
moved out of a database an earlier version wrote, and asked again where no store exists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from fieldlog.services import secrets
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.errors import InvalidInput
from fieldlog.services.exchange import passphrase
from fieldlog.services.secrets import Kept
from fieldlog.store import driver
from fieldlog.store.backup import automatic_backup
from fieldlog.store.database import Database
from fieldlog.store.stamping import read_state, write_state
from tests.conftest import password, plain_only, reopen, sqlite_only
from tests.field_dump import db_digest
from tests.keyring_backend import MemoryKeyring

PHRASE = "铜仁驻深 team 2020 passphrase"
SECRET = PHRASE.encode("utf-8")


def _files(path: Path) -> list[Path]:
    """The database file, its journal files and every backup beside it (read once closed)."""
    found = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    return found + [p for p in path.parent.rglob("*") if p.is_file() and p not in found]


def _leaks(path: Path) -> list[str]:
    return [p.name for p in _files(path) if SECRET in p.read_bytes()]


def _clear_copy(path: Path) -> str | None:
    """local_state's old entry, asked of SQLite read-only (the file is closed here)."""
    connection = driver.connect(f"{path.as_uri()}?mode=ro", password(), uri=True)
    try:
        row = connection.execute(
            "SELECT value FROM local_state WHERE key = ?", (passphrase.PASSPHRASE_KEY,)
        ).fetchone()
    finally:
        connection.close()
    return row[0] if row else None


def _old_database(db: Database) -> Path:
    """What an earlier FieldLog left: the passphrase in clear in local_state."""
    with db.begin() as session:
        write_state(session, passphrase.PASSPHRASE_KEY, PHRASE)
    assert db.path is not None
    path = db.path
    db.close()
    return path


@sqlite_only("scans the bytes of the database file, its journal and its backups")
def test_a_set_passphrase_is_in_the_store_and_nowhere_on_disk(
    db: Database, store: MemoryKeyring
) -> None:
    assert db.path is not None
    assert passphrase.set_passphrase(db, PHRASE) is Kept.STORE
    assert passphrase.team_passphrase(db) == PHRASE and passphrase.has_passphrase(db)
    [(service, name)] = store.entries
    with db.read() as session:
        assert name == f"team-passphrase:{read_state(session, passphrase.SCOPE_KEY)}"
    assert service == "FieldLog"
    automatic_backup(db.path, "daily", password=db.password)
    path = db.path
    db.close()
    assert len(_files(path)) >= 2  # the backup is scanned too
    assert _leaks(path) == []


def test_two_databases_on_one_laptop_keep_their_own(
    tmp_path: Path, db: Database, store: MemoryKeyring
) -> None:
    other = open_workspace(str(tmp_path / "demo" / "demo.db"))
    passphrase.set_passphrase(db, PHRASE)
    passphrase.set_passphrase(other, "the demo's passphrase")
    assert passphrase.team_passphrase(db) == PHRASE
    assert passphrase.team_passphrase(other) == "the demo's passphrase"
    assert len(store.entries) == 2
    other.close()


@sqlite_only("scans the bytes of the database file, its journal and its backups")
@plain_only
def test_an_earlier_versions_clear_passphrase_moves_to_the_store(
    db: Database, store: MemoryKeyring
) -> None:
    before = db_digest(db)
    path = _old_database(db)
    earlier_backup = automatic_backup(path, "before-upgrade")
    assert _leaks(path) != []  # the scan finds it when it is there
    reopened = open_workspace(str(path))
    assert passphrase.move_clear_passphrase(reopened) is Kept.STORE
    assert passphrase.move_clear_passphrase(reopened) is None  # once
    assert passphrase.team_passphrase(reopened) == PHRASE
    assert list(store.entries.values()) == [PHRASE]
    assert db_digest(reopened) == before
    reopened.close()
    assert _clear_copy(path) is None
    assert _leaks(path) == [earlier_backup.name]  # only the backup made before still holds it


@sqlite_only("scans the bytes of the database file, its journal and its backups")
def test_without_a_store_the_clear_passphrase_is_erased_and_asked_next_time(
    db: Database, no_store: None
) -> None:
    path = _old_database(db)
    reopened = reopen(path)
    assert passphrase.team_passphrase(reopened) == PHRASE  # this run still knows it
    reopened.close()
    assert _clear_copy(path) is None
    assert _leaks(path) == []
    secrets.forget_this_run()  # the next run
    again = reopen(path)
    assert not passphrase.has_passphrase(again)
    with pytest.raises(InvalidInput, match="no password store"):
        passphrase.require_passphrase(again)
    again.close()


@sqlite_only("scans the bytes of the database file, its journal and its backups")
def test_without_a_store_a_set_passphrase_lasts_this_run_only(db: Database, no_store: None) -> None:
    assert not passphrase.store_available()
    assert passphrase.set_passphrase(db, PHRASE) is Kept.MEMORY
    assert passphrase.team_passphrase(db) == PHRASE
    assert db.path is not None
    path = db.path
    secrets.forget_this_run()
    assert passphrase.team_passphrase(db) is None
    db.close()
    assert _leaks(path) == []


@pytest.mark.parametrize("bad", ["short", " leading space", "x" * 201])
def test_a_bad_passphrase_is_refused_and_nothing_is_kept(
    db: Database, store: MemoryKeyring, bad: str
) -> None:
    before = db_digest(db)
    with pytest.raises(InvalidInput, match="passphrase"):
        passphrase.set_passphrase(db, bad)
    assert store.entries == {} and db_digest(db) == before
    assert not passphrase.has_passphrase(db)


class _PlainFile(MemoryKeyring):
    priority = 0.5  # type: ignore[assignment]  # what keyrings.alt's plain-file stores say


class _EmptyChain(ChainerBackend):
    backends: list[KeyringBackend] = []  # type: ignore[assignment]  # none found on this computer


def test_only_a_recommended_store_counts(store: MemoryKeyring) -> None:
    import keyring

    assert secrets.store_available()
    keyring.set_keyring(_PlainFile())
    assert not secrets.store_available()
    keyring.set_keyring(_EmptyChain())
    assert not secrets.store_available()
    assert secrets.save(secrets.Secret.TEAM_PASSPHRASE, "x", PHRASE) is Kept.MEMORY


@sqlite_only("copies the database file (its automatic backup)")
def test_a_copy_starts_with_the_passphrase_and_changes_only_its_own(
    tmp_path: Path, db: Database, store: MemoryKeyring
) -> None:
    passphrase.set_passphrase(db, PHRASE)
    assert db.path is not None
    copy_path = tmp_path / "training" / "copy.db"
    copy_path.parent.mkdir()
    automatic_backup(db.path, "daily", password=db.password).replace(
        copy_path
    )  # a consistent copy of the file
    copy = reopen(copy_path)
    assert passphrase.team_passphrase(copy) == PHRASE
    passphrase.set_passphrase(copy, "the training passphrase")
    assert passphrase.team_passphrase(copy) == "the training passphrase"
    assert passphrase.team_passphrase(db) == PHRASE
    copy.close()


#: A FieldLog that moves the passphrase out and then dies without closing the file (a crash, a
#: power cut): the write-ahead log is left as it is. Its SQLite does not zero deleted bytes by
#: itself (as on builds without SECURE_DELETE, e.g. Windows' Python), so FieldLog must ask.
DIES_AFTER_MOVING = """
import os, sys
from sqlalchemy import event
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange.passphrase import move_clear_passphrase
db = open_workspace(sys.argv[1])
db.engine.dispose()
event.listen(db.engine, "connect", lambda c, _r: c.execute("PRAGMA secure_delete = OFF"))
print(move_clear_passphrase(db).name, flush=True)
os._exit(0)
"""


@sqlite_only("scans the bytes of the database file, its journal and its backups")
@plain_only
def test_the_moved_passphrase_leaves_no_bytes_even_if_fieldlog_dies(db: Database) -> None:
    path = _old_database(db)
    assert _leaks(path) != []
    moved = subprocess.run(
        [sys.executable, "-c", DIES_AFTER_MOVING, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert moved.stdout.strip() == "STORE", moved.stderr
    assert _leaks(path) == []
    assert _clear_copy(path) is None
