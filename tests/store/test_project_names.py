"""The project lists share one join (store/repositories/project_names.py): every live project is
listed once whatever became of what it names, a deleted name reads as blank, and the ledger and
the pipeline board list the same projects, each in its own shape and order."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Chain, Member, Organization, Project, WorkGroup
from fieldlog.store.repositories.ledger_rows import ledger_projects
from fieldlog.store.repositories.pipeline_rows import PipelineFilter, pipeline_projects


def _ids() -> dict[str, uuid.UUID]:
    return {key: uuid.uuid4() for key in ("org", "chain", "member", "group", "kept", "orphan")}


@pytest.fixture
def projects(db: Database) -> dict[str, uuid.UUID]:
    """Two live projects naming the same investor, chain, owner, group and county; and a
    deleted project naming them too."""
    ids = _ids()
    with db.begin() as session:
        county = (
            session.execute(select(CatalogItem.id).where(CatalogItem.kind == "county"))
            .scalars()
            .first()
        )
        session.add_all(
            [
                Organization(id=ids["org"], name="华为", name_key="华为", kind="enterprise"),
                Chain(id=ids["chain"], name="新能源"),
                WorkGroup(id=ids["group"], name="一组"),
                Member(id=ids["member"], name="张三"),
            ]
        )
        session.flush()
        named = dict(
            investor_id=ids["org"],
            chain_id=ids["chain"],
            owner_id=ids["member"],
            group_id=ids["group"],
            landing_county_id=county,
        )
        session.add_all(
            [
                Project(id=ids["kept"], name="B 储能电站", **named),
                Project(id=ids["orphan"], name="A 光伏组件", **named),
                Project(id=uuid.uuid4(), name="C 已删除", deleted=True, **named),
            ]
        )
    return ids


def _delete_named(db: Database, ids: dict[str, uuid.UUID]) -> None:
    with db.begin() as session:
        for model, key in ((Organization, "org"), (Chain, "chain"), (Member, "member")):
            session.get(model, ids[key]).deleted = True  # type: ignore[union-attr]
        session.get(WorkGroup, ids["group"]).deleted = True  # type: ignore[union-attr]


def test_the_ledger_and_the_board_list_the_same_live_projects(
    db: Database, projects: dict[str, uuid.UUID]
) -> None:
    with db.read() as session:
        ledger = ledger_projects(session)
        board = pipeline_projects(session, PipelineFilter())
    assert {p.id for p in ledger} == {projects["kept"], projects["orphan"]}
    assert [p.id for p in board] == [projects["orphan"], projects["kept"]]  # by name
    assert {(p.investor, p.chain, p.owner, p.group) for p in ledger} == {
        ("华为", "新能源", "张三", "一组")
    }
    assert {(p.investor_name, p.chain_name, p.owner_name, p.group_name) for p in board} == {
        ("华为", "新能源", "张三", "一组")
    }


def test_deleted_names_read_blank_and_keep_the_project(
    db: Database, projects: dict[str, uuid.UUID]
) -> None:
    _delete_named(db, projects)
    with db.read() as session:
        ledger = ledger_projects(session)
        board = pipeline_projects(session, PipelineFilter())
    assert len(ledger) == len(board) == 2
    assert all(p.landing_county for p in ledger) and all(p.county_name for p in board)
    assert {(p.investor, p.chain, p.owner, p.group) for p in ledger} == {(None, None, None, None)}
    assert {(p.investor_name, p.chain_name, p.owner_name, p.group_name) for p in board} == {
        ("", "", "", "")
    }


def test_the_board_searches_the_project_and_its_live_investor_literally(
    db: Database, projects: dict[str, uuid.UUID]
) -> None:
    def found(text: str) -> list[uuid.UUID]:
        with db.read() as session:
            return [p.id for p in pipeline_projects(session, PipelineFilter(text=text))]

    assert found("光伏") == [projects["orphan"]]
    assert found("华为") == [projects["orphan"], projects["kept"]]
    assert found("%") == found("_") == []
    _delete_named(db, projects)
    assert found("华为") == []  # a deleted investor's name no longer finds the project
