# After changing a user-visible string in fieldlog/app.py or fieldlog/ui/, from the repository root:
#   pyside6-lupdate -extensions py fieldlog/app.py fieldlog/ui -no-obsolete \
#       -ts resources/translations/fieldlog_zh_CN.ts
#   (translate the new entries, e.g. in Qt Linguist, and remove type="unfinished")
#   pyside6-lrelease resources/translations/fieldlog_zh_CN.ts \
#       -qm resources/translations/fieldlog_zh_CN.qm
"""The Simplified Chinese translation is complete, compiled, and shown by the window."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from fieldlog import app

ROOT = Path(__file__).resolve().parents[2]
TS = app.translations_dir() / "fieldlog_zh_CN.ts"
QM = app.translations_dir() / "fieldlog_zh_CN.qm"
SOURCES = [ROOT / "fieldlog" / "app.py", *sorted((ROOT / "fieldlog" / "ui").rglob("*.py"))]
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%L?\d")

Key = tuple[str, str]  # (context, source text)


def _ts_messages() -> dict[Key, ET.Element]:
    root = ET.parse(TS).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _translation(message: ET.Element) -> str:
    element = message.find("translation")
    if element is None:
        return ""
    forms = element.findall("numerusform")  # plural messages (%n): Chinese has one form
    if forms:
        return forms[0].text or ""
    return "".join(element.itertext())


class _TrCalls(ast.NodeVisitor):
    """Collects (context, text) of self.tr("…") and QCoreApplication.translate("ctx", "…")."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.classes: list[str] = []
        self.found: list[Key] = []
        self.not_literal: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        if name == "tr" and node.args:
            self._add(self.classes[-1] if self.classes else "", node.args[0], node)
        elif name == "translate" and len(node.args) >= 2:
            context = node.args[0]
            if isinstance(context, ast.Constant) and isinstance(context.value, str):
                self._add(context.value, node.args[1], node)
            else:
                self.not_literal.append(f"{self.path.name}:{node.lineno}")
        self.generic_visit(node)

    def _add(self, context: str, text: ast.expr, node: ast.Call) -> None:
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            self.found.append((context, text.value))
        else:  # lupdate cannot see a computed string
            self.not_literal.append(f"{self.path.name}:{node.lineno}")


def _source_strings() -> tuple[list[Key], list[str]]:
    found: list[Key] = []
    not_literal: list[str] = []
    for path in SOURCES:
        visitor = _TrCalls(path)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        found += visitor.found
        not_literal += visitor.not_literal
    return found, not_literal


def test_every_entry_is_translated() -> None:
    bad = []
    for (context, source), message in _ts_messages().items():
        element = message.find("translation")
        kind = "" if element is None else element.get("type", "")
        if kind in ("unfinished", "vanished", "obsolete") or not _translation(message).strip():
            bad.append(f"{context}: {source!r} ({kind or 'empty'})")
    assert bad == [], "untranslated entries in fieldlog_zh_CN.ts:\n" + "\n".join(bad)


def test_translations_keep_the_placeholders() -> None:
    bad = [
        f"{context}: {source!r}"
        for (context, source), message in _ts_messages().items()
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(_translation(message)))
    ]
    assert bad == []


def test_every_source_string_is_in_the_ts_file() -> None:
    found, not_literal = _source_strings()
    assert found, "the scan found no tr()/translate() calls at all"
    assert not_literal == [], "tr()/translate() needs literal strings for lupdate"
    missing = sorted(set(found) - set(_ts_messages()))
    assert missing == [], "run pyside6-lupdate (see the top of this file); missing:\n" + "\n".join(
        f"{context}: {text!r}" for context, text in missing
    )


def test_the_qm_file_holds_every_translation_of_the_ts_file(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} is missing; run pyside6-lrelease"
    stale = [
        f"{context}: {source!r}"
        for (context, source), message in _ts_messages().items()
        if translator.translate(context, source, message.findtext("comment"))
        != _translation(message)
    ]
    assert stale == [], "fieldlog_zh_CN.qm is older than the .ts; run pyside6-lrelease"


def test_the_window_opens_in_chinese(qtbot, qapp, tmp_path: Path, yes_boxes) -> None:
    assert app.main(["--db", str(tmp_path / "zh.db"), "--lang", "zh_CN"]) == 0
    window = app.last_window()
    try:
        assert window is not None and window.isVisible()
        assert window.centralWidget().load_demo_button.text() == "载入演示数据"
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        assert window.windowTitle().startswith("驻点招商走访日志")
    finally:
        app.install_translators(qapp, "en")
        if window is not None:
            window.close()
            window.db.close()
    assert QCoreApplication.translate("WelcomePanel", "Load the demo dispatch") == (
        "Load the demo dispatch"
    )
