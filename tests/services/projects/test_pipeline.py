"""The pipeline: columns match the projects' current stages; filters; moves go through the rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from fieldlog.domain.period import Period
from fieldlog.domain.stages import ALL_STAGES, Stage
from fieldlog.services.projects import pipeline, projects
from fieldlog.services.projects.pipeline import PipelineFilter
from fieldlog.services.reports import stats
from fieldlog.store.database import Database
from tests.conftest import open_copy

TODAY = date(2020, 4, 22)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database_file: Path) -> Iterator[Database]:
    database = open_copy(demo_database_file, tmp_path_factory.mktemp("pipeline"))
    yield database
    database.close()


def test_columns_match_current_stages(demo: Database) -> None:
    columns = pipeline.pipeline(demo, today=TODAY)
    assert [c.stage for c in columns] == list(ALL_STAGES)
    assert sum(c.count for c in columns) == 54
    for column in columns:
        assert column.count == len(column.cards)
        assert column.planned_yuan == sum(c.planned_yuan or 0 for c in column.cards)
        assert column.contract_yuan == sum(c.contract_yuan or 0 for c in column.cards)
        for card in column.cards:
            assert projects.current_stage(demo, card.id) == column.stage
            assert card.days_in_stage >= 0
            assert card.overdue == (card.next_follow_up is not None and card.next_follow_up < TODAY)


def test_filters(demo: Database) -> None:
    choices = pipeline.choices(demo)
    everything = [card for c in pipeline.pipeline(demo, today=TODAY) for card in c.cards]
    chain = choices.chains[0]
    by_chain = [
        card
        for c in pipeline.pipeline(demo, today=TODAY, filter=PipelineFilter(chain_id=chain.id))
        for card in c.cards
    ]
    assert by_chain and {c.chain_name for c in by_chain} == {chain.name}
    assert len(by_chain) == sum(1 for c in everything if c.chain_name == chain.name)
    owner = everything[0].owner_name
    owner_id = next(c.id for c in choices.owners if c.name == owner)
    mine = [
        card
        for c in pipeline.pipeline(demo, today=TODAY, filter=PipelineFilter(owner_id=owner_id))
        for card in c.cards
    ]
    assert mine and {c.owner_name for c in mine} == {owner}
    name = everything[0].name
    found = pipeline.pipeline(demo, today=TODAY, filter=PipelineFilter(text=name[:4]))
    assert name in [card.name for c in found for card in c.cards]
    for wanted in (
        PipelineFilter(group_id=choices.groups[0].id),
        PipelineFilter(county=choices.counties[0]),
    ):
        assert sum(c.count for c in pipeline.pipeline(demo, today=TODAY, filter=wanted)) < 54
    nothing = pipeline.pipeline(demo, today=TODAY, filter=PipelineFilter(text="zzz-none"))
    assert sum(c.count for c in nothing) == 0


def test_move_project_delegates_to_the_rules(db: Database) -> None:
    project_id = projects.open_project(db, projects.ProjectInput(name="测试项目"), on=TODAY)
    pipeline.move_project(db, project_id, Stage.NEGOTIATING, on=TODAY)
    columns = {c.stage: c for c in pipeline.pipeline(db, today=TODAY)}
    assert [card.id for card in columns[Stage.NEGOTIATING].cards] == [project_id]
    with pytest.raises(ValueError):
        pipeline.move_project(db, project_id, Stage.SIGNED, on=TODAY)


def test_project_list_is_the_board_with_funds(demo: Database) -> None:
    cards = {
        card.id: (c.stage, card) for c in pipeline.pipeline(demo, today=TODAY) for card in c.cards
    }
    rows = pipeline.project_list(demo, today=TODAY)
    assert [r.name for r in rows] == sorted(r.name for r in rows)
    assert {r.id for r in rows} == set(cards)
    for row in rows:
        stage, card = cards[row.id]
        assert (row.stage, row.days_in_stage) == (stage, card.days_in_stage)
        assert row.overdue == card.overdue
        assert (row.planned_yuan, row.contract_yuan) == (card.planned_yuan, card.contract_yuan)
        if row.contract_yuan:
            assert row.funds_rate == row.funds_yuan / Decimal(row.contract_yuan)
        else:
            assert row.funds_rate is None
    assert all(r.group_name and r.county and r.link_name for r in rows)
    every_tranche = stats.compute(demo, Period.all_time()).funds_in_place_yuan
    assert sum(r.funds_yuan for r in rows) == every_tranche > 0


def test_project_list_filters_like_the_board(demo: Database) -> None:
    choices = pipeline.choices(demo)
    for wanted in (
        PipelineFilter(group_id=choices.groups[0].id),
        PipelineFilter(county=choices.counties[0]),
        PipelineFilter(text="zzz-none"),
    ):
        board = {
            card.id for c in pipeline.pipeline(demo, today=TODAY, filter=wanted) for card in c.cards
        }
        assert {r.id for r in pipeline.project_list(demo, today=TODAY, filter=wanted)} == board
        assert wanted.restricts()
    assert not PipelineFilter(text="  ").restricts()


def test_limit_keeps_the_most_urgent_cards_and_counts_all(demo: Database) -> None:
    full = {c.stage: c for c in pipeline.pipeline(demo, today=TODAY)}
    for column in pipeline.pipeline(demo, today=TODAY, limit=2):
        everything = full[column.stage]
        assert column.cards == sorted(everything.cards, key=pipeline.urgency)[:2]
        assert column.count == everything.count
        assert column.planned_yuan == everything.planned_yuan
        assert column.contract_yuan == everything.contract_yuan


def test_cards_come_overdue_first_then_soonest_then_newest(demo: Database) -> None:
    for column in pipeline.pipeline(demo, today=TODAY):
        keys = [pipeline.urgency(card) for card in column.cards]
        assert keys == sorted(keys)
        overdue = [card.overdue for card in column.cards]
        assert overdue == sorted(overdue, reverse=True)


@pytest.mark.parametrize(
    "pasted", ["\ud83d", "冷链\ud83d", "\x00", "冷链\x00", "%" * 30_000, "冷" * 20_000]
)
def test_any_pasted_search_text_gets_an_answer(demo: Database, pasted: str) -> None:
    wanted = PipelineFilter(text=pasted)
    assert sum(c.count for c in pipeline.pipeline(demo, today=TODAY, filter=wanted)) == 0
    assert pipeline.project_list(demo, today=TODAY, filter=wanted) == []
