from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldlog.domain.money import (
    MAX_YUAN,
    MISSING,
    WAN_NUMBER_FORMAT,
    YI_NUMBER_FORMAT,
    YUAN_PER_WAN,
    YUAN_PER_YI,
    InvalidAmount,
    format_wan,
    format_yi,
    parse_wan,
    parse_yi,
    parse_yuan,
    wan_with_unit,
    yi_with_unit,
    yuan_to_wan,
    yuan_to_yi,
)

amounts = st.integers(min_value=0, max_value=MAX_YUAN)


def test_reference_amount_in_all_three_units():
    # SPEC §3.2: 29.14亿元 = 2,914,000,000 元 = 291,400 万元.
    yuan = 2_914_000_000
    assert parse_wan("291400") == yuan
    assert parse_wan("29.14亿元") == yuan
    assert parse_yuan("2,914,000,000") == yuan
    assert yuan_to_wan(yuan) == Decimal(291_400)
    assert yuan_to_yi(yuan) == Decimal("29.14")
    assert format_wan(yuan) == "291,400"
    assert format_yi(yuan) == "29.14"


def test_units():
    assert YUAN_PER_WAN == 10_000
    assert YUAN_PER_YI == 100_000_000
    assert MAX_YUAN == 10**13


@pytest.mark.parametrize(
    ("value", "yuan"),
    [
        ("29.14", 291_400),
        ("  29.14  ", 291_400),
        ("1,234.5", 12_345_000),
        ("1，234.5", 12_345_000),
        ("２９．１４", 291_400),
        ("29.14万元", 291_400),
        ("29.14 万", 291_400),
        ("29.14\u3000万元", 291_400),
        ("2.914亿", 291_400_000),
        ("3000元", 3_000),
        ("0.0001", 1),
        (".5", 5_000),
        ("5.", 50_000),
        ("+7", 70_000),
        ("0", 0),
        ("29.140000", 291_400),
        (29, 290_000),
        (Decimal("29.14"), 291_400),
        (Decimal("29.1400"), 291_400),
        (29.14, 291_400),
        (0.1 + 0.2, 3_000),
        (1e9, MAX_YUAN),
        (999_999_999.9999, MAX_YUAN - 1),
        (-0.0, 0),
    ],
)
def test_parse_wan_accepts(value, yuan):
    assert parse_wan(value) == yuan


@pytest.mark.parametrize(
    ("value", "yuan"),
    [("2914000000", 2_914_000_000), (2_914_000_000.0, 2_914_000_000), ("3.5万", 35_000), (7, 7)],
)
def test_parse_yuan_accepts(value, yuan):
    assert parse_yuan(value) == yuan


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "^amount is empty$"),
        ("  \u3000 ", "^amount is empty$"),
        (None, "^amount is empty$"),
        ("abc", r"^'abc' is not a number; write an amount such as 29\.14"),
        ("29,14", r"^'29,14' is not a number"),
        ("1,23,456", r"^'1,23,456' is not a number"),
        ("1e5", r"^'1e5' is not a number"),
        ("万元", r"^'万元' is not a number"),
        ("1_000", r"^'1_000' is not a number"),
        ("NaN", "^amount must be a finite number, got 'NaN'$"),
        ("-inf", "^amount must be a finite number, got '-inf'$"),
        (float("nan"), "^amount must be a finite number, got nan$"),
        (float("inf"), "^amount must be a finite number, got inf$"),
        (Decimal("NaN"), "^amount must be a finite number, got NaN$"),
        ("-5", "^amount cannot be negative, got '-5'$"),
        ("－5", "^amount cannot be negative, got '－5'$"),
        ("\u22125", "^amount cannot be negative, got '\u22125'$"),
        (-1, "^amount cannot be negative, got -1$"),
        (-0.5, r"^amount cannot be negative, got -0\.5$"),
        ("29.14567", r"^an amount in 万元 can have at most 4 decimals \(1 yuan\), got '29\.145"),
        (29.14567, r"at most 4 decimals \(1 yuan\), got 29\.14567$"),
        (Decimal("0.00001"), r"at most 4 decimals \(1 yuan\)"),
        ("1.123456789亿", r"^an amount in 亿元 can have at most 8 decimals \(1 yuan\)"),
        ("1000000000.0001", r"^amount '1000000000\.0001' is too large; one amount can be at most"),
        (10**9 + 1, "^amount 1000000001 is too large"),
        (1e300, "is too large"),
        (True, "^amount must be a number, not True$"),
        (False, "^amount must be a number, not False$"),
        ([1], "^amount must be a number, not list$"),
    ],
)
def test_parse_wan_rejects_with_a_clear_message(value, message):
    with pytest.raises(InvalidAmount, match=message):
        parse_wan(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1.5", r"^an amount in yuan cannot have decimals, got '1\.5'$"),
        (0.5, r"^an amount in yuan cannot have decimals, got 0\.5$"),
        (MAX_YUAN + 1, "is too large"),
        ("-1", "^amount cannot be negative"),
        ("", "^amount is empty$"),
    ],
)
def test_parse_yuan_rejects_with_a_clear_message(value, message):
    with pytest.raises(InvalidAmount, match=message):
        parse_yuan(value)


def test_invalid_amount_is_a_value_error():
    assert issubclass(InvalidAmount, ValueError)


