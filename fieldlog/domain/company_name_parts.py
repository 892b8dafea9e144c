"""The parts of a Chinese organization name: places, legal forms, branch, kind, core.

`parse` is the whole of it; `company_names` says what is taken away and why, and compares
names. The words are in `china_places` and `company_words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fieldlog.domain import china_places
from fieldlog.domain.company_words import (
    ASSOCIATION_WORDS,
    BRACKET_FORMS,
    BRANCH_MARKERS,
    FORMS,
    INDUSTRY,
    PARK_WORDS,
    PUBLIC_WORDS,
)
from fieldlog.domain.text import name_key

__all__ = ["NameParts", "core", "parse", "trade_name"]

_COUNTRY_AND_BARE = frozenset(
    (china_places.COUNTRY, *china_places.PROVINCES.split(), *china_places.CITIES.split())
)
_WITH_LEVEL_ONLY = frozenset(china_places.DISTRICTS.split()) - _COUNTRY_AND_BARE
_LONGEST_PLACE = max(map(len, _COUNTRY_AND_BARE | _WITH_LEVEL_ONLY))
# The level word after a place: 省, 市, 区, 县, 自治州 (with its peoples: 苗族侗族自治州) …
_LEVEL = re.compile(
    r"(?:(?:[\u4e00-\u9fff]{1,3}?族|维吾尔|蒙古|哈萨克|柯尔克孜)*自治(?:区|州|县|旗)"
    r"|特别行政区|新区|地区|林区|省|市|区|县|州|盟|旗)"
)
# What follows the trade name of an association too: 贵州(企业)商会 gathers the same people.
_ASSOCIATION_TAIL = frozenset({"企业", "企业家", "行业", "产业", *ASSOCIATION_WORDS})
_TRADE_TAIL = INDUSTRY | _ASSOCIATION_TAIL
_FORM_ENDS = tuple(FORMS)
_BRANCH_ENDS = tuple(BRANCH_MARKERS)
# What name_key leaves unchanged: ideographs, lower-case letters, digits, brackets.
_ALREADY_KEY = re.compile(r"[\u4e00-\u9fffa-z0-9()]*[\u4e00-\u9fffa-z0-9)]")
_SHARED: dict[tuple[frozenset[str], tuple[str, ...]], tuple[frozenset[str], tuple[str, ...]]] = {}
_PAREN = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True, slots=True)
class NameParts:
    """What a name is made of.

    `core` is what is left once places and legal forms are set aside, `trade` its trade name
    (字号), `places` every place named (short: 深圳), `branch` a branch's place (None: no
    branch). `kind` is "enterprise"; "association" with its `seat`, the places it sits in,
    widest first (广东省深圳市贵州商会: 广东, 深圳; 贵州商会: none written); "public" (a public
    body) or "park", whose places must be the same.
    """

    core: str
    trade: str
    places: frozenset[str]
    seat: tuple[str, ...]
    branch: str | None
    kind: str


def _place_at(text: str, start: int, *, bare: bool) -> int:
    """The end of the place (with its level word) at `start`, or `start` when there is none."""
    for length in range(min(_LONGEST_PLACE, len(text) - start), 0, -1):
        name = text[start : start + length]
        if name not in _COUNTRY_AND_BARE and name not in _WITH_LEVEL_ONLY:
            continue
        level = _LEVEL.match(text, start + length)
        if level is not None:
            return level.end()
        if bare and name in _COUNTRY_AND_BARE:
            return start + length
    return start


def _leading_places(text: str) -> tuple[list[str], int]:
    """The places at the start of `text` (short names) and where they end.

    Places without their level word count only while no level word has been written: in
    福建宁德时代 both are places, in 深圳市泰安物流 泰安 is the trade name.
    """
    places: list[str] = []
    end = 0
    bare = True
    while end < len(text):
        after = _place_at(text, end, bare=bare)
        if after == end:
            break
        place = _short(text[end:after])
        bare = bare and after == end + len(place)
        places.append(place)
        end = after
    return places, end


def _short(place: str) -> str:
    """深圳市 → 深圳, 黔东南苗族侗族自治州 → 黔东南: the name as listed in china_places."""
    for length in range(len(place), 0, -1):
        if place[:length] in _COUNTRY_AND_BARE or place[:length] in _WITH_LEVEL_ONLY:
            return place[:length]
    return place


def _is_place(text: str) -> bool:
    places, end = _leading_places(text)
    return bool(places) and end == len(text)


def _strip_forms(text: str) -> str:
    while text.endswith(_FORM_ENDS):
        form = next(f for f in FORMS if text.endswith(f))
        if len(form) == len(text):
            break
        text = text[: -len(form)].rstrip(".,&-")
    return text


def _brackets(key: str, places: set[str]) -> str:
    """Take bracketed places and forms out (noting the places); keep other bracketed words."""

    def replace(match: re.Match[str]) -> str:
        inside = match.group(1)
        if _is_place(inside):
            places.update(_leading_places(inside)[0])
            return ""
        return "" if inside in BRACKET_FORMS else inside

    previous = None
    while previous != key:
        previous, key = key, _PAREN.sub(replace, key)
    return key.replace("(", "").replace(")", "")


def _words_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """A run of these words up to the end of the text (longest words tried first)."""
    alternatives = "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))
    return re.compile(f"(?:{alternatives})+$")


_INDUSTRY_RUN = _words_pattern(INDUSTRY)
_TRADE_TAIL_RUN = _words_pattern(_TRADE_TAIL)
# An association's trade is part of whom it gathers: 毕节机械商会 is not 毕节商会.
_ASSOCIATION_TAIL_RUN = _words_pattern(_ASSOCIATION_TAIL)


def _all_industry(text: str) -> bool:
    """Whether `text` is made of industry words only (or is empty)."""
    return not text or _INDUSTRY_RUN.fullmatch(text) is not None


def trade_name(core_text: str) -> str:
    """The trade name (字号) of a core: what is left before its industry words (华为技术 → 华为)."""
    return _trade(core_text, _TRADE_TAIL_RUN)


def _trade(core_text: str, tail_words: re.Pattern[str]) -> str:
    tail = tail_words.search(core_text, 1)
    return core_text[: tail.start()] if tail is not None else core_text


def _split_branch(text: str) -> tuple[str, str] | None:
    """(parent, branch place) of a branch's name, or None when it is no branch."""
    if not text.endswith(_BRANCH_ENDS):
        return None
    marker = next((m for m in BRANCH_MARKERS if text.endswith(m) and len(text) > len(m)), None)
    if marker is None:
        return None
    head = text[: -len(marker)]
    for start in range(1, len(head)):
        if _is_place(head[start:]):
            return head[:start], "".join(_leading_places(head[start:])[0])
    form_ends = [head.rfind(form) + len(form) for form in FORMS if form in head]
    cut = max(form_ends, default=len(head))
    places, end = _leading_places(head[cut:])
    return head[:cut] or head, "".join(places) + head[cut:][end:]


