"""No command ever prints the password of a server URL given with --db, nor the password of an
encrypted database given on standard input (wrong or right).

Every command the parser knows runs, in a real subprocess, against a PostgreSQL URL on a port
nothing listens on: each fails (or is refused) and names the database; the password never
appears on standard output or standard error. A command added to the parser without minimal
arguments here fails `test_every_command_is_swept`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fieldlog.cli.parser import build_parser

SECRET = "S3cretPw"
URL = f"postgresql+psycopg://u:{SECRET}@127.0.0.1:1/x"
#: Minimal valid arguments of every command (the words after the command's own words); FILE is
#: replaced by a file in the test's folder.
ARGUMENTS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("init",): (),
    ("demo",): (),
    ("digest",): (),
    ("stats",): (),
    ("rules",): (),
    ("warnings",): (),
    ("import", "orgs"): ("FILE.xlsx",),
    ("import", "visits"): ("FILE.xlsx",),
    ("export", "weekly"): ("--week", "2020-W16", "-o", "FILE.xlsx"),
    ("export", "ledger"): ("-o", "FILE.xlsx"),
    ("export", "orgs"): ("-o", "FILE.xlsx"),
    ("export", "visits"): ("--from", "2020-01-01", "--to", "2020-12-31", "-o", "FILE.xlsx"),
    ("sync", "export"): ("-o", "FILE.fieldsync"),
    ("sync", "import"): ("FILE.fieldsync",),
    ("sync", "conflicts"): (),
    ("team", "passphrase"): (),
    ("backup",): (),
    ("restore",): ("FILE.db",),
    ("check",): (),
    ("encrypt",): (),
    ("decrypt",): (),
    ("export", "bureau"): ("--week", "2020-W16", "-o", "FILE.xlsx"),
    ("export", "brief"): ("--week", "2020-W16", "-o", "FILE.docx"),
    ("export", "calendar"): ("-o", "FILE.ics"),
    ("bureau", "init"): ("--name", "铜仁市投资促进局"),
    ("bureau", "register"): ("FILE.fieldsync",),
    ("bureau", "teams"): (),
    ("bureau", "overlaps"): (),
    ("bureau", "lookalikes"): (),
    ("bureau", "same"): ("0123456789abcdef", "fedcba9876543210"),
    ("bureau", "different"): ("0123456789abcdef", "fedcba9876543210"),
    ("bureau", "lead"): ("91440300MA5F000010", "--team", "驻深工作队"),
    ("bureau", "send"): ("-o", "FILE"),
    ("bureau", "watch"): ("FILE", "--once"),
    ("card", "read"): ("FILE.png",),
    ("attach",): ("visit", "0123456789ab", "FILE.jpg"),
    ("attachments",): ("visit", "0123456789ab"),
}
#: The window: it tells a database it cannot open in a modal box (its text is masked by
#: `app._shown`, tested with the window), which a subprocess here could not close.
WINDOW = {("gui",)}


def _leaf_commands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> set[tuple]:
    found: set[tuple] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= _leaf_commands(sub, (*words, name)) or {(*words, name)}
    return found


def test_every_command_is_swept() -> None:
    assert _leaf_commands(build_parser()) == set(ARGUMENTS) | WINDOW


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldlog", "--lang", "en", *args],
        input="a team passphrase\n",
        capture_output=True,
        text=True,
        env={**os.environ, "FIELDLOG_DB": URL},
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize("words", sorted(ARGUMENTS), ids=" ".join)
def test_no_command_prints_the_password(words: tuple[str, ...], tmp_path: Path) -> None:
    arguments = [a.replace("FILE", str(tmp_path / "file")) for a in ARGUMENTS[words]]
    for where in (["--db", URL], []):  # the option, and the environment variable
        result = _run([*where, *words, *arguments], tmp_path)
        said = result.stdout + result.stderr
        assert result.returncode == 1, said
        assert SECRET not in said, said
        assert "Traceback" not in said
        assert "postgresql+psycopg://u:***@127.0.0.1:1/x" in result.stderr, said


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://u:{SECRET}%40x@127.0.0.1:1/x",  # a quoted character
        f"postgresql://u:{SECRET}@127.0.0.1:1/x?sslmode=disable",
        f"postgresql+psycopg://u:{SECRET}@127.0.0.1:notaport/x",  # does not parse
    ],
)
@pytest.mark.parametrize("words", [("restore", "FILE.db"), ("stats",)], ids=" ".join)
def test_other_spellings_of_a_url_print_no_password(
    url: str, words: tuple[str, ...], tmp_path: Path
) -> None:
    arguments = [a.replace("FILE", str(tmp_path / "file")) for a in words]
    result = _run(["--db", url, *arguments], tmp_path)
    assert result.returncode == 1 and result.stderr.startswith("fieldlog: error: ")
    assert SECRET not in result.stdout + result.stderr, result.stderr


LOGGED = """
import logging, sys
from pathlib import Path
from fieldlog import diagnostics
from fieldlog.services.admin.workspace import open_workspace

diagnostics.configure(Path(sys.argv[2]))
for url in (sys.argv[1], sys.argv[1].replace("127.0.0.1:1", "127.0.0.1:notaport")):
    try:
        open_workspace(url)
    except Exception as exc:  # as the window logs a failure nobody expected
        logging.getLogger("fieldlog.ui.operations").error("failed", exc_info=exc)
        print(repr(exc))
"""


def test_a_failure_to_open_a_server_database_logs_no_password(tmp_path: Path) -> None:
    """What the window would write to the log file (a failure's traceback, with the exceptions
    it was raised from) never holds the password of the URL it was opening."""
    folder = tmp_path / "log"
    result = subprocess.run(
        [sys.executable, "-c", LOGGED, URL, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    logged = (folder / "fieldlog.log").read_text(encoding="utf-8")
    assert logged.count("ERROR fieldlog.ui.operations: failed") == 2, result.stderr
    assert "Traceback" in logged and "127.0.0.1" in logged
    assert SECRET not in logged and SECRET not in result.stdout + result.stderr


DATABASE_PASSWORD = "Db-Pa55word-铜仁"
WRONG_PASSWORD = "Wr0ng-Pa55word"


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("encrypted") / "e.db"
    made = subprocess.run(
        [sys.executable, "-m", "fieldlog", "--db", str(path), "init", "--encrypt"],
        input=DATABASE_PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    return path


@pytest.mark.parametrize("words", sorted(ARGUMENTS), ids=" ".join)
def test_no_command_prints_the_database_password(
    words: tuple[str, ...], tmp_path: Path, encrypted: Path
) -> None:
    """Every command on an encrypted database, with a wrong password and with the right one on
    standard input: neither is ever printed; the wrong one is refused (exit 1)."""
    db = tmp_path / "e.db"
    shutil.copyfile(encrypted, db)
    arguments = [a.replace("FILE", str(tmp_path / "file")) for a in ARGUMENTS[words]]
    for password in (WRONG_PASSWORD, DATABASE_PASSWORD):
        result = subprocess.run(
            [sys.executable, "-m", "fieldlog", "--lang", "en", "--db", str(db), *words,
             *arguments],
            input=f"{password}\na team passphrase\n",
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )  # fmt: skip
        said = result.stdout + result.stderr
        assert WRONG_PASSWORD not in said and DATABASE_PASSWORD not in said, said
        assert "Traceback" not in said, said
        if password == WRONG_PASSWORD and words != ("encrypt",):  # encrypt: "encrypted already"
            assert result.returncode == 1 and "does not open" in result.stderr, said
