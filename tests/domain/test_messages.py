"""The core's message catalog: every message has a Chinese text with the same fields, the
compiled catalog is current, and every message is written so that it can be extracted."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from fieldlog.domain import messages
from fieldlog.domain.messages import Message, code_of, fields_of, msg, render, use_language
from fieldlog.services.errors import InvalidInput

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _updater():
    spec = importlib.util.spec_from_file_location(
        "update_messages", ROOT / "packaging" / "update_messages.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_messages"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def updater():
    return _updater()


@pytest.fixture(scope="module")
def catalog(updater):
    return updater.updated("zh_CN", updater.extracted())


def test_every_message_has_a_chinese_text(catalog) -> None:
    missing = [f"{m.context}: {m.id}" for m in catalog if m.id and not CJK.search(m.string or "")]
    assert missing == [], (
        "messages without Chinese (run packaging/update_messages.py):\n" + "\n".join(missing)
    )


def test_translations_have_the_fields_of_the_english_text(catalog) -> None:
    wrong = [
        f"{m.context}: {m.id!r} → {m.string!r}"
        for m in catalog
        if m.id and m.string and fields_of(m.string) != fields_of(m.id)
    ]
    assert wrong == []


def test_the_catalog_files_are_current(updater, catalog) -> None:
    folder = ROOT / "resources" / "translations"
    assert (folder / "messages_zh_CN.po").read_bytes() == updater.po_bytes(catalog), (
        "run packaging/update_messages.py"
    )
    assert (folder / "messages_zh_CN.mo").read_bytes() == updater.mo_bytes(catalog)


def _msg_calls() -> list[tuple[str, int, ast.Call]]:
    calls = []
    for path in sorted((ROOT / "fieldlog").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "msg":
                calls.append((str(path.relative_to(ROOT)), node.lineno, node))
    return calls


def test_every_message_has_a_literal_code_and_text() -> None:
    bad = [
        f"{path}:{line}"
        for path, line, call in _msg_calls()
        if len(call.args) != 2
        or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args)
    ]
    assert bad == [], "msg() needs a literal code and English text (they are extracted)"


def test_one_code_means_one_text() -> None:
    texts: dict[str, set[str]] = {}
    for _path, _line, call in _msg_calls():
        code, text = (a.value for a in call.args)
        texts.setdefault(code, set()).add(text)
    assert {code: t for code, t in texts.items() if len(t) > 1} == {}


def test_a_message_renders_in_each_language_with_its_parameters() -> None:
    message = msg("input.required", "{what} is required", what=msg("field.team_name", "team name"))
    assert message.render("en") == "team name is required"
    assert message.render("zh_CN") == "请填写工作队名称"
    assert code_of(InvalidInput(message)) == "input.required"
    assert code_of(ValueError("plain")) == "error"


def test_str_follows_the_language_the_edge_chose() -> None:
    message = msg("field.team_name", "team name")
    try:
        use_language("zh_CN")
        assert str(InvalidInput(message)) == "工作队名称"
        use_language("en")
        assert str(InvalidInput(message)) == "team name"
    finally:
        messages._current.clear()


def test_an_unknown_code_falls_back_to_english_and_a_broken_field_never_hides_the_message() -> None:
    assert Message("no.such.code", "as it was").render("zh_CN") == "as it was"
    assert render(ValueError("a library's text"), "zh_CN") == "a library's text"
    with pytest.raises(ValueError, match="unknown language"):
        use_language("fr")