def _body(text: str, places: set[str]) -> tuple[str, str, tuple[str, ...]]:
    """The core, the kind and (for an association) the seat of a name without branch and
    brackets."""
    text = _strip_forms(text)
    leading, end = _leading_places(text)
    places.update(leading)
    rest = text[end:]
    if rest.endswith(ASSOCIATION_WORDS):
        # 深圳市贵州商会: 深圳 is where it sits, 贵州 whom it gathers (part of its core).
        subject, _ = _leading_places(rest)
        places.update(subject[:1])
        if rest in ASSOCIATION_WORDS and leading:  # 贵州商会: the place is whom it gathers
            return leading[-1] + rest, "association", tuple(leading[:-1])
        return rest, "association", tuple(leading)
    kind = "enterprise"
    if rest.endswith(PUBLIC_WORDS):
        kind = "public"
    elif rest.endswith(PARK_WORDS):
        kind = "park"
    if leading and _all_industry(rest):
        return leading[-1] + rest, kind, ()
    return rest, kind, ()


def _key(name: str) -> str:
    # name_key costs half of a parse; most names are plain characters it leaves as they are.
    return name if _ALREADY_KEY.fullmatch(name) else name_key(name)


@lru_cache(maxsize=1 << 16)
def parse(name: str) -> NameParts:
    """The parts of an organization's name. The last 65,536 are kept (~25 MB): a team's names
    stay parsed between two refreshes of the review list and for its display; a province's
    200,000 are parsed again (look_alike_pairs parses each name once per call)."""
    key = _key(name)
    places: set[str] = set()
    text = _brackets(key, places)
    branch: str | None = None
    split = _split_branch(text)
    if split is not None:
        text, branch = split
        text = _brackets(text, set())
    bracketed = sorted(places)
    body, kind, seat = _body(text, places)
    if kind == "association" and not seat:
        seat = tuple(bracketed)  # 贵州商会（深圳）
    body = body or key
    tail = _ASSOCIATION_TAIL_RUN if kind == "association" else _TRADE_TAIL_RUN
    # Most names share a few place sets: one object each keeps the cache small.
    shared = _SHARED.setdefault((frozenset(places), seat), (frozenset(places), seat))
    return NameParts(body, _trade(body, tail), shared[0], shared[1], branch, kind)


def core(name: str) -> str:
    """The core of a name: 深圳市华为技术有限公司 → 华为技术."""
    return parse(name).core
