"""The dates of the demo dispatch and what the steps of one load share."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from fieldlog.domain.catalogs import LinkDefault, default_chains, default_entries
from fieldlog.domain.period import Period
from fieldlog.domain.stages import Stage
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.store.database import Database

DISPATCH_START, DISPATCH_END = date(2020, 3, 23), date(2020, 4, 22)
DEMO_PERIOD = Period(DISPATCH_START, DISPATCH_END)
DEMO_AS_OF = DISPATCH_END
SEED = 20200323

#: No follow-up is set later than this.
LAST_DAY = date(2020, 5, 31)
_HOLIDAYS = frozenset({date(2020, 4, 6)})  # 清明节, 4–6 April 2020


@dataclass(frozen=True)
class Planned:
    """A visit to make: its day, and the project (with its stage then) it was about, if any."""

    day: date
    project: uuid.UUID | None = None
    stage: Stage | None = None
    project_name: str = ""
    county: str = ""


@dataclass
class DemoOrg:
    """An organization the demo created, with what its visits and projects need."""

    id: uuid.UUID
    kind: OrgKind
    group: int
    short: str = ""
    link: LinkDefault | None = None
    key: bool = False
    contacts: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    visits: list[Planned] = field(default_factory=list)


def working_days() -> list[date]:
    """The weekdays of the dispatch, holidays left out."""
    span = (DISPATCH_END - DISPATCH_START).days + 1
    days = (DISPATCH_START + timedelta(n) for n in range(span))
    return [d for d in days if d.weekday() < 5 and d not in _HOLIDAYS]


@dataclass(frozen=True)
class Built:
    """A project the demo built: its spec, investor, and the stages it went through when."""

    id: uuid.UUID
    spec: Any
    org: DemoOrg
    path: list[Stage]
    dates: list[date]

    def on(self, stage: Stage) -> date | None:
        """The day the project reached `stage`, if it did."""
        return self.dates[self.path.index(stage)] if stage in self.path else None


class LoadState:
    """What one load has built so far; only the seeded generator decides what to write."""

    def __init__(self, db: Database, rng: random.Random) -> None:
        self.db, self.rng = db, rng
        self.chains = default_chains()
        self.counties = [e.name for e in default_entries() if e.kind == "county"]
        self.days = working_days()
        self.groups: list[uuid.UUID] = []
        self.pairs: list[tuple[uuid.UUID, uuid.UUID]] = []
        self.leader: uuid.UUID | None = None
        self.orgs: list[DemoOrg] = []
        self.built: list[Built] = []
        self.counts = {"organizations": 0, "visits": 0, "projects": 0, "tranches": 0}

    def chain_index(self) -> dict[str, int]:
        """Each chain's position by its name."""
        return {chain.name: n for n, chain in enumerate(self.chains)}
