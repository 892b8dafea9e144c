"""Type-ahead over organizations for pickers and search boxes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from fieldlog.store.database import Database
from fieldlog.store.repositories.org_search import search


@dataclass(frozen=True)
class OrgHit:
    """One organization found by a fragment."""

    id: uuid.UUID
    name: str
    kind: str
    credit_code: str | None
    region: str


def search_orgs(
    db: Database, fragment: str, *, limit: int = 20, kind: str | None = None
) -> list[OrgHit]:
    """Organizations whose name contains `fragment` (华为), whose pinyin initials contain it (hw),
    or whose credit code starts with it (9144…); the most likely first."""
    with db.read() as session:
        return [
            OrgHit(org.id, org.name, org.kind, org.credit_code, org.region)
            for org in search(session, fragment, limit=limit, kind=kind)
        ]
