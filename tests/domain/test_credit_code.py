import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldlog.domain.credit_code import (
    ALPHABET,
    WEIGHTS,
    InvalidCreditCode,
    check_character,
    is_valid_credit_code,
    make_credit_code,
    normalize_credit_code,
    validate_credit_code,
)

VALID = ["91350100M000100Y43", "91110000600037341L"]

bodies = st.text(alphabet=ALPHABET, min_size=17, max_size=17)


def test_alphabet_and_weights_follow_the_standard():
    assert len(ALPHABET) == 31
    assert not set("IOSVZ") & set(ALPHABET)
    assert len(WEIGHTS) == 17
    # Weight i is 3**i mod 31, which is what makes every single-character change detectable.
    assert tuple(pow(3, i, 31) for i in range(17)) == WEIGHTS


@pytest.mark.parametrize("code", VALID)
def test_reference_codes_are_valid(code):
    assert validate_credit_code(code) == code
    assert is_valid_credit_code(code)
    assert check_character(code[:17]) == code[17]


def test_reference_code_with_wrong_check_character_is_invalid():
    assert not is_valid_credit_code("91350100M000100Y4Z")
    # Z is never used at all, so that is what the message says.
    with pytest.raises(InvalidCreditCode, match=r"^character 'Z' at position 18 is not allowed"):
        validate_credit_code("91350100M000100Y4Z")
    with pytest.raises(InvalidCreditCode, match=r"^check character should be 3, not 4;"):
        validate_credit_code("91350100M000100Y44")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("91350100m000100y43", "91350100M000100Y43"),
        ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
        (" 9135 0100\u3000M000 100Y 43\t\n", "91350100M000100Y43"),
        ("９１１１００００６０００３７３４１ｌ", "91110000600037341L"),
        ("911100006000\u300037341l ", "91110000600037341L"),
    ],
)
def test_lower_case_full_width_and_spaced_codes_normalize_and_validate(typed, expected):
    assert normalize_credit_code(typed) == expected
    assert validate_credit_code(typed) == expected
    assert is_valid_credit_code(typed)


def test_normalize_does_not_validate():
    assert normalize_credit_code(" abc ") == "ABC"
    assert normalize_credit_code("") == ""


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty_code_is_rejected(text):
    with pytest.raises(InvalidCreditCode, match=r"^credit code is empty$"):
        validate_credit_code(text)


@pytest.mark.parametrize(
    ("text", "length"), [("91350100M000100Y4", 17), ("91350100M000100Y433", 19), ("9", 1)]
)
def test_wrong_length_is_rejected_with_the_length(text, length):
    with pytest.raises(InvalidCreditCode, match=rf"must have 18 characters, got {length}$"):
        validate_credit_code(text)


@pytest.mark.parametrize(("char", "position"), [("I", 1), ("O", 9), ("S", 12), ("V", 17), ("Z", 5)])
def test_letters_never_used_are_named_with_their_position(char, position):
    code = list("91350100M000100Y43")
    code[position - 1] = char
    message = f"character '{char}' at position {position} is not allowed in a credit code"
    with pytest.raises(InvalidCreditCode, match=message + r" \(I, O, S, V and Z are never used\)"):
        validate_credit_code("".join(code))


def test_other_disallowed_characters_are_named_with_their_position():
    with pytest.raises(InvalidCreditCode, match=r"^character '-' at position 9 is not allowed"):
        validate_credit_code("91350100-000100Y43")


def test_check_character_rejects_bad_bodies():
    with pytest.raises(InvalidCreditCode, match="body must have 17 characters, got 18"):
        check_character("91350100M000100Y43")
    with pytest.raises(InvalidCreditCode, match="character 'O' at position 1"):
        check_character("O1350100M000100Y4")


def test_make_credit_code_appends_the_check_character():
    assert make_credit_code("91350100M000100Y4") == "91350100M000100Y43"
    assert make_credit_code("91110000 60003734 1") == "91110000600037341L"


@given(bodies)
def test_body_plus_its_check_character_is_always_valid(body):
    code = make_credit_code(body)
    assert code == body + check_character(body)
    assert validate_credit_code(code) == code


@given(bodies, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=30))
def test_changing_any_single_character_makes_a_code_invalid(body, position, shift):
    code = make_credit_code(body)
    replacement = ALPHABET[(ALPHABET.index(code[position]) + shift) % len(ALPHABET)]
    changed = code[:position] + replacement + code[position + 1 :]
    assert changed != code
    assert not is_valid_credit_code(changed)
    with pytest.raises(InvalidCreditCode, match="check character should be"):
        validate_credit_code(changed)
