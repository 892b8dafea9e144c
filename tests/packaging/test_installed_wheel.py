"""FieldLog as a new user gets it: the sdist and the wheel built from it (offline), installed into
a fresh virtual environment, run from a folder that is not the checkout.

The new environment gets the dependencies (PySide6, SQLAlchemy, ...) without a network through a
.pth file naming this interpreter's site-packages. A .pth line only adds a folder to sys.path, so
the editable install of the checkout living there (its own .pth and import finder) stays out:
the tests check that `fieldlog` is imported from the new environment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from fieldlog import __version__
from tests.cli.test_cli import REFERENCE

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
WEEK = "2020-W16"
#: What the package must hold besides the code (paths inside the wheel).
SHIPPED = (
    "fieldlog/resources/catalogs/defaults.json",
    "fieldlog/resources/translations/fieldlog_zh_CN.qm",
    "fieldlog/resources/translations/messages_zh_CN.mo",
    "fieldlog/resources/guide/guide_zh_CN.md",
    "fieldlog/resources/guide/guide_en.md",
    "fieldlog/store/migrations/env.py",
    "fieldlog/store/migrations/script.py.mako",
    "fieldlog/store/migrations/versions/0001_initial_schema.py",
)
#: Not for the installed app: the build's own byproducts and local environments.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)

# Run in the new environment: the window over the demo in Chinese, what it shows as JSON.
WINDOW_SCRIPT = """
import json, sys
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from fieldlog import app
from fieldlog.domain.messages import msg
from fieldlog.ui.dialogs.help_dialogs import guide_text

qapp = QApplication(["fieldlog"])
loaded = app.install_translators(qapp, "zh_CN")
code = app.main(["--db", sys.argv[1], "--lang", "zh_CN"])
window = app.last_window()
print(json.dumps({
    "code": code,
    "loaded": loaded,
    "language": window.language,
    "menus": [action.text() for action in window.menuBar().actions()],
    "about": window.findChild(QAction, "aboutAction").text(),
    "message": str(msg("input.required", "{what} is required", what="x")),
    "guide": guide_text("zh_CN")[:40],
}))
window.close()
window.db.close()
"""


@dataclass(frozen=True)
class Built:
    source: Path  # the copy of the checkout the sdist was made from
    sdist: Path
    wheel: Path


@dataclass(frozen=True)
class Installed:
    venv: Path
    python: Path
    script: Path  # the `fieldlog` console script
    work: Path  # a folder that is not the checkout, with Chinese characters and a space

    def run(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return _run(self.work, *args)


def _run(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run a program of a new environment in `cwd`; it must succeed."""
    result = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=_clean_env(),
        timeout=300,
    )
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


def _clean_env() -> dict[str, str]:
    """This process's environment (offscreen Qt, user folders in a temporary home, English)
    without what would import the checkout or choose a database."""
    dropped = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "FIELDLOG_DB")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    return env


def _copy_checkout(target: Path) -> None:
    """The checkout's tracked files (what a fresh clone has); every file but local byproducts
    when there is no git."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode != 0:
        shutil.copytree(ROOT, target, ignore=NOT_SOURCES)
        return
    for name in listed.stdout.decode("utf-8").split("\0"):
        source = ROOT / name
        if name and source.is_file():  # a tracked file deleted in the checkout is skipped
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The sdist, and the wheel `build` makes from that sdist (not from the checkout)."""
    source = tmp_path_factory.mktemp("source")
    _copy_checkout(source)
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, env=_clean_env(), timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return Built(source, sdist, wheel)


def _site_packages(python: Path | str) -> Path:
    code = "import sysconfig; print(sysconfig.get_path('purelib'))"
    result = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, env=_clean_env(), check=True
    )
    return Path(result.stdout.strip())


