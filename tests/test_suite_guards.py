"""The suite's own guards: a hanging test fails, the undo stack and the change announcer start
empty in every test, and files built once for the run are built once."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import built_once

ROOT = Path(__file__).resolve().parent.parent
#: This process's environment less what xdist tells its workers (the other run is no worker).
PLAIN_ENV = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")}


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """pytest in another process on the test files in `folder`, with this suite's settings and
    its conftest as a plugin."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(folder),
            "-p",
            "tests.conftest",
            "-p",
            "no:cacheprovider",
            "-n0",
            *args,
            str(folder),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**PLAIN_ENV, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )


def test_a_hanging_test_fails_with_the_timeout_message(tmp_path: Path) -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    assert options["ini_options"]["timeout"] <= 300
    (tmp_path / "test_hang.py").write_text(
        "def test_waits_for_ever_in_the_event_loop(qapp):\n"
        "    from PySide6.QtCore import QEventLoop\n"
        "\n"
        "    QEventLoop().exec()  # as a modal dialog nobody answers\n"
    )
    result = run_pytest(tmp_path, "-o", "timeout=2")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "+ Timeout +" in output, output
    assert "test_waits_for_ever_in_the_event_loop" in output, output


def test_each_test_starts_with_no_undo_step_and_no_listener(tmp_path: Path) -> None:
    (tmp_path / "test_order.py").write_text(
        "from fieldlog.ui import operations\n"
        "from fieldlog.ui.undo import undo_stack\n"
        "from PySide6.QtGui import QUndoCommand\n"
        "\n"
        "heard = []\n"
        "\n"
        "\n"
        "def test_leaves_a_step_and_a_listener(qapp):\n"
        "    undo_stack().push(QUndoCommand('a step of this test'))\n"
        "    operations.changes().changes_applied.connect(heard.append)\n"
        "\n"
        "\n"
        "def test_finds_neither(qapp):\n"
        "    assert undo_stack().count() == 0\n"
        "    operations.changes().changes_applied.emit('next test')\n"
        "    assert heard == []\n"
    )
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_a_file_built_once_is_built_once(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[Path] = []

    def build(path: Path) -> None:
        built.append(path)
        path.write_text("made")

    name = f"once-{os.getpid()}.txt"
    first = built_once(tmp_path_factory, name, build)
    assert built_once(tmp_path_factory, name, build) == first
    assert len(built) == 1 and built[0] != first  # written elsewhere, then put in its place
    assert first.read_text() == "made"


def test_the_longest_files_named_for_the_workers_exist() -> None:
    """A file moved or renamed must be renamed in the list too, or it would start last again."""
    from tests.conftest import LONGEST_FILES

    assert [name for name in LONGEST_FILES if not (ROOT / "tests" / name).is_file()] == []
