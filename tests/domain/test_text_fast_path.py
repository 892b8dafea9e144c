"""clean_text and clean_name give what they always gave, also where plain text skips the
character-by-character pass: compared with a plain reference of that pass, kept here."""

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from fieldlog.domain import text
from fieldlog.domain.text import MAX_NAME_LENGTH, TextTooLong, clean_name, clean_text

# --- the reference: the character-by-character cleaning, as written before the fast path -----

_LINE_BREAKS = str.maketrans(dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", "\n"))
_INVISIBLE = frozenset("\u200b\ufeff\u2060\u00ad")


def reference_clean_text(value: str) -> str:
    unified = value.replace("\r\n", "\n").translate(_LINE_BREAKS)
    kept = "".join(
        " " if char == "\t" or unicodedata.category(char) == "Zs" else char
        for char in unified
        if char in "\n\t"
        or (char not in _INVISIBLE and unicodedata.category(char) not in ("Cc", "Cs"))
    )
    lines = (re.sub(r" {2,}", " ", line).strip() for line in kept.split("\n"))
    return "\n".join(lines).strip("\n")


def reference_clean_name(value: str) -> str:
    return " ".join(line for line in reference_clean_text(value).split("\n") if line)


# Every kind of character the cleaning treats apart, among ordinary ones.
TRICKY = (
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\u2028",
    "\u2029",
    "\u00a0",
    "\u3000",
    "\u2003",
    "\u200b",
    "\ufeff",
    "\u2060",
    "\u00ad",
    "\u200d",  # a format character cleaning keeps
    "\x00",
    "\x07",
    "\x7f",
    "\x9f",
    "\ud800",
    "\udfff",
    "a",
    "华",
    "为",
    "（",
    "。",
    "é",
    "\u0301",
)
texts = st.one_of(
    st.text(),
    st.text(st.characters(codec=None, categories=None)),
    st.lists(st.sampled_from(TRICKY)).map("".join),
    st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=3))).map("".join),
)


@settings(max_examples=1500)
@given(texts)
@example("深圳市华为技术有限公司")
@example("第一行\n\n第二行 有空格")
@example("a\n")
@example("\na")
@example("a \nb")
@example("a\n b")
def test_clean_text_gives_what_the_plain_pass_gives(value: str) -> None:
    assert clean_text(value) == reference_clean_text(value)


@settings(max_examples=1500)
@given(texts)
@example("深圳市华为技术有限公司")
@example("a b")
@example("a\nb")
def test_clean_name_gives_what_the_plain_pass_gives(value: str) -> None:
    expected = reference_clean_name(value)
    if len(expected) > MAX_NAME_LENGTH:
        with pytest.raises(TextTooLong):
            clean_name(value)
    else:
        assert clean_name(value) == expected


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        ("深圳市华为技术有限公司", True),
        ("洽谈 仓储合作\n\n约定下月再访", True),
        ("a  b", False),
        (" a", False),
        ("a\n", False),
        ("a\u3000b", False),
        ("a\u200bb", False),
        ("a\tb", False),
        ("", False),
    ],
)
def test_plain_text_is_told_apart_from_text_to_clean(value: str, plain: bool) -> None:
    assert bool(text._ALREADY_CLEAN.fullmatch(value)) is plain
    assert clean_text(value) == reference_clean_text(value)


def test_a_plain_text_too_long_is_still_refused() -> None:
    with pytest.raises(TextTooLong, match="text is too long: 201 characters, at most 200"):
        clean_name("华" * 201)
    with pytest.raises(TextTooLong, match="text is too long: 5 characters, at most 4"):
        clean_text("abcde", max_length=4)
    assert clean_text("abcd", max_length=4) == "abcd"
