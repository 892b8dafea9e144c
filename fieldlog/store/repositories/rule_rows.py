"""The records a team's rules are edited on: the fund origins (`assess_excluded` on each)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fieldlog.store.collation import bytewise
from fieldlog.store.models import CatalogItem
from fieldlog.store.repositories.common import live


def fund_origin_items(session: Session) -> list[CatalogItem]:
    """The live fund origins in display order, each with its `assess_excluded` flag."""
    query = (
        live(CatalogItem)
        .where(CatalogItem.kind == "fund_origin")
        .order_by(CatalogItem.sort_order, bytewise(CatalogItem.name), CatalogItem.id)
    )
    return list(session.execute(query).scalars())
