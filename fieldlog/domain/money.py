"""Money (SPEC §3.2): stored as integer yuan, entered and shown in 万元, summarized in 亿元.

Amounts never pass through float arithmetic: input is parsed into a Decimal, checked to be a whole
number of yuan and turned into an int; output goes from that int back through Decimal.

Shown as a bureau writes them, by every view, workbook and the command line: 亿元 with at most four
decimals and trailing zeros dropped (29.14, 4.389, 0), 万元 with thousands separators and trailing
zeros dropped (36,000, 1,000.5). An unknown amount is "—" alone, never "— 万元".
"""

import re
import unicodedata
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation

from fieldlog.domain.messages import Message, msg

__all__ = [
    "MAX_YUAN",
    "MISSING",
    "WAN_NUMBER_FORMAT",
    "YI_NUMBER_FORMAT",
    "YUAN_PER_WAN",
    "YUAN_PER_YI",
    "InvalidAmount",
    "format_wan",
    "format_yi",
    "parse_wan",
    "parse_yi",
    "parse_yuan",
    "wan_with_unit",
    "yi_with_unit",
    "yuan_to_wan",
    "yuan_to_yi",
]

YUAN_PER_WAN = 10_000
YUAN_PER_YI = 100_000_000
# 10 万亿元: far beyond any single project or tranche, so a larger number is a typing mistake.
MAX_YUAN = 10**13

#: What stands for an amount nobody has entered; no unit goes with it.
MISSING = "—"
#: Excel number formats: the cell stays a number and shows 36,000 / 1,000.5 / 29.14 / 4.389.
#: Excel cannot drop a whole number's point, so whole amounts show two decimals there (12.00).
WAN_NUMBER_FORMAT = "#,##0.00##"
YI_NUMBER_FORMAT = "#,##0.00##"
#: 亿元 are shown to the 万元 (four decimals), as a bureau's summary writes them.
YI_PLACES = 4

# Our own context, so a caller changing the thread's decimal context cannot change our results.
# 40 digits hold any int we accept with room to spare, so the arithmetic below is exact.
_EXACT = Context(prec=40, rounding=ROUND_HALF_EVEN)
# A double holds 15 significant decimal digits reliably (DBL_DIG); anything past them is noise.
_FLOAT_DIGITS = Context(prec=15, rounding=ROUND_HALF_EVEN)

# Unit suffix → number of decimal places that make one yuan. Longest spellings first.
_UNITS = (("亿元", 8), ("万元", 4), ("亿", 8), ("万", 4), ("元", 0))
_UNIT_NAMES = {0: "yuan", 4: "万元", 8: "亿元"}
# Commas only between groups of three digits: "29,14" is a European decimal, not 2,914.
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|[+-]?\.\d+")


class InvalidAmount(ValueError):
    """A value that cannot be an amount of money; the message says why."""


def parse_wan(value: str | int | float | Decimal) -> int:
    """Turn an amount in 万元 (or with an explicit 万/亿/元 suffix) into integer yuan."""
    return _parse(value, default_places=4)


def parse_yi(value: str | int | float | Decimal) -> int:
    """Turn an amount in 亿元 (or with an explicit 万/亿/元 suffix) into integer yuan."""
    return _parse(value, default_places=8)


def parse_yuan(value: str | int | float | Decimal) -> int:
    """Turn an amount in yuan (or with an explicit 万/亿/元 suffix) into integer yuan."""
    return _parse(value, default_places=0)


def yuan_to_wan(yuan: int) -> Decimal:
    """Return the exact amount in 万元."""
    return Decimal(yuan).scaleb(-4, _EXACT)


def yuan_to_yi(yuan: int) -> Decimal:
    """Return the exact amount in 亿元."""
    return Decimal(yuan).scaleb(-8, _EXACT)


def format_wan(yuan: int, *, places: int | None = None) -> str:
    """Format yuan as 万元 with thousands separators: zeros trimmed, or exactly `places` decimals.

    >>> format_wan(360_000_000), format_wan(10_005_000), format_wan(10_005_000, places=2)
    ('36,000', '1,000.5', '1,000.50')
    """
    wan = yuan_to_wan(yuan)
    if places is None:
        return _grouped(wan)
    return _grouped(_rounded(wan, places), keep_zeros=True)


def format_yi(yuan: int, places: int | None = None, *, exact: bool = False) -> str:
    """Format yuan as 亿元: at most four decimals (halves up), trailing zeros dropped.

    With `places`, exactly that many decimals instead; `exact` keeps every digit down to the
    yuan (eight decimals at most, zeros dropped), for a field that must save back what it showed.

    >>> format_yi(2_914_000_000), format_yi(438_900_000), format_yi(0), format_yi(5_000)
    ('29.14', '4.389', '0', '0.0001')
    """
    if exact:
        return _grouped(yuan_to_yi(yuan))
    if places is not None:
        return _grouped(_rounded(yuan_to_yi(yuan), places), keep_zeros=True)
    return _grouped(_rounded(yuan_to_yi(yuan), YI_PLACES))


