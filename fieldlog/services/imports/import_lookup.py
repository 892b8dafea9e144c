"""Names in imported cells turned into records: chains, chain links, members, org kinds."""

from __future__ import annotations

import re
import uuid

from sqlalchemy.orm import Session

from fieldlog.domain.messages import carried, msg
from fieldlog.domain.text import clean_name, name_key
from fieldlog.domain.vocabulary import OrgKind, parse_choice
from fieldlog.excel.values import BadCell
from fieldlog.store.models import ChainLink, Contact
from fieldlog.store.repositories.chain_order import chains_in_order, links_in_order
from fieldlog.store.repositories.org_rows import contact_named
from fieldlog.store.repositories.team_rows import members_first_entered

# How lists write an org kind besides FieldLog's labels (企业, 商协会, 园区, 中介机构, 政府部门).
_KIND_ALIASES = {
    "公司": OrgKind.ENTERPRISE,
    "商会": OrgKind.ASSOCIATION,
    "协会": OrgKind.ASSOCIATION,
    "行业协会": OrgKind.ASSOCIATION,
    "中介": OrgKind.INTERMEDIARY,
    "政府": OrgKind.GOVERNMENT,
    "政府机关": OrgKind.GOVERNMENT,
}
_CHAIN_SUFFIX = re.compile(r"(产业链|产业|链)$")


def org_kind(text: str) -> OrgKind:
    """An org kind from its code, its Chinese label or a common alias."""
    cleaned = "".join(text.split())
    if cleaned in _KIND_ALIASES:
        return _KIND_ALIASES[cleaned]
    try:
        return parse_choice(OrgKind, cleaned)
    except ValueError as exc:
        raise BadCell(carried(exc)) from None


def _chain_key(text: str) -> str:
    key = name_key(text)
    return _CHAIN_SUFFIX.sub("", key) or key


class Lookups:
    """The chains, links and members of the database, read once per import."""

    def __init__(self, session: Session) -> None:
        self.session = session
        chains = chains_in_order(session)
        self._chains: dict[str, uuid.UUID] = {}
        self._chain_names: list[str] = []
        for chain in chains:
            self._chains.setdefault(_chain_key(chain.name), chain.id)
            self._chain_names.append(chain.name)
        links = links_in_order(session)
        self._links: dict[tuple[uuid.UUID, str], uuid.UUID] = {}
        self._links_anywhere: dict[str, list[ChainLink]] = {}
        for link in links:
            self._links.setdefault((link.chain_id, name_key(link.name)), link.id)
            self._links_anywhere.setdefault(name_key(link.name), []).append(link)
        members = members_first_entered(session)
        self._members: dict[str, uuid.UUID] = {}
        for member in members:
            self._members.setdefault(member.name, member.id)

    def chain(self, text: str) -> uuid.UUID:
        """The chain a cell names (家具灯饰, 家具灯饰产业链…); BadCell listing the chains."""
        found = self._chains.get(_chain_key(text))
        if found is None:
            if not self._chain_names:
                raise BadCell(
                    msg(
                        "import.unknown_chain_none",
                        "unknown chain {chain}; the chains are none yet",
                        chain=repr(text.strip()),
                    )
                )
            raise BadCell(
                msg(
                    "import.unknown_chain",
                    "unknown chain {chain}; the chains are {known}",
                    chain=repr(text.strip()),
                    known="、".join(self._chain_names),
                )
            )
        return found

    def link(self, text: str, chain_id: uuid.UUID | None) -> tuple[uuid.UUID, uuid.UUID]:
        """(link, its chain) for a link name, within `chain_id` when given."""
        key = name_key(text)
        if chain_id is not None:
            found = self._links.get((chain_id, key))
            if found is not None:
                return found, chain_id
            raise BadCell(
                msg(
                    "import.link_of_other_chain",
                    "chain link {link} is not a link of that chain",
                    link=repr(text.strip()),
                )
            )
        candidates = self._links_anywhere.get(key, [])
        if not candidates:
            raise BadCell(
                msg(
                    "import.not_a_link",
                    "{link} is not a chain link; give the chain too",
                    link=repr(text.strip()),
                )
            )
        if len(candidates) > 1:
            raise BadCell(
                msg(
                    "import.link_in_several_chains",
                    "{link} belongs to several chains; give the chain too",
                    link=repr(text.strip()),
                )
            )
        return candidates[0].id, candidates[0].chain_id

    def member(self, name: str) -> uuid.UUID:
        """The live member with exactly this (cleaned) name."""
        found = self._members.get(clean_name(name))
        if found is None:
            raise BadCell(
                msg(
                    "import.no_such_member",
                    "no member named {name} in the team; add them first",
                    name=repr(name),
                )
            )
        return found

    def contact(self, org_id: uuid.UUID, name: str) -> Contact | None:
        """The earliest live contact with this cleaned name at the organization."""
        return contact_named(self.session, org_id, name)
