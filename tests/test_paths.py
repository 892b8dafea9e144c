"""Folders and file names with characters that mean something in a URI or a shell (`#`, `?`,
`%`, `&`, `;`, spaces), Chinese, emoji and `%E8%B5%B0`: every command works on them through
real subprocesses, files land where asked and nothing stray is left (folder listings compared).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lock_guard import LockGuard, lock_guard

__all__ = ["lock_guard"]

PASSPHRASE = "correct horse battery"
PLACES = [
    ("team#2", "%E8%B5%B0%E8%AE%BF.db"),
    ("a?b & c; d", "100% 走访.db"),
    ("日志 🚀", "q#?;&.db"),
]


def cli(*args: object, stdin: str = "") -> str:
    """Run `python -m fieldlog ARGS`; its standard output (exit 0 required)."""
    result = subprocess.run(
        [sys.executable, "-m", "fieldlog", *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        env=dict(os.environ),
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def listing(root: Path) -> set[str]:
    """Every file and folder under `root`, as relative paths."""
    return {str(path.relative_to(root)) for path in root.rglob("*")}


def _backup_names(folder: Path, stem: str) -> set[str]:
    pattern = re.compile(rf"{re.escape(stem)}-\d{{8}}T\d{{12}}Z-[a-z-]+\.db")
    found = {path.name for path in folder.iterdir()}
    assert all(pattern.fullmatch(name) for name in found), found
    return {f"{folder.parent.name}/{folder.name}/{name}" for name in found}


@pytest.mark.slow
@pytest.mark.timeout(600)  # twenty commands, each its own process
@pytest.mark.parametrize(("folder_name", "file_name"), PLACES, ids=["hash", "query", "emoji"])
def test_every_command_works_on_an_awkward_path(
    tmp_path: Path, folder_name: str, file_name: str, demo_database_file: Path
) -> None:
    folder = tmp_path / folder_name
    db = folder / file_name
    if folder_name == PLACES[0][0]:  # `demo` itself once; a copy of what it makes elsewhere
        cli("--db", db, "demo")
    else:
        folder.mkdir()
        shutil.copyfile(demo_database_file, db)
    assert listing(tmp_path) == {folder_name, f"{folder_name}/{file_name}"}
    assert '"projects_signed": 22' in cli("--db", db, "stats", "--json")
    assert cli("--db", db, "check").strip().endswith("ok")
    copy = folder / f"copy {file_name}"
    assert Path(cli("--db", db, "backup", "-o", copy).strip()) == copy
    automatic = Path(cli("--db", db, "backup").strip())
    assert automatic.parent == folder / f"{db.stem}-backups"
    before = cli("--db", db, "digest")
    exports = {
        "orgs": folder / "orgs #1.xlsx",
        "ledger": folder / "台账 100%.xlsx",
        "weekly": folder / "周报 ?.xlsx",
        "visits": folder / "明细 &;.xlsx",
    }
    for what, out in exports.items():
        extra = {"weekly": ["--week", "2020-W14"], "visits": ["--from", "2020-03-23"]}
        more = [*extra.get(what, []), *(["--to", "2020-04-22"] if what == "visits" else [])]
        assert Path(cli("--db", db, "export", what, *more, "-o", out).strip()) == out
    cli("--db", db, "team", "passphrase", stdin=PASSPHRASE + "\n")
    package = folder / "包 #1 %E8.fieldsync"
    cli("--db", db, "sync", "export", "--full", "-o", package)
    other = folder / f"other {file_name}"
    cli("--db", other, "init")
    cli("--db", other, "team", "passphrase", stdin=PASSPHRASE + "\n")
    cli("--db", other, "sync", "import", package)
    assert cli("--db", other, "digest") == before
    restored = cli("--db", db, "restore", copy)
    assert f"into {db}" in restored
    assert cli("--db", db, "digest") == before
    assert cli("--db", db, "check").strip().endswith("ok")
    expected = {
        folder_name,
        *(f"{folder_name}/{name}" for name in (file_name, copy.name, package.name, other.name)),
        *(f"{folder_name}/{out.name}" for out in exports.values()),
        f"{folder_name}/{db.stem}-backups",
        f"{folder_name}/{other.stem}-backups",
        *_backup_names(folder / f"{db.stem}-backups", db.stem),
        *_backup_names(folder / f"{other.stem}-backups", other.stem),
    }
    assert listing(tmp_path) == expected
    con = sqlite3.connect(copy.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] != 0
    finally:
        con.close()


def test_the_window_opens_on_an_awkward_path(
    qtbot, tmp_path: Path, lock_guard: LockGuard, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldlog import app
    from fieldlog.services.admin.backups import backup_now, list_backups
    from fieldlog.services.admin.maintenance import digest
    from fieldlog.services.admin.workspace import open_workspace

    folder = tmp_path / "team#2 走访 🚀"
    path = folder / "%E8%B5%B0 ?&;.db"
    open_workspace(str(path)).close()
    assert app.main(["--db", str(path), "--lang", "en"]) == 0
    window = app.last_window()
    try:
        assert window is not None and window.db.path == path.resolve()
        taken = backup_now(window.db)
        assert taken.parent == folder / f"{path.stem}-backups" and taken.stat().st_size > 4096
        assert taken in [info.path for info in list_backups(path)]
        assert digest(window.db)
    finally:
        if window is not None:
            window.close()
            window.db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]
    assert sorted(p.name for p in folder.iterdir()) == sorted([path.name, taken.parent.name])
