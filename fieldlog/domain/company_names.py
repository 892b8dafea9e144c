"""Chinese organization names reduced to their core, and look-alikes a person would call one.

A registered name reads 行政区划 + 字号 + 行业 + 组织形式 (深圳市 华为 技术 有限公司), and people
write the same enterprise as 华为技术有限公司（深圳）, 华为技术（深圳）有限公司 or 深圳华为技术公司.
`parse` folds what `text.name_key` folds (width, case, spaces, brackets), then takes away:

- places: at the start (广东省深圳市南山区, 深圳, 贵州; only the first may be written without its
  level word 省/市/区/县 …, so the 泰安 of 深圳市泰安物流 stays a trade name) and in brackets
  anywhere (（深圳）, 【上海】, （中国）). The list is `china_places` (its source is noted there);
- legal forms at the end (有限责任公司, 股份有限公司, 有限公司, 集团, 公司 …, and (有限合伙)).

What is left is the core (华为技术). Where nothing but an industry is left (北京银行 → 银行,
深圳航空 → 航空) the place is the trade name and stays: 北京银行 and 上海银行 differ.

Decisions (the review list only proposes; a person merges or dismisses):
- Enterprises: a place alone never tells two names apart. 深圳市华为技术 and 上海华为技术 are the
  same group, and whether they are one organization for counting is a person's call: they are
  proposed.
- Branches (分公司, 分行, 支行, 办事处 …) are organizations of their own, with their own credit
  code and visits: a branch is never a look-alike of its parent, and two branches are
  look-alikes only in the same place (华为技术有限公司深圳分公司 ≠ …上海分公司).
- Associations (商会, 协会, 促进会 …) keep their type word in the core, and their place matters:
  a chamber of Guizhou people in Shenzhen (深圳市贵州商会) is not the one in Shanghai
  (上海市贵州商会) nor the provincial one (广东省贵州商会). Two associations are look-alikes only
  when the places one names are all named by the other (深圳市贵州商会 and 贵州商会 are; a team
  in Shenzhen writes the latter for the former). 深圳市贵州企业商会 stays close to 深圳市贵州商会.
- An enterprise and an association are never look-alikes.

`similarity` scores two cores 0–100 with rapidfuzz's normalised Indel ratio; `look_alike` adds
the rules above to `similarity >= THRESHOLD`. The threshold was chosen by `bench/lookalikes.py`
on `tests/corpus/name_pairs.tsv`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from rapidfuzz import fuzz, process

from fieldlog.domain import china_places
from fieldlog.domain.company_words import (
    ASSOCIATION_WORDS,
    BRACKET_FORMS,
    BRANCH_MARKERS,
    FORMS,
    INDUSTRY,
    PUBLIC_WORDS,
)
from fieldlog.domain.text import name_key

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

__all__ = [
    "THRESHOLD",
    "NameParts",
    "core",
    "core_similarity",
    "group_look_alikes",
    "look_alike",
    "look_alike_pairs",
    "parse",
    "similarity",
    "trade_name",
]

#: Lowest similarity of two cores that proposes a pair (bench/lookalikes.py measures it).
THRESHOLD = 90.0

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
_TRADE_TAIL = INDUSTRY | {"企业", "企业家", "行业", "产业", *ASSOCIATION_WORDS}
_FORM_ENDS = tuple(FORMS)
_BRANCH_ENDS = tuple(BRANCH_MARKERS)
# What name_key leaves unchanged: ideographs, lower-case letters, digits, brackets.
_ALREADY_KEY = re.compile(r"[\u4e00-\u9fffa-z0-9()]*[\u4e00-\u9fffa-z0-9)]")
_PAREN = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class NameParts:
    """What a name is made of: core, places named (short), branch place, kind.

    `kind` is "enterprise", "association" (its places may narrow: 贵州商会 → 深圳市贵州商会) or
    "public" (a public body: its places must be the same).
    """

    core: str
    trade: str
    places: frozenset[str]
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


def _all_industry(text: str) -> bool:
    """Whether `text` is made of industry words only (or is empty)."""
    return not text or _INDUSTRY_RUN.fullmatch(text) is not None


def trade_name(core_text: str) -> str:
    """The trade name (字号) of a core: what is left before its industry words (华为技术 → 华为)."""
    tail = _TRADE_TAIL_RUN.search(core_text, 1)
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


def _body(text: str, places: set[str]) -> tuple[str, str]:
    """The core and the kind of a name without branch and brackets."""
    text = _strip_forms(text)
    leading, end = _leading_places(text)
    places.update(leading)
    rest = text[end:]
    if rest.endswith(ASSOCIATION_WORDS):
        # 深圳市贵州商会: 深圳 is where it sits, 贵州 whom it gathers (part of its core).
        subject, _ = _leading_places(rest)
        places.update(subject[:1])
        bare_type = rest in ASSOCIATION_WORDS
        return (leading[-1] + rest if bare_type and leading else rest), "association"
    kind = "public" if rest.endswith(PUBLIC_WORDS) else "enterprise"
    if leading and _all_industry(rest):
        return leading[-1] + rest, kind
    return rest, kind


def _key(name: str) -> str:
    # name_key costs half of a parse; most names are plain characters it leaves as they are.
    return name if _ALREADY_KEY.fullmatch(name) else name_key(name)


@lru_cache(maxsize=1 << 18)
def parse(name: str) -> NameParts:
    """The parts of an organization's name (cached: the review list parses every name)."""
    key = _key(name)
    places: set[str] = set()
    text = _brackets(key, places)
    branch: str | None = None
    split = _split_branch(text)
    if split is not None:
        text, branch = split
        text = _brackets(text, set())
    body, kind = _body(text, places)
    body = body or key
    return NameParts(body, trade_name(body), frozenset(places), branch, kind)


