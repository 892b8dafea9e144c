"""The PyInstaller spec, read without building: it keeps every Qt module FieldLog imports and
leaves the heavy ones out, puts the resources and migrations where the package has them, and
what it trims (packaging/bundle_trim.py) goes as intended. Also the icon and the Linux files."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import fieldlog
from fieldlog.domain import catalogs
from fieldlog.store import migrate

ROOT = Path(__file__).resolve().parent.parent.parent
SPEC = ROOT / "packaging" / "fieldlog.spec"
HEAVY = ("QtQml", "QtQuick", "QtWebEngineCore", "QtWebEngineWidgets", "Qt3DCore", "QtMultimedia")
HEAVY += ("QtPdf", "QtDataVisualization", "QtGraphs", "QtDesigner")

sys.path.insert(0, str(ROOT / "packaging"))
import bundle_trim  # noqa: E402
import make_icons  # noqa: E402


def spec_literals() -> dict[str, object]:
    """Every top-level `NAME = <literal>` of the spec."""
    found = {}
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue  # computed, not a list of names
    return found


LITERALS = spec_literals()


def imported_modules(folder: Path) -> set[str]:
    """Every module named by an import statement in the Python files under `folder` (for
    `from a import b`, both `a` and `a.b`: b may be a module)."""
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def module_of(name: str) -> str:
    """`name` if it is a module, else the module it is a name in."""
    try:
        if importlib.util.find_spec(name) is not None:
            return name
    except ModuleNotFoundError:
        pass
    return name.rsplit(".", 1)[0]


def test_every_qt_module_fieldlog_imports_is_kept() -> None:
    used = {
        name.split(".")[1]
        for name in imported_modules(ROOT / "fieldlog")
        if name.startswith("PySide6.") and name.split(".")[1].startswith("Qt")
    }
    assert {"QtCore", "QtGui", "QtWidgets", "QtCharts"} <= used
    assert used <= set(LITERALS["KEPT_QT_MODULES"])
    assert not used & set(LITERALS["EXCLUDED_QT_MODULES"])


def test_the_heavy_qt_modules_are_left_out() -> None:
    excluded = set(LITERALS["EXCLUDED_QT_MODULES"])
    assert set(HEAVY) <= excluded
    assert not excluded & set(LITERALS["KEPT_QT_MODULES"])
    assert {"tkinter", "pytest", "hypothesis", "tests"} <= set(LITERALS["EXCLUDED_PACKAGES"])


def test_the_plugins_that_bring_qml_or_gtk_are_left_out() -> None:
    patterns = LITERALS["EXCLUDED_QT_PLUGINS"]
    entries = [
        (f"PySide6/Qt/plugins/{plugin}", "", "BINARY")
        for plugin in (
            "platforminputcontexts/libqtvirtualkeyboardplugin.so",
            "platformthemes/libqgtk3.so",
            "imageformats/libqpdf.so",
            "platforms/libqxcb.so",
            "platforms/libqoffscreen.so",
            "platformthemes/libqxdgdesktopportal.so",
            "platforminputcontexts/libibusplatforminputcontextplugin.so",
        )
    ]
    entries.append(("PySide6/plugins/platforms/qwindows.dll", "", "BINARY"))
    kept = [name.rsplit("/", 1)[1] for name, _, _ in bundle_trim.without_plugins(entries, patterns)]
    assert kept == [
        "libqxcb.so",
        "libqoffscreen.so",
        "libqxdgdesktopportal.so",
        "libibusplatforminputcontextplugin.so",
        "qwindows.dll",
    ]


def test_resources_and_migrations_land_where_the_package_looks() -> None:
    package = Path(fieldlog.__file__).resolve().parent
    folders = {source: (target, left_out) for source, target, left_out in LITERALS["DATA_FOLDERS"]}
    target, left_out = folders["resources"]
    # resources_dir() looks first in the package's own resources folder.
    assert Path(target) == Path("fieldlog") / "resources"
    assert (package / "resources").relative_to(package.parent) == Path(target)
    assert catalogs.resources_dir() == ROOT / "resources"  # a checkout: the top-level folder
    shipped = {path.suffix for path in (ROOT / "resources").rglob("*") if path.is_file()}
    assert {".qm", ".mo", ".json", ".md", ".png", ".ico"} <= shipped - set(left_out)
    target, left_out = folders["fieldlog/store/migrations"]
    assert Path(target) == migrate.MIGRATIONS.relative_to(package.parent)
    assert ".py" not in left_out  # Alembic reads the source files


def test_what_the_migrations_import_is_bundled() -> None:
    """Each module of ours or Alembic's that a migration file imports (`from a import b`: a.b
    when b is a module, else a) is named, or is a package of one that is."""
    named = set(LITERALS["MIGRATION_IMPORTS"])
    packages = {name.rsplit(".", 1)[0] for name in named}
    needed = {
        module_of(name)
        for name in imported_modules(migrate.MIGRATIONS)
        if name.startswith(("fieldlog.", "alembic."))
    }
    assert needed - named - packages == set()
    assert {"alembic.op", "fieldlog.store.search_index"} <= needed


def test_only_the_chinese_qt_translation_is_kept() -> None:
    datas = [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", "a", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "b", "DATA"),
        ("PySide6/translations/qt_fr.qm", "c", "DATA"),
        ("fieldlog/resources/translations/fieldlog_zh_CN.qm", "d", "DATA"),
    ]
    kept = bundle_trim.only_translations(datas, LITERALS["QT_TRANSLATIONS"])
    assert [source for _, source, _ in kept] == ["a", "d"]


def test_links_to_dropped_libraries_are_dropped() -> None:
    collected = [("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY")]
    links = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "SYMLINK"),
        ("fieldlog/resources/catalogs/defaults.json", "/x/defaults.json", "DATA"),
    ]
    kept = bundle_trim.without_broken_links(links, [*collected, *links])
    assert [name for name, _, _ in kept] == [
        "libQt6Core.so.6",
        "fieldlog/resources/catalogs/defaults.json",
    ]


@pytest.mark.skipif(sys.platform != "linux", reason="reads Linux libraries with ldd")
def test_a_library_only_a_dropped_plugin_needed_is_dropped() -> None:
    from PySide6 import QtCore

    pyside = Path(QtCore.__file__).parent
    entries = [
        ("PySide6/QtCore.abi3.so", str(pyside / "QtCore.abi3.so"), "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", str(pyside / "Qt/lib/libQt6Core.so.6"), "BINARY"),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", str(pyside / "Qt/lib/libQt6Pdf.so.6"), "BINARY"),
    ]
    plugin = pyside / "Qt/plugins/imageformats/libqpdf.so"
    with_plugin = [*entries, ("PySide6/Qt/plugins/imageformats/libqpdf.so", str(plugin), "BINARY")]
    names = [name for name, _, _ in bundle_trim.without_unused_libraries(with_plugin, ())]
    assert "PySide6/Qt/lib/libQt6Pdf.so.6" in names
    names = [name for name, _, _ in bundle_trim.without_unused_libraries(entries, ())]
    assert names == ["PySide6/QtCore.abi3.so", "PySide6/Qt/lib/libQt6Core.so.6"]


def test_the_icon_has_every_size_and_a_windows_icon_file() -> None:
    icons = ROOT / "resources" / "icons"
    for size in make_icons.PNG_SIZES:
        data = (icons / make_icons.png_name(size)).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)
    ico = (icons / "fieldlog.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    sides = [ico[6 + 16 * n] or 256 for n in range(count)]
    assert sides == sorted(make_icons.ICO_SIZES)
    assert "fieldlog.ico" in SPEC.read_text(encoding="utf-8")


def test_the_desktop_entry_opens_sync_packages() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "packaging" / "linux" / "fieldlog.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name[zh_CN]"] == "驻点招商走访日志"
    assert desktop["Exec"].endswith(" %F")
    assert desktop["Categories"].split(";")[0] == "Office"
    assert desktop["Icon"] == "fieldlog"
    mime = ET.parse(ROOT / "packaging" / "linux" / "fieldlog-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert kind is not None and kind.find("m:glob", ns).get("pattern") == "*.fieldsync"
    assert desktop["MimeType"].rstrip(";") == kind.get("type")
