"""Names and free text: clean what people type or paste, and derive keys for matching names."""

import math
import re
import unicodedata
from functools import lru_cache

from fieldlog.domain.messages import Message, msg

__all__ = [
    "MAX_NAME_LENGTH",
    "InvalidPhone",
    "TextTooLong",
    "clean_name",
    "clean_text",
    "name_key",
    "normalize_phone",
]

MAX_NAME_LENGTH = 200

# Line breaks other than "\n" (old Mac, Excel's vertical tab, Unicode line/paragraph separators).
_LINE_BREAKS = str.maketrans(dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", "\n"))
# Invisible characters that pasting from web pages and Word brings along: zero-width space,
# byte-order mark, word joiner, soft hyphen. They make equal-looking names differ.
_INVISIBLE = frozenset("\u200b\ufeff\u2060\u00ad")
# Whitespace of every kind, and characters nobody sees or that cannot be stored.
_NOT_IN_KEYS = frozenset(("Zs", "Zl", "Zp", "Cc", "Cf", "Cs"))
_SPACES = re.compile(r" {2,}")
_BRACKETS = str.maketrans("【】[]〔〕〖〗", "()()()()")
# Separators between several numbers in one cell: "13800138000/0856-5221234".
_PHONE_LIST = re.compile(r"[/,;、]")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
# A character cleaning leaves as it is: not whitespace (str.isspace, which covers every line break
# and Zs space), not a control character (Cc), a lone surrogate (Cs) or an invisible one.
_PLAIN_CHAR = r"[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff\u200b\ufeff\u2060\u00ad]"
_PLAIN_LINE = f"{_PLAIN_CHAR}+(?: {_PLAIN_CHAR}+)*"
# Text that clean_text returns unchanged (most cells of a sheet): one plain space between words,
# no space at a line's ends, lines joined by "\n" (empty ones only between others).
_ALREADY_CLEAN = re.compile(f"{_PLAIN_LINE}(?:\n+{_PLAIN_LINE})*")
_ALREADY_CLEAN_LINE = re.compile(_PLAIN_LINE)


class TextTooLong(ValueError):
    """A text longer than the field allows; the message gives both lengths."""


class InvalidPhone(ValueError):
    """A value that cannot be a phone number; the message says why."""


def _keep_char(char: str) -> bool:
    """Tell whether a character survives cleaning (after line breaks became "\\n")."""
    if char in "\n\t":
        return True
    # Cc: control characters. Cs: lone surrogates, which cannot be saved as UTF-8.
    return char not in _INVISIBLE and unicodedata.category(char) not in ("Cc", "Cs")


def _plain_space(char: str) -> str:
    # Tabs become spaces too: deleting them would glue the words on either side together.
    return " " if char == "\t" or unicodedata.category(char) == "Zs" else char


def _check_length(text: str, max_length: int | None) -> str:
    if max_length is not None and len(text) > max_length:
        raise TextTooLong(too_long(len(text), max_length))
    return text


def too_long(length: int, limit: int) -> Message:
    """The message for a text of `length` characters where `limit` fit."""
    return msg(
        "text.too_long",
        "text is too long: {length} characters, at most {limit}",
        length=format(length, ","),
        limit=format(limit, ","),
    )


def clean_text(text: str | None, *, max_length: int | None = None) -> str:
    """Return `text` trimmed, with one plain space between words and lines kept; None gives ""."""
    if text is None:
        return ""
    if _ALREADY_CLEAN.fullmatch(text):  # the same result as below, found without a pass per char
        return _check_length(text, max_length)
    unified = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    kept = "".join(_plain_space(char) for char in unified if _keep_char(char))
    lines = (_SPACES.sub(" ", line).strip() for line in kept.split("\n"))
    return _check_length("\n".join(lines).strip("\n"), max_length)


def clean_name(text: str | None) -> str:
    """Return `text` cleaned onto a single line, at most MAX_NAME_LENGTH characters."""
    if text is not None and _ALREADY_CLEAN_LINE.fullmatch(text):
        return _check_length(text, MAX_NAME_LENGTH)
    lines = clean_text(text).split("\n")
    return _check_length(" ".join(line for line in lines if line), MAX_NAME_LENGTH)


#: Names this long or shorter have their keys remembered (a large import names each
#: organization on many rows, and every look at a row asks for its key).
REMEMBERED_NAME = 200


def name_key(text: str) -> str:
    """Return the key under which two spellings of an organization's name count as the same."""
    if len(text) <= REMEMBERED_NAME:
        return _remembered_key(text)
    return _name_key(text)


@lru_cache(maxsize=8192)
def _remembered_key(text: str) -> str:
    return _name_key(text)


def _name_key(text: str) -> str:
    # Dropping a space can bring a combining mark next to a letter (NFKC turns "¸" into a space
    # plus a cedilla), which the next NFKC composes; repeat until nothing changes so that
    # name_key(name_key(x)) == name_key(x). Real names settle in one or two passes.
    key = _name_key_pass(text)
    for _ in range(8):
        again = _name_key_pass(key)
        if again == key:
            break
        key = again
    return key


def _name_key_pass(text: str) -> str:
    # NFKC folds full-width letters, digits and （）; casefold can undo NFKC, so fold again after.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    key = "".join(
        char
        for char in folded.translate(_BRACKETS)
        if not char.isspace() and unicodedata.category(char) not in _NOT_IN_KEYS
    )
    # Trailing full stops and commas are typing noise; a closing bracket is part of the name.
    while key and key[-1] != ")" and unicodedata.category(key[-1]).startswith("P"):
        key = key[:-1]
    return key


def normalize_phone(value: str | int | float | None) -> str:
    """Return the phone number(s) with digits, a leading "+" and "-" between groups only."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise InvalidPhone(msg("text.phone_bool", "a phone number cannot be {value}", value=value))
    if isinstance(value, float):
        return _phone_from_float(value)
    if isinstance(value, int):
        return str(value)
    text = unicodedata.normalize("NFKC", value).translate(_DASHES)
    numbers = (_phone_from_text(part) for part in _PHONE_LIST.split(text))
    return ", ".join(number for number in numbers if number)


def _phone_from_float(value: float) -> str:
    # Excel stores a typed 13800138000 as the float 13800138000.0.
    if math.isnan(value):
        return ""
    if not value.is_integer():
        raise InvalidPhone(
            msg(
                "text.phone_decimals",
                "{value} is not a phone number; a phone number has no decimals",
                value=repr(value),
            )
        )
    return str(int(value))


def _phone_from_text(text: str) -> str:
    """Keep digits, a "+" before the first digit and one "-" where a dash separates digit groups."""
    out: list[str] = []
    dash_pending = False
    for char in text:
        if char.isdigit() and char.isascii():
            if dash_pending:
                out.append("-")
            out.append(char)
            dash_pending = False
        elif char == "+" and not out:
            out.append(char)
        elif char == "-" and out and out[-1].isdigit():
            dash_pending = True
    return "" if out == ["+"] else "".join(out)


def pinyin_initials(text: str) -> str:
    """The pinyin initials of a name for type-ahead search: 深圳市华为 → "szshw".

    Latin letters and digits are kept (lower case); punctuation and spaces are dropped.
    """
    from pypinyin import Style, lazy_pinyin  # imported on use: its dictionaries are large

    letters = lazy_pinyin(name_key(text), style=Style.FIRST_LETTER, errors="default")
    return "".join(ch for ch in "".join(letters).lower() if ch.isascii() and ch.isalnum())
