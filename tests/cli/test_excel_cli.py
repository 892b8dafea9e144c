"""Import and export through the command line: exit codes, reports, files, the digest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.cli.test_cli import run

WEEK = "2020-W16"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> str:
    path = tmp_path_factory.mktemp("excel-demo") / "demo.db"
    shutil.copyfile(demo_database_file, path)  # what `fieldlog demo` makes
    return str(path)


def digest(db: str) -> str:
    return run("--db", db, "digest").stdout


def test_weekly_return_written_where_asked(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "周报.xlsx"
    result = run("--db", demo_db, "export", "weekly", "--week", WEEK, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:4] == ["汇总", "走访明细", "项目台账", "到位资金"]


def test_weekly_return_default_name_carries_team_and_week(demo_db: str, tmp_path: Path) -> None:
    result = run(
        "--db", str(Path(demo_db).resolve()), "export", "weekly", "--week", WEEK, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    written = Path(tmp_path, result.stdout.strip())
    assert written.exists()
    assert "铜仁市驻深招商工作队" in written.name and WEEK in written.name


@pytest.mark.parametrize("what", ["ledger", "orgs"])
def test_directory_exports(demo_db: str, tmp_path: Path, what: str) -> None:
    out = tmp_path / f"{what}.xlsx"
    assert run("--db", demo_db, "export", what, "-o", str(out)).returncode == 0
    assert openpyxl.load_workbook(out, read_only=True).sheetnames


def test_export_to_a_missing_folder_is_one_clear_line(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "folder" / "x.xlsx"
    result = run("--db", demo_db, "export", "ledger", "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.startswith("fieldlog: error: ") and result.stderr.count("\n") == 1


def test_exported_orgs_and_visits_import_back_unchanged(demo_db: str, tmp_path: Path) -> None:
    orgs_file, visits_file = tmp_path / "orgs.xlsx", tmp_path / "visits.xlsx"
    assert run("--db", demo_db, "export", "orgs", "-o", str(orgs_file)).returncode == 0
    args = [
        "export",
        "visits",
        "--from",
        "2020-03-23",
        "--to",
        "2020-04-22",
        "-o",
        str(visits_file),
    ]
    assert run("--db", demo_db, *args).returncode == 0
    before = digest(demo_db)
    for what, path in (("orgs", orgs_file), ("visits", visits_file)):
        result = run("--db", demo_db, "import", what, str(path), "--json")
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert (report["created"], report["updated"], report["rejected"]) == (0, 0, [])
        assert report["unchanged"] > 0
    assert digest(demo_db) == before


def test_exported_directory_fills_a_new_database(demo_db: str, tmp_path: Path) -> None:
    orgs_file, fresh = tmp_path / "orgs.xlsx", str(tmp_path / "fresh.db")
    assert run("--db", demo_db, "export", "orgs", "-o", str(orgs_file)).returncode == 0
    assert run("--db", fresh, "init").returncode == 0
    rows = openpyxl.load_workbook(orgs_file, read_only=True).worksheets[0].max_row
    first = json.loads(run("--db", fresh, "import", "orgs", str(orgs_file), "--json").stdout)
    assert first["created"] == 433 and first["rejected"] == []
    assert rows >= 434
    after_first = digest(fresh)
    second = json.loads(run("--db", fresh, "import", "orgs", str(orgs_file), "--json").stdout)
    assert (second["created"], second["updated"], second["unchanged"]) == (0, 0, 433)
    assert digest(fresh) == after_first


def test_dry_run_reports_but_stores_nothing(demo_db: str, tmp_path: Path) -> None:
    orgs_file, fresh = tmp_path / "orgs.xlsx", str(tmp_path / "fresh.db")
    assert run("--db", demo_db, "export", "orgs", "-o", str(orgs_file)).returncode == 0
    assert run("--db", fresh, "init").returncode == 0
    before = digest(fresh)
    result = run("--db", fresh, "import", "orgs", str(orgs_file), "--dry-run")
    assert result.returncode == 0
    assert "Dry run" in result.stdout and "created 433" in result.stdout
    assert digest(fresh) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,code\nACME,1\n", "not an Excel workbook"),
        (bytes.fromhex("d0cf11e0a1b11ae1") + "Workbook".encode("utf-16-le") * 4, ".xls"),
        (bytes.fromhex("d0cf11e0a1b11ae1") + "EncryptionInfo".encode("utf-16-le") * 4, "password"),
    ],
    ids=["text", "xls", "encrypted"],
)
def test_fatal_files_exit_1_and_change_nothing(
    demo_db: str, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(content)
    before = digest(demo_db)
    for what in ("orgs", "visits"):
        result = run("--db", demo_db, "import", what, str(path))
        assert result.returncode == 1
        assert message in result.stderr and result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr
    assert digest(demo_db) == before


def test_truncated_workbook_is_refused(demo_db: str, tmp_path: Path) -> None:
    whole = tmp_path / "whole.xlsx"
    assert run("--db", demo_db, "export", "orgs", "-o", str(whole)).returncode == 0
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    before = digest(demo_db)
    result = run("--db", demo_db, "import", "orgs", str(cut))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert digest(demo_db) == before


def test_missing_file_is_refused(demo_db: str, tmp_path: Path) -> None:
    result = run("--db", demo_db, "import", "orgs", str(tmp_path / "nowhere.xlsx"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["import"],
        ["export"],
        ["export", "weekly"],
        ["export", "weekly", "--week", "2020-W60"],
        ["export", "visits", "--from", "2020-04-01"],
        ["export", "visits", "--from", "2020-04-09", "--to", "2020-04-01"],
    ],
)
def test_bad_usage_exits_2(tmp_path: Path, args: list[str]) -> None:
    result = run("--db", str(tmp_path / "x.db"), *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_exports_never_change_the_data(demo_db: str, tmp_path: Path) -> None:
    """Exports read only: the database file's digest is the same after every export."""
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    before = digest(str(copy))
    for args in (["export", "ledger"], ["export", "orgs"], ["export", "weekly", "--week", WEEK]):
        assert run("--db", str(copy), *args, "-o", str(tmp_path / "x.xlsx")).returncode == 0
    assert digest(str(copy)) == before


def test_progress_goes_to_stderr_and_the_report_to_stdout(demo_db: str, tmp_path: Path) -> None:
    visits_file, copy = tmp_path / "visits.xlsx", tmp_path / "copy.db"
    shutil.copyfile(demo_db, copy)
    args = ["export", "visits", "--from", "2020-03-23", "--to", "2020-04-22"]
    assert run("--db", demo_db, *args, "-o", str(visits_file)).returncode == 0
    before = digest(str(copy))
    result = run("--db", str(copy), "import", "visits", str(visits_file), "--json", "--progress")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)  # stdout holds the report alone
    rows = report["unchanged"]
    assert rows > 0 and report["created"] == report["updated"] == 0
    lines = result.stderr.splitlines()
    assert lines[0] == f"storing: 0 of {rows:,} rows (0%)"
    assert lines[-1] == f"storing: {rows:,} of {rows:,} rows (100%)"
    assert digest(str(copy)) == before
    quiet = run("--db", str(copy), "import", "visits", str(visits_file), "--json")
    assert quiet.returncode == 0 and quiet.stderr == ""
