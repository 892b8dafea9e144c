"""Build the standalone desktop app: dist/FieldLog/FieldLog (FieldLog.exe on Windows).

    python packaging/build.py

Needs the `build` extra (`pip install -e ".[build]"`) in the Python that runs it; on Linux also
binutils (PyInstaller reads the libraries with objdump). Removes the previous build, runs
PyInstaller on packaging/fieldlog.spec with its work folder under build/, and prints the
bundle's size and path. Check the result with `dist/FieldLog/FieldLog --self-test`.

On Linux it then adds the desktop integration at the top of the bundle, next to `FieldLog`:
`install-desktop-entry.sh` (executable), and under `share/` the desktop entry, the .fieldsync
file type and the icon PNGs (`share/icons/fieldlog-<size>.png`) that the script installs.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "fieldlog.spec"
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
BUNDLE = DIST / "FieldLog"
EXECUTABLE = BUNDLE / ("FieldLog.exe" if sys.platform == "win32" else "FieldLog")
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
#: The script the user runs from the unpacked folder; it finds the rest under SHARE.
DESKTOP_SCRIPT = "install-desktop-entry.sh"
SHARE = "share"


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder` (links not followed)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file())


def add_linux_desktop_files(bundle: Path) -> list[Path]:
    """Copy the desktop-entry installer and what it installs into `bundle`; the files made."""
    share = bundle / SHARE
    (share / "icons").mkdir(parents=True, exist_ok=True)
    copies = [(LINUX / DESKTOP_SCRIPT, bundle / DESKTOP_SCRIPT)]
    copies += [(LINUX / name, share / name) for name in ("fieldlog.desktop", "fieldlog-mime.xml")]
    copies += [(png, share / "icons" / png.name) for png in sorted(ICONS.glob("fieldlog-*.png"))]
    for source, target in copies:
        shutil.copyfile(source, target)
    script = bundle / DESKTOP_SCRIPT
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return [target for _, target in copies]


def main() -> int:
    for old in (WORK, BUNDLE):
        shutil.rmtree(old, ignore_errors=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--workpath", str(WORK), "--distpath", str(DIST), str(SPEC)]
    if subprocess.run(command, cwd=ROOT).returncode != 0 or not EXECUTABLE.is_file():
        print(f"build failed: no {EXECUTABLE}", file=sys.stderr)
        return 1
    if sys.platform.startswith("linux"):
        add_linux_desktop_files(BUNDLE)
    megabytes = folder_size(BUNDLE) / 1_000_000
    print(f"FieldLog bundle: {megabytes:.0f} MB in {BUNDLE}")
    print(f"run: {EXECUTABLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
