"""Which language the window opens in, and that the core's messages follow it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from fieldlog import app
from fieldlog.domain import messages
from fieldlog.domain.messages import msg


@pytest.fixture
def no_saved_language() -> Iterator[None]:
    """No language chosen in the View menu before (another test may have saved one)."""
    settings = QSettings()
    saved = settings.value("language")
    settings.remove("language")
    yield
    if saved is not None:
        settings.setValue("language", saved)
    else:
        settings.remove("language")


@pytest.fixture
def english_afterwards(qapp) -> Iterator[None]:
    yield
    app.install_translators(qapp, "en")


@pytest.fixture
def fresh(no_saved_language, english_afterwards, windows, yes_boxes) -> None:
    """No saved choice; the window closed and English back afterwards; yes to creating."""


def _open(tmp_path: Path, *options: str) -> str:
    assert app.main(["--db", str(tmp_path / "lang.db"), *options]) == 0
    window = app.last_window()
    assert window is not None
    return window.language


@pytest.mark.parametrize("lang", ["C.UTF-8", "C", "POSIX", "zh_CN.UTF-8", "zh_TW.UTF-8"])
def test_no_usable_or_a_chinese_locale_opens_chinese(
    qapp, tmp_path: Path, monkeypatch, lang, fresh
) -> None:
    monkeypatch.setenv("LANG", lang)
    assert _open(tmp_path) == "zh_CN"
    window = app.last_window()
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert str(msg("input.required", "{what} is required", what="x")) == "请填写x"


def test_an_unset_locale_opens_chinese(qapp, tmp_path: Path, monkeypatch, fresh) -> None:
    monkeypatch.delenv("LANG")
    assert _open(tmp_path) == "zh_CN"


def test_an_english_locale_opens_english(qapp, tmp_path: Path, monkeypatch, fresh) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert _open(tmp_path) == "en"
    assert app.last_window().menuBar().actions()[0].text() == "&File"
    assert str(msg("input.required", "{what} is required", what="x")) == "x is required"


def test_lang_beats_the_saved_choice_which_beats_the_locale(
    qapp, tmp_path: Path, monkeypatch, fresh
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    QSettings().setValue("language", "en")
    assert _open(tmp_path) == "en"
    first = app.last_window()
    first.close()
    first.db.close()
    assert _open(tmp_path, "--lang", "zh_CN") == "zh_CN"


def test_the_language_menu_switches_the_core_messages_too(
    qapp, tmp_path: Path, monkeypatch, fresh
) -> None:
    from PySide6.QtGui import QAction

    required = msg("input.required", "{what} is required", what="x")
    assert _open(tmp_path, "--lang", "en") == "en"
    assert str(required) == "x is required"
    app.last_window().findChild(QAction, "actionLanguage_zh_CN").trigger()
    assert app.last_window().language == "zh_CN"
    assert str(required) == "请填写x"
    assert QSettings().value("language") == "zh_CN"
    app.last_window().findChild(QAction, "actionLanguage_en").trigger()
    assert str(required) == "x is required"


def test_the_suite_restores_the_language_between_tests() -> None:
    # The autouse fixture of tests/conftest.py put back what the tests above changed.
    assert messages._current == []
    assert messages.current_language() == "en"
