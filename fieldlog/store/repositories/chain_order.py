"""Where a new chain or link goes: after the last one.

Functions receive a session and never commit. Tombstoned rows count, so a chain or link that
comes back keeps a place no newer one has taken.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldlog.store.models import Chain, ChainLink


def last_chain_order(session: Session) -> int | None:
    """The highest sort order of any chain, deleted ones included; None when there is none."""
    return session.execute(select(func.max(Chain.sort_order))).scalar_one()


def last_link_order(session: Session, chain_id: uuid.UUID) -> int | None:
    """The highest sort order of the chain's links, deleted ones included; None when none."""
    query = select(func.max(ChainLink.sort_order)).where(ChainLink.chain_id == chain_id)
    return session.execute(query).scalar_one()
