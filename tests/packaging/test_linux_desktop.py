"""The bundle's install-desktop-entry.sh, run for real with `sh` from a bundle folder whose path
has Chinese characters, spaces and the characters the Desktop Entry spec makes special, for a
home folder in tmp: what it installs, that the menu entry starts that folder's FieldLog, that a
second run changes nothing, that --uninstall takes back exactly its own files, and that a system
without the desktop tools still gets the files."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="a Linux desktop's files")

SIZES = sorted(int(png.stem.split("-")[1]) for png in build.ICONS.glob("fieldlog-*.png"))
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
#: What a home folder holds before: none of it may change.
BEFORE = {
    "data/FieldLog/fieldlog.db": b"SQLite format 3\x00 the user's visits",
    "data/applications/other.desktop": b"[Desktop Entry]\nType=Application\nName=Other\n",
    "data/icons/hicolor/48x48/apps/other.png": b"\x89PNG other",
    "config/mimeapps.list": b"[Default Applications]\ntext/plain=other.desktop\n",
}
#: The tools the script needs on a minimal system (no xdg-utils, no desktop-file-utils).
BASIC_TOOLS = ("sh", "dirname", "sed", "awk", "grep", "mkdir", "cp", "mv", "rm", "rmdir", "touch")


def desktop_string(value: str) -> str:
    """A string value of a desktop file, its escapes (\\s \\n \\t \\r \\\\) undone."""
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[following])
        else:
            out.append(char)
    return "".join(out)


def exec_arguments(value: str) -> list[str]:
    """The arguments of an Exec value as the Desktop Entry spec reads them: string escapes,
    then double-quoted arguments (inside, " ` $ \\ must take a backslash), then field codes
    (%% is %, %F stays; any other % is an error). Reserved characters outside quotes too."""
    arguments: list[str] = []
    current: list[str] | None = None
    chars = iter(desktop_string(value))
    for char in chars:
        if char == " ":
            if current is not None:
                arguments.append(field_codes("".join(current)))
            current = None
        elif char == '"':
            current = current if current is not None else []
            for inner in chars:
                if inner == '"':
                    break
                assert inner not in "`$", f"unescaped {inner} in a quoted argument of {value!r}"
                if inner == "\\":
                    inner = next(chars)
                    assert inner in '"`$\\', f"\\{inner} is not allowed in a quoted argument"
                current.append(inner)
            else:
                raise AssertionError(f"unclosed quote in {value!r}")
        else:
            assert char not in "\t\n\"'\\><~|&;$*?#()`", f"{char!r} must be quoted in {value!r}"
            current = (current if current is not None else []) + [char]
    if current is not None:
        arguments.append(field_codes("".join(current)))
    return arguments


def field_codes(argument: str) -> str:
    """`argument` with %% made %; %F (a whole argument) kept; any other % refused."""
    if argument == "%F":
        return argument
    out, chars = [], iter(argument)
    for char in chars:
        if char == "%":
            assert next(chars, None) == "%", f"a lone % in {argument!r}"
        out.append(char)
    return "".join(out)


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (relative path → content) and folder (→ None) under `folder`."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted(folder.rglob("*"))
    }


def mime_database(files: dict[str, bytes | None]) -> dict[str, bytes | None]:
    """What update-mime-database makes and needs: mime/ and all in it but the sources."""
    return {
        name: data
        for name, data in files.items()
        if name in ("data/mime", "data/mime/packages")
        or (name.startswith("data/mime/") and not name.startswith("data/mime/packages/"))
    }


class Desktop:
    """A bundle folder made by build.py's own step, a stub FieldLog in it, and a home folder."""

    def __init__(self, tmp: Path, folder_name: str) -> None:
        self.bundle = tmp / folder_name / "FieldLog"
        self.bundle.mkdir(parents=True)
        self.copied = build.add_linux_desktop_files(self.bundle)
        self.received = tmp / "received-arguments.txt"
        self.program = self.bundle / "FieldLog"
        self.program.write_text(
            f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "{self.received}"\n',
            encoding="utf-8",
        )
        self.program.chmod(0o755)
        self.home = tmp / "home 家"
        for name, data in BEFORE.items():
            (self.home / name).parent.mkdir(parents=True, exist_ok=True)
            (self.home / name).write_bytes(data)
        self.env = {
            "HOME": str(self.home),
            "XDG_DATA_HOME": str(self.home / "data"),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "PATH": os.environ["PATH"],
            "LANG": "C.UTF-8",
        }

    def run(self, *arguments: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
        env = dict(self.env, PATH=path or self.env["PATH"])
        return subprocess.run(
            ["sh", "./install-desktop-entry.sh", *arguments],
            cwd=self.bundle,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    def installed(self, name: str) -> Path:
        return self.home / "data" / name

    def entry(self) -> configparser.SectionProxy:
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        parser.read(self.installed("applications/fieldlog.desktop"), encoding="utf-8")
        return parser["Desktop Entry"]


FOLDERS = ("驻点招商 工作队 二组", 'it\'s "$HOME" `x` \\ (备份) #1; &')


@pytest.fixture(params=FOLDERS, ids=["chinese-spaces", "spec-reserved-characters"])
def desktop(request: pytest.FixtureRequest, tmp_path: Path) -> Desktop:
    return Desktop(tmp_path, request.param)


def test_the_build_puts_the_script_and_its_files_next_to_fieldlog(tmp_path: Path) -> None:
    made = Desktop(tmp_path, "驻点 FieldLog").copied
    bundle = tmp_path / "驻点 FieldLog" / "FieldLog"
    script = bundle / "install-desktop-entry.sh"
    assert script in made and os.access(script, os.X_OK)
    assert script.read_bytes() == (ROOT / "packaging/linux/install-desktop-entry.sh").read_bytes()
    assert (bundle / "share/fieldlog.desktop").is_file()
    assert (bundle / "share/fieldlog-mime.xml").is_file()
    assert {png.name for png in (bundle / "share/icons").iterdir()} == {
        f"fieldlog-{size}.png" for size in SIZES
    }
    assert {16, 48, 256} <= set(SIZES)


def test_the_menu_entry_starts_this_folders_fieldlog_with_the_files(desktop: Desktop) -> None:
    done = desktop.run()
    assert done.returncode == 0, done.stderr
    assert str(desktop.program) in done.stdout and len(done.stdout.splitlines()) <= 2
    entry = desktop.entry()
    arguments = exec_arguments(entry["Exec"])
    assert arguments == [str(desktop.program), "%F"]
    assert Path(arguments[0]).is_absolute()
    assert desktop_string(entry["TryExec"]) == str(desktop.program)
    assert entry["Icon"] == "fieldlog"
    assert entry["MimeType"] == "application/x-fieldsync;"
    assert entry["Name[zh_CN]"] == "驻点招商走访日志"
    # What the desktop does on a double-click: the field code replaced by the file, then run.
    package = desktop.home / "队长 发来的 包.fieldsync"
    subprocess.run([arguments[0], str(package)], check=True)
    assert desktop.received.read_text(encoding="utf-8") == f"{package}\n"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_the_installed_entry_passes_desktop_file_validate(desktop: Desktop) -> None:
    assert desktop.run().returncode == 0
    checked = subprocess.run(
        ["desktop-file-validate", str(desktop.installed("applications/fieldlog.desktop"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.skipif(not shutil.which("gio"), reason="GLib's gio tool absent")
def test_glib_starts_the_installed_entry_with_a_package(desktop: Desktop) -> None:
    """GLib reads Exec and TryExec itself (and hides an entry whose program it cannot find)."""
    os.mkfifo(desktop.received)  # reading it waits for the stub to write: no timing
    assert desktop.run().returncode == 0
    package = desktop.home / "队长 发来的 包.fieldsync"
    errors = desktop.received.with_name("gio-errors.txt")
    with errors.open("wb") as stderr:  # not a pipe: the started stub would hold it open
        launched = subprocess.run(
            [
                "gio",
                "launch",
                str(desktop.installed("applications/fieldlog.desktop")),
                str(package),
            ],
            env=desktop.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            check=False,
        )
    assert launched.returncode == 0, errors.read_text(encoding="utf-8", errors="replace")
    assert desktop.received.read_text(encoding="utf-8") == f"{package}\n"


def test_the_icons_file_type_and_default_application_are_installed(desktop: Desktop) -> None:
    assert desktop.run().returncode == 0
    for size in SIZES:
        icon = desktop.installed(f"icons/hicolor/{size}x{size}/apps/fieldlog.png").read_bytes()
        assert icon == (build.ICONS / f"fieldlog-{size}.png").read_bytes()
        assert struct.unpack(">II", icon[16:24]) == (size, size)
    xml = desktop.installed("mime/packages/fieldlog-fieldsync.xml")
    kind = ET.parse(xml).getroot().find("m:mime-type", MIME_NS)
    assert kind is not None and kind.get("type") == "application/x-fieldsync"
    assert kind.find("m:glob", MIME_NS).get("pattern") == "*.fieldsync"
    if shutil.which("update-mime-database"):
        globs = desktop.installed("mime/globs2").read_text(encoding="utf-8")
        assert ":application/x-fieldsync:*.fieldsync" in globs
    mimeapps = (desktop.home / "config/mimeapps.list").read_text(encoding="utf-8")
    lines = mimeapps.splitlines()
    assert "application/x-fieldsync=fieldlog.desktop" in lines
    assert "text/plain=other.desktop" in lines and lines.count("[Default Applications]") == 1


def test_a_second_run_changes_nothing(desktop: Desktop) -> None:
    assert desktop.run().returncode == 0
    once = tree(desktop.home)
    again = desktop.run()
    assert again.returncode == 0, again.stderr
    assert tree(desktop.home) == once


def test_uninstall_takes_back_exactly_what_it_installed(desktop: Desktop) -> None:
    before = tree(desktop.home)
    assert desktop.run().returncode == 0 and desktop.run().returncode == 0
    removed = desktop.run("--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert "data folder is kept" in removed.stdout
    after = tree(desktop.home)
    # The database update-mime-database rebuilt (from no package at all) is all that may remain.
    leftovers = mime_database(after)
    assert {name: data for name, data in after.items() if name not in leftovers} == before
    assert not [name for name, data in leftovers.items() if data and b"fieldsync" in data]
    for pattern in ("fieldlog.desktop", "fieldlog.png", "*fieldsync*"):
        assert not list(desktop.home.rglob(pattern))
    assert not desktop.installed("icons/hicolor/16x16").exists()
    assert desktop.run("--uninstall").returncode == 0  # again: nothing left to remove


def test_without_the_desktop_tools_the_files_are_installed_and_the_steps_named(
    desktop: Desktop, tmp_path: Path
) -> None:
    tools = tmp_path / "minimal-bin"
    tools.mkdir()
    for name in BASIC_TOOLS:
        (tools / name).symlink_to(shutil.which(name))
    (desktop.home / "config/mimeapps.list").unlink()
    shutil.rmtree(desktop.home / "data/icons")
    before = tree(desktop.home)
    for _ in range(2):
        done = desktop.run(path=str(tools))
        assert done.returncode == 0, done.stderr
    skipped = done.stdout.splitlines()[-1]
    assert "update-mime-database (not installed)" in skipped
    assert "update-desktop-database (not installed)" in skipped
    assert exec_arguments(desktop.entry()["Exec"])[0] == str(desktop.program)
    assert desktop.installed("mime/packages/fieldlog-fieldsync.xml").is_file()
    assert desktop.installed("icons/hicolor/256x256/apps/fieldlog.png").is_file()
    mimeapps = (desktop.home / "config/mimeapps.list").read_text(encoding="utf-8")
    assert mimeapps.splitlines() == [
        "[Default Applications]",
        "application/x-fieldsync=fieldlog.desktop",
    ]
    assert desktop.run("--uninstall", path=str(tools)).returncode == 0
    after = tree(desktop.home)
    assert mime_database(after) == {"data/mime": None, "data/mime/packages": None}
    # mimeapps.list and the icon folders, made for FieldLog alone, are gone too.
    assert {
        name: data for name, data in after.items() if name not in mime_database(after)
    } == before


def test_a_default_set_by_hand_is_kept_among_the_other_lines(
    desktop: Desktop, tmp_path: Path
) -> None:
    tools = tmp_path / "minimal-bin"
    tools.mkdir()
    for name in BASIC_TOOLS:
        (tools / name).symlink_to(shutil.which(name))
    mimeapps = desktop.home / "config/mimeapps.list"
    mimeapps.write_text(
        "[Added Associations]\napplication/x-fieldsync=old.desktop;\n\n"
        "[Default Applications]\napplication/x-fieldsync=old.desktop\ntext/plain=other.desktop\n",
        encoding="utf-8",
    )
    assert desktop.run(path=str(tools)).returncode == 0
    assert mimeapps.read_text(encoding="utf-8").splitlines() == [
        "[Added Associations]",
        "application/x-fieldsync=old.desktop;",
        "",
        "[Default Applications]",
        "application/x-fieldsync=fieldlog.desktop",
        "text/plain=other.desktop",
    ]


def test_run_by_a_relative_path_with_cdpath_set_it_finds_its_folder(desktop: Desktop) -> None:
    """`cd` prints the folder it found through CDPATH: that must not end up in the path."""
    parent = desktop.bundle.parent
    done = subprocess.run(
        ["sh", "FieldLog/install-desktop-entry.sh"],
        cwd=parent,
        env=dict(desktop.env, CDPATH=str(parent)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert exec_arguments(desktop.entry()["Exec"]) == [str(desktop.program), "%F"]


def test_a_folder_with_a_percent_sign_is_refused_and_nothing_installed(tmp_path: Path) -> None:
    """GLib would not find the program behind Exec's %% and hide the entry: say so instead."""
    desktop = Desktop(tmp_path, "完成 100% 工作队")
    before = tree(desktop.home)
    refused = desktop.run()
    assert refused.returncode == 1
    assert "path holds a line break or a %; move the FieldLog folder" in refused.stderr
    assert tree(desktop.home) == before


def test_run_from_elsewhere_it_says_so_and_installs_nothing(desktop: Desktop) -> None:
    desktop.program.unlink()
    before = tree(desktop.home)
    refused = desktop.run()
    assert refused.returncode == 1
    assert "no FieldLog program next to this script" in refused.stderr
    assert "run the script from the unpacked FieldLog folder" in refused.stderr
    assert tree(desktop.home) == before
