"""The demo's organizations: enterprises, associations, parks, government bodies, intermediaries."""

from __future__ import annotations

import random

from fieldlog.domain.catalogs import LinkDefault
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.services.admin.demo import names
from fieldlog.services.admin.demo.state import DemoOrg, LoadState
from fieldlog.services.orgs.orgs import ContactInput, OrgInput, save_contact, save_org

_ENTERPRISES, _ASSOCIATIONS, _UNVISITED_TARGETS = 346, 40, 28
_TAGS = ("世界500强", "中国500强", "央企", "上市公司", "专精特新", "行业龙头", "优强企业")
_TAG_WEIGHTS = (1, 2, 1, 4, 5, 4, 5)


def build_enterprises(st: LoadState, projects_per_chain: list[int]) -> list[list[DemoOrg]]:
    """The visited enterprises, then targets never visited; returns the investors by chain."""
    taken: set[str] = set()
    investors: list[list[DemoOrg]] = [[] for _ in st.chains]
    for i in range(_ENTERPRISES + _UNVISITED_TARGETS):
        c, visited = i % 12, i < _ENTERPRISES
        investor = visited and i // 12 < projects_per_chain[c]
        org = _enterprise(st, c, taken, visited=visited, investor=investor)
        if investor:
            investors[c].append(org)
    return investors


def build_associations(st: LoadState) -> None:
    """Chambers of commerce (all visited) and industry associations (some never visited)."""
    rng, chambers = st.rng, len(names.CHAMBERS)
    everyone = len(names.ASSOCIATIONS)
    unvisited = rng.sample(range(chambers, everyone), everyone - _ASSOCIATIONS)
    by_name = st.chain_index()
    for i, (name, chain) in enumerate(names.ASSOCIATIONS):
        region, area, address = names.district(rng)
        code = names.credit_code(rng, "51", "440300" if rng.random() < 0.7 else area)
        chain_id = st.chains[by_name[chain]].id if chain else None
        data = OrgInput(
            name,
            OrgKind.ASSOCIATION,
            code,
            region,
            address,
            chain_id,
            is_target=i < 2 or rng.random() < 0.3,
            phone=_office_phone(rng),
        )
        group = by_name[chain] if chain else i % 12
        _add(st, data, group, rng.choice((1, 2)), visited=i not in unvisited, key=i < 2)


def build_others(st: LoadState) -> None:
    """Parks, government bodies and intermediaries: visited, counted in neither figure."""
    rows = [(OrgKind(kind), name, where) for kind, name, where in names.PLACES]
    rows += [
        (OrgKind.INTERMEDIARY, form.format(brand=names.brand(st.rng)), "")
        for form in names.INTERMEDIARIES
    ]
    for i, (kind, name, where) in enumerate(rows):
        region, area, address = names.district(st.rng, where)
        code = None
        if kind == OrgKind.GOVERNMENT:
            area = "440300" if name.startswith("深圳市") else area
            code, address = names.credit_code(st.rng, "11", area), ""
        elif kind == OrgKind.INTERMEDIARY:
            head = "31" if name.endswith("律师事务所") else "91"  # law firms: justice bureau
            code = names.credit_code(st.rng, head, area)
        _add(st, OrgInput(name, kind, code, region, address), (i * 5) % 12, 1)


def _enterprise(
    st: LoadState, c: int, taken: set[str], *, visited: bool, investor: bool
) -> DemoOrg:
    rng, chain = st.rng, st.chains[c]
    name, short = _unique_name(rng, chain.name, taken)
    region, area, address = names.district(rng)
    code = names.credit_code(rng, "91", "440300" if rng.random() < 0.6 else area)
    tags = rng.choices(_TAGS, _TAG_WEIGHTS, k=rng.choice((1, 1, 2)))
    link = rng.choice(chain.links)
    data = OrgInput(
        name,
        OrgKind.ENTERPRISE,
        code if rng.random() < 0.95 else None,
        region,
        address,
        chain.id,
        link.id,
        investor or not visited or rng.random() < 0.3,
        _office_phone(rng),
        tags=sorted(set(tags)) if rng.random() < 0.15 else [],
    )
    contacts = rng.choice((1, 2)) if visited else int(rng.random() < 0.7)
    return _add(st, data, c, contacts, visited=visited, short=short, link=link)


def _unique_name(rng: random.Random, chain: str, taken: set[str]) -> tuple[str, str]:
    """A company name and trade name not used yet: trade names stand in project names."""
    name, short = names.enterprise_name(rng, chain)
    while name in taken or short in taken:
        name, short = names.enterprise_name(rng, chain)
    taken.update((name, short))
    return name, short


def _office_phone(rng: random.Random) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(7))
    return f"0755-{rng.choice('23689')}{digits}" if rng.random() < 0.5 else ""


def _add(
    st: LoadState,
    data: OrgInput,
    group: int,
    contacts: int,
    *,
    visited: bool = True,
    short: str = "",
    link: LinkDefault | None = None,
    key: bool = False,
) -> DemoOrg:
    """Save the organization and its contacts; remember it for visits if it is visited."""
    org = DemoOrg(save_org(st.db, data).id, OrgKind(data.kind), group, short, link, key)
    for title in st.rng.sample(names.TITLES[org.kind.value], contacts):
        person = names.person_name(st.rng)
        contact = ContactInput(person, title, names.mobile(st.rng))
        org.contacts.append((save_contact(st.db, org.id, contact), person + title))
    st.counts["organizations"] += 1
    if visited:
        st.orgs.append(org)
    return org