def wan_with_unit(yuan: int | None, unit: str = "万元") -> str:
    """The amount and its unit (36,000 万元), or "—" alone when the amount is unknown.

    `unit` is the unit in the reader's language: the English window passes its own.
    """
    return MISSING if yuan is None else f"{format_wan(yuan)} {unit}"


def yi_with_unit(yuan: int | None, unit: str = "亿元") -> str:
    """The amount and its unit (29.14 亿元), or "—" alone when the amount is unknown."""
    return MISSING if yuan is None else f"{format_yi(yuan)} {unit}"


def _rounded(amount: Decimal, places: int) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP, _EXACT)


def _grouped(amount: Decimal, *, keep_zeros: bool = False) -> str:
    """The amount with commas between groups of three digits; trailing zeros dropped unless kept."""
    if not keep_zeros:
        # normalize() may give an exponent form such as 1E+9; the "f" format writes it out.
        amount = amount.normalize(_EXACT)
    text = f"{amount:,f}"
    # -0 after rounding a tiny negative is still nothing owed.
    return text.removeprefix("-") if amount.is_zero() else text


def _parse(value: object, *, default_places: int) -> int:
    """Parse `value` into integer yuan; `default_places` is the unit's decimals per yuan."""
    number, places, shown = _to_decimal(value, default_places)
    if not number.is_finite():
        raise InvalidAmount(
            msg("money.not_finite", "amount must be a finite number, got {shown}", shown=shown)
        )
    if number < 0:
        raise InvalidAmount(
            msg("money.negative", "amount cannot be negative, got {shown}", shown=shown)
        )
    if number > Decimal(MAX_YUAN).scaleb(-places, _EXACT):
        raise InvalidAmount(
            msg(
                "money.too_large",
                "amount {shown} is too large; one amount can be at most 100,000 亿元 (10 万亿元)",
                shown=shown,
            )
        )
    whole = number.quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN, _EXACT)
    if whole != number:
        raise InvalidAmount(_too_many_decimals(places, shown))
    return int(whole.scaleb(places, _EXACT))


def _too_many_decimals(places: int, shown: str) -> Message:
    if places == 0:
        return msg(
            "money.yuan_decimals",
            "an amount in yuan cannot have decimals, got {shown}",
            shown=shown,
        )
    unit = _UNIT_NAMES[places]
    return msg(
        "money.too_many_decimals",
        "an amount in {unit} can have at most {places} decimals (1 yuan), got {shown}",
        unit=unit,
        places=places,
        shown=shown,
    )


def _to_decimal(value: object, default_places: int) -> tuple[Decimal, int, str]:
    """Return (number, decimal places per yuan of its unit, how to quote it in a message)."""
    # bool is an int subclass; True in an amount cell is a mistake, not 1.
    if isinstance(value, bool):
        raise InvalidAmount(
            msg("money.not_a_number", "amount must be a number, not {value}", value=value)
        )
    if isinstance(value, int):
        return Decimal(value), default_places, str(value)
    if isinstance(value, float):
        return _float_to_decimal(value), default_places, repr(value)
    if isinstance(value, Decimal):
        return value, default_places, str(value)
    if isinstance(value, str):
        return _str_to_decimal(value, default_places)
    if value is None:
        raise InvalidAmount(msg("money.empty", "amount is empty"))
    raise InvalidAmount(
        msg(
            "money.not_a_number", "amount must be a number, not {value}", value=type(value).__name__
        )
    )


def _float_to_decimal(value: float) -> Decimal:
    """Read a float the way a person wrote it: 29.14 stays 29.14, 0.1 + 0.2 becomes 0.3."""
    # repr() is the shortest text that round-trips; rounding it to 15 digits drops binary noise.
    return _FLOAT_DIGITS.create_decimal(repr(value))


def _str_to_decimal(value: str, default_places: int) -> tuple[Decimal, int, str]:
    # NFKC turns full-width digits, point, comma (，) and minus into ASCII.
    text = unicodedata.normalize("NFKC", value).strip().replace("\u2212", "-")
    shown = repr(value.strip())
    if not text:
        raise InvalidAmount(msg("money.empty", "amount is empty"))
    places = default_places
    for suffix, suffix_places in _UNITS:
        if text.endswith(suffix):
            text, places = text.removesuffix(suffix).rstrip(), suffix_places
            break
    if text.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
        raise InvalidAmount(
            msg("money.not_finite", "amount must be a finite number, got {shown}", shown=shown)
        )
    if not _NUMBER.fullmatch(text):
        raise InvalidAmount(
            msg(
                "money.bad_number",
                "{shown} is not a number; write an amount such as 29.14 or 1,234.5 "
                "(a point for decimals, commas only between groups of three digits)",
                shown=shown,
            )
        )
    try:
        return Decimal(text.replace(",", "")), places, shown
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid numbers
        raise InvalidAmount(
            msg("money.not_a_number_text", "{shown} is not a number", shown=shown)
        ) from None
