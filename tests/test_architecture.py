"""The import contracts of pyproject.toml hold: ui → services → store → domain, no Qt in the
core, and only the app imports the main window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = "from importlinter.cli import lint_imports_command; lint_imports_command()"
IGNORE_CACHES = shutil.ignore_patterns("__pycache__")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter over the `fieldlog` package under `root`, with our pyproject.toml."""
    return subprocess.run(
        [sys.executable, "-c", LINT, str(ROOT / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )


def test_import_contracts_are_kept() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = len(config["tool"]["importlinter"]["contracts"])
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {contracts} kept, 0 broken." in result.stdout


def test_a_ui_module_importing_the_main_window_breaks_a_contract(tmp_path: Path) -> None:
    """Pages and actions reach the window through protocols: an import of it, even one for
    type checking only, is reported."""
    shutil.copytree(ROOT / "fieldlog", tmp_path / "fieldlog", ignore=IGNORE_CACHES)
    pages = tmp_path / "fieldlog" / "ui" / "pages.py"
    back = (
        "\nfrom typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from fieldlog.ui.main_window import MainWindow\n"
    )
    pages.write_text(pages.read_text(encoding="utf-8") + back, encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode != 0, result.stdout
    assert "Only the app imports the main window BROKEN" in " ".join(result.stdout.split())
    assert "fieldlog.ui.pages -> fieldlog.ui.main_window" in result.stdout


def test_core_type_checks() -> None:
    """mypy over the Qt-free packages (configured in pyproject.toml) finds no error."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", os.devnull],  # no cache (nul on Windows)
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


#: What the repository's top level may hold (README: the layout), nothing else tracked.
TOP_LEVEL = {
    ".ci",
    ".gitignore",
    "README.md",
    "bench",
    "docs",
    "fieldlog",
    "main.py",
    "packaging",
    "pyproject.toml",
    "resources",
    "tests",
}


def test_the_top_level_holds_only_the_layout() -> None:
    """A file written by hand into the checkout (a briefing, a workbook) and committed shows
    here rather than in the next clone."""
    if not (ROOT / ".git").exists():
        return  # an installed copy or an archive: nothing tracked to look at
    listed = subprocess.run(
        ["git", "ls-files", "--cached"], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    tracked = {line.split("/", 1)[0] for line in listed.splitlines() if line}
    assert tracked <= TOP_LEVEL, sorted(tracked - TOP_LEVEL)
