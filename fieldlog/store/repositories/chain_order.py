"""Chains and links in their display order, and where a new one goes: after the last.

Functions receive a session and never commit.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldlog.store.collation import bytewise
from fieldlog.store.models import Chain, ChainLink
from fieldlog.store.repositories.common import live


def chains_in_order(session: Session) -> list[Chain]:
    """The live chains, by sort order then name."""
    query = live(Chain).order_by(Chain.sort_order, bytewise(Chain.name))
    return list(session.execute(query).scalars())


def links_in_order(session: Session) -> list[ChainLink]:
    """Every live link, by sort order; a link of a deleted chain included (its own row is live)."""
    query = live(ChainLink).order_by(ChainLink.sort_order)
    return list(session.execute(query).scalars())


def last_chain_order(session: Session) -> int | None:
    """The highest sort order of any chain, deleted ones included (a chain that comes back
    keeps a place no newer one has taken); None when there is none."""
    return session.execute(select(func.max(Chain.sort_order))).scalar_one()


def last_link_order(session: Session, chain_id: uuid.UUID) -> int | None:
    """The highest sort order of the chain's links, deleted ones included; None when none."""
    query = select(func.max(ChainLink.sort_order)).where(ChainLink.chain_id == chain_id)
    return session.execute(query).scalar_one()
