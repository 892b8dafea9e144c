"""The command line through real subprocesses: output, exit codes, files left untouched."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldlog.domain.money import format_yi
from fieldlog.domain.period import IsoWeek, Period, weeks_between

REFERENCE = {
    "enterprises_visited": 346,
    "associations_visited": 40,
    "projects_signed": 22,
    "contract_amount_yuan": 2_914_000_000,
    "funds_in_place_yuan": 438_900_000,
}
DISPATCH = Period.between("2020-03-23", "2020-04-22")


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m fieldlog ARGS` (`stdin` its standard input) and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "fieldlog", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("demo") / "demo.db")
    result = run("--db", path, "demo")
    assert result.returncode == 0, result.stderr
    assert "Demo dispatch loaded" in result.stdout
    return path


def stats(db: str, *args: str) -> dict[str, object]:
    result = run("--db", db, "stats", "--json", *args)
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_demo_reproduces_the_reference_numbers(demo_db: str) -> None:
    figures = stats(demo_db)
    assert {key: figures[key] for key in REFERENCE} == REFERENCE
    assert (figures["from"], figures["to"]) == (None, None)
    dispatch = stats(demo_db, "--from", "2020-03-23", "--to", "2020-04-22")
    assert {key: dispatch[key] for key in REFERENCE} == REFERENCE
    assert (dispatch["from"], dispatch["to"]) == ("2020-03-23", "2020-04-22")


def test_weekly_figures_are_consistent_with_the_dispatch(demo_db: str) -> None:
    total = stats(demo_db, "--from", "2020-03-23", "--to", "2020-04-22")
    weeks = [stats(demo_db, "--week", str(week)) for week in weeks_between(DISPATCH)]
    assert weeks[0]["from"] == "2020-03-23" and weeks[-1]["to"] == "2020-04-26"
    assert sum(w["visits"] for w in weeks) == total["visits"]  # type: ignore[misc]
    assert sum(w["enterprises_visited"] for w in weeks) > total["enterprises_visited"]  # type: ignore[misc]
    assert sum(w["funds_in_place_yuan"] for w in weeks) == REFERENCE["funds_in_place_yuan"]  # type: ignore[misc]


def test_stats_text_output_in_chinese(demo_db: str) -> None:
    result = run("--db", demo_db, "--lang", "zh_CN", "stats", "--week", "2020-W16")
    assert result.returncode == 0
    assert "统计期间: 2020-04-13 – 2020-04-19" in result.stdout
    assert "走访企业（家）" in result.stdout and "合同投资额（亿元）" in result.stdout


def test_stats_text_writes_amounts_as_a_bureau_does(demo_db: str) -> None:
    dispatch = ("--from", "2020-03-23", "--to", "2020-04-22")
    result = run("--db", demo_db, "--lang", "zh_CN", "stats", *dispatch)
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line.split()[-1] for line in result.stdout.splitlines()[1:]}
    assert lines["合同投资额（亿元）"] == "29.14"  # not 29.1400
    assert lines["到位资金（亿元）"] == "4.389"
    english = run("--db", demo_db, "--lang", "en", "stats", *dispatch).stdout.splitlines()
    width = len("Contract amount (assessment scope) (100M yuan)")  # the longest label
    assert english[7:9] == [
        f"{'Contract amount (100M yuan)':<{width}}  {'29.14':>12}",
        f"{'Funds in place (100M yuan)':<{width}}  {'4.389':>12}",
    ]


def test_stats_text_shows_the_assessment_scope_under_the_plain_figures(demo_db: str) -> None:
    dispatch = ("--from", "2020-03-23", "--to", "2020-04-22")
    figures = stats(demo_db, *dispatch)
    scoped = figures["assessment"]
    assert isinstance(scoped, dict)
    result = run("--db", demo_db, "--lang", "zh_CN", "stats", *dispatch)
    assert result.returncode == 0, result.stderr
    labels = [line.split()[0] for line in result.stdout.splitlines()[1:]]
    assert labels[8:] == [
        "考察批次（次）",
        "签约项目（考核口径）（个）",
        "合同投资额（考核口径）（亿元）",
        "到位资金（考核口径）（亿元）",
        "入库项目（个）",
        "入规项目（个）",
    ]
    lines = {line.split()[0]: line.split()[-1] for line in result.stdout.splitlines()[1:]}
    assert lines["签约项目（考核口径）（个）"] == str(scoped["projects_signed"])
    assert lines["合同投资额（考核口径）（亿元）"] == format_yi(scoped["contract_amount_yuan"])
    assert lines["到位资金（考核口径）（亿元）"] == format_yi(scoped["funds_in_place_yuan"])
    assert lines["入库项目（个）"] == str(figures["projects_in_stats"])
    # The demo's rules leave projects out: the scope differs from the plain figures.
    assert scoped["projects_signed"] < figures["projects_signed"]
    english = run("--db", demo_db, "--lang", "en", "stats", *dispatch).stdout
    assert "Projects signed (assessment scope)" in english


def test_demo_refused_on_a_database_with_visits(demo_db: str) -> None:
    before = run("--db", demo_db, "digest").stdout
    result = run("--db", demo_db, "demo")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "already holds" in result.stderr
    assert run("--db", demo_db, "digest").stdout == before


def test_demo_refused_on_a_database_with_imported_organizations_only(tmp_path: Path) -> None:
    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.services.orgs.orgs import OrgInput, save_org

    path = str(tmp_path / "orgs.db")
    db = open_workspace(path)
    for name in ("深圳市德润物流有限公司", "深圳市铜仁商会", "华为技术有限公司"):
        save_org(db, OrgInput(name))
    db.close()
    before = run("--db", path, "digest").stdout
    result = run("--db", path, "demo")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "already holds work (3 organizations)" in result.stderr
    assert result.stdout == ""
    assert run("--db", path, "digest").stdout == before


def test_digest_is_stable_and_check_passes(demo_db: str) -> None:
    first, second = run("--db", demo_db, "digest"), run("--db", demo_db, "digest")
    assert first.returncode == 0 and len(first.stdout.strip()) == 64
    assert first.stdout == second.stdout
    check = run("--db", demo_db, "check")
    assert check.returncode == 0 and check.stdout.strip().endswith("ok")


def test_global_options_may_follow_the_command(demo_db: str) -> None:
    after = run("stats", "--json", "--db", demo_db)
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout) == stats(demo_db)


def test_init_is_idempotent(tmp_path: Path) -> None:
    path = str(tmp_path / "new.db")
    assert run("--db", path, "init").returncode == 0
    digest = run("--db", path, "digest").stdout
    assert run("--db", path, "init").returncode == 0
    assert run("--db", path, "digest").stdout == digest


@pytest.mark.parametrize("content", [b"just some text\n", bytes.fromhex("89504e470d0a1a0a") * 20])
def test_foreign_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    for command in (["init"], ["stats"], ["digest"], ["demo"]):
        result = run("--db", str(path), *command)
        assert result.returncode == 1, command
        assert result.stderr.startswith("fieldlog: error: ") and result.stderr.count("\n") == 1
        assert "not a FieldLog database" in result.stderr
        assert "Traceback" not in result.stderr
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    assert run("--db", str(path), "init").returncode == 0
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff_newer'")
    con.commit()
    con.close()
    before = path.read_bytes()
    result = run("--db", str(path), "stats")
    assert result.returncode == 1 and "newer FieldLog" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stats", "--from", "2020-13-01"], "not a valid date"),
        (["stats", "--to", "yesterday"], "not a valid date"),
        (["stats", "--week", "2020-W99"], "week 99"),
        (["stats", "--week", "last week"], "--week"),
        (["stats", "--week", "2020-W10", "--from", "2020-03-01"], "not both"),
        (["stats", "--from", "2020-04-01", "--to", "2020-03-01"], "is after"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_usage_exits_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("--db", str(tmp_path / "x.db"), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_db_option_beats_environment(tmp_path: Path) -> None:
    env_db, option_db = tmp_path / "env.db", tmp_path / "option.db"
    assert run("init", env={"FIELDLOG_DB": str(env_db)}).returncode == 0
    assert env_db.exists()
    assert run("--db", str(option_db), "init", env={"FIELDLOG_DB": str(env_db)}).returncode == 0
    assert option_db.exists()


def test_default_database_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    data_home = tmp_path / "data"
    result = run("init", env={"XDG_DATA_HOME": str(data_home)})
    assert result.returncode == 0, result.stderr
    assert (data_home / "FieldLog" / "fieldlog.db").exists()


def test_week_argument_matches_iso_weeks() -> None:
    assert str(IsoWeek.parse("2020-W16").period) == "2020-04-13 – 2020-04-19"


def test_importing_the_command_line_does_not_load_qt() -> None:
    code = "import sys, fieldlog.cli; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("entry", [["main.py"], ["-m", "fieldlog"], ["-m", "fieldlog", "gui"]])
def test_window_opens_on_a_new_database(tmp_path: Path, entry: list[str]) -> None:
    """`python main.py`, `fieldlog` and `fieldlog gui` start the window and keep running.

    The database is made by `init` first: a --db path with no file makes the window ask."""
    path = tmp_path / "first-start.db"
    assert run("--db", str(path), "init").returncode == 0
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, *entry, "--db", str(path)],
        cwd=root,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(200):  # its -wal appears once the window has opened the database
            if Path(f"{path}-wal").exists() or proc.poll() is not None:
                break
            time.sleep(0.1)
        time.sleep(1.0)
        assert proc.poll() is None, proc.communicate()[1]
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert run("--db", str(path), "check").returncode == 0
