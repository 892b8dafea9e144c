"""Which organization a row of an imported sheet means.

Rows that share a credit code or a normalized name are one organization (transitively: a row
giving name A and code C, and another giving name B and code C, make A and B the same). Each
such group is matched once — by any of its codes first, then by any of its names — so that
importing the same file again finds exactly the records the first import wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from fieldlog.services.orgs.orgs import find_by_code
from fieldlog.store.models import Organization
from fieldlog.store.repositories.import_rows import (
    OrgRef,
    live_orgs_by_code,
    live_orgs_by_name_key,
)
from fieldlog.store.repositories.org_rows import orgs_with_name_key


@dataclass
class OrgGroup:
    """The codes and name keys, in row order, that the rows of one organization give."""

    codes: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)


def group_rows(
    keys: dict[int, tuple[str, str | None]],
) -> tuple[dict[int, str], dict[str, OrgGroup]]:
    """Group rows given as {row: (name key, code or None)}; returns row → group and the groups."""
    links = _UnionFind()
    for name, code in keys.values():
        links.find(f"n:{name}")
        if code:
            links.union(f"n:{name}", f"c:{code}")
    row_group: dict[int, str] = {}
    groups: dict[str, OrgGroup] = {}
    for row in sorted(keys):
        name, code = keys[row]
        root = links.find(f"n:{name}")
        row_group[row] = root
        group = groups.setdefault(root, OrgGroup())
        if code and code not in group.codes:
            group.codes.append(code)
        if name not in group.names:
            group.names.append(name)
    return row_group, groups


def match_group(session: Session, group: OrgGroup) -> Organization | None:
    """The live organization a group means: by its codes, else by its names, else None.

    A name matches an organization holding another credit code only when the group gives none:
    two records with different codes are different organizations whatever their names.
    """
    for code in group.codes:
        org = find_by_code(session, code)
        if org is not None:
            return org
    for key in group.names:
        for org in orgs_with_name_key(session, key):
            if not group.codes or org.credit_code is None:
                return org
    return None


def match_read(
    group: OrgGroup, by_code: dict[str, list[OrgRef]], by_name: dict[str, list[OrgRef]]
) -> OrgRef | None:
    """`match_group` over organizations read beforehand (`import_rows`), same rules and order."""
    for code in group.codes:
        if by_code.get(code):
            return by_code[code][0]
    for key in group.names:
        for org in by_name.get(key, ()):
            if not group.codes or org.credit_code is None:
                return org
    return None


def match_all(session: Session, groups: dict[str, OrgGroup]) -> dict[str, OrgRef | None]:
    """Each group's live organization as `match_group` finds it, read in a few queries."""
    codes = {code for group in groups.values() for code in group.codes}
    names = {name for group in groups.values() for name in group.names}
    by_code = live_orgs_by_code(session, codes)
    by_name = live_orgs_by_name_key(session, names)
    return {key: match_read(group, by_code, by_name) for key, group in groups.items()}
