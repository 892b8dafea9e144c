"""The Windows installer script keeps its promises, read as text (no Windows and no Inno Setup
compiler here): per user with no administrator rights, `.fieldsync` opening in FieldLog through
HKCU, the executable the PyInstaller spec builds, the version passed by the build, and an
uninstall that keeps the user's data folder — the one fieldlog.store.location really uses.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from fieldlog.store import location

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
ISS = WINDOWS / "FieldLog.iss"
BUILD_PS1 = WINDOWS / "build.ps1"
SPEC = ROOT / "packaging" / "fieldlog.spec"
#: Written once; a newer installer finds and upgrades the installed app by it. Never change it.
APP_ID = "{{A4C2DE41-414D-48EE-898A-E6A65D0C27DB}"
LOCAL_APPDATA = r"C:\Users\林\AppData\Local"
ROAMING_APPDATA = r"C:\Users\林\AppData\Roaming"


def _text() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def _defines(text: str) -> dict[str, str]:
    """`#define NAME "text"` and `#define NAME A + " " + B`; other expressions are left out."""
    found: dict[str, str] = {}
    for name, expression in re.findall(r"^#define\s+(\w+)\s+(.+)$", text, re.MULTILINE):
        terms = [term.strip() for term in expression.split("+")]
        if all(re.fullmatch(r'"[^"]*"', t) or t in found for t in terms):
            found[name] = "".join(t[1:-1] if t.startswith('"') else found[t] for t in terms)
    return found


def _expand(value: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines.get(m[1], m[0]), value)


def _sections(text: str) -> dict[str, list[str]]:
    """Each section's lines, without comments and preprocessor lines, defines expanded."""
    defines = _defines(text)
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        heading = re.fullmatch(r"\[(\w+)\]", line)
        if heading:
            current = heading[1]
            sections.setdefault(current, [])
        else:
            sections[current].append(_expand(line, defines))
    return sections


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _sections(_text())["Setup"])


def _entries(section: str) -> list[dict[str, str]]:
    """An entry section's lines as {parameter: value}, quotes undone ("" is one ")."""
    entries = []
    for line in _sections(_text()).get(section, []):
        pairs = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line)
        entries.append(
            {k: v[1:-1].replace('""', '"') if v.startswith('"') else v.strip() for k, v in pairs}
        )
    return entries


def _windows_data_folders(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Every per-user folder FieldLog's code asks platformdirs for (the database, the drafts,
    the installation id), as it would be on Windows, written as Inno Setup names it."""
    folders = {"CSIDL_LOCAL_APPDATA": LOCAL_APPDATA, "CSIDL_APPDATA": ROAMING_APPDATA}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "fieldlog").rglob("*.py"))
    calls = re.findall(r"platformdirs\.(user_\w+_dir)\(([^)]*)\)", sources)
    assert calls, "no per-user folder found in fieldlog/"
    names = {"platformdirs": platformdirs, "APP_NAME": location.APP_NAME}
    found = {eval(f"platformdirs.{call}({args})", names) for call, args in calls}
    found.add(str(location.default_db_path().parent))
    constants = {LOCAL_APPDATA: "{localappdata}", ROAMING_APPDATA: "{userappdata}"}
    named = set()
    for folder in found:
        windows = folder.replace("/", "\\")
        for prefix, constant in constants.items():
            windows = windows.replace(prefix, constant)
        named.add(windows)
    return named


def test_the_script_is_utf8_with_a_byte_order_mark() -> None:
    """Without one, Inno Setup before 6.3 and many Windows editors take the file for ANSI and
    break its Chinese names."""
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "驻点招商走访日志" in _text()


def test_it_installs_for_this_user_without_administrator_rights() -> None:
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # no way to ask for elevation
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\FieldLog"
    assert setup["AppId"] == APP_ID
    # Nowhere a per-machine folder or registry hive, which would need administrator rights.
    machine_wide = r"\{(commonpf|pf|pf32|pf64|commonprograms|commondesktop|commonappdata|sys|win)"
    assert not re.search(machine_wide, _text())
    assert {entry["Root"] for entry in _entries("Registry")} == {"HKCU"}


def test_fieldsync_files_open_in_fieldlog_through_per_user_keys() -> None:
    assert _setup()["ChangesAssociations"] == "yes"
    keys = {(e["Subkey"], e["ValueName"]): e for e in _entries("Registry")}
    assert all(subkey.startswith("Software\\Classes\\") for subkey, _ in keys)
    prog_id = keys[("Software\\Classes\\.fieldsync", "")]["ValueData"]
    assert ("Software\\Classes\\.fieldsync\\OpenWithProgids", prog_id) in keys
    command = keys[(f"Software\\Classes\\{prog_id}\\shell\\open\\command", "")]
    assert command["ValueData"] == r'"{app}\FieldLog.exe" "%1"'
    icon = keys[(f"Software\\Classes\\{prog_id}\\DefaultIcon", "")]
    assert icon["ValueData"] == r"{app}\FieldLog.exe,0"
    # Uninstalling takes the association away again: every key or value it wrote.
    for entry in keys.values():
        assert any(f.startswith("uninsdelete") for f in entry.get("Flags", "").split()), entry
    assert "uninsdeletekey" in keys[(f"Software\\Classes\\{prog_id}", "")]["Flags"].split()
    assert "uninsdeletevalue" in keys[("Software\\Classes\\.fieldsync", "")]["Flags"].split()


def test_the_start_menu_entry_and_the_optional_desktop_icon() -> None:
    icons = _entries("Icons")
    menu = [i for i in icons if i["Name"].startswith("{userprograms}\\")]
    assert [i["Filename"] for i in menu] == [r"{app}\FieldLog.exe"]
    assert "驻点招商走访日志" in menu[0]["Name"] and "FieldLog" in menu[0]["Name"]
    desktop = [i for i in icons if i["Name"].startswith("{userdesktop}\\")]
    assert [i["Tasks"] for i in desktop] == ["desktopicon"]
    task = {t["Name"]: t for t in _entries("Tasks")}["desktopicon"]
    assert task["Flags"] == "unchecked"


def test_the_data_folder_is_where_the_installer_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """location.py on Windows: %LOCALAPPDATA%\\FieldLog for the database and the installation id
    — the folder the script's comments promise to keep."""
    folders = _windows_data_folders(monkeypatch)
    assert r"{localappdata}\FieldLog" in folders
    assert all(f"{f}\\".startswith("{localappdata}\\FieldLog\\") for f in folders), folders
    assert r"%LOCALAPPDATA%\FieldLog" in _text()


