"""The industry-chain map (产业链招商图谱): per chain link, organizations, visits and projects.

Per link: the live organizations on it, those visited in a period (all time or the dispatch
period), open projects (current stage lead, negotiating, inspected or paused, never signed) with
their planned amounts, signed projects (ever signed, as the counting rules count them) with their
contract amounts and funds in place. A link with neither an open nor a signed project is a gap to
fill (补链). Records tied to a chain but to no live link land in the chain's "unassigned" tile, so
the tiles of a chain add up to its totals.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from fieldlog.domain.counting import ProjectFact, stage_at
from fieldlog.domain.period import Period
from fieldlog.domain.stages import Stage
from fieldlog.services.team.chains import POSITIONS
from fieldlog.services.team.team import current_team
from fieldlog.store.database import Database
from fieldlog.store.repositories import chain_rows
from fieldlog.store.repositories.chain_rows import ChainProject, LinkRow, OrgLine

__all__ = [
    "OPEN_STAGES",
    "POSITIONS",
    "ChainMap",
    "Figures",
    "LinkDetail",
    "LinkTile",
    "OrgLine",
    "ProjectLine",
    "chain_maps",
    "dispatch_period",
    "link_detail",
]

#: Current stages of a never-signed project that still has a chance: it is open.
OPEN_STAGES: frozenset[Stage] = frozenset(
    {Stage.LEAD, Stage.NEGOTIATING, Stage.INSPECTED, Stage.PAUSED}
)


@dataclass
class Figures:
    """What one link (or a whole chain) holds; amounts in integer yuan."""

    orgs: int = 0
    visited: int = 0
    open_projects: int = 0
    planned_yuan: int = 0
    signed_projects: int = 0
    contract_yuan: int = 0
    funds_yuan: int = 0

    def add(self, other: Figures) -> None:
        """Add another link's figures to these."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def empty(self) -> bool:
        """Nothing at all: no organization and no project."""
        return self.orgs == 0 and self.open_projects == 0 and self.signed_projects == 0


@dataclass(frozen=True)
class LinkTile:
    """A link of a chain, or (id None) the chain's records that name no link."""

    id: uuid.UUID | None
    name: str
    position: str
    parent_name: str
    depth: int
    figures: Figures

    @property
    def gap(self) -> bool:
        """A gap to fill (补链): a real link with no open and no signed project."""
        f = self.figures
        return self.id is not None and f.open_projects == 0 and f.signed_projects == 0


@dataclass(frozen=True)
class ChainMap:
    """A chain, its links in tree order, the unassigned tile, and the chain's totals."""

    id: uuid.UUID
    name: str
    links: list[LinkTile]
    unassigned: LinkTile
    totals: Figures

    @property
    def gaps(self) -> int:
        """How many of the chain's links are gaps to fill."""
        return sum(1 for link in self.links if link.gap)

    def column(self, position: str) -> list[LinkTile]:
        """The links at one position (upstream, midstream or downstream), in tree order.

        A link at a position this version does not know (a newer FieldLog's) stands in the
        middle column, where a link of no stated position goes.
        """
        if position == "midstream":
            return [link for link in self.links if link.position not in POSITIONS[::2]]
        return [link for link in self.links if link.position == position]


@dataclass(frozen=True)
class ProjectLine:
    """A project of a link: its current stage, whether signed, and the amount that matters."""

    id: uuid.UUID
    name: str
    stage: Stage | None
    signed: bool
    amount_yuan: int | None


@dataclass(frozen=True)
class LinkDetail:
    """The organizations (the first ORG_LIMIT of `org_total`) and projects of a link."""

    orgs: list[OrgLine]
    org_total: int
    projects: list[ProjectLine]


def dispatch_period(db: Database) -> Period | None:
    """The team's dispatch period, None when the team or its start is not set."""
    team = current_team(db)
    if team is None or team.dispatch_start is None:
        return None
    return Period(team.dispatch_start, team.dispatch_end)


def _project_figures(row: ChainProject, stage: Stage | None) -> Figures:
    if row.signed_on is not None:
        return Figures(
            signed_projects=1, contract_yuan=row.contract_yuan or 0, funds_yuan=row.funds_yuan
        )
    if stage in OPEN_STAGES:
        return Figures(open_projects=1, planned_yuan=row.planned_yuan or 0)
    return Figures()  # dropped before signing: nothing left to count


