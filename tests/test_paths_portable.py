"""Windows' rules, checked here on Linux: a file is flushed to disk only through a handle opened
for writing, a file name must not be a device name (CON, NUL, COM1… with any extension) or hold
`<>:"/\\|?*`, and a redirected stdout speaks the ANSI code page. The database lives in a folder
with Chinese characters, a space, `#` and `%`.
"""

from __future__ import annotations

import errno
import locale
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldlog.domain.language import choose_language
from fieldlog.services.admin.backups import backup_now, list_backups, restore_backup
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.reports.report_sheets import safe_file_name
from fieldlog.services.team.team import TeamInput, current_team, save_team
from fieldlog.store.database import Database
from fieldlog.store.files import Kind, kind_of
from tests.cli.test_cli import run
from tests.conftest import open_copy
from tests.field_dump import db_digest

AWKWARD_FOLDER = "驻深 日志 #1 100%"


def _flush_needing_write_access(real: Callable[[int], None]) -> Callable[[int], None]:
    import fcntl

    def flush(fd: int) -> None:
        # A folder is flushed only on POSIX (store.durable.fsync_folder), as it can be there.
        folder = stat.S_ISDIR(os.fstat(fd).st_mode)
        if not folder and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
            raise OSError(errno.EBADF, "Bad file descriptor")  # what os.fsync says on Windows
        real(fd)

    return flush


@pytest.fixture
def windows_flush(monkeypatch: pytest.MonkeyPatch) -> None:
    """os.fsync as on Windows, where FlushFileBuffers refuses a handle opened read-only."""
    if os.name != "nt":  # Windows itself needs no stand-in
        monkeypatch.setattr(os, "fsync", _flush_needing_write_access(os.fsync))


def test_a_backup_is_flushed_through_a_handle_windows_accepts(
    db: Database, windows_flush: None
) -> None:
    written = backup_now(db)
    assert [info.path for info in list_backups(db.path)] == [written]
    assert kind_of(written) is Kind.BACKUP


def test_a_restore_is_flushed_through_a_handle_windows_accepts(
    tmp_path: Path, empty_database_file: Path, demo_database_file: Path, windows_flush: None
) -> None:
    folder = tmp_path / AWKWARD_FOLDER
    folder.mkdir()
    db = open_copy(empty_database_file, folder)
    path = db.path
    assert path is not None
    db.close()
    report = restore_backup(path, demo_database_file)
    assert report.kept_as is not None and kind_of(report.kept_as) is Kind.BACKUP
    restored = open_workspace(str(path))
    reference = open_copy(demo_database_file, tmp_path)
    try:
        assert db_digest(restored) == db_digest(reference)
    finally:
        restored.close()
        reference.close()


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("NUL", "_NUL"),
        ("con.工作周报", "_con.工作周报"),
        ("COM1 .备份", "_COM1 .备份"),
        ("lpt9", "_lpt9"),
        ("CONOUT$", "_CONOUT$"),
        ("AUX:驻深", "AUX_驻深"),  # no longer a device name once ":" is replaced
        ("CONSOLE", "CONSOLE"),
        ("COM10", "COM10"),
        ("铜仁市驻深招商工作队工作周报_2020-W16", "铜仁市驻深招商工作队工作周报_2020-W16"),
    ],
)
def test_a_file_name_is_never_a_windows_device_name(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


@pytest.mark.slow
def test_the_weekly_returns_default_name_is_legal_on_windows(
    tmp_path: Path, demo_database_file: Path
) -> None:
    """A team named like a device, with characters Windows forbids: the return is written in
    the current folder (Chinese, a space, `#`, `%`) under a name Windows accepts."""
    folder = tmp_path / AWKWARD_FOLDER
    folder.mkdir()
    db = open_copy(demo_database_file, folder)
    team = current_team(db)
    assert team is not None
    fields = {name: getattr(team, name) for name in TeamInput.__dataclass_fields__}
    save_team(db, TeamInput(**{**fields, "name": 'CON.<驻深:工作队>|"?*'}), team.id)
    path = db.path
    assert path is not None
    db.close()
    before = run("--db", str(path), "digest").stdout
    result = run("--db", str(path), "export", "weekly", "--week", "2020-W16", cwd=folder)
    assert result.returncode == 0, result.stderr
    name = "_CON._驻深_工作队_____工作周报_2020-W16.xlsx"
    assert Path(result.stdout.strip()) == folder / name
    assert kind_of(folder / name) is Kind.WORKBOOK
    assert sorted(p.name for p in folder.iterdir()) == sorted([path.name, name])
    assert run("--db", str(path), "digest").stdout == before


def test_the_command_line_prints_chinese_paths_to_a_windows_code_page(tmp_path: Path) -> None:
    """On Windows a redirected stdout speaks the ANSI code page (cp1252 on an English system):
    the database is created, and saying where must not then fail."""
    db = tmp_path / AWKWARD_FOLDER / "走访.db"
    result = run("--lang", "en", "--db", str(db), "init", env={"PYTHONIOENCODING": "cp1252"})
    assert db.exists()
    assert result.returncode == 0, result.stderr
    assert "走访.db" in result.stdout  # said in UTF-8, whatever the code page


@pytest.mark.parametrize(
    ("windows_locale", "language"),
    [
        (("Chinese (Simplified)_China", "936"), "zh_CN"),
        (("Chinese (Simplified)_China", "65001"), "zh_CN"),  # "Beta: use UTF-8" switched on
        (("zh_CN", "UTF-8"), "zh_CN"),
        (("English_United States", "1252"), "en"),
        (("German_Germany", "1252"), "en"),
        ((None, None), "zh_CN"),  # none usable: Chinese, as SPEC §5 says
    ],
)
def test_the_language_follows_the_windows_locale(
    monkeypatch: pytest.MonkeyPatch, windows_locale: tuple[str | None, str | None], language: str
) -> None:
    """Windows sets no LANG: the language comes from the locale Windows names its own way."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(locale, "getlocale", lambda *_: windows_locale)
    assert choose_language(None) == language


def test_an_encryption_is_flushed_through_a_handle_windows_accepts(
    tmp_path: Path, empty_database_file: Path, windows_flush: None
) -> None:
    from fieldlog.store.cipher import check_key, encrypt

    folder = tmp_path / AWKWARD_FOLDER
    folder.mkdir()
    plain = folder / "明文.db"
    plain.write_bytes(empty_database_file.read_bytes())  # a closed file no connection holds
    encrypt(plain, folder / "加密.db", "口令 1")
    assert check_key(folder / "加密.db", "口令 1")
