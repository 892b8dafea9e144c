"""Helpers of the command-line tests on encrypted databases: real subprocesses, real files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

PASSWORD = "铜仁 db password 2020"
OTHER = "not-the-password-1"
PHRASE = "铜仁驻深 team 2020 passphrase"
NO_STORE = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m fieldlog ARGS` in English, `stdin` on its standard input."""
    return subprocess.run(
        [sys.executable, "-m", "fieldlog", "--lang", "en", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def refused(result: subprocess.CompletedProcess[str], password: str = PASSWORD) -> str:
    """The one line of a refusal (exit 1, nothing on standard output, no password shown)."""
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "Traceback" not in said and password not in said, said
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldlog: error: "), result.stderr
    assert result.stdout == "", result.stdout
    return lines[0]


def digest(db: Path, password: str | None = PASSWORD) -> str:
    """`fieldlog digest` of `db` (its password on standard input when it is encrypted)."""
    result = cli("--db", str(db), "digest", stdin=f"{password}\n" if password else "")
    assert result.returncode == 0, result.stderr
    return result.stdout


def backups_of(db: Path) -> dict[str, bytes]:
    """Every file of the database's backup folder, by name, with its bytes."""
    folder = db.with_name(f"{db.stem}-backups")
    if not folder.is_dir():
        return {}
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def first_organization(plain: Path) -> str:
    """An organization name of a plain database (what a thief would look for)."""
    with sqlite3.connect(f"{plain.as_uri()}?mode=ro", uri=True) as connection:
        (name,) = connection.execute("SELECT name FROM organization ORDER BY name").fetchone()
    connection.close()
    return str(name)


def files_holding(folders: list[Path], text: str) -> list[Path]:
    """The files under `folders` whose bytes hold `text` (UTF-8)."""
    needle = text.encode("utf-8")
    return [
        path
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and needle in path.read_bytes()
    ]
