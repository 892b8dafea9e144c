"""The command line and the password store: `team passphrase` keeps it there, a computer without
one gives it on standard input to each sync command, and an earlier version's clear copy is moved
out of the database file on first use. Real subprocesses; the suite's own store (conftest)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.exchange.passphrase import PASSPHRASE_KEY
from fieldlog.store.stamping import write_state

PHRASE = "铜仁驻深 team 2020 passphrase"
NO_STORE = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldlog", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=180,
    )


def _digest(db: Path) -> str:
    result = cli("--db", str(db), "digest")
    assert result.returncode == 0, result.stderr
    return result.stdout


def _clear_copy(path: Path) -> str | None:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        row = connection.execute(
            "SELECT value FROM local_state WHERE key = ?", (PASSPHRASE_KEY,)
        ).fetchone()
    return row[0] if row else None


def _init(tmp_path: Path) -> Path:
    db = tmp_path / "x.db"
    assert cli("--db", str(db), "init").returncode == 0
    return db


def test_without_a_store_team_passphrase_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    db = _init(tmp_path)
    before = _digest(db)
    result = cli("--db", str(db), "team", "passphrase", stdin=PHRASE + "\n", env=NO_STORE)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "no password store" in line and "standard input" in line
    assert "nothing was changed" in line
    assert _digest(db) == before
    assert PHRASE.encode() not in db.read_bytes()


def test_without_a_store_each_sync_command_takes_it_on_standard_input(tmp_path: Path) -> None:
    db = _init(tmp_path)
    out = tmp_path / "p.fieldsync"
    missing = cli("--db", str(db), "sync", "export", "-o", str(out), env=NO_STORE)
    assert missing.returncode == 1 and not out.exists()
    [line] = missing.stderr.strip().splitlines()
    assert "no password store" in line and "standard input" in line
    sent = cli("--db", str(db), "sync", "export", "-o", str(out), stdin=PHRASE + "\n", env=NO_STORE)
    assert sent.returncode == 0, sent.stderr
    other = tmp_path / "y.db"
    assert cli("--db", str(other), "init").returncode == 0
    wrong = cli(
        "--db", str(other), "sync", "import", str(out), stdin="not the phrase\n", env=NO_STORE
    )
    assert wrong.returncode == 1 and "wrong team passphrase" in wrong.stderr
    got = cli("--db", str(other), "sync", "import", str(out), stdin=PHRASE + "\n", env=NO_STORE)
    assert got.returncode == 0, got.stderr


def test_with_a_store_team_passphrase_is_kept_there_not_in_the_file(tmp_path: Path) -> None:
    db = _init(tmp_path)
    saved = cli("--db", str(db), "team", "passphrase", stdin=PHRASE + "\n")
    assert saved.returncode == 0 and "password store" in saved.stdout
    out = tmp_path / "p.fieldsync"
    assert cli("--db", str(db), "sync", "export", "-o", str(out)).returncode == 0  # no stdin
    assert PHRASE.encode() not in db.read_bytes()
    assert _clear_copy(db) is None


def test_an_earlier_versions_clear_passphrase_is_moved_on_first_use(tmp_path: Path) -> None:
    db = _init(tmp_path)
    opened = open_workspace(str(db))
    with opened.begin() as session:  # what an earlier FieldLog kept
        write_state(session, PASSPHRASE_KEY, PHRASE)
    opened.close()
    before = _digest(db)
    first = cli("--db", str(db), "sync", "export", "-o", str(tmp_path / "a.fieldsync"))
    assert first.returncode == 0, first.stderr
    [note] = first.stderr.strip().splitlines()
    assert "moved out of the database file" in note and "backups made before" in note
    assert _clear_copy(db) is None and PHRASE.encode() not in db.read_bytes()
    second = cli("--db", str(db), "sync", "export", "-o", str(tmp_path / "b.fieldsync"))
    assert second.returncode == 0 and second.stderr == ""
    assert _digest(db) == before


def test_without_a_store_the_moved_passphrase_is_asked_next_time(tmp_path: Path) -> None:
    db = _init(tmp_path)
    opened = open_workspace(str(db))
    with opened.begin() as session:
        write_state(session, PASSPHRASE_KEY, PHRASE)
    opened.close()
    out = tmp_path / "a.fieldsync"
    first = cli("--db", str(db), "sync", "export", "-o", str(out), env=NO_STORE)
    assert first.returncode == 0, first.stderr
    assert "no password store" in first.stderr and "standard input next time" in first.stderr
    assert _clear_copy(db) is None
    again = cli(
        "--db", str(db), "sync", "export", "-o", str(tmp_path / "b.fieldsync"), env=NO_STORE
    )
    assert again.returncode == 1 and "no password store" in again.stderr


def test_a_store_that_refuses_is_said_and_the_passphrase_is_not_claimed_saved(
    tmp_path: Path,
) -> None:
    db = _init(tmp_path)
    before = _digest(db)
    locked = {"PYTHON_KEYRING_BACKEND": "tests.keyring_backend.LockedKeyring"}
    result = cli("--db", str(db), "team", "passphrase", stdin=PHRASE + "\n", env=locked)
    assert result.returncode == 1 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "did not keep the passphrase" in line and "standard input" in line
    assert _digest(db) == before and _clear_copy(db) is None
    assert PHRASE.encode() not in db.read_bytes()
