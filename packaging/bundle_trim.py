"""What packaging/fieldlog.spec takes out of PyInstaller's analysis before collecting the bundle.

PyInstaller's Qt hooks collect every plugin of the Qt modules a program imports, and the libraries
those plugins link: the virtual keyboard plugin alone brings QtQml and QtQuick, the PDF image
plugin QtPdf, the GTK theme plugin half of GTK's libraries (which must come from the system). The
spec names the plugins FieldLog has no use for; this module drops them, then drops every library
that nothing left in the bundle links, and keeps only the Qt translations the window loads.

TOC entries are PyInstaller's (name in the bundle, source path, type) tuples.
"""

from __future__ import annotations

import posixpath
import sys
from collections.abc import Iterable, Sequence
from fnmatch import fnmatch
from pathlib import PurePosixPath

Entry = tuple[str, str, str]
#: Entry types PyInstaller gives shared libraries found as dependencies (the ones we may drop).
LIBRARY = "BINARY"
SYMLINK = "SYMLINK"


def _posix(name: str) -> str:
    return name.replace("\\", "/")


def plugin_path(name: str) -> str | None:
    """`platforms/libqxcb.so` for a Qt plugin's entry (Linux: PySide6/Qt/plugins/…, Windows:
    PySide6/plugins/…); None for anything else."""
    parts = PurePosixPath(_posix(name)).parts
    if parts[:1] != ("PySide6",) or "plugins" not in parts:
        return None
    return "/".join(parts[parts.index("plugins") + 1 :])


def without_plugins(binaries: Iterable[Entry], patterns: Sequence[str]) -> list[Entry]:
    """`binaries` without the Qt plugins whose path (`platforms/libqvnc.so`) matches a pattern."""
    kept = []
    for entry in binaries:
        plugin = plugin_path(entry[0])
        if plugin is None or not any(fnmatch(plugin, pattern) for pattern in patterns):
            kept.append(entry)
    return kept


def _key(name: str) -> str:
    base = PurePosixPath(_posix(name)).name
    return base.lower() if sys.platform == "win32" else base


def _imports(source: str) -> set[str]:
    from PyInstaller.depend.bindepend import get_imports

    try:
        return {_key(name) for name, _path in get_imports(source)}
    except Exception:  # a file the analysis cannot read: keep what it might need
        return set()


def without_unused_libraries(binaries: Iterable[Entry], kept_anyway: Sequence[str]) -> list[Entry]:
    """`binaries` without the dependency libraries that no extension module, plugin or other kept
    library links (nor any matching `kept_anyway`, e.g. the Python library the launcher loads)."""
    entries = list(binaries)
    libraries = {
        _key(name): source
        for name, source, kind in entries
        if kind == LIBRARY and plugin_path(name) is None
    }
    spared = {key for key in libraries if any(fnmatch(key, p) for p in kept_anyway)}
    roots = [
        source
        for name, source, kind in entries
        if kind not in (LIBRARY, SYMLINK) or plugin_path(name) is not None
    ]
    needed: set[str] = set()
    pending = [*roots, *(libraries[key] for key in spared)]
    while pending:
        for name in _imports(pending.pop()):
            if name in libraries and name not in needed:
                needed.add(name)
                pending.append(libraries[name])
    unused = set(libraries) - needed - spared
    return [entry for entry in entries if _key(entry[0]) not in unused]


def without_broken_links(entries: Iterable[Entry], collected: Iterable[Entry]) -> list[Entry]:
    """`entries` without the symbolic links (PyInstaller links each library it puts in a
    subfolder from the top folder) whose target is no longer among `collected`."""
    names = {posixpath.normpath(_posix(name)) for name, _source, kind in collected}
    kept = []
    for entry in entries:
        name, target, kind = entry
        link = posixpath.normpath(posixpath.join(posixpath.dirname(_posix(name)), _posix(target)))
        if kind != SYMLINK or link in names:
            kept.append(entry)
    return kept


def only_translations(datas: Iterable[Entry], kept: Sequence[str]) -> list[Entry]:
    """`datas` without Qt's translation files other than `kept` (file names)."""
    result = []
    for entry in datas:
        path = PurePosixPath(_posix(entry[0]))
        is_qt_translation = path.parts[:1] == ("PySide6",) and path.parent.name == "translations"
        if not is_qt_translation or path.name in kept:
            result.append(entry)
    return result
