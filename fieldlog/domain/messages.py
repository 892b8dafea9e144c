"""One message catalog for the Qt-free core, rendered in the user's language at the edge.

The core never builds a user-facing sentence by hand: it makes a `Message` with `msg(code, text,
**params)` — a stable code for scripts (`--json`), the English text with `{name}` fields, and the
values to put in them — and raises or returns it. Whoever shows it (the command line, the window)
renders it in the user's language; `str()` renders in the process's current language, which the
edge sets once with `use_language` (the command line from `--lang` or the locale, the window from
its language menu).

Translations are gettext catalogs: `resources/translations/messages_zh_CN.po`, compiled to `.mo`
(`packaging/update_messages.py` extracts every `msg(...)` with Babel, updates the `.po` and
compiles it). The code is the entry's context, so two messages with the same English text may be
translated differently. `tests/domain/test_messages.py` fails on any message without a Chinese
text, on a translation whose fields differ from the English, and on a stale `.mo`.
"""

from __future__ import annotations

import gettext
import string
from dataclasses import dataclass
from functools import cache
from typing import Any

from fieldlog.domain import language as _language

#: Folder of the compiled catalogs, beside Qt's translations.
CATALOG_FOLDER = ("translations",)
CATALOG_NAME = "messages_{language}.mo"

_current: list[str] = []


@dataclass(frozen=True)
class Message:
    """A user-facing sentence: a stable code, the English text, and its parameters."""

    code: str
    text: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, language: str | None = None) -> str:
        """The sentence in `language` (the current language when None)."""
        language = language or current_language()
        template = translate(self.code, self.text, language)
        values = {name: _value(value, language) for name, value in self.params}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            # A broken translation must not hide the message: fall back to the English text.
            return self.text.format(**values)

    def __str__(self) -> str:
        return self.render()


def msg(code: str, text: str, /, **params: Any) -> Message:
    """A message; `text` must be a literal so that the catalog can be extracted from the source."""
    return Message(code, text, tuple(params.items()))


def render(value: object, language: str | None = None) -> str:
    """A message, an exception carrying one, or any other value, as text in `language`."""
    return _value(value, language or current_language())


def carried(error: BaseException) -> Message | str:
    """What an exception says: its message when it carries one, else its text (to re-raise as
    another kind of error without losing the code)."""
    if len(error.args) == 1 and isinstance(error.args[0], Message):
        return error.args[0]
    return str(error)


def code_of(value: object, default: str = "error") -> str:
    """The stable code of a message, or of the message an exception carries."""
    if isinstance(value, Message):
        return value.code
    if isinstance(value, BaseException) and len(value.args) == 1:
        return code_of(value.args[0], default)
    return default


def use_language(language: str) -> None:
    """Make `language` the one `str()` renders messages in (the edge calls this once)."""
    if language not in _language.LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _current[:] = [language]


def current_language() -> str:
    """The language set by `use_language`, else the one the locale chooses."""
    return _current[0] if _current else _language.choose_language(None)


def translate(code: str, text: str, language: str) -> str:
    """The catalog's text for (code, English text) in `language`; the English one when missing."""
    if language == "en":
        return text
    return _catalog(language).pgettext(code, text)


def fields_of(template: str) -> set[str]:
    """The names of the `{fields}` of a template (for the catalog's tests)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _value(value: object, language: str) -> str:
    # A Message, or any parameter shown differently per language (a shipped catalog entry's
    # name), renders itself.
    render = getattr(value, "render", None)
    if callable(render) and not isinstance(value, BaseException):
        return str(render(language))
    if isinstance(value, BaseException) and len(value.args) == 1:
        inner = value.args[0]
        if isinstance(inner, Message):
            return inner.render(language)
    return str(value)


@cache
def _catalog(language: str) -> gettext.NullTranslations:
    from fieldlog.domain.catalogs import resources_dir

    path = resources_dir().joinpath(*CATALOG_FOLDER, CATALOG_NAME.format(language=language))
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except OSError:
        return gettext.NullTranslations()
