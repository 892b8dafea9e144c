"""Which attached files a package carries: the bytes of every live attachment among its rows,
once per hash, up to a size a package may hold.

An attachment whose bytes would take the package past MAX_PACKAGE_FILE_BYTES stays out of this
package altogether (its row too, so no receiver ever holds an attachment without its bytes) and
is marked as changed again, so the next package carries it: a week of photos never blocks a
sync, it only spreads over two packages.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from fieldlog.store.models import Attachment
from fieldlog.store.repositories.attachment_rows import file_sizes
from fieldlog.store.stamping import draw_change_number

#: The most bytes of attached files one package carries (a package file may hold 1 GB).
MAX_PACKAGE_FILE_BYTES = 800 * 1024 * 1024
TABLE = "attachment"


@dataclass
class Carried:
    """The rows a package carries, the files (hash, size) with them, and what waits."""

    rows: list[dict[str, Any]]
    files: list[tuple[str, int]] = field(default_factory=list)
    held: list[uuid.UUID] = field(default_factory=list)
    held_bytes: int = 0

    @property
    def file_bytes(self) -> int:
        """The bytes of the files carried."""
        return sum(size for _sha, size in self.files)


def choose(session: Session, rows: Sequence[dict[str, Any]], limit: int | None = None) -> Carried:
    """The rows and files of a package from the changed rows (in their travelling form); the
    first file always goes, however large, so every package makes progress."""
    limit = MAX_PACKAGE_FILE_BYTES if limit is None else limit
    live = [row for row in rows if row["table"] == TABLE and not row["deleted"]]
    if not live:
        return Carried(list(rows))
    sizes = file_sizes(session, (row["sha256"] for row in live))
    chosen: dict[str, int] = {}
    held: set[str] = set()
    total, held_bytes = 0, 0
    for row in live:
        sha = row["sha256"]
        if sha in chosen or sha in held:
            continue
        size = sizes.get(sha)
        if size is None:  # bytes missing here: `check` says so; the row cannot travel whole
            held.add(sha)
            continue
        if total + size > limit and chosen:
            held.add(sha)
            held_bytes += size
            continue
        chosen[sha] = size
        total += size
    kept = [
        r for r in rows if not (r["table"] == TABLE and not r["deleted"] and r["sha256"] in held)
    ]
    held_ids = [uuid.UUID(r["id"]) for r in live if r["sha256"] in held and r["sha256"] in sizes]
    return Carried(kept, list(chosen.items()), held_ids, held_bytes)


def carry_later(session: Session, held: Sequence[uuid.UUID]) -> None:
    """Mark held attachments as changed again (a new change number, no new stamp: nothing about
    them changed), so the next package picks them up."""
    if not held:
        return
    seq = draw_change_number(session)
    ids = list(held)
    for start in range(0, len(ids), 500):
        session.execute(
            update(Attachment)
            .where(Attachment.id.in_(ids[start : start + 500]))
            .values(local_seq=seq)
            .execution_options(synchronize_session=False)
        )
