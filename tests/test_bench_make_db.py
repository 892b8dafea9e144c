"""`bench/make_db.py` at a small size: it builds a database the app accepts (its integrity
check passes), with every project column the schema has, filled as a team's ledger would be."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli import run

ROOT = Path(__file__).resolve().parent.parent


def test_a_small_synthetic_database_is_built_and_checks(tmp_path: Path) -> None:
    out = tmp_path / "bench.db"
    built = subprocess.run(
        [sys.executable, "bench/make_db.py", "--visits", "600", "--orgs", "120", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    assert run("--db", str(out), "check").returncode == 0
    with sqlite3.connect(out) as connection:
        kinds = {row[0] for row in connection.execute("SELECT DISTINCT kind FROM project")}
        filled = connection.execute(
            "SELECT count(*), count(origin_id), count(progress_on), sum(content <> ''),"
            " sum(demands <> ''), count(contact_id) FROM project"
        ).fetchone()
        signed_without_origin = connection.execute(
            "SELECT count(*) FROM project WHERE signed_on IS NOT NULL AND origin_id IS NULL"
        ).fetchone()[0]
    connection.close()
    assert kinds <= {"new", "phase_two", "capital_increase"} and "new" in kinds
    total, *counts = filled
    assert total >= 20 and all(0 < count <= total for count in counts), filled
    assert signed_without_origin == 0
