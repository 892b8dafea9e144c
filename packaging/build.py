"""Build the standalone desktop app: dist/FieldLog/FieldLog (FieldLog.exe on Windows).

    python packaging/build.py

Needs the `build` extra (`pip install -e ".[build]"`) in the Python that runs it; on Linux also
binutils (PyInstaller reads the libraries with objdump). Removes the previous build, runs
PyInstaller on packaging/fieldlog.spec with its work folder under build/, and prints the
bundle's size and path. Check the result with `dist/FieldLog/FieldLog --self-test`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "fieldlog.spec"
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
BUNDLE = DIST / "FieldLog"
EXECUTABLE = BUNDLE / ("FieldLog.exe" if sys.platform == "win32" else "FieldLog")


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder` (links not followed)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> int:
    for old in (WORK, BUNDLE):
        shutil.rmtree(old, ignore_errors=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--workpath", str(WORK), "--distpath", str(DIST), str(SPEC)]
    if subprocess.run(command, cwd=ROOT).returncode != 0 or not EXECUTABLE.is_file():
        print(f"build failed: no {EXECUTABLE}", file=sys.stderr)
        return 1
    megabytes = folder_size(BUNDLE) / 1_000_000
    print(f"FieldLog bundle: {megabytes:.0f} MB in {BUNDLE}")
    print(f"run: {EXECUTABLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
