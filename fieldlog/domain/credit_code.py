"""Unified social credit codes (统一社会信用代码, GB 32100-2015): normalize, check and make them.

The code is an organization's natural key (SPEC §3.3), so every comparison goes through
`normalize_credit_code` first and every stored code through `validate_credit_code`.
"""

import unicodedata

from fieldlog.domain.messages import msg

__all__ = [
    "ALPHABET",
    "WEIGHTS",
    "InvalidCreditCode",
    "check_character",
    "is_valid_credit_code",
    "make_credit_code",
    "normalize_credit_code",
    "validate_credit_code",
]

# Values 0–30 in this order. I, O, S, V and Z are left out because they look like 1, 0, 5, U and 2.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

CODE_LENGTH = 18
_MODULUS = len(ALPHABET)
_VALUES = {char: value for value, char in enumerate(ALPHABET)}
_NEVER_USED = "IOSVZ"


class InvalidCreditCode(ValueError):
    """A text that is not a valid unified social credit code; the message says why."""


def normalize_credit_code(text: str) -> str:
    """Return `text` without any whitespace, full-width folded to half-width, in upper case."""
    # NFKC first: it turns U+3000 into a plain space and full-width letters and digits into ASCII.
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).upper()


def _check_body(body: str) -> None:
    """Raise InvalidCreditCode unless `body` holds only characters from ALPHABET."""
    for position, char in enumerate(body, start=1):
        if char not in _VALUES:
            if char in _NEVER_USED:
                raise InvalidCreditCode(
                    msg(
                        "credit_code.never_used_character",
                        "character {char} at position {position} is not allowed in a credit code "
                        "(I, O, S, V and Z are never used)",
                        char=repr(char),
                        position=position,
                    )
                )
            raise InvalidCreditCode(
                msg(
                    "credit_code.bad_character",
                    "character {char} at position {position} is not allowed in a credit code",
                    char=repr(char),
                    position=position,
                )
            )


def _check_value(first17: str) -> int:
    weighted = sum(_VALUES[char] * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return (_MODULUS - weighted % _MODULUS) % _MODULUS


def check_character(first17: str) -> str:
    """Return the check character (position 18) for the first 17 characters of a code."""
    body = normalize_credit_code(first17)
    if len(body) != CODE_LENGTH - 1:
        raise InvalidCreditCode(
            msg(
                "credit_code.body_length",
                "a credit code body must have {length} characters, got {count}",
                length=CODE_LENGTH - 1,
                count=len(body),
            )
        )
    _check_body(body)
    return ALPHABET[_check_value(body)]


def make_credit_code(body17: str) -> str:
    """Return the 17-character `body17` (normalized) followed by its check character."""
    return normalize_credit_code(body17) + check_character(body17)


def validate_credit_code(text: str) -> str:
    """Return the normalized code, or raise InvalidCreditCode saying what is wrong with it."""
    code = normalize_credit_code(text)
    if not code:
        raise InvalidCreditCode(msg("credit_code.empty", "credit code is empty"))
    if len(code) != CODE_LENGTH:
        raise InvalidCreditCode(
            msg(
                "credit_code.length",
                "a credit code must have {length} characters, got {count}",
                length=CODE_LENGTH,
                count=len(code),
            )
        )
    _check_body(code)
    expected = ALPHABET[_check_value(code[:-1])]
    if code[-1] != expected:
        raise InvalidCreditCode(
            msg(
                "credit_code.check_character",
                "check character should be {expected}, not {found}; "
                "a character of the code was probably mistyped",
                expected=expected,
                found=code[-1],
            )
        )
    return code


def is_valid_credit_code(text: str) -> bool:
    """Tell whether `text` is a valid credit code once normalized."""
    try:
        validate_credit_code(text)
    except InvalidCreditCode:
        return False
    return True
