"""The layer contracts of pyproject.toml hold: ui → services → store → domain, no Qt in the core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def test_import_contracts_are_kept() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LINT, str(ROOT / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_core_type_checks() -> None:
    """mypy over the Qt-free packages (configured in pyproject.toml) finds no error."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", "/dev/null"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_packages_do_not_mention_qt() -> None:
    for package in ("domain", "store", "services", "excel", "sync"):
        for source in (ROOT / "fieldlog" / package).rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            assert "PySide6" not in text and "shiboken" not in text, source


def test_the_code_is_linted_and_formatted() -> None:
    """ruff (configured in pyproject.toml) finds nothing to report or reformat in the code."""
    folders = ["fieldlog", "tests", "bench", "packaging"]
    for command in (["check", "--no-cache"], ["format", "--check", "--no-cache"]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command, *folders],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stdout + result.stderr
