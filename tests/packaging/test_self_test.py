"""`--self-test` (fieldlog/self_test.py) in a process of its own, as the bundle runs it: one line
and 0 when FieldLog works; one line naming the failed check and 1 when it does not; the user's
folders untouched either way."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import fieldlog

pytestmark = pytest.mark.slow

CHECKOUT = Path(fieldlog.__file__).resolve().parent.parent
RUN = "from fieldlog.self_test import run; raise SystemExit(run())"
PASSED = re.compile(
    r"FieldLog \d+\.\d+\.\d+ self-test passed: 5 checks in [\d.]+ s "
    r"\(demo [\d.]+, reference figures [\d.]+, weekly return [\d.]+, attachments [\d.]+, "
    r"Chinese window [\d.]+\)"
)
USER_VARIABLES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


def self_test(
    tmp_path: Path, code: str = RUN, python_path: Path = CHECKOUT
) -> subprocess.CompletedProcess[str]:
    """Run `code` in a new Python, from a folder that is not the checkout, with its own
    temporary folder and a user whose folders are under tmp_path/user, and no display chosen."""
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update({name: str(tmp_path / "user" / name.lower()) for name in USER_VARIABLES})
    env.update(PYTHONPATH=str(python_path), TMPDIR=str(tmp_path / "tmp"), FIELDLOG_DB="")
    (tmp_path / "tmp").mkdir()
    (tmp_path / "elsewhere").mkdir()
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path / "elsewhere",
        timeout=300,
    )


def untouched(tmp_path: Path) -> None:
    """Nothing was written to the user's folders, and the temporary folder was removed."""
    assert not (tmp_path / "user").exists()
    assert list((tmp_path / "tmp").iterdir()) == []
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_working_fieldlog_passes_in_one_line(tmp_path: Path) -> None:
    result = self_test(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert PASSED.fullmatch(result.stdout.strip()), result.stdout
    assert result.stdout.count("\n") == 1
    untouched(tmp_path)


def test_a_reference_figure_off_fails_naming_it(tmp_path: Path) -> None:
    code = "import fieldlog.self_test as t; t.REFERENCE['projects_signed'] = 23\n" + RUN
    result = self_test(tmp_path, code)
    assert result.returncode == 1
    assert result.stdout == (
        "FieldLog 0.1.0 self-test FAILED at reference figures: "
        "projects_signed over all time is 22, not 23\n"
    )
    untouched(tmp_path)


def _copy(tmp_path: Path, resources: bool = True, leave_out: tuple[str, ...] = ()) -> Path:
    """The package (and its resources) copied into a folder of their own, minus `leave_out`."""
    copy = tmp_path / "copy"
    ignore = shutil.ignore_patterns("__pycache__", *leave_out)
    shutil.copytree(CHECKOUT / "fieldlog", copy / "fieldlog", ignore=ignore)
    if resources:
        shutil.copytree(CHECKOUT / "resources", copy / "resources", ignore=ignore)
    return copy


def _from(copy: Path) -> str:
    """RUN, once sure the package comes from `copy`."""
    return f"import fieldlog; assert fieldlog.__file__.startswith({str(copy)!r})\n" + RUN


def test_missing_resources_fail_at_the_demo(tmp_path: Path) -> None:
    copy = _copy(tmp_path, resources=False)
    result = self_test(tmp_path, _from(copy), python_path=copy)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        "FieldLog 0.1.0 self-test FAILED at demo: "
        "FieldLog's resources folder is missing; reinstall FieldLog\n"
    )
    untouched(tmp_path)


def test_a_missing_window_translation_fails_naming_it(tmp_path: Path) -> None:
    copy = _copy(tmp_path, leave_out=("fieldlog_zh_CN.qm",))
    result = self_test(tmp_path, _from(copy), python_path=copy)
    assert result.returncode == 1, result.stderr
    line = result.stdout.strip()
    assert line.startswith(
        "FieldLog 0.1.0 self-test FAILED at Chinese window: translations not loaded: "
        "fieldlog_zh_CN (loaded: ['qtbase_zh_CN'])"
    ), result.stdout
    assert result.stdout.count("\n") == 1
    untouched(tmp_path)


def test_a_user_folder_that_cannot_be_set_aside_stops_it_before_anything(tmp_path: Path) -> None:
    """As with a platformdirs too old to take the Windows overrides: nothing is written."""
    real = tmp_path / "real data"
    code = f"import platformdirs; platformdirs.user_data_dir = lambda *a, **k: {str(real)!r}\n"
    result = self_test(tmp_path, code + RUN)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        f"FieldLog 0.1.0 self-test FAILED at setup: the user data folder {real} "
        "cannot be set aside for the test\n"
    )
    assert not real.exists()
    untouched(tmp_path)
