"""Editing industry chains and their links: add, rename, move, delete (a tombstone) and restore.

Each call is one transaction and refuses bad input with one sentence (InvalidInput), leaving the
data as it was. A chain or link that records still point to is never deleted: the refusal says
how many, so nothing is silently orphaned. Every change has a call that reverses it, for undo.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sqlalchemy.orm import Session

from fieldlog.domain.messages import Message, msg
from fieldlog.domain.text import name_key
from fieldlog.services.edits import merge_edit, save_edit
from fieldlog.services.errors import InvalidInput
from fieldlog.services.team import chain_refusals as refusals
from fieldlog.services.validate import optional_name, required_name
from fieldlog.store.database import Database
from fieldlog.store.models import Chain, ChainLink
from fieldlog.store.repositories import chain_rows
from fieldlog.store.repositories.chain_order import last_chain_order, last_link_order

#: Where a link sits in its chain, in display order.
POSITIONS: tuple[str, ...] = ("upstream", "midstream", "downstream")
_POSITION_WORDS = {"上游": "upstream", "中游": "midstream", "下游": "downstream"}


@dataclass(frozen=True)
class LinkInput:
    """A link as entered: name, position (upstream/midstream/downstream), parent link or None."""

    name: str
    position: str = "midstream"
    parent_id: uuid.UUID | None = None


@dataclass(frozen=True)
class LinkInfo:
    """A live link as the editor shows it."""

    id: uuid.UUID
    name: str
    position: str
    parent_id: uuid.UUID | None


@dataclass(frozen=True)
class ChainInfo:
    """A live chain with its live links in display order."""

    id: uuid.UUID
    name: str
    links: tuple[LinkInfo, ...]


def parse_position(value: str) -> str:
    """A position code from its code or 上游/中游/下游."""
    text = value.strip()
    code = _POSITION_WORDS.get(text, text.lower())
    if code not in POSITIONS:
        raise InvalidInput(
            msg(
                "chain.unknown_position",
                "unknown position {value}; use upstream, midstream or downstream",
                value=repr(value),
            )
        )
    return code


def chain_tree(db: Database) -> list[ChainInfo]:
    """Every live chain with its live links, in display order."""
    with db.read() as session:
        chains = chain_rows.chains(session)
        links = chain_rows.links(session)
    return [
        ChainInfo(
            c.id,
            c.name,
            tuple(
                LinkInfo(link.id, link.name, link.position, link.parent_id)
                for link in links
                if link.chain_id == c.id
            ),
        )
        for c in chains
    ]


def link_input(db: Database, link_id: uuid.UUID) -> LinkInput:
    """A live link's current name, position and parent (what undo of a change restores)."""
    with db.read() as session:
        link = refusals.live(session, ChainLink, link_id)
        return LinkInput(link.name, link.position, link.parent_id)


# -- chains ------------------------------------------------------------------------------------


def _unique_chain(session: Session, name: str, chain_id: uuid.UUID | None = None) -> None:
    for other in chain_rows.chains(session):
        if other.id != chain_id and name_key(other.name) == name_key(name):
            raise InvalidInput(
                msg("chain.name_taken", "there is already a chain named {name}", name=other.name)
            )


def add_chain(db: Database, name: str) -> uuid.UUID:
    """Create a chain after the others."""
    clean = required_name(name, msg("field.chain_name", "chain name"))
    with db.begin() as session:
        _unique_chain(session, clean)
        last = last_chain_order(session)
        chain = Chain(name=clean, sort_order=(last or 0) + 1)
        session.add(chain)
        session.flush()
        return chain.id


@dataclass(frozen=True)
class _ChainName:
    name: str


def rename_chain(db: Database, chain_id: uuid.UUID, name: str, shown: str | None = None) -> None:
    """Give a chain another name, unique among the chains. With `shown` (the name the form
    loaded), an unchanged name writes nothing, and a name another user gave the chain
    meanwhile that this one replaces goes to the conflict log (`services/edits.py`)."""
    clean = required_name(name, msg("field.chain_name", "chain name"))
    with db.begin() as session:
        chain = refusals.live(session, Chain, chain_id)
        # Compared as stored (cleaned): undo passes back the name as it was typed.
        before = _ChainName(chain.name if shown is None else optional_name(shown))
        merged = merge_edit(before, _ChainName(clean), _ChainName(chain.name))
        if merged.changed:
            _unique_chain(session, clean, chain_id)

        def save(data: _ChainName) -> None:
            if chain.name != clean:
                chain.name = clean

        save_edit(session, chain, merged, save)


def delete_chain(db: Database, chain_id: uuid.UUID) -> list[uuid.UUID]:
    """Tombstone a chain nothing points to, with its links; returns the links deleted with it."""
    with db.begin() as session:
        chain = refusals.live(session, Chain, chain_id)
        link_ids = [link.id for link in chain_rows.links(session, chain_id)]
        counts = chain_rows.references(session, chain_id=chain_id, link_ids=tuple(link_ids))
        if any(counts.values()):
            raise InvalidInput(
                msg(
                    "chain.delete_used",
                    "{name} cannot be deleted: it is still used by {used}; "
                    "move them to another chain first",
                    name=chain.name,
                    used=refusals.listed(counts),
                )
            )
        chain.deleted = True
        for link_id in link_ids:
            session.get_one(ChainLink, link_id).deleted = True
        return link_ids


