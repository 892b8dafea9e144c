import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldlog.domain.text import (
    MAX_NAME_LENGTH,
    InvalidPhone,
    TextTooLong,
    clean_name,
    clean_text,
    name_key,
    normalize_phone,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (None, ""),
        ("", ""),
        ("  华为  ", "华为"),
        ("深圳市\u3000华为", "深圳市 华为"),
        ("a \t  b", "a b"),
        ("a\u00a0\u2003b", "a b"),
        ("first line  \n  second line", "first line\nsecond line"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\n\nb", "a\n\nb"),
        ("\n\n  text \n\n", "text"),
        ("a\x00b\x07c", "abc"),
        ("a \x00 b", "a b"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("full-width ＡＢＣ stays", "full-width ＡＢＣ stays"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_clean_text_length_limit():
    assert clean_text("  abc  ", max_length=3) == "abc"
    with pytest.raises(TextTooLong, match=r"^text is too long: 10,000,000 characters, at most 5$"):
        clean_text("x" * 10_000_000, max_length=5)
    with pytest.raises(TextTooLong, match=r"^text is too long: 4 characters, at most 3$"):
        clean_text("abcd", max_length=3)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (None, ""),
        ("  深圳市 华为技术有限公司 ", "深圳市 华为技术有限公司"),
        ("line one\nline two", "line one line two"),
        ("a\n\n\nb", "a b"),
        ("\u3000铜仁市\t驻深招商工作队\u3000", "铜仁市 驻深招商工作队"),
    ],
)
def test_clean_name(raw, clean):
    assert clean_name(raw) == clean


def test_clean_name_length_limit():
    assert clean_name("x" * MAX_NAME_LENGTH) == "x" * MAX_NAME_LENGTH
    with pytest.raises(TextTooLong, match=r"^text is too long: 201 characters, at most 200$"):
        clean_name("x" * 201)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("深圳市 华为技术有限公司（总部）", "深圳市华为技术有限公司(总部)"),
        ("华为技术有限公司【深圳】", "华为技术有限公司[深圳]"),
        ("ＡＢＣ科技有限公司", "abc科技有限公司"),
        ("华为技术有限公司。", "华为技术有限公司"),
        ("Huawei Technologies Co., Ltd.", "huaweitechnologiesco.,ltd"),
        ("华为\u3000技术\t有限公司", "华为技术有限公司"),
    ],
)
def test_name_key_matches_spellings_of_the_same_name(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_values():
    assert name_key("深圳市 华为技术有限公司（总部）") == "深圳市华为技术有限公司(总部)"
    assert name_key("Straße GmbH.") == "strassegmbh"
    assert name_key("华为") != name_key("华为技术")
    assert name_key("") == ""
    assert name_key("。，") == ""


@pytest.mark.parametrize(
    ("value", "phone"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        (float("nan"), ""),
        (13800138000.0, "13800138000"),
        (13800138000, "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "138-0013-8000"),
        ("0856 - 5221234", "0856-5221234"),
        ("0856—5221234", "0856-5221234"),
        ("(0856) 5221234", "08565221234"),
        ("+86 138 0013 8000", "+8613800138000"),
        ("＋８６ １３８００１３８０００", "+8613800138000"),
        ("-138-0013-8000-", "138-0013-8000"),
        ("0856--5221234", "0856-5221234"),
        ("13800138000/0856-5221234", "13800138000, 0856-5221234"),
        ("13800138000、13900139000", "13800138000, 13900139000"),
        ("电话：13800138000", "13800138000"),
        ("无", ""),
        ("+", ""),
    ],
)
def test_normalize_phone(value, phone):
    assert normalize_phone(value) == phone


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1380013.5, r"^1380013\.5 is not a phone number; a phone number has no decimals$"),
        (True, "^a phone number cannot be True$"),
    ],
)
def test_normalize_phone_rejects(value, message):
    with pytest.raises(InvalidPhone, match=message):
        normalize_phone(value)


@given(st.text())
def test_clean_text_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert once == once.strip()
    assert "  " not in once


@given(st.text())
def test_clean_name_is_idempotent_and_single_line(text):
    once = clean_name(text[:MAX_NAME_LENGTH])
    assert clean_name(once) == once
    assert "\n" not in once


@given(st.text())
def test_name_key_is_idempotent(text):
    key = name_key(text)
    assert name_key(key) == key
    assert not any(char.isspace() for char in key)


@given(st.text())
def test_name_key_ignores_surrounding_spaces(text):
    assert name_key(" \u3000" + text + "\t") == name_key(text)
