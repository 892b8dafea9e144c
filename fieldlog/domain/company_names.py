"""Chinese organization names reduced to their core, and look-alikes a person would call one.

A registered name reads 行政区划 + 字号 + 行业 + 组织形式 (深圳市 华为 技术 有限公司), and people
write the same enterprise as 华为技术有限公司（深圳）, 华为技术（深圳）有限公司 or 深圳华为技术公司.
`parse` (in `company_name_parts`) folds what `text.name_key` folds (width, case, spaces,
brackets), then takes away:

- places: at the start (广东省深圳市南山区, 深圳, 贵州: a place without its level word
  省/市/区/县 … counts only before any level word, so the 泰安 of 深圳市泰安物流 stays a trade
  name) and in brackets anywhere (（深圳）, 【上海】, （中国）). The list is `china_places`
  (its source is noted there);
- legal forms at the end (有限责任公司, 股份有限公司, 有限公司, 集团, 公司 …, and (有限合伙));
  the words are in `company_words`.

What is left is the core (华为技术). Where nothing but industry words is left (北京银行 → 银行,
深圳航空 → 航空) the place is the trade name and stays: 北京银行 and 上海银行 differ.
A trade name that is itself a place (宁德时代, 泰安物流) is a known limit: written with and
without a city in front, its core may differ.

Decisions (the review list only proposes; a person merges or dismisses):
- Enterprises: a place alone never tells two names apart. 深圳市华为技术 and 上海华为技术 are the
  same group, and whether they are one organization for counting is a person's call: they are
  proposed.
- Branches (分公司, 分行, 支行, 办事处 …) are organizations of their own, with their own credit
  code and visits: a branch is never a look-alike of its parent, and two branches are
  look-alikes only in the same place (华为技术有限公司深圳分公司 ≠ …上海分公司).
- Associations (商会, 协会, 促进会 …) keep their type word in the core, and where they sit
  matters: a chamber of Guizhou people in Shenzhen (深圳市贵州商会) is not the one in Shanghai
  (上海市贵州商会), nor the provincial one (广东省贵州商会), nor a district's (深圳市宝安区贵州
  商会). Their seats must agree, or one must be unwritten (贵州商会: a team in Shenzhen writes it
  for 深圳市贵州商会). 企业/行业 in the middle weigh little (深圳市贵州企业商会 is proposed with
  深圳市贵州商会); a trade does not (深圳市毕节机械商会 is not 深圳市毕节商会).
- Public bodies (局, 委员会 …) and parks (科技园, 产业园 …) answer for a place: their places must
  be the same.
- Organizations of different kinds (an enterprise and an association) are never look-alikes.

`similarity` scores two names 0–100: the mean of rapidfuzz's normalised Indel ratio of the cores
and that of their trade names, so a slip in the trade name (卓越 → 卓远) weighs more than one in
the industry (电器 → 电气). `look_alike` adds the rules above to `similarity >= THRESHOLD`. The
threshold was chosen with `bench/lookalikes.py` on `tests/corpus/name_pairs.tsv` (two thirds;
the held-out third gave precision 1.00 and recall 0.94 at 90, the equal-key rule 1.00 and 0.04).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar

from rapidfuzz import fuzz, process

from fieldlog.domain.company_name_parts import NameParts, core, parse, trade_name

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

#: Lowest similarity of two names that proposes a pair (bench/lookalikes.py measures it).
THRESHOLD = 90.0


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
    if a.kind == "association":  # the same seat, or one not written
        if not a.seat or not b.seat:
            return True
        wider = set(a.seat) <= set(b.seat) or set(b.seat) <= set(a.seat)
        return a.seat[-1] == b.seat[-1] and wider
    return a.kind == "enterprise" or a.places == b.places


def look_alike(a: str, b: str) -> bool:
    """Whether a person would likely call the organizations named `a` and `b` the same one."""
    return _parts_alike(parse(a), parse(b))


def _parts_alike(first: NameParts, second: NameParts) -> bool:
    if not first.core or not second.core or not _compatible(first, second):
        return False
    return _score(first.core, second.core, first.trade, second.trade) >= THRESHOLD


K = TypeVar("K", bound="SupportsRichComparison")


def _block(parts: NameParts) -> tuple[object, ...]:
    """Names that may be look-alikes share this: kind, branch, the core's first two characters
    (and a public body's places, which must be the same)."""
    places = parts.places if parts.kind in ("public", "park") else None
    return (parts.kind, parts.branch, places, parts.core[:2])


def look_alike_pairs(names: Mapping[K, str]) -> list[tuple[K, K]]:
    """Every pair of look-alike names among `names` (id → name), each pair (smaller, larger),
    sorted: the same list for the same names on every computer. Ids must be comparable.

    Not every pair is compared: names meet only when their cores start with the same two
    characters (the trade name: the part people rarely misspell) and `_compatible` could hold
    (same kind and branch; a public body's places), and within such a block
    rapidfuzz first keeps the pairs whose cores alone could reach the threshold. A slip in the
    first two characters of the core is therefore missed here (look_alike itself would see it).
    200,000 organizations take a few seconds (bench/lookalikes.py --db).
    """
    parts = {key: parse(name) for key, name in names.items()}
    blocks: dict[tuple[object, ...], list[K]] = defaultdict(list)
    for key in sorted(parts):
        found = parts[key]
        if found.core:
            blocks[_block(found)].append(key)
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
