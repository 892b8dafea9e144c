"""Where FieldLog finds its resources (catalogs, guide, translations): inside the package as
installed (`fieldlog/resources`), else at the top of a checkout; and what it says without them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from fieldlog import app
from fieldlog.domain.catalogs import resources_dir

ROOT = Path(__file__).resolve().parents[2]
WHERE = "from fieldlog.domain.catalogs import resources_dir; print(resources_dir())"


def _run(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Python with only `site` (a copy of the package) in front of the installed libraries."""
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
    )


def _package_copy(site: Path) -> Path:
    shutil.copytree(
        ROOT / "fieldlog", site / "fieldlog", ignore=shutil.ignore_patterns("__pycache__")
    )
    return site / "fieldlog"


def test_a_checkout_uses_its_top_level_resources() -> None:
    assert resources_dir() == ROOT / "resources"
    assert app.translations_dir() == ROOT / "resources" / "translations"


def test_an_installed_package_uses_the_resources_inside_it(tmp_path: Path) -> None:
    site = tmp_path / "安装 site"
    package = _package_copy(site)
    shutil.copytree(ROOT / "resources", package / "resources")
    result = _run(site, "-c", WHERE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == package / "resources"


def test_without_resources_the_command_line_says_to_reinstall(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _package_copy(site)
    result = _run(site, "-m", "fieldlog", "--db", str(tmp_path / "x.db"), "demo", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "fieldlog: error: FieldLog's resources folder is missing; reinstall FieldLog\n"
    )
