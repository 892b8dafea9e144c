"""The chain map's figures: per link, per chain, and in agreement with the rest of the app."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from fieldlog.domain.period import Period
from fieldlog.domain.stages import Stage
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import pipeline, projects
from fieldlog.services.projects.pipeline import PipelineFilter, Signing
from fieldlog.services.reports import chain_map, stats
from fieldlog.services.reports.chain_map import ChainMap, Figures
from fieldlog.services.team import chains
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from tests.conftest import open_copy
from tests.services.conftest import Small

DAY = date(2020, 4, 1)


@dataclass
class Ids:
    chain: uuid.UUID
    busy: uuid.UUID  # a link with an open and a signed project
    empty: uuid.UUID  # a link with organizations only: a gap


def _project(db: Database, name: str, chain: uuid.UUID, link: uuid.UUID | None, **kw) -> uuid.UUID:
    data = projects.ProjectInput(name, chain_id=chain, link_id=link, planned_yuan=kw.get("planned"))
    return projects.open_project(db, data, on=DAY)


def _sign(db: Database, project: uuid.UUID, yuan: int) -> None:
    signing = Signing(DAY, yuan, "正式合同")
    projects.move_stage(db, project, Stage.SIGNED, on=DAY, signing=signing)


@pytest.fixture
def ids(db: Database, small: Small) -> Ids:
    chain = chains.add_chain(db, "航空航天")
    busy = chains.add_link(db, chain, chains.LinkInput("零部件", "upstream"))
    empty = chains.add_link(db, chain, chains.LinkInput("总装", "midstream"))
    visited = orgs.save_org(db, orgs.OrgInput("深圳市航宇精密有限公司", link_id=busy)).id
    orgs.save_org(db, orgs.OrgInput("深圳市天翼零件有限公司", link_id=busy))
    orgs.save_org(db, orgs.OrgInput("深圳市长空总装有限公司", link_id=empty))
    orgs.save_org(db, orgs.OrgInput("深圳市航空协会", kind="商协会", chain_id=chain))
    visits.save_visit(db, visits.VisitInput(DAY, visited, [small.alice]))
    _project(db, "零件扩产", chain, busy, planned=50_000_000)
    paused = _project(db, "材料试制", chain, busy, planned=10_000_000)
    projects.move_stage(db, paused, Stage.PAUSED, on=DAY)
    signed = _project(db, "精密加工基地", chain, busy, planned=80_000_000)
    _sign(db, signed, 120_000_000)
    projects.add_tranche(db, signed, received_on=DAY, amount_yuan=30_000_000)
    dropped = _project(db, "总装线", chain, empty, planned=90_000_000)
    projects.move_stage(db, dropped, Stage.DROPPED, on=DAY)  # dropped before signing: not counted
    later_dropped = _project(db, "测试中心", chain, None)
    _sign(db, later_dropped, 5_000_000)
    projects.move_stage(db, later_dropped, Stage.DROPPED, on=DAY)  # still counts as signed
    return Ids(chain, busy, empty)


def the_map(db: Database, chain: uuid.UUID, period: Period | None = None) -> ChainMap:
    return next(m for m in chain_map.chain_maps(db, period) if m.id == chain)


def test_figures_per_link(db: Database, ids: Ids) -> None:
    found = the_map(db, ids.chain)
    busy, empty = found.links
    assert busy.figures == Figures(
        orgs=2,
        visited=1,
        open_projects=2,
        planned_yuan=60_000_000,
        signed_projects=1,
        contract_yuan=120_000_000,
        funds_yuan=30_000_000,
    )
    assert not busy.gap
    assert empty.figures == Figures(orgs=1) and empty.gap
    assert found.gaps == 1


def test_records_without_a_link_are_not_lost(db: Database, ids: Ids) -> None:
    found = the_map(db, ids.chain)
    assert found.unassigned.id is None and not found.unassigned.gap
    assert found.unassigned.figures == Figures(orgs=1, signed_projects=1, contract_yuan=5_000_000)
    assert found.totals.orgs == 4
    assert found.totals.signed_projects == 2
    assert found.totals.contract_yuan == 125_000_000


def test_columns_follow_positions(db: Database, ids: Ids) -> None:
    found = the_map(db, ids.chain)
    assert [t.name for t in found.column("upstream")] == ["零部件"]
    assert [t.name for t in found.column("midstream")] == ["总装"]
    assert found.column("downstream") == []


def test_visited_counts_only_visits_in_the_period(db: Database, ids: Ids) -> None:
    before = the_map(db, ids.chain, Period(date(2020, 3, 1), date(2020, 3, 31)))
    assert before.links[0].figures.visited == 0
    assert the_map(db, ids.chain, Period(DAY, DAY)).links[0].figures.visited == 1


def test_a_sub_link_follows_its_parent(db: Database, ids: Ids) -> None:
    chains.add_link(db, ids.chain, chains.LinkInput("紧固件", "upstream", ids.busy))
    tiles = the_map(db, ids.chain).column("upstream")
    assert [(t.name, t.depth, t.parent_name) for t in tiles] == [
        ("零部件", 0, ""),
        ("紧固件", 1, "零部件"),
    ]


def test_link_detail_lists_organizations_and_projects(db: Database, ids: Ids) -> None:
    detail = chain_map.link_detail(db, ids.chain, ids.busy)
    assert detail.org_total == 2
    assert [(o.name, o.visited, o.last_visit) for o in detail.orgs] == [
        ("深圳市天翼零件有限公司", False, None),
        ("深圳市航宇精密有限公司", True, DAY),
    ]
    lines = {p.name: (p.stage, p.signed, p.amount_yuan) for p in detail.projects}
    assert lines == {
        "精密加工基地": (Stage.SIGNED, True, 120_000_000),
        "材料试制": (Stage.PAUSED, False, 10_000_000),
        "零件扩产": (Stage.LEAD, False, 50_000_000),
    }
    unassigned = chain_map.link_detail(db, ids.chain, None)
    assert [o.name for o in unassigned.orgs] == ["深圳市航空协会"]
    assert [(p.name, p.stage) for p in unassigned.projects] == [("测试中心", Stage.DROPPED)]


def test_a_deleted_link_sends_its_records_to_unassigned(db: Database, ids: Ids) -> None:
    project = chain_map.link_detail(db, ids.chain, ids.empty).projects[0].id
    projects.save_project(db, projects.ProjectInput("总装线", chain_id=ids.chain), project)
    for org in chain_map.link_detail(db, ids.chain, ids.empty).orgs:
        orgs.save_org(db, orgs.OrgInput(org.name, chain_id=ids.chain), org.id)
    chains.delete_link(db, ids.empty)
    found = the_map(db, ids.chain)
    assert [t.name for t in found.links] == ["零部件"]
    assert found.unassigned.figures.orgs == 2


# -- the demo ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("chain_map"))
    yield database
    database.close()


@pytest.mark.slow
def test_signed_projects_agree_with_the_pipeline_per_chain(demo: Database) -> None:
    from fieldlog.services.admin.demo import DEMO_AS_OF

    for found in chain_map.chain_maps(demo):
        columns = pipeline.pipeline(
            demo, today=DEMO_AS_OF, filter=PipelineFilter(chain_id=found.id)
        )
        cards = [(column.stage, card) for column in columns for card in column.cards]
        signed = sum(1 for _stage, card in cards if card.signed)
        tiles = [*found.links, found.unassigned]
        assert (
            sum(t.figures.signed_projects for t in tiles) == signed == found.totals.signed_projects
        )
        still_open = sum(
            1 for stage, card in cards if not card.signed and stage in chain_map.OPEN_STAGES
        )
        assert found.totals.open_projects == still_open


@pytest.mark.slow
def test_demo_totals_agree_with_stats(demo: Database) -> None:
    maps = chain_map.chain_maps(demo)
    every = stats.compute(demo, Period.all_time())
    assert sum(m.totals.signed_projects for m in maps) == every.projects_signed == 22
    assert sum(m.totals.contract_yuan for m in maps) == every.contract_amount_yuan
    assert sum(m.totals.funds_yuan for m in maps) == every.funds_in_place_yuan
    assert all(m.links for m in maps) and any(m.gaps for m in maps)