@pytest.mark.parametrize(
    ("yuan", "places", "text"),
    [
        (291_400, None, "29.14"),
        (291_400, 4, "29.1400"),
        (291_400, 0, "29"),
        (1, None, "0.0001"),
        (0, None, "0"),
        (0, 4, "0.0000"),
        (360_000_000, None, "36,000"),  # the pipeline board's "36000 万元"
        (10_005_000, None, "1,000.5"),
        (10_005_000, 2, "1,000.50"),
        (2_914_000_000, None, "291,400"),
        (MAX_YUAN, None, "1,000,000,000"),
        (-291_400, None, "-29.14"),
        (-3_600_000_000, None, "-360,000"),
        (15_000, 0, "2"),
        (-15_000, 0, "-2"),
        (-4_000, 0, "0"),  # no "-0"
    ],
)
def test_format_wan(yuan, places, text):
    assert format_wan(yuan, places=places) == text


@pytest.mark.parametrize(
    ("yuan", "text"),
    [
        (2_914_000_000, "29.14"),  # the seed report's 29.14亿元
        (438_900_000, "4.389"),  # and its 4.389亿元
        (0, "0"),
        (100_000_000, "1"),
        (1_250_000_000, "12.5"),
        (123_456_780_000, "1,234.5678"),
        (MAX_YUAN, "100,000"),
        (10_000, "0.0001"),
        (5_000, "0.0001"),  # a half rounds up
        (4_999, "0"),
        (-5_000, "-0.0001"),
        (-4_999, "0"),  # no "-0"
    ],
)
def test_format_yi_drops_trailing_zeros(yuan, text):
    assert format_yi(yuan) == text


@pytest.mark.parametrize(
    ("yuan", "places", "text"),
    [
        (2_914_000_000, 4, "29.1400"),
        (438_900_000, 4, "4.3890"),
        (2_914_000_000, 2, "29.14"),
        (0, 4, "0.0000"),
    ],
)
def test_format_yi_with_fixed_places(yuan, places, text):
    assert format_yi(yuan, places) == text


def test_with_unit_and_never_a_unit_after_a_dash():
    assert wan_with_unit(360_000_000) == "36,000 万元"
    assert wan_with_unit(360_000_000, "× 10k yuan") == "36,000 × 10k yuan"
    assert yi_with_unit(2_914_000_000) == "29.14 亿元"
    assert wan_with_unit(None) == yi_with_unit(None) == MISSING == "—"
    assert wan_with_unit(0) == "0 万元"  # zero is known, unlike None


def test_excel_formats_keep_a_number_and_drop_zeros_as_far_as_excel_can():
    # Excel shows 29.14 / 4.389 / 36,000.00 with these; "0.0000" showed 29.1400.
    assert WAN_NUMBER_FORMAT == YI_NUMBER_FORMAT == "#,##0.00##"


@given(amounts)
def test_format_wan_round_trips(yuan):
    assert parse_wan(format_wan(yuan)) == yuan
    assert parse_wan(format_wan(yuan, places=4)) == yuan


@given(amounts)
def test_conversions_are_exact(yuan):
    assert yuan_to_wan(yuan) * YUAN_PER_WAN == yuan
    assert yuan_to_yi(yuan) * YUAN_PER_YI == yuan
    assert parse_yuan(yuan) == yuan
    assert parse_yuan(str(yuan)) == yuan


@given(st.integers(min_value=0, max_value=MAX_YUAN))
def test_floats_from_excel_read_as_written(yuan):
    # Excel hands over 29.14 as the nearest double; it must still be 291,400 yuan.
    assert parse_wan(float(yuan_to_wan(yuan))) == yuan


@given(amounts)
def test_format_wan_is_grouped_without_trailing_zeros(yuan):
    text = format_wan(yuan)
    whole, _, decimals = text.partition(".")
    assert whole == f"{int(whole.replace(',', '')):,}"
    assert not decimals.endswith("0")
    assert Decimal(text.replace(",", "")) == yuan_to_wan(yuan)


@given(amounts)
def test_format_yi_is_the_exact_value_with_zeros_dropped(yuan):
    text = format_yi(yuan)
    assert "." not in text or not text.endswith("0")
    assert len(text.partition(".")[2]) <= 4
    shown = Decimal(text.replace(",", ""))
    # Exact to the 万元 (a summary's precision); within half a 万元 below that.
    assert abs(shown - yuan_to_yi(yuan)) <= Decimal("0.00005")
    if yuan % YUAN_PER_WAN == 0:
        assert shown == yuan_to_yi(yuan)
        assert parse_wan(text + "亿元") == yuan


@given(st.integers(min_value=0, max_value=MAX_YUAN // YUAN_PER_WAN))
def test_format_yi_of_whole_wan_round_trips(wan):
    yuan = wan * YUAN_PER_WAN
    assert format_yi(yuan) == f"{yuan_to_yi(yuan).normalize():,f}"


@given(amounts)
def test_exact_yi_round_trips(yuan):
    # The targets form shows a stored target this way: an unchanged save writes the same yuan.
    text = format_yi(yuan, exact=True)
    assert parse_yi(text) == yuan
    assert parse_yi(text + " 亿元") == yuan
    assert Decimal(text.replace(",", "")) == yuan_to_yi(yuan)


def test_parse_yi():
    assert parse_yi("29.14") == 2_914_000_000
    assert parse_yi("4.389") == 438_900_000
    assert parse_yi("250000 万元") == 2_500_000_000  # an explicit unit wins
    assert format_yi(123_456_789, exact=True) == "1.23456789"
    with pytest.raises(InvalidAmount, match="at most 8 decimals"):
        parse_yi("1.000000001")