def restore_chain(db: Database, chain_id: uuid.UUID, link_ids: Sequence[uuid.UUID] = ()) -> None:
    """Bring back a deleted chain and the links deleted with it (undo of delete_chain)."""
    with db.begin() as session:
        chain = refusals.any_record(session, Chain, chain_id)
        _unique_chain(session, chain.name, chain_id)
        chain.deleted = False
        for link_id in link_ids:
            refusals.any_record(session, ChainLink, link_id).deleted = False


# -- links -------------------------------------------------------------------------------------


class _Node(Protocol):
    @property
    def id(self) -> uuid.UUID: ...

    @property
    def parent_id(self) -> uuid.UUID | None: ...


def sub_links(links: Iterable[_Node], link_id: uuid.UUID) -> set[uuid.UUID]:
    """The ids of every link below `link_id` (its children, their children, …)."""
    links = list(links)
    found: set[uuid.UUID] = set()
    frontier = {link_id}
    while frontier:
        frontier = {x.id for x in links if x.parent_id in frontier and x.id not in found}
        found |= frontier
    return found


def _link_taken(chain: str, link: str) -> Message:
    return msg(
        "chain.link_name_taken", "{chain} already has a link named {link}", chain=chain, link=link
    )


def _checked_link(
    session: Session,
    chain_id: uuid.UUID,
    data: LinkInput,
    link: ChainLink | None = None,
) -> dict[str, object]:
    """The link's fields, refused when the name is taken or the parent is not possible. The
    link's own position stands unchanged even if this version does not know it (a newer one
    wrote it)."""
    link_id = link.id if link is not None else None
    name = required_name(data.name, msg("field.link_name", "link name"))
    kept = link is not None and data.position == link.position
    position = data.position if kept else parse_position(data.position)
    chain = refusals.live(session, Chain, chain_id)
    links = chain_rows.links(session, chain_id)
    for other in links:
        if other.id != link_id and name_key(other.name) == name_key(name):
            raise InvalidInput(_link_taken(chain.name, other.name))
    parent = data.parent_id
    if parent is not None:
        if parent not in {x.id for x in links}:
            raise InvalidInput(
                msg("chain.parent_elsewhere", "the parent link must be a link of the same chain")
            )
        if link_id is not None and (parent == link_id or parent in sub_links(links, link_id)):
            raise InvalidInput(
                msg(
                    "chain.parent_cycle",
                    "a link cannot sit under itself or one of its own sub-links",
                )
            )
    return {"name": name, "position": position, "parent_id": parent}


def add_link(db: Database, chain_id: uuid.UUID, data: LinkInput) -> uuid.UUID:
    """Create a link at the end of its chain."""
    with db.begin() as session:
        fields = _checked_link(session, chain_id, data)
        last = last_link_order(session, chain_id)
        link = ChainLink(chain_id=chain_id, sort_order=(last or 0) + 1, **fields)
        session.add(link)
        session.flush()
        return link.id


def save_link(
    db: Database, link_id: uuid.UUID, data: LinkInput, shown: LinkInput | None = None
) -> None:
    """Rename a link or move it (another position or parent) within its chain. With `shown`
    (what the form loaded), only the fields the form changed are written over what is stored
    now, and a value another user wrote meanwhile that this save replaces goes to the conflict
    log (`services/edits.py`); without it, `data` is written whole."""
    with db.begin() as session:
        link = refusals.live(session, ChainLink, link_id)
        current = LinkInput(link.name, link.position, link.parent_id)
        # Names compared as stored (cleaned): undo passes back the name as it was typed.
        loaded = current if shown is None else replace(shown, name=optional_name(shown.name))
        merged = merge_edit(loaded, replace(data, name=optional_name(data.name)), current)

        def save(merged_data: LinkInput) -> None:
            fields = _checked_link(session, link.chain_id, merged_data, link)
            for key, value in fields.items():
                if getattr(link, key) != value:
                    setattr(link, key, value)

        save_edit(session, link, merged, save)


def delete_link(db: Database, link_id: uuid.UUID) -> None:
    """Tombstone a link that no organization, project or sub-link points to."""
    with db.begin() as session:
        link = refusals.live(session, ChainLink, link_id)
        counts = chain_rows.references(session, link_ids=(link_id,))
        if any(counts.values()):
            raise InvalidInput(
                msg(
                    "chain.link_delete_used",
                    "{name} cannot be deleted: it is still used by {used}; "
                    "move them to another link first",
                    name=link.name,
                    used=refusals.listed(counts),
                )
            )
        children = [x for x in chain_rows.links(session, link.chain_id) if x.parent_id == link_id]
        if children:
            raise InvalidInput(
                msg(
                    "chain.link_has_sub_links",
                    "{name} cannot be deleted: it has {sub_links}; move or delete them first",
                    name=link.name,
                    sub_links=refusals.sub_links(len(children)),
                )
            )
        link.deleted = True


def restore_link(db: Database, link_id: uuid.UUID) -> None:
    """Bring back a deleted link (undo of delete_link, redo of add_link)."""
    with db.begin() as session:
        link = refusals.any_record(session, ChainLink, link_id)
        chain = refusals.live(session, Chain, link.chain_id)
        for other in chain_rows.links(session, chain.id):
            if other.id != link_id and name_key(other.name) == name_key(link.name):
                raise InvalidInput(_link_taken(chain.name, other.name))
        parent = session.get(ChainLink, link.parent_id) if link.parent_id else None
        if parent is not None and parent.deleted:
            link.parent_id = None  # its parent went meanwhile: it comes back at the top level
        link.deleted = False
