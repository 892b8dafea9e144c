"""A business card's (名片) fields from the text lines an OCR engine read off it.

`read_fields` proposes a contact — name, title, mobile, phone, email, company — from the lines
alone (their heights help when the engine gives them: a card prints the name largest). It only
proposes: a person corrects and saves. Lines it cannot place (addresses, websites, slogans, fax
numbers) are left out rather than guessed into a field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from fieldlog.domain.card_words import (
    ADDRESS_HINTS,
    COMPANY_ENDINGS,
    COMPOUND_SURNAMES,
    ENGLISH_COMPANY,
    ENGLISH_TITLES,
    SURNAMES,
    TITLE_ENDINGS,
    TITLE_PREFIXES,
)
from fieldlog.domain.text import clean_name, normalize_phone

__all__ = ["FIELDS", "CardFields", "CardLine", "read_fields"]

#: The keys of a proposal, in the order `card read --json` prints them.
FIELDS = ("name", "title", "mobile", "phone", "email", "company")


@dataclass(frozen=True)
class CardLine:
    """One line of recognised text; `height` is its box's height in pixels when known, `top`
    where the box starts."""

    text: str
    height: float | None = None
    top: float | None = None


@dataclass(frozen=True)
class CardFields:
    """A proposed contact; "" where the card said nothing recognisable."""

    name: str = ""
    title: str = ""
    mobile: str = ""
    phone: str = ""
    email: str = ""
    company: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


_HAN = r"\u3400-\u9fff"
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# The engine reads the gap between digit groups as a dot or colon at times (021-2243:7328).
# 11 digits from 1[3-9], in groups split by spaces, dashes or dots, perhaps after +86 / 0086.
_MOBILE = re.compile(r"(?<!\d)(?:(?:\+|00)?86[\s-]*)?(1[3-9]\d(?:[\s.:-]?\d){8})(?!\d)")
# A top-level domain has no digits: OCR reads the o of .com as a zero.
_DOMAIN_DOT = re.compile(r"(@[A-Za-z0-9-]+)[:,](?=[A-Za-z]{2,6}\b)")
_TLD_DIGITS = str.maketrans("015", "ols")
# 区号 (0 + 2–3 digits, perhaps in brackets or after +86 without its 0), the number of 7–8
# digits (perhaps in two groups), and an extension after 转 / ext / a dash.
_LANDLINE = re.compile(
    r"(?<!\d)(?:(?:\+|00)?86[\s-]*\(?0?|\(?0)(\d{2,3})\)?[\s-]*(\d{3,4}[\s.:-]?\d{4})"
    r"(?:\s*(?:转|分机|ext\.?|x|-)\s*(\d{1,5}))?(?!\d)",
    re.IGNORECASE,
)
_FAX = re.compile(r"传真|fax|^\s*f\s*[:：]", re.IGNORECASE)
_WEBSITE = re.compile(r"www\.|https?:|网址|网站|web\s*[:：]|\.(com|cn|net|org)\b", re.IGNORECASE)
_LABEL = re.compile(
    r"^(?:姓名|职务|职位|手机|电话|座机|邮箱|电邮|公司|单位|名称|"
    r"mobile|mob|tel|phone|email|e-mail|m|t|e)\s*[:：]\s*",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s{2,}|[|｜/·•]|\s(?=[" + _HAN + r"])|(?<=[" + _HAN + r"])\s")
_ONLY_HAN = re.compile(rf"[{_HAN}]+")
# 常务副会长 is a title, not 常务副 + 会长: names do not end in these.
_TITLE_PREFIX_ENDS = frozenset("副务部总执席处科组")
_ENGLISH_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]*\.?)?(?: [A-Z][a-z]+)?$")


def read_fields(lines: Iterable[str | CardLine]) -> CardFields:
    """Propose a contact from a card's recognised lines (top to bottom, as the engine read)."""
    card = [_as_line(line) for line in lines]
    card = [line for line in card if line.text]
    texts = [line.text for line in card]
    email = _first(_email(text) for text in texts)
    mobile = _first(_mobile(text) for text in texts)
    phone = _first(_landline(text) for text in texts if not _FAX.search(text))
    rest = [line for line in card if _is_free_text(line.text)]
    company = _company(rest)
    name, title = _name_and_title([line for line in rest if line.text != company])
    return CardFields(name, title, mobile, phone, email, company)


def _as_line(line: str | CardLine) -> CardLine:
    raw = line if isinstance(line, CardLine) else CardLine(line)
    text = unicodedata.normalize("NFKC", raw.text).replace("：", ":")
    return CardLine(clean_name(text), raw.height, raw.top)


def _first(values: Iterable[str]) -> str:
    return next((value for value in values if value), "")


