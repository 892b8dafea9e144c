"""`fieldlog encrypt` / `decrypt` and `init|demo --encrypt`: real subprocesses on real files.

Every refusal is one sentence on standard error, exit 1, and changes nothing: the digest and
the bytes of every backup are the same before and after.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from fieldlog.services.admin import database_password
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.store.files import looks_encrypted
from tests.cli.encrypted import (
    NO_STORE,
    OTHER,
    PASSWORD,
    backups_of,
    cli,
    digest,
    files_holding,
    first_organization,
    refused,
)


@pytest.fixture
def plain(tmp_path: Path, demo_database_file: Path) -> Path:
    """A copy of the demo, with one backup beside it."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_database_file, path)
    assert cli("--db", str(path), "backup").returncode == 0
    return path


def _encrypt(db: Path, *options: str, env: dict[str, str] | None = None) -> str:
    result = cli("--db", str(db), "encrypt", *options, stdin=PASSWORD + "\n", env=env)
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    return result.stdout


def test_encrypt_leaves_no_plaintext_beside_the_database(plain: Path, tmp_path: Path) -> None:
    name = first_organization(plain)
    folders = [tmp_path]
    assert plain in files_holding(folders, name)  # the scan can find it
    assert len(files_holding(folders, name)) == 2  # the database and its backup
    before = digest(plain, None)
    said = _encrypt(plain)
    assert f"Encrypted {plain}." in said
    assert "Backups: 1 converted, 0 removed" in said
    assert "Safety copy (encrypted): " in said
    assert "outside the backup folder" in said
    assert "not kept on this computer" in said
    assert files_holding(folders, name) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo-backups", "demo.db"]
    assert all(looks_encrypted(plain.parent / "demo-backups" / n) for n in backups_of(plain))
    assert len(backups_of(plain)) == 2  # the converted backup and the safety copy
    assert digest(plain) == before


