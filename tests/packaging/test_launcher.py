"""The bundle's launcher (packaging/launcher.py) sends each command line to the right place: the
command line's commands to fieldlog.cli, anything else to the window, --self-test to the test."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
LAUNCHER = ROOT / "packaging" / "launcher.py"


def _load():
    spec = importlib.util.spec_from_file_location("fieldlog_launcher", LAUNCHER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


launcher = _load()


@pytest.mark.parametrize(
    "arguments",
    [
        ["demo"],
        ["--db", "x.db", "stats", "--json"],
        ["--lang", "zh_CN", "--db", "x.db", "export", "weekly", "--week", "2020-W16"],
        ["stats", "--db", "x.db"],
        ["sync", "--help"],
        ["--version"],
        ["--help"],
        ["-h"],
    ],
)
def test_commands_go_to_the_command_line(arguments: list[str]) -> None:
    assert launcher.is_command_line(arguments)


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["gui"],
        ["--db", "x.db"],
        ["--lang", "zh_CN", "gui", "--db", "x.db"],
        ["--db", "demo"],  # a database file named like a command
        ["/home/李明/下载/铜仁 队.fieldsync"],
        ["--db", "x.db", "C:\\Users\\李明\\team.fieldsync"],
    ],
)
def test_everything_else_goes_to_the_window(arguments: list[str]) -> None:
    assert not launcher.is_command_line(arguments)


def test_every_command_of_the_parser_is_known() -> None:
    words = launcher.command_words()
    assert {"init", "demo", "stats", "export", "import", "sync", "backup"} <= words
    assert "gui" not in words


def test_a_command_runs_through_the_launcher(tmp_path: Path) -> None:
    database = tmp_path / "走访 记录.db"
    result = subprocess.run(
        [sys.executable, str(LAUNCHER), "--lang", "en", "--db", str(database), "init"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("FieldLog database ready"), result.stdout
    assert database.is_file()
