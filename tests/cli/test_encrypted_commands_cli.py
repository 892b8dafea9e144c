"""Every command on an encrypted database, its password on the first line of standard input (a
team passphrase on the second): what scripts and CI do. A wrong or missing password is one
sentence, exit 1, and changes nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldlog.store.files import looks_encrypted
from tests.cli.encrypted import (
    NO_STORE,
    OTHER,
    PASSWORD,
    PHRASE,
    cli,
    digest,
    files_holding,
    first_organization,
    refused,
)

WEEK = "2020-W16"


@pytest.fixture(scope="module")
def encrypted_demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Path:
    path = tmp_path_factory.mktemp("encrypted-demo") / "demo.db"
    shutil.copyfile(demo_database_file, path)
    result = cli("--db", str(path), "encrypt", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def db(encrypted_demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    shutil.copyfile(encrypted_demo, path)
    return path


def _run(db: Path, *args: str, phrase: bool = False) -> str:
    stdin = f"{PASSWORD}\n{PHRASE}\n" if phrase else f"{PASSWORD}\n"
    result = cli("--db", str(db), *args, stdin=stdin, env=NO_STORE if phrase else None)
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    assert PASSWORD not in said and PHRASE not in said and "Traceback" not in said
    return result.stdout


def _digest(db: Path, tmp_path: Path) -> None:
    assert len(_run(db, "digest").strip()) == 64


def _check(db: Path, tmp_path: Path) -> None:
    assert _run(db, "check").strip().endswith("ok")


def _stats(db: Path, tmp_path: Path) -> None:
    assert json.loads(_run(db, "stats", "--json"))["visits"] == 569


def _backup(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.db"
    assert _run(db, "backup", "-o", str(out)).strip() == str(out)
    assert looks_encrypted(out)
    assert digest(out) == digest(db)


def _restore(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.db"
    _run(db, "backup", "-o", str(out))
    before = digest(db)
    assert "Restored" in _run(db, "restore", str(out))
    assert looks_encrypted(db) and digest(db) == before


def _export_weekly(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "weekly.xlsx"
    _run(db, "export", "weekly", "--week", WEEK, "-o", str(out))
    assert out.stat().st_size > 0


def _import_orgs(db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "orgs.xlsx"
    _run(db, "export", "orgs", "-o", str(sheet))
    before = digest(db)
    report = json.loads(_run(db, "import", "orgs", str(sheet), "--json"))
    assert report["created"] == 0 and report["rejected"] == []
    assert digest(db) == before


def _sync(db: Path, tmp_path: Path) -> None:
    # Another laptop of the team (a copy of the same demo, decrypted) sends a package.
    other = tmp_path / "other.db"
    shutil.copyfile(db, other)
    assert cli("--db", str(other), "decrypt", stdin=PASSWORD + "\n").returncode == 0
    package = tmp_path / "p.fieldsync"
    sent = cli("--db", str(other), "sync", "export", "--full", "-o", str(package),
               stdin=PHRASE + "\n", env=NO_STORE)  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    report = json.loads(_run(db, "sync", "import", str(package), "--json", phrase=True))
    assert report["packages"][0]["skipped"] is False
    mine = tmp_path / "mine.fieldsync"
    _run(db, "sync", "export", "-o", str(mine), phrase=True)
    assert mine.exists()


COMMANDS: dict[str, Callable[[Path, Path], None]] = {
    "digest": _digest,
    "check": _check,
    "stats": _stats,
    "backup": _backup,
    "restore": _restore,
    "export weekly": _export_weekly,
    "import orgs": _import_orgs,
    "sync": _sync,
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_works_with_the_password_on_standard_input(
    name: str, db: Path, tmp_path: Path, demo_database_file: Path
) -> None:
    COMMANDS[name](db, tmp_path)
    assert looks_encrypted(db)
    known = first_organization(demo_database_file)
    assert known.encode() not in db.read_bytes()
    assert files_holding([db.with_name("demo-backups")], known) == []


def test_team_passphrase_comes_on_the_second_line(db: Path) -> None:
    result = cli("--db", str(db), "team", "passphrase", stdin=f"{PASSWORD}\n{PHRASE}\n")
    assert result.returncode == 0, result.stderr
    assert "password store" in result.stdout
    assert PASSWORD not in result.stdout + result.stderr


@pytest.mark.parametrize("stdin", [OTHER + "\n", "", "\n"])
@pytest.mark.parametrize("json_output", [False, True])
def test_a_wrong_or_missing_password_is_one_sentence(
    db: Path, stdin: str, json_output: bool
) -> None:
    before = digest(db)
    line = refused(cli("--db", str(db), "stats", *(["--json"] if json_output else []),
                       stdin=stdin))  # fmt: skip
    assert OTHER not in line
    if stdin.strip():
        assert line == f"fieldlog: error: the password does not open {db}; check it and try again"
    else:
        assert "is encrypted and no password was given" in line
    assert "damaged" not in line and "restore" not in line
    assert digest(db) == before
