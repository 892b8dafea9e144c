"""`backup`, `restore` and `check` through real subprocesses; refusals leave the data as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from fieldlog.store.backup import backup_folder
from tests.cli.test_cli import run


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    path = tmp_path / "here" / "fieldlog.db"
    assert run("--db", str(path), "init").returncode == 0
    return path


def digest(path: Path) -> str:
    result = run("--db", str(path), "digest")
    assert result.returncode == 0, result.stderr
    return result.stdout


def one_line_error(result: object, needle: str) -> None:
    assert result.returncode == 1  # type: ignore[attr-defined]
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert stderr.startswith("fieldlog: error: ") and stderr.count("\n") == 1, stderr
    assert needle in stderr and "Traceback" not in stderr


def test_backup_prints_the_path_and_the_copy_restores(
    small_db: Path, tmp_path: Path, demo_database_file: Path
) -> None:
    auto = run("--db", str(small_db), "backup")
    assert auto.returncode == 0, auto.stderr
    made = Path(auto.stdout.strip())
    assert made.parent == backup_folder(small_db) and made.name.endswith("-manual.db")
    copy = tmp_path / "usb" / "copy.db"
    out = run("--db", str(small_db), "backup", "-o", str(copy))
    assert out.returncode == 0 and out.stdout.strip() == str(copy)
    original = digest(small_db)
    shutil.copyfile(demo_database_file, small_db)  # other data in its place
    assert digest(small_db) != original

    restored = run("--db", str(small_db), "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert "before-restore" in restored.stdout
    assert digest(small_db) == original
    assert run("--db", str(small_db), "check").returncode == 0
    kept = [p for p in backup_folder(small_db).iterdir() if "before-restore" in p.name]
    assert len(kept) == 1 and digest(kept[0]) != original  # the demo data, kept


def test_backup_of_a_server_url_is_refused(tmp_path: Path) -> None:
    result = run("--db", f"sqlite:///{tmp_path / 'x.db'}", "backup")
    one_line_error(result, "server's own tools")


@pytest.fixture(scope="module")
def demo_files(
    tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path
) -> tuple[Path, Path]:
    """A demo database (closed, no WAL left) and a good backup of it."""
    folder = tmp_path_factory.mktemp("demo")
    path, good = folder / "demo.db", folder / "good.db"
    shutil.copyfile(demo_database_file, path)  # what `fieldlog demo` makes
    assert run("--db", str(path), "backup", "-o", str(good)).returncode == 0
    shutil.rmtree(backup_folder(path), ignore_errors=True)
    return path, good


def _other_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE songs (title TEXT)")
    con.commit()
    con.close()


def _newer(path: Path, source: Path) -> None:
    shutil.copyfile(source, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff_newer'")
    con.commit()
    con.close()


def _truncated(path: Path, source: Path) -> None:
    path.write_bytes(source.read_bytes()[: 4096 * 3])


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        ("missing", "does not exist"),
        ("text", "not a FieldLog database"),
        ("empty", "is empty"),
        ("other", "another program"),
        ("truncated", "nothing was changed"),
        ("newer", "newer FieldLog"),
        ("itself", "the database itself"),
    ],
)
def test_bad_restore_sources_change_nothing(
    demo_files: tuple[Path, Path], tmp_path: Path, make: str, needle: str
) -> None:
    small_db, good = tmp_path / "fieldlog.db", demo_files[1]
    shutil.copyfile(demo_files[0], small_db)
    source = tmp_path / "source.db"
    if make == "text":
        source.write_text("name,credit code\nACME,1\n")
    elif make == "empty":
        source.touch()
    elif make == "other":
        _other_sqlite(source)
    elif make == "truncated":
        _truncated(source, good)
    elif make == "newer":
        _newer(source, good)
    elif make == "itself":
        source = small_db
    before = digest(small_db)
    one_line_error(run("--db", str(small_db), "restore", str(source)), needle)
    assert digest(small_db) == before
    assert not backup_folder(small_db).exists()


def test_check_reports_orphans_and_bad_stamps(small_db: Path, demo_database_file: Path) -> None:
    shutil.copyfile(demo_database_file, small_db)  # what `fieldlog demo` makes
    con = sqlite3.connect(small_db)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("DELETE FROM visit WHERE id IN (SELECT visit_id FROM visit_visitor LIMIT 1)")
    con.execute("UPDATE project SET field_stamps = '[1, 2]' WHERE rowid = 1")
    con.commit()
    con.close()
    result = run("--db", str(small_db), "check")
    assert result.returncode == 1
    assert "PROBLEM: foreign key: " in result.stdout and "to a missing visit" in result.stdout
    assert "PROBLEM: stamps: 1 project row has field stamps" in result.stdout
    assert result.stdout.strip().endswith("problem(s) found")


def test_a_database_that_no_longer_opens_is_brought_back_by_restore(
    small_db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    assert run("--db", str(small_db), "backup", "-o", str(copy)).returncode == 0
    original = digest(small_db)
    small_db.write_bytes(small_db.read_bytes()[:5000])  # cut short, as by a failing disk
    one_line_error(run("--db", str(small_db), "stats"), "cannot be read as a database")

    restored = run("--db", str(small_db), "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert digest(small_db) == original
    kept = [p.name for p in backup_folder(small_db).iterdir() if "before-restore" in p.name]
    assert len(kept) == 1  # the damaged file is kept too, byte for byte


def test_a_lost_database_is_not_silently_replaced_by_an_empty_one(
    small_db: Path, demo_database_file: Path
) -> None:
    shutil.copyfile(demo_database_file, small_db)  # what `fieldlog demo` makes
    kept = digest(small_db)
    made = Path(run("--db", str(small_db), "backup").stdout.strip())
    small_db.unlink()
    for command in ("stats", "digest", "demo"):
        refused = run("--db", str(small_db), command)
        one_line_error(refused, "is missing or empty, but 1 backup(s) of it are in")
        assert not small_db.exists()
    restored = run("--db", str(small_db), "restore", str(made))
    assert restored.returncode == 0, restored.stderr
    assert digest(small_db) == kept