def test_uninstalling_keeps_the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _windows_data_folders(monkeypatch)
    app = _setup()["DefaultDirName"]
    assert not any(f"{folder}\\".startswith(f"{app}\\") for folder in data)
    assert not any(f"{app}\\".startswith(f"{folder}\\") for folder in data)
    sections = _sections(_text())
    assert "UninstallDelete" not in sections and "UninstallRun" not in sections
    assert "Code" not in sections  # no script that could delete anything
    for entry in _entries("InstallDelete"):  # an upgrade clears old libraries, in {app} only
        assert entry["Name"].startswith("{app}\\"), entry
    assert "There is deliberately NO [UninstallDelete] section" in _text()


def _spec_names(spec: Path) -> tuple[str, str]:
    """The names a PyInstaller spec gives the executable (EXE) and the folder (COLLECT)."""
    tree = ast.parse(spec.read_text(encoding="utf-8"))
    strings = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }
    names = {}
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") in ("EXE", "COLLECT"):
            for keyword in call.keywords:
                if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                    names[call.func.id] = keyword.value.value
                elif keyword.arg == "name" and isinstance(keyword.value, ast.Name):
                    names[call.func.id] = strings.get(keyword.value.id, "")
    assert names.get("EXE") and names.get("COLLECT"), f"no literal EXE/COLLECT name in {spec}"
    return names["EXE"], names["COLLECT"]


def test_the_spec_reader_finds_literal_and_named_names(tmp_path: Path) -> None:
    spec = tmp_path / "x.spec"
    spec.write_text(
        'APP = "FieldLog"\nexe = EXE(pyz, name=APP, console=False)\n'
        'coll = COLLECT(exe, name="FieldLog-folder")\n',
        encoding="utf-8",
    )
    assert _spec_names(spec) == ("FieldLog", "FieldLog-folder")


def test_it_installs_the_executable_the_spec_builds() -> None:
    exe, folder = _spec_names(SPEC) if SPEC.exists() else ("FieldLog", "FieldLog")
    defines = _defines(_text())
    assert defines["AppExeName"] == (exe if exe.lower().endswith(".exe") else f"{exe}.exe")
    assert rf'"..\..\dist\{folder}"' in _text()  # DistDir: where the build leaves it
    files = _entries("Files")
    assert [(f["Source"], f["DestDir"]) for f in files] == [(r"{#DistDir}\*", "{app}")]
    assert "recursesubdirs" in files[0]["Flags"].split()


def test_the_version_is_the_one_the_build_passes() -> None:
    text = _text()
    setup = _setup()
    assert setup["AppVersion"] == "{#AppVersion}"  # no version written in the script
    assert re.search(r"^#ifndef AppVersion\n#error ", text, re.MULTILINE)
    assert setup["OutputBaseFilename"] == "FieldLog-{#AppVersion}-setup"
    # build.ps1 reads it from fieldlog/__init__.py with this pattern and passes it to ISCC.
    script = BUILD_PS1.read_text(encoding="ascii")  # ASCII: PowerShell 5.1 reads it as ANSI
    pattern = re.search(r"-Pattern '([^']+)'", script)
    assert pattern is not None
    init = (ROOT / "fieldlog" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(pattern[1], init, re.MULTILINE)
    import fieldlog

    assert found is not None and found[1] == fieldlog.__version__
    assert '"/DAppVersion=$version"' in script
    assert "packaging\\build.py" in script or '"packaging" "build.py"' in script
    assert "--self-test" in script


def test_english_always_and_chinese_when_its_messages_file_is_there() -> None:
    """Inno Setup's Chinese (Simplified) messages are a translation not every release ships:
    the script uses it when present and builds an English installer otherwise."""
    languages = {entry["Name"]: entry["MessagesFile"] for entry in _entries("Languages")}
    assert languages["english"] == "compiler:Default.isl"
    assert languages["chinesesimplified"] in (
        "ChineseSimplified.isl",
        r"compiler:Languages\ChineseSimplified.isl",
    )
    text = _text()
    assert re.search(r'^#if FileExists\(.*"ChineseSimplified\.isl"\)$', text, re.MULTILINE)
    # Chinese custom messages exist only when the language does, or ISCC would refuse them.
    guarded = re.search(r"#ifdef HaveChinese\n(.*?)#endif", text, re.DOTALL)
    assert guarded is not None
    assert all(
        line in guarded[1] for line in text.splitlines() if line.startswith("chinesesimplified.")
    )
