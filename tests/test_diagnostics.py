"""The log file: an exception nothing caught is written down, told to the user, and the program
goes on — also where there is no console at all (an installed app on Windows has no stderr).

Each case runs in its own interpreter: the hook replaces `sys.excepthook`, which pytest-qt uses.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# A slot that fails, called by Qt's event loop; then the loop must still run the next timer.
SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    if sys.argv[2] == "no-console":
        sys.stderr = None  # as in a windowed program
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from fieldlog import diagnostics

    app = QApplication([])
    told = []
    written = diagnostics.configure(Path(sys.argv[1]))
    diagnostics.install_excepthook(lambda: told.append("told"))
    diagnostics.install_excepthook(lambda: told.append("told once"))  # replaces, not stacks

    def fails():
        raise ZeroDivisionError("a defect in a slot")

    QTimer.singleShot(0, fails)
    QTimer.singleShot(50, app.quit)
    code = app.exec()
    print(written, told, "went on" if code == 0 else code, file=sys.stdout)
    """
)


def run(folder: Path, console: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder), console],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.parametrize("console", ["console", "no-console"])
def test_an_uncaught_error_is_logged_told_once_and_the_program_goes_on(
    tmp_path: Path, console: str
) -> None:
    folder = tmp_path / "日志 文件夹 #1"
    result = run(folder, console)

    assert result.returncode == 0, result.stderr
    log = folder / "fieldlog.log"
    assert result.stdout.strip() == f"{log} ['told once'] went on"
    written = log.read_text(encoding="utf-8")
    assert "CRITICAL fieldlog: Unexpected error" in written
    assert "ZeroDivisionError: a defect in a slot" in written
    assert written.count("ZeroDivisionError: a defect in a slot") == 1
    if console == "console":  # a developer's terminal still shows it
        assert "ZeroDivisionError: a defect in a slot" in result.stderr


def test_a_log_folder_that_cannot_be_made_leaves_the_program_running(tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    result = run(blocked / "log", "console")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None ['told once'] went on"
    assert "ZeroDivisionError: a defect in a slot" in result.stderr  # printed as before