def _new_venv(venv: Path) -> tuple[Path, Path]:
    """A virtual environment without pip (fast, offline): its python and scripts folder."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    return scripts / ("python.exe" if os.name == "nt" else "python"), scripts


def _pip_install(python: Path, *args: str) -> None:
    """This interpreter's pip installs into the environment of `python` (--python): no index,
    no dependencies."""
    command = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps"]
    result = subprocess.run(
        [*command, "--no-index", *args],
        capture_output=True,
        text=True,
        env=_clean_env(),
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _lend_dependencies(python: Path) -> None:
    """The dependencies, offline: a .pth naming this interpreter's site-packages."""
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (_site_packages(python) / "dependencies.pth").write_text(
        "".join(f"{folder}\n" for folder in sorted(ours)), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    venv = tmp_path_factory.mktemp("venv") / "fieldlog env"
    python, scripts = _new_venv(venv)
    _pip_install(python, str(built.wheel))  # before the .pth: pip sees no other FieldLog
    _lend_dependencies(python)
    script = shutil.which("fieldlog", path=str(scripts))
    assert script is not None, sorted(p.name for p in scripts.iterdir())
    work = tmp_path_factory.mktemp("elsewhere") / "走访 日志"
    work.mkdir()
    return Installed(venv, python, Path(script), work)


@pytest.fixture(scope="module")
def demo_db(installed: Installed) -> Path:
    """`fieldlog --db 演示.db demo` through the installed console script."""
    path = installed.work / "演示 demo.db"
    result = installed.run(installed.script, "--db", path, "demo")
    assert "Demo dispatch loaded" in result.stdout
    return path


def test_the_sdist_holds_the_resources_and_the_migrations(built: Built) -> None:
    with tarfile.open(built.sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    # The sdist keeps the repository's layout: resources/ at the top, mapped at build time.
    for name in SHIPPED:
        assert name.replace("fieldlog/resources/", "resources/", 1) in names
    assert "pyproject.toml" in names


def test_the_wheel_holds_the_resources_and_the_migrations(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as archive:
        names = set(archive.namelist())
    missing = [name for name in SHIPPED if name not in names]
    assert missing == []
    assert not any(name.startswith(("resources/", "tests/")) for name in names)
    assert built.wheel.name.startswith(f"fieldlog-{__version__}-")


def test_fieldlog_is_imported_from_the_new_environment(installed: Installed) -> None:
    code = (
        "import fieldlog, importlib.metadata as m; "
        "from fieldlog.domain.catalogs import resources_dir; "
        "print(fieldlog.__file__); print(resources_dir()); print(m.version('fieldlog'))"
    )
    module, resources, version = installed.run(installed.python, "-c", code).stdout.split("\n")[:3]
    venv = installed.venv.resolve()
    assert Path(module).resolve().is_relative_to(venv)
    assert Path(resources).resolve().is_relative_to(venv)
    assert Path(resources).parts[-2:] == ("fieldlog", "resources")
    assert version == __version__


def test_version_from_the_module_and_the_console_script(installed: Installed) -> None:
    assert installed.run(installed.python, "-m", "fieldlog", "--version").stdout.strip() == (
        f"fieldlog {__version__}"
    )
    assert installed.run(installed.script, "--version").stdout.strip() == f"fieldlog {__version__}"


def test_demo_gives_the_reference_figures(installed: Installed, demo_db: Path) -> None:
    result = installed.run(installed.python, "-m", "fieldlog", "--db", demo_db, "stats", "--json")
    figures = json.loads(result.stdout)
    assert {key: figures[key] for key in REFERENCE} == REFERENCE


def test_weekly_return_is_written(installed: Installed, demo_db: Path) -> None:
    out = installed.work / "周报 2020-W16.xlsx"
    result = installed.run(
        installed.script, "--db", demo_db, "export", "weekly", "--week", WEEK, "-o", out
    )
    assert result.stdout.strip() == str(out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:4] == ["汇总", "走访明细", "项目台账", "到位资金"]


def test_the_window_opens_in_chinese(installed: Installed, demo_db: Path) -> None:
    script = installed.work / "window_check.py"
    script.write_text(WINDOW_SCRIPT, encoding="utf-8")
    shown = json.loads(installed.run(installed.python, script, demo_db).stdout)
    assert shown["code"] == 0
    ours = [Path(f) for f in shown["loaded"] if Path(f).name == "fieldlog_zh_CN.qm"]
    assert len(ours) == 1
    assert ours[0].resolve().is_relative_to(installed.venv.resolve())
    assert shown["language"] == "zh_CN"
    assert shown["menus"][0] == "文件(&F)"
    assert shown["about"] == "关于 FieldLog(&A)"
    assert shown["message"] == "请填写x"  # the core's catalog (.mo) from the wheel
    assert "FieldLog" in shown["guide"] and any("\u4e00" <= c <= "\u9fff" for c in shown["guide"])


def test_the_editable_install_reads_the_checkouts_resources(built: Built, tmp_path: Path) -> None:
    python, _scripts = _new_venv(tmp_path / "editable env")
    _lend_dependencies(python)  # first: building the editable wheel needs setuptools there
    _pip_install(python, "--no-build-isolation", "--editable", str(built.source))
    code = (
        "import fieldlog; from fieldlog import app; "
        "print(fieldlog.__file__); print(app.translations_dir())"
    )
    module, translations = _run(tmp_path, python, "-c", code).stdout.split("\n")[:2]
    assert Path(module) == built.source / "fieldlog" / "__init__.py"
    assert Path(translations) == built.source / "resources" / "translations"
    assert _run(tmp_path, python, "-m", "fieldlog", "--version").stdout.strip() == (
        f"fieldlog {__version__}"
    )
