"""packaging/server/setup_postgres.sh, for real, against the local PostgreSQL cluster.

Needs root (the script acts as the postgres user and edits the cluster's pg_hba.conf) and a
server (FIELDLOG_TEST_POSTGRES_URL). A role and a database of this test's own are made and
dropped; the cluster's listen address is changed only in its stored settings (--no-restart)
and set back, so no other connection is disturbed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.cli.test_cli import run
from tests.conftest import SERVER

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "server" / "setup_postgres.sh"

pytestmark = [
    pytest.mark.skipif(not SERVER, reason="FIELDLOG_TEST_POSTGRES_URL is not set"),
    pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("pg_lsclusters") is None,
        reason="runs as root on a Debian-style PostgreSQL (pg_lsclusters)",
    ),
]


def _psql(sql: str, database: str = "postgres") -> str:
    result = subprocess.run(
        ["su", "postgres", "-c", f"psql -X -tA -d {database}"],
        input=sql,
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    return result.stdout.strip()


def _setup(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *args], input=stdin, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def names() -> object:
    suffix = uuid.uuid4().hex[:8]
    role, database = f"fl_setup_{suffix}", f"fl_setup_db_{suffix}"
    yield role, database
    _psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    _psql(f'DROP ROLE IF EXISTS "{role}"')


def test_the_script_makes_a_database_fieldlog_opens(names: tuple[str, str]) -> None:
    role, database = names
    password = "Office pw's 2026"
    made = _setup("--role", role, "--database", database, stdin=password + "\n")
    assert made.returncode == 0, made.stderr
    url = made.stdout.strip()
    assert url == f"postgresql+psycopg://{role}:PASSWORD@127.0.0.1/{database}"
    assert password not in made.stdout + made.stderr
    assert _psql(f"SELECT datcollate FROM pg_database WHERE datname = '{database}'") == "C"
    real = url.replace("PASSWORD", quote(password, safe=""))
    assert run("--db", real, "init").returncode == 0
    stats = run("--lang", "en", "--db", real, "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    # Again, with another password: what exists is kept, the password changes.
    again = _setup("--role", role, "--database", database, "--show-password", stdin="another-pw\n")
    assert again.returncode == 0, again.stderr
    shown = again.stdout.strip()
    assert shown == f"postgresql+psycopg://{role}:another-pw@127.0.0.1/{database}"
    assert run("--db", shown, "stats").returncode == 0
    wrong = run("--lang", "en", "--db", real, "stats")
    assert wrong.returncode == 1 and "refused the user name or password" in wrong.stderr


def test_listening_on_the_office_network_writes_one_pg_hba_line(names: tuple[str, str]) -> None:
    role, database = names
    hba = Path(_psql("SHOW hba_file"))
    auto = Path(_psql("SHOW data_directory")) / "postgresql.auto.conf"
    hba_before, auto_before = hba.read_text(), auto.read_text() if auto.exists() else None
    try:
        for _ in range(2):  # twice: one line, one address
            made = _setup(
                "--role", role, "--database", database, "--listen", "127.0.0.1",
                "--allow", "127.0.0.1/32", "--no-restart", stdin="office-pw-1\n",
            )  # fmt: skip
            assert made.returncode == 0, made.stderr
        line = f"host    {database}    {role}    127.0.0.1/32    scram-sha-256"
        assert hba.read_text().splitlines().count(line) == 1
        assert made.stdout.strip().endswith(f"@127.0.0.1/{database}")
        listen = [x for x in auto.read_text().splitlines() if x.startswith("listen_addresses")]
        assert listen == ["listen_addresses = 'localhost,127.0.0.1'"]
    finally:
        hba.write_text(hba_before)
        if auto_before is None:
            auto.unlink(missing_ok=True)
        else:
            auto.write_text(auto_before)
        _psql("SELECT pg_reload_conf()")


@pytest.mark.parametrize(
    ("args", "stdin", "said"),
    [
        (["--database", "Robert'); DROP"], "long-enough\n", "is not a plain name"),
        ([], "short\n", "at least 8 characters"),
        (["--bogus"], "long-enough\n", "unknown option --bogus"),
    ],
    ids=["odd-name", "short-password", "unknown-option"],
)
def test_bad_input_is_refused_before_anything_is_made(
    names: tuple[str, str], args: list[str], stdin: str, said: str
) -> None:
    role, database = names
    refused = _setup("--role", role, "--database", database, *args, stdin=stdin)
    assert refused.returncode == 1 and said in refused.stderr
    assert refused.stdout == ""
    assert _psql(f"SELECT count(*) FROM pg_roles WHERE rolname = '{role}'") == "0"
    assert _psql(f"SELECT count(*) FROM pg_database WHERE datname = '{database}'") == "0"