def _tree_order(links: list[LinkRow]) -> list[tuple[LinkRow, int]]:
    """Depth-first by display order; a link whose parent is gone (or a cycle) starts a root."""
    ids = {link.id for link in links}
    children: dict[uuid.UUID | None, list[LinkRow]] = {}
    for link in links:
        parent = link.parent_id if link.parent_id in ids and link.parent_id != link.id else None
        children.setdefault(parent, []).append(link)
    ordered: list[tuple[LinkRow, int]] = []
    seen: set[uuid.UUID] = set()

    def walk(parent: uuid.UUID | None, depth: int) -> None:
        for link in children.get(parent, []):
            if link.id not in seen:
                seen.add(link.id)
                ordered.append((link, depth))
                walk(link.id, depth + 1)

    walk(None, 0)
    for link in links:  # only links caught in a cycle (two laptops' moves merged) remain
        if link.id not in seen:
            seen.add(link.id)
            ordered.append((link, 0))
            walk(link.id, 1)
    return ordered


@dataclass
class _Tally:
    by_key: dict[tuple[uuid.UUID, uuid.UUID | None], Figures] = field(default_factory=dict)

    def add(self, chain: uuid.UUID, link: uuid.UUID | None, figures: Figures) -> None:
        self.by_key.setdefault((chain, link), Figures()).add(figures)

    def get(self, chain: uuid.UUID, link: uuid.UUID | None) -> Figures:
        return self.by_key.get((chain, link), Figures())


def _chain(chain: chain_rows.ChainRow, links: Iterable[LinkRow], tally: _Tally) -> ChainMap:
    own = [link for link in links if link.chain_id == chain.id]
    names = {link.id: link.name for link in own}
    tiles = [
        LinkTile(
            link.id,
            link.name,
            link.position,  # as stored: `column` puts an unknown one in the middle
            names.get(link.parent_id, "") if link.parent_id else "",
            depth,
            tally.get(chain.id, link.id),
        )
        for link, depth in _tree_order(own)
    ]
    unassigned = LinkTile(None, "", "", "", 0, tally.get(chain.id, None))
    totals = Figures()
    for tile in [*tiles, unassigned]:
        totals.add(tile.figures)
    return ChainMap(chain.id, chain.name, tiles, unassigned, totals)


def chain_maps(db: Database, period: Period | None = None) -> list[ChainMap]:
    """Every live chain's map; organizations count as visited for visits in `period` (all time)."""
    wanted = period or Period.all_time()
    tally = _Tally()
    with db.read() as session:
        chains = chain_rows.chains(session)
        links = chain_rows.links(session)
        for org in chain_rows.org_tallies(session, wanted):
            tally.add(org.chain_id, org.link_id, Figures(orgs=org.orgs, visited=org.visited))
        projects = chain_rows.chain_projects(session)
        events = chain_rows.stage_facts(session)
    for row in projects:
        stage = stage_at(ProjectFact(row.id, events.get(row.id, ())), None)
        tally.add(row.chain_id, row.link_id, _project_figures(row, stage))
    return [_chain(chain, links, tally) for chain in chains]


def _project_line(row: ChainProject, stage: Stage | None) -> ProjectLine:
    signed = row.signed_on is not None
    amount = row.contract_yuan if signed else row.planned_yuan
    return ProjectLine(row.id, row.name, stage, signed, amount)


def link_detail(
    db: Database, chain_id: uuid.UUID, link_id: uuid.UUID | None, period: Period | None = None
) -> LinkDetail:
    """The organizations and projects of a link, or of the chain's unassigned tile (None)."""
    wanted = period or Period.all_time()
    with db.read() as session:
        orgs, total = chain_rows.org_lines(session, chain_id, link_id, wanted)
        rows = chain_rows.chain_projects(session, chain_id, link_id)
        events = chain_rows.stage_facts(session, [row.id for row in rows])
    projects = [
        _project_line(row, stage_at(ProjectFact(row.id, events.get(row.id, ())), None))
        for row in rows
    ]
    return LinkDetail(orgs, total, projects)
