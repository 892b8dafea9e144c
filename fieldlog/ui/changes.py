"""What an operation changed, by kind of record, so that each view refreshes only for what it shows.

An operation announces one `Changes` after it commits; a view asks `changes.touches(...)` with
the kinds it shows and leaves itself alone otherwise. Something that replaces the data wholesale
(receiving a sync package, loading the demo, restoring a backup) announces `EVERYTHING`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.Enum):
    """A kind of record a screen shows."""

    TEAM = "team"  # the team's fields, work groups, members, this laptop's member
    ORG = "org"  # organizations and their contacts
    VISIT = "visit"
    PROJECT = "project"  # projects, their stage events and tranches (funds in place)
    CATALOG = "catalog"  # industry chains and links, counties, the other vocabularies
    TARGET = "target"
    SYNC = "sync"  # the passphrase, peers, conflicts and look-alikes to review


@dataclass(frozen=True)
class Changes:
    """The kinds of record one operation changed."""

    kinds: frozenset[Kind]

    @classmethod
    def of(cls, *kinds: Kind) -> Changes:
        return cls(frozenset(kinds))

    def touches(self, *kinds: Kind) -> bool:
        """True if any of `kinds` changed."""
        return not self.kinds.isdisjoint(kinds)


EVERYTHING = Changes(frozenset(Kind))
NOTHING = Changes(frozenset())