def _email(text: str) -> str:
    # The engine reads the dot of qq.com as a colon or comma at times.
    text = _DOMAIN_DOT.sub(r"\1.", text.replace(" ", ""))
    found = _EMAIL.search(text)
    if not found:
        return ""
    # A dot or dash before the address is a bullet or a rule the engine read along.
    address, _dot, tld = found.group(0).lower().lstrip(".-_").rpartition(".")
    return f"{address}.{tld.translate(_TLD_DIGITS)}"


def _mobile(text: str) -> str:
    found = _MOBILE.search(text)
    return normalize_phone(re.sub(r"\D", "", found.group(1))) if found else ""


def _landline(text: str) -> str:
    for found in _LANDLINE.finditer(text):
        area, number, extension = found.groups()
        digits = re.sub(r"\D", "", number)
        if len(digits) < 7 or (area + digits).startswith(("13", "14", "15", "17", "18", "19")):
            continue  # a mobile number read as a landline
        joined = f"0{area}-{digits}" + (f"-{extension}" if extension else "")
        return normalize_phone(joined)
    return ""


def _is_free_text(text: str) -> bool:
    """Whether a line may hold a name, title or company: not a number, address or website."""
    if _EMAIL.search(text.replace(" ", "")) or _WEBSITE.search(text):
        return False
    if _MOBILE.search(text) or _LANDLINE.search(text) or _FAX.search(text):
        return False
    return not any(hint in text for hint in ADDRESS_HINTS) and not _address_like(text)


def _address_like(text: str) -> bool:
    # 深南大道1001号, 8楼, 1203室: numbers beside address words.
    return bool(re.search(r"\d+\s*(?:号|楼|室|层|栋|座|弄)|[路街道]\s*\d", text))


def _unlabelled(text: str) -> str:
    return _LABEL.sub("", text).strip()


def _company(lines: Sequence[CardLine]) -> str:
    candidates = [_unlabelled(line.text) for line in lines]
    chinese = [text for text in candidates if text.replace(" ", "").endswith(COMPANY_ENDINGS)]
    if chinese:
        return max(chinese, key=len).replace(" ", "")
    english = [text for text in candidates if ENGLISH_COMPANY.search(text)]
    return max(english, key=len) if english else ""


def _name_and_title(lines: Sequence[CardLine]) -> tuple[str, str]:
    names: list[tuple[float, int, str]] = []
    title = ""
    for order, line in enumerate(lines):
        for part in _parts(_unlabelled(line.text)):
            if _is_title(part):
                title = title or part
            elif name := _chinese_name(part):
                names.append((line.height or 0.0, -order, name))
    if not names:
        names = [
            (line.height or 0.0, -order, text)
            for order, line in enumerate(lines)
            if _ENGLISH_NAME.match(text := _unlabelled(line.text)) and not _is_title(text)
        ]
    # The tallest candidate; between equals (or without heights) the one nearest the top.
    name = max(names)[2] if names else ""
    return name, title


def _parts(text: str) -> list[str]:
    """A line's words: 张 伟 (a name spaced out) stays one word, 张伟 总经理 gives two."""
    if _ONLY_HAN.fullmatch(text.replace(" ", "")) and len(text.replace(" ", "")) <= 4:
        return [text.replace(" ", "")]
    parts = [part.strip() for part in _SPLIT.split(text)]
    words = [part for part in parts if part]
    # 张伟总经理 in one run: split a known title off its end.
    split: list[str] = []
    for word in words:
        ending = next((t for t in TITLE_ENDINGS if word.endswith(t) and len(word) > len(t)), "")
        head = word[: len(word) - len(ending)] if ending else ""
        if head and _chinese_name(head) and head[-1] not in _TITLE_PREFIX_ENDS:
            split += [head, word[len(head) :]]
        elif ending and (prefixed := _name_before_prefixed_title(word)):
            split += [prefixed, word[len(prefixed) :]]
        else:
            split.append(word)
    return split


def _name_before_prefixed_title(word: str) -> str:
    """郑云招商总监 in one run (a title with a department before it): the name, when the rest
    starts with a department word; the shorter name first (郑云, not 郑云招)."""
    for length in (2, 3, 4):
        head, rest = word[:length], word[length:]
        if any(head.startswith(p) for p in TITLE_PREFIXES if len(p) > 1):
            return ""  # 常务副会长, 高级工程师: a title all along
        if _chinese_name(head) and rest.startswith(TITLE_PREFIXES) and _is_title(rest):
            return head
    return ""


def _is_title(text: str) -> bool:
    if len(text) > 20 or text.endswith(COMPANY_ENDINGS):
        return False
    return text.endswith(TITLE_ENDINGS) or bool(ENGLISH_TITLES.search(text))


def _chinese_name(text: str) -> str:
    if not _ONLY_HAN.fullmatch(text) or not 2 <= len(text) <= 4:
        return ""
    if text.startswith(COMPOUND_SURNAMES):
        return text if len(text) >= 3 else ""
    if text[0] in SURNAMES and len(text) <= 3:
        return text
    return ""
