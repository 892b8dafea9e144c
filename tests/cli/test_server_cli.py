"""The command line on a PostgreSQL server: `check`, `backup`, and a server that cannot be used.

Through real subprocesses. Each refusal is one line on stderr, exit 1, no traceback, no
password, and nothing written (no file, no table, no database).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.cli.test_backup_cli import one_line_error
from tests.cli.test_cli import run
from tests.conftest import SERVER

pytestmark = pytest.mark.skipif(not SERVER, reason="FIELDLOG_TEST_POSTGRES_URL is not set")


def _query(url: str, statement: str) -> list[tuple[object, ...]]:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            result = conn.execute(text(statement))
            return [tuple(row) for row in result.all()] if result.returns_rows else []
    finally:
        engine.dispose()


def _tables(url: str) -> list[tuple[object, ...]]:
    return _query(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")


def test_backup_of_a_server_database_names_pg_dump_and_writes_nothing(
    pg_url: str, tmp_path: Path
) -> None:
    assert run("--db", pg_url, "init").returncode == 0
    password = make_url(pg_url).password
    for extra in ([], ["-o", str(tmp_path / "copy.db")]):
        result = run("--lang", "en", "--db", pg_url, "backup", *extra)
        one_line_error(result, "back it up with pg_dump, for example pg_dump --format=custom")
        url = make_url(pg_url)
        assert f"--username={url.username} " in result.stderr
        assert f" {url.database} (it asks for the password)" in result.stderr
        assert f":{password}@" not in result.stderr and ":***@" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_check_on_a_server_reports_as_on_sqlite_and_finds_what_is_broken(pg_url: str) -> None:
    assert run("--db", pg_url, "demo").returncode == 0
    healthy = run("--lang", "en", "--db", pg_url, "check")
    assert healthy.returncode == 0, healthy.stdout + healthy.stderr
    assert healthy.stdout.splitlines()[-1] == "ok"
    assert any(line.split()[:2] == ["visit", "569"] for line in healthy.stdout.splitlines())
    # What constraints no longer guard: a dropped foreign key, two live holders of one code,
    # a change counter set back by hand.
    _query(pg_url, "ALTER TABLE visit DROP CONSTRAINT fk_visit_org_id_organization")
    _query(
        pg_url,
        f"UPDATE visit SET org_id = '{uuid.uuid4()}'"
        " WHERE id = (SELECT id FROM visit ORDER BY id LIMIT 1)",
    )
    _query(
        pg_url,
        "UPDATE organization SET credit_code = (SELECT min(credit_code) FROM organization)"
        " WHERE id = (SELECT id FROM organization WHERE credit_code IS NOT NULL"
        " ORDER BY id DESC LIMIT 1)",
    )
    _query(pg_url, "UPDATE local_state SET value = '1' WHERE key = 'change_seq'")
    broken = run("--lang", "en", "--db", pg_url, "check")
    assert broken.returncode == 1
    lines = broken.stdout.splitlines()
    assert "PROBLEM: foreign key: 1 visit row points to a missing organization" in lines
    assert "PROBLEM: credit codes: 1 code(s) are held by more than one live organization" in lines
    assert any(line.startswith("PROBLEM: sync: the change counter (1) is behind") for line in lines)
    assert lines[-1] == "3 problem(s) found"


def test_check_on_a_server_runs_amcheck_when_the_role_may(pg_url: str) -> None:
    if os.geteuid() != 0 or shutil.which("su") is None:
        pytest.skip("installing amcheck needs the server's superuser (runs as root here)")
    assert run("--db", pg_url, "init").returncode == 0
    name, role = make_url(pg_url).database, make_url(pg_url).username
    without = run("--lang", "en", "--db", pg_url, "check")
    assert "note: index structure not checked: the amcheck extension" in without.stdout
    _as_postgres(
        name,
        "CREATE EXTENSION IF NOT EXISTS amcheck",
        f"GRANT EXECUTE ON FUNCTION bt_index_check(regclass, boolean) TO {role}",
    )
    checked = run("--lang", "en", "--db", pg_url, "check")
    assert checked.returncode == 0 and "amcheck" not in checked.stdout


def _as_postgres(database: str, *statements: str) -> None:
    for statement in statements:
        subprocess.run(
            ["su", "postgres", "-c", f'psql -v ON_ERROR_STOP=1 -q -d {database} -c "{statement}"'],
            check=True,
            capture_output=True,
            cwd="/",
        )


# -- a server that cannot be used ---------------------------------------------------------------


def _url(**parts: object) -> str:
    assert SERVER is not None
    return make_url(SERVER).set(**parts).render_as_string(hide_password=False)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("parts", "sentence"),
    [
        ({"port": 1}, "cannot be reached (is it running, and are its address and port right?)"),
        ({"host": "no-such-host.invalid"}, "cannot be reached"),
        ({"password": "not-the-password"}, "the server refused the user name or password"),
        ({"username": "no_such_role_x"}, "the server refused the user name or password"),
        ({"database": "fieldlog_no_such_db"}, "does not exist on the server; create it first"),
    ],
    ids=["port-closed", "unknown-host", "wrong-password", "unknown-role", "no-database"],
)
@pytest.mark.parametrize("command", ["stats", "init"])
def test_a_server_that_cannot_be_used_is_one_sentence(
    parts: dict[str, object], sentence: str, command: str
) -> None:
    url = _url(**parts)
    result = run("--lang", "en", "--db", url, command)
    one_line_error(result, sentence)
    assert "nothing was changed" in result.stderr
    assert f":{make_url(url).password}@" not in result.stderr
    if "database" in parts:  # `init` did not create it either
        databases = _query(str(SERVER), "SELECT datname FROM pg_database")
        assert ("fieldlog_no_such_db",) not in databases


def test_a_role_without_rights_is_one_sentence_and_nothing_is_half_written(pg_url: str) -> None:
    if os.geteuid() != 0 or shutil.which("su") is None:
        pytest.skip("making a role needs the server's superuser (runs as root here)")
    role = f"fieldlog_limited_{uuid.uuid4().hex[:8]}"
    name = make_url(pg_url).database
    assert name is not None
    _as_postgres("postgres", f"CREATE ROLE {role} LOGIN PASSWORD 'limited-pw'")
    try:
        _as_postgres(name, f"REVOKE CREATE ON SCHEMA public FROM {role}")
        limited = make_url(pg_url).set(username=role, password="limited-pw")
        url = limited.render_as_string(hide_password=False)
        result = run("--lang", "en", "--db", url, "init")
        one_line_error(
            result, "may not do what FieldLog needs (permission denied for schema public)"
        )
        assert "limited-pw" not in result.stderr
        assert _tables(pg_url) == []  # the migration wrote nothing
        # A database FieldLog made, opened by a role that may not read it.
        assert run("--db", pg_url, "init").returncode == 0
        before = _tables(pg_url)
        result = run("--lang", "en", "--db", url, "stats")
        one_line_error(result, "may not do what FieldLog needs (permission denied for table")
        assert _tables(pg_url) == before
    finally:
        _as_postgres(name, f"DROP OWNED BY {role}")
        _as_postgres("postgres", f"DROP ROLE IF EXISTS {role}")
