"""Which language FieldLog speaks: `--lang` beats the locale; Chinese unless it says otherwise.

SPEC §5: a Chinese locale, or none usable (`C`, `POSIX`, `C.UTF-8`, unset), means Chinese; any
other locale means English. The window, the command line and the message catalog share this rule.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Mapping

LANGUAGES = ("zh_CN", "en")
DEFAULT = "zh_CN"

# POSIX precedence: the first of these that is set names the locale of messages.
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def system_locale(environ: Mapping[str, str] | None = None) -> str:
    """The locale name the system asks for ("" when none is set)."""
    env = os.environ if environ is None else environ
    for variable in _LOCALE_VARIABLES:
        if env.get(variable):
            return env[variable]
    if environ is None and sys.platform in ("win32", "darwin"):
        # No locale variables there: ask the system (e.g. "Chinese (Simplified)_China" on Windows).
        return locale.getlocale()[0] or ""
    return ""


def language_of_locale(name: str) -> str:
    """zh_CN for a Chinese locale or none usable, en for any other."""
    base = name.split(".", 1)[0].split("@", 1)[0].strip()
    if base in ("", "C", "POSIX") or base.lower().startswith(("zh", "chinese")):
        return "zh_CN"
    return "en"


def choose_language(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """`option` (--lang, or a saved choice) when it is one we speak, else from the locale."""
    if option in LANGUAGES:
        return option
    return language_of_locale(system_locale(environ))
