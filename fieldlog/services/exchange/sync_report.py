"""What an import did, per package and in all, as the command line and the window show it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from fieldlog.domain import hlc
from fieldlog.domain.messages import Message, msg, render
from fieldlog.store.models import SyncPeer
from fieldlog.sync.derived import is_derived
from fieldlog.sync.importer import Applied, Verified

#: A stamp this far ahead of this laptop's clock means the sender's clock is wrong.
SKEW_WARNING_MS = 24 * 3600 * 1000
YEAR_MS = 365.25 * 24 * 3600 * 1000


@dataclass
class PackageReport:
    """One package: who sent it, whether it was skipped, and what merging it did."""

    file: str
    package_id: uuid.UUID
    sender_node: str
    sender_name: str
    made_at: datetime | None
    full: bool
    rows: int
    skipped: bool = False
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    @classmethod
    def of(cls, package: Verified, *, skipped: bool) -> PackageReport:
        """The report of a verified package, before it is applied."""
        header = package.contents.header
        return cls(
            file=str(package.path),
            package_id=package.package_id,
            sender_node=package.manifest.sender_node,
            sender_name=header.member,
            made_at=header.made_at,
            full=package.manifest.full,
            rows=package.contents.rows,
            skipped=skipped,
        )

    def record(self, applied: Applied) -> None:
        """Take in what applying the package did."""
        merge = applied.merge
        self.new, self.updated, self.unchanged = merge.new, merge.updated, merge.unchanged
        self.conflicts = applied.conflicts

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "file": self.file,
            "package_id": str(self.package_id),
            "sender_node": self.sender_node,
            "sender_name": self.sender_name,
            "made_at": self.made_at.isoformat() if self.made_at else None,
            "full": self.full,
            "rows": self.rows,
            "skipped": self.skipped,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
        }


@dataclass
class SyncImportReport:
    """What importing sync packages did: every package, and what the merge did after them."""

    packages: list[PackageReport] = field(default_factory=list)
    duplicates_merged: int = 0
    references_moved: int = 0
    duplicate_candidates: int = 0
    clock_warnings: list[Message] = field(default_factory=list)
    backup: Path | None = None
    #: Attached files whose bytes were new here (each stored once, checked against its hash).
    files_stored: int = 0

    def total(self, key: str) -> int:
        """A count summed over the packages (new, updated, unchanged, conflicts)."""
        return sum(int(getattr(p, key)) for p in self.packages)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (`sync import --json`)."""
        return {
            "packages": [p.as_dict() for p in self.packages],
            "new": self.total("new"),
            "updated": self.total("updated"),
            "unchanged": self.total("unchanged"),
            "conflicts": self.total("conflicts"),
            "skipped": sum(p.skipped for p in self.packages),
            "duplicates_merged": self.duplicates_merged,
            "references_moved": self.references_moved,
            "duplicate_candidates": self.duplicate_candidates,
            "files_stored": self.files_stored,
            "clock_warnings": [render(warning) for warning in self.clock_warnings],
        }


def clock_warnings(session: Session, packages: list[Verified], now_ms: int) -> list[Message]:
    """One line per node whose stamps lie more than a day ahead of this laptop's clock."""
    ahead: dict[str, int] = {}
    for package in packages:
        for node, stamp in package.contents.newest.items():
            if not node or is_derived(node):
                continue
            lead = hlc.wall_ms(stamp) - now_ms
            if lead > SKEW_WARNING_MS and lead > ahead.get(node, 0):
                ahead[node] = lead
    warnings = []
    for node, lead in sorted(ahead.items()):
        peer = session.get(SyncPeer, node)
        who: Message | str = peer.member_name if peer is not None else ""
        if not who:
            who = msg("sync.node_named", "node {node}", node=node[:8])
        warnings.append(_clock_warning(who, lead, now_ms))
    return warnings


def _clock_warning(who: Message | str, lead: float, now_ms: int) -> Message:
    if lead < YEAR_MS:
        how_far = msg(
            "sync.days_ahead", "is {days} days ahead", days=format(lead / 86_400_000, ".1f")
        )
    else:  # a clock years off: say what it says, so nobody has to work it out
        said = hlc.to_datetime(hlc.pack(now_ms + int(lead)))
        how_far = msg(
            "sync.years_ahead",
            "says {date}, {years} years ahead",
            date=said.strftime("%Y-%m-%d"),
            years=format(lead / YEAR_MS, ".0f"),
        )
    return msg(
        "sync.clock_ahead",
        "the clock of {who}'s computer {how_far} of this computer's; its changes were applied, "
        "but that clock should be corrected",
        who=who,
        how_far=how_far,
    )
