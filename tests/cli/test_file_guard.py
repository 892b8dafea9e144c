"""No command writes over the database, its companions or a FieldLog file of another kind, and
only `init` and `demo` create a database: one line, exit 1, nothing changed or created."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "correct horse battery"


def cli(*args: object, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `python -m fieldlog ARGS` and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "fieldlog", *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        env=dict(os.environ),
        timeout=180,
    )


def ok(*args: object, stdin: str = "") -> str:
    result = cli(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


def tree(root: Path) -> dict[str, str]:
    """Every file under `root` with the SHA-256 of its bytes (folders as "dir")."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "dir"
        for p in sorted(root.rglob("*"))
    }


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Path:
    """A folder with a demo database `o.db` (with a passphrase), an earlier export `w.xlsx`, a
    package `p.fieldsync`, a backup `b.db` and another live database `live.db`."""
    folder = tmp_path_factory.mktemp("guard")
    db = folder / "o.db"
    shutil.copyfile(demo_database_file, db)  # what `fieldlog demo` makes
    ok("--db", db, "team", "passphrase", stdin=PASSPHRASE + "\n")
    ok("--db", db, "export", "orgs", "-o", folder / "w.xlsx")
    ok("--db", db, "sync", "export", "--full", "-o", folder / "p.fieldsync")
    ok("--db", db, "backup", "-o", folder / "b.db")
    ok("--db", folder / "live.db", "init")
    return folder


@pytest.fixture(scope="module")
def digest_before(place: Path) -> str:
    """`fieldlog digest` of `o.db` as `place` made it: every refusal below must leave it so."""
    return ok("--db", place / "o.db", "digest")


EXPORTS = {
    "orgs": ["export", "orgs"],
    "ledger": ["export", "ledger"],
    "weekly": ["export", "weekly", "--week", "2020-W14"],
    "visits": ["export", "visits", "--from", "2020-03-23", "--to", "2020-04-22"],
    "package": ["sync", "export", "--full"],
    "backup": ["backup"],
}
TARGETS = {
    "the database": ("o.db", "is the database itself"),
    "its wal": ("o.db-wal", "the database's wal file"),
    "its shm": ("o.db-shm", "the database's shm file"),
    "another database": ("live.db", "is a FieldLog database, not"),
}


@pytest.mark.slow
@pytest.mark.parametrize("command", list(EXPORTS))
@pytest.mark.parametrize("target", list(TARGETS))
def test_nothing_is_written_over_a_database(
    place: Path, digest_before: str, command: str, target: str
) -> None:
    name, expected = TARGETS[target]
    before = tree(place)
    result = cli("--db", place / "o.db", *EXPORTS[command], "-o", place / name)
    assert result.returncode == 1, result.stdout
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert tree(place) == before
    assert ok("--db", place / "o.db", "digest") == digest_before


KINDS = [
    ("orgs", "p.fieldsync", "is a FieldLog sync package, not an Excel workbook"),
    ("orgs", "b.db", "is a FieldLog backup, not an Excel workbook"),
    ("package", "w.xlsx", "is an Excel workbook, not a FieldLog sync package"),
    ("package", "b.db", "is a FieldLog backup, not a FieldLog sync package"),
    ("backup", "w.xlsx", "is an Excel workbook, not a FieldLog backup"),
    ("backup", "p.fieldsync", "is a FieldLog sync package, not a FieldLog backup"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("command", "name", "expected"), KINDS)
def test_nothing_is_written_over_a_file_of_another_kind(
    place: Path, command: str, name: str, expected: str
) -> None:
    before = tree(place)
    result = cli("--db", place / "o.db", *EXPORTS[command], "-o", place / name)
    assert result.returncode == 1 and expected in result.stderr, result.stderr
    assert "left untouched" in result.stderr
    assert tree(place) == before


@pytest.mark.slow
def test_a_file_of_the_same_kind_is_replaced(place: Path) -> None:
    for command, name in (("orgs", "w.xlsx"), ("package", "p.fieldsync"), ("backup", "b.db")):
        out = ok("--db", place / "o.db", *EXPORTS[command], "-o", place / name)
        assert str(place / name) in out


@pytest.mark.slow
def test_the_database_is_not_read_as_a_sheet_or_a_package(place: Path) -> None:
    before = tree(place)
    for command in (["import", "orgs"], ["sync", "import"]):
        result = cli("--db", place / "o.db", *command, place / "o.db")
        assert result.returncode == 1 and "is the database itself" in result.stderr
    assert tree(place) == before


COMMANDS = [
    ["stats"],
    ["digest"],
    ["check"],
    ["backup"],
    ["export", "orgs"],
    ["sync", "conflicts"],
    ["team", "passphrase"],
    ["import", "orgs", "missing.xlsx"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:2]))
def test_a_typo_in_db_creates_nothing(tmp_path: Path, command: list[str]) -> None:
    result = cli("--db", tmp_path / "typo" / "b.db", *command, stdin=PASSPHRASE + "\n")
    assert result.returncode == 1, result.stdout
    [line] = result.stderr.strip().splitlines()
    assert "does not exist" in line and "`fieldlog init`" in line
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_is_not_made_a_database_by_stats(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = cli("--db", empty, "stats")
    assert result.returncode == 1 and "`fieldlog init`" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["empty.db"] and empty.stat().st_size == 0


def test_init_and_demo_create_the_folders_they_need(tmp_path: Path) -> None:
    ok("--db", tmp_path / "new" / "a.db", "init")
    ok("--db", tmp_path / "other" / "b.db", "demo")
    assert '"projects_signed": 22' in ok("--db", tmp_path / "other" / "b.db", "stats", "--json")