def test_decrypt_gives_back_the_same_data_and_plain_backups(plain: Path, tmp_path: Path) -> None:
    before = digest(plain, None)
    _encrypt(plain)
    result = cli("--db", str(plain), "decrypt", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "Took the encryption off" in result.stdout
    assert "Backups: 2 converted, 0 removed, 0 left" in result.stdout
    assert not looks_encrypted(plain)
    assert not any(looks_encrypted(plain.parent / "demo-backups" / n) for n in backups_of(plain))
    assert digest(plain, None) == before
    assert plain in files_holding([tmp_path], first_organization(plain))


def test_remove_backups_deletes_them_instead(plain: Path) -> None:
    [old] = backups_of(plain)
    said = _encrypt(plain, "--remove-backups")
    assert "Backups: 0 converted, 1 removed" in said
    assert old not in backups_of(plain) and len(backups_of(plain)) == 1  # the safety copy
    result = cli("--db", str(plain), "decrypt", "--remove-backups", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "Backups: 0 converted, 1 removed" in result.stdout
    assert len(backups_of(plain)) == 1 and not looks_encrypted(plain)


def test_remember_keeps_the_password_for_every_command_until_decrypt(plain: Path) -> None:
    said = _encrypt(plain, "--remember")
    assert "kept in this computer's password store" in said
    assert database_password.remembered(plain) == PASSWORD  # the suite's store, a file
    assert cli("--db", str(plain), "stats", "--json").returncode == 0  # nothing on stdin
    result = cli("--db", str(plain), "decrypt")
    assert result.returncode == 0, result.stderr
    assert database_password.remembered(plain) is None


def test_remember_without_a_store_says_it_will_be_asked_each_time(plain: Path) -> None:
    said = _encrypt(plain, "--remember", env=NO_STORE)
    assert "no password store" in said and "never keeps the password in a file" in said
    assert "every command asks for it" in said
    assert database_password.remembered(plain) is None


def test_a_stale_remembered_password_is_said_and_forgotten_not_retried(plain: Path) -> None:
    _encrypt(plain)
    before = digest(plain)
    database_password.remember(plain, OTHER)  # re-encrypted elsewhere since
    line = refused(cli("--db", str(plain), "stats"), OTHER)
    assert "no longer opens it" in line and "forgotten" in line
    assert database_password.remembered(plain) is None
    database_password.remember(plain, OTHER)
    result = cli("--db", str(plain), "stats", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    [note] = result.stderr.strip().splitlines()
    assert "no longer opened it" in note and "remembered instead" in note
    assert database_password.remembered(plain) == PASSWORD
    assert digest(plain) == before


def _unchanged(db: Path, run: list[str], stdin: str, password: str | None = None) -> str:
    """Run a refused command; prove the digest and the backups' bytes are unchanged."""
    before, saved = digest(db, password), backups_of(db)
    line = refused(cli("--db", str(db), *run, stdin=stdin))
    assert digest(db, password) == before
    assert backups_of(db) == saved
    return line


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ("short\n", "at least 8 characters"),
        ("", "no password on standard input"),
        ("\n", "no password on standard input"),
    ],
)
def test_a_bad_new_password_is_refused(plain: Path, stdin: str, expected: str) -> None:
    assert expected in _unchanged(plain, ["encrypt"], stdin)
    assert not looks_encrypted(plain)


def test_encrypting_twice_is_refused_before_asking(plain: Path) -> None:
    _encrypt(plain)
    line = _unchanged(plain, ["encrypt"], PASSWORD + "\n", PASSWORD)
    assert "is encrypted already" in line


def test_decrypting_a_plain_file_is_refused(plain: Path) -> None:
    assert "is not encrypted" in _unchanged(plain, ["decrypt"], PASSWORD + "\n")


@pytest.mark.parametrize("stdin", [OTHER + "\n", ""])
def test_decrypt_with_a_wrong_or_no_password_is_refused(plain: Path, stdin: str) -> None:
    _encrypt(plain)
    line = _unchanged(plain, ["decrypt"], stdin, PASSWORD)
    assert OTHER not in line
    assert ("does not open" in line) if stdin else ("no password was given" in line)
    assert looks_encrypted(plain)


@pytest.mark.parametrize("command", ["encrypt", "decrypt"])
def test_a_missing_file_or_a_server_is_refused(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "typo.db"
    line = refused(cli("--db", str(missing), command, stdin=PASSWORD + "\n"))
    assert str(missing) in line and "does not exist" in line
    assert not missing.exists() and list(tmp_path.iterdir()) == []
    url = "postgresql+psycopg://u:pw@127.0.0.1:1/x"
    line = refused(cli("--db", url, command, stdin=PASSWORD + "\n"))
    assert "is a server database" in line and ":pw@" not in line


def test_encrypt_is_refused_while_the_window_has_the_file_open(plain: Path) -> None:
    holder = open_workspace(str(plain))  # as the window holds it
    try:
        with holder.read() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM organization").all()
        line = refused(cli("--db", str(plain), "encrypt", stdin=PASSWORD + "\n"))
    finally:
        holder.close()
    assert "in use by another FieldLog" in line
    assert not looks_encrypted(plain) and not any(
        looks_encrypted(plain.parent / "demo-backups" / n) for n in backups_of(plain)
    )


def test_decrypt_is_refused_while_the_window_has_the_file_open(plain: Path) -> None:
    _encrypt(plain)
    before, saved = digest(plain), backups_of(plain)
    holder = open_workspace(str(plain), password=PASSWORD)
    try:
        with holder.read() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM organization").all()
        line = refused(cli("--db", str(plain), "decrypt", stdin=PASSWORD + "\n"))
    finally:
        holder.close()
    assert "in use by another FieldLog" in line
    assert looks_encrypted(plain) and digest(plain) == before and backups_of(plain) == saved


def test_init_encrypt_creates_an_encrypted_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    result = cli("--db", str(db), "init", "--encrypt", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "The database is encrypted" in result.stdout
    assert looks_encrypted(db)
    again = cli("--db", str(db), "init", "--encrypt", stdin=PASSWORD + "\n")  # idempotent
    assert again.returncode == 0, again.stderr
    refused(cli("--db", str(db), "init", stdin=OTHER + "\n"))


def test_init_encrypt_refuses_a_plain_database_and_a_short_password(
    plain: Path, tmp_path: Path
) -> None:
    line = _unchanged(plain, ["init", "--encrypt"], PASSWORD + "\n")
    assert "not encrypted" in line and "fieldlog encrypt" in line
    new = tmp_path / "new.db"
    assert "at least 8" in refused(cli("--db", str(new), "init", "--encrypt", stdin="short\n"))
    assert not new.exists()


def test_demo_encrypt_loads_the_demo_into_an_encrypted_file(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = cli("--db", str(db), "demo", "--encrypt", "--remember", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "Demo dispatch loaded" in result.stdout and "password store" in result.stdout
    assert looks_encrypted(db)
    stats = cli("--db", str(db), "stats", "--json")  # remembered: nothing on stdin
    assert stats.returncode == 0 and '"visits": 569' in stats.stdout


def test_help_says_where_the_password_comes_from() -> None:
    result = cli("encrypt", "--help")
    assert result.returncode == 0
    said = " ".join(result.stdout.split())
    for words in (
        "first line of standard input",
        "asked twice",
        "--remove-backups",
        "--remember",
        "next line",
    ):
        assert words in said, words
    decrypt = " ".join(cli("decrypt", "--help").stdout.split())
    assert "password store" in decrypt and "standard input" in decrypt


def test_init_remember_keeps_the_password_of_an_existing_encrypted_database(plain: Path) -> None:
    _encrypt(plain)
    assert database_password.remembered(plain) is None
    wrong = refused(cli("--db", str(plain), "init", "--remember", stdin=OTHER + "\n"), OTHER)
    assert "does not open" in wrong and database_password.remembered(plain) is None
    result = cli("--db", str(plain), "init", "--remember", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "kept in this computer's password store" in result.stdout
    assert database_password.remembered(plain) == PASSWORD
    assert cli("--db", str(plain), "digest").returncode == 0  # nothing on stdin


def test_init_remember_on_a_plain_or_missing_database_is_refused(
    plain: Path, tmp_path: Path
) -> None:
    line = _unchanged(plain, ["init", "--remember"], PASSWORD + "\n")
    assert "not an encrypted database" in line and "no password to remember" in line
    missing = tmp_path / "new.db"
    refused(cli("--db", str(missing), "init", "--remember", stdin=PASSWORD + "\n"))
    assert not missing.exists()


@pytest.mark.parametrize("command", [["encrypt"], ["decrypt"], ["init", "--encrypt"]])
@pytest.mark.parametrize("kind", ["notes", "another program's database"])
def test_a_file_that_is_not_fieldlogs_is_refused_before_asking(
    tmp_path: Path, command: list[str], kind: str
) -> None:
    path = tmp_path / "other.db"
    if kind == "notes":
        path.write_text("notes, not a database\n" * 100, encoding="utf-8")
    else:
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE t (x)")
        connection.close()
    before = path.read_bytes()
    line = refused(cli("--db", str(path), *command, stdin=""))  # nothing asked: no stdin
    assert "is not a FieldLog database" in line or "another program" in line, line
    assert path.read_bytes() == before and sorted(tmp_path.iterdir()) == [path]
