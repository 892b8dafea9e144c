"""pyproject.toml lists FieldLog's packages by hand (it maps `fieldlog.resources` onto the
top-level resources/ folder, which setuptools' discovery cannot do): a folder of code left out
of that list would be missing from the wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _configured() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["tool"]["setuptools"]


def _code_folders() -> set[str]:
    """Every folder under fieldlog/ that holds Python code, as a dotted package name."""
    folders = {path.parent for path in (ROOT / "fieldlog").rglob("*.py")}
    return {".".join(folder.relative_to(ROOT).parts) for folder in folders}


def test_every_folder_of_code_is_a_listed_package() -> None:
    assert set(_configured()["packages"]) == _code_folders() | {"fieldlog.resources"}


def test_the_resources_package_is_the_top_level_folder() -> None:
    configured = _configured()
    assert configured["package-dir"] == {"fieldlog.resources": "resources"}
    assert (ROOT / "resources" / "catalogs" / "defaults.json").is_file()
    assert not (ROOT / "fieldlog" / "resources").exists()  # it would hide the mapped folder
