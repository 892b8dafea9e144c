"""Record identities: UUIDv7 for everything the app creates, UUIDv5 for shipped catalog entries."""

from __future__ import annotations

import uuid
from collections.abc import Callable

# Fixed namespace: default catalog entries get the same id on every laptop, so two databases that
# both start from the defaults hold the same records and a merge does not double them.
CATALOG_NAMESPACE = uuid.UUID("6f1c2d3e-8a4b-5c6d-9e0f-1a2b3c4d5e6f")


def new_id() -> uuid.UUID:
    """A fresh time-ordered UUIDv7 (sorts by creation time, unique across laptops)."""
    return uuid.UUID(bytes=_uuid7().bytes)


def _first_uuid7() -> uuid.UUID:
    # uuid6 is imported on the first new id, not with this module: importing it reads the
    # installed packages' metadata (15-60 ms), and the window's first paint needs no new id.
    global _uuid7
    import uuid6

    _uuid7 = uuid6.uuid7
    return _uuid7()


_uuid7: Callable[[], uuid.UUID] = _first_uuid7


def catalog_id(kind: str, key: str) -> uuid.UUID:
    """The fixed id of a shipped catalog entry, e.g. catalog_id("chain", "物流")."""
    return uuid.uuid5(CATALOG_NAMESPACE, f"{kind}:{key}")


def pair_id(first: uuid.UUID, second: uuid.UUID) -> uuid.UUID:
    """The id of a link row between two records: the same pair gets the same id everywhere."""
    return uuid.uuid5(first, str(second))