def core(name: str) -> str:
    """The core of a name: 深圳市华为技术有限公司 → 华为技术."""
    return parse(name).core


def core_similarity(a: str, b: str) -> float:
    """How alike two cores are, 0–100: the mean of the Indel ratio of the cores and that of
    their trade names, so that a slip in the trade name (卓越 → 卓远) weighs more than one in
    the industry (电器 → 电气)."""
    return _score(a, b, trade_name(a), trade_name(b))


def _score(a: str, b: str, trade_a: str, trade_b: str) -> float:
    return (fuzz.ratio(a, b) + fuzz.ratio(trade_a, trade_b)) / 2


def similarity(a: str, b: str) -> float:
    """How alike the cores of two names are, 0 (nothing shared) to 100 (the same core)."""
    return core_similarity(core(a), core(b))


def _compatible(a: NameParts, b: NameParts) -> bool:
    if a.kind != b.kind or a.branch != b.branch:
        return False
    if a.kind == "association":
        return a.places <= b.places or b.places <= a.places
    return a.kind == "enterprise" or a.places == b.places


def look_alike(a: str, b: str) -> bool:
    """Whether a person would likely call the organizations named `a` and `b` the same one."""
    return _parts_alike(parse(a), parse(b))


def _parts_alike(first: NameParts, second: NameParts) -> bool:
    if not first.core or not second.core or not _compatible(first, second):
        return False
    return _score(first.core, second.core, first.trade, second.trade) >= THRESHOLD


K = TypeVar("K", bound="SupportsRichComparison")


def look_alike_pairs(names: Mapping[K, str]) -> list[tuple[K, K]]:
    """Every pair of look-alike names among `names` (id → name), each pair (smaller, larger),
    sorted: the same list for the same names on every computer. Ids must be comparable.

    Not every pair is compared: names meet only when their cores start with the same two
    characters (the trade name: the part people rarely misspell), and within such a block
    rapidfuzz first keeps the pairs whose cores alone could reach the threshold. A slip in the
    first two characters of the core is therefore missed here (look_alike itself would see it).
    200,000 organizations take a few seconds (bench/lookalikes.py --db).
    """
    parts = {key: parse(name) for key, name in names.items()}
    blocks: dict[str, list[K]] = defaultdict(list)
    for key in sorted(parts):
        found = parts[key].core
        if found:
            blocks[found[:2]].append(key)
    # similarity is the mean of two ratios of at most 100: the cores alone need 2·T − 100.
    cutoff = max(0.0, 2 * THRESHOLD - 100)
    pairs: list[tuple[K, K]] = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        cores = [parts[key].core for key in members]
        for i, core_i in enumerate(cores):
            hits = process.extract(
                core_i, cores[i + 1 :], scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            )
            for _, _, offset in hits:
                j = i + 1 + offset
                if _parts_alike(parts[members[i]], parts[members[j]]):
                    pairs.append((members[i], members[j]))
    return sorted(pairs)


def group_look_alikes(names: Mapping[K, str]) -> list[set[K]]:
    """Groups of organizations whose names look alike, for a person to confirm (the bureau's
    cross-team check calls it over a few thousand organizations of all teams).

    `names` maps any comparable id (a UUID, or a (team, id) tuple) to the name. Every member
    of a group looks alike to every other member: 深圳市华为技术有限公司, 华为技术有限公司（深圳）
    and 华为技术（深圳）有限公司 form one group. Look-alikes do not chain: 贵州商会 looks like both
    深圳市贵州商会 and 上海市贵州商会, which are two chambers, so ids are placed in order and
    each joins the first group (by its smallest id) all of whose members it looks like, or
    starts its own. Groups of one are left out; the groups come ordered by their smallest id, so
    every computer lists them alike. Credit codes are not looked at: two names with different
    valid codes are still two organizations, which the caller knows and this function does not.
    """
    alike: dict[K, set[K]] = defaultdict(set)
    for first, second in look_alike_pairs(names):
        alike[first].add(second)
        alike[second].add(first)
    group_of: dict[K, list[K]] = {}
    groups: list[list[K]] = []
    for key in sorted(alike):
        placed = sorted(
            {id(group_of[n]): group_of[n] for n in alike[key] if n in group_of}.values()
        )
        group = next((g for g in placed if alike[key].issuperset(g)), None)
        if group is None:
            group = []
            groups.append(group)
        group.append(key)
        group_of[key] = group
    return [set(group) for group in groups if len(group) > 1]
