"""Editing chains and links: names unique, moves checked, deletes refused while records point."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.errors import InvalidInput
from fieldlog.services.orgs import orgs
from fieldlog.services.projects import projects
from fieldlog.services.team import chains
from fieldlog.services.team.chains import LinkInput
from fieldlog.store.database import Database
from fieldlog.store.models import Chain, ChainLink


def refused(db: Database, call, *words: str) -> str:
    """Run a call that must be refused; the data must be exactly as before."""
    before = digest(db)
    with pytest.raises(InvalidInput) as caught:
        call()
    assert digest(db) == before
    message = str(caught.value)
    for word in words:
        assert word in message
    return message


def names(db: Database) -> list[str]:
    return [chain.name for chain in chains.chain_tree(db)]


def links_of(db: Database, chain_id: uuid.UUID) -> dict[str, chains.LinkInfo]:
    chain = next(c for c in chains.chain_tree(db) if c.id == chain_id)
    return {link.name: link for link in chain.links}


def test_add_and_rename_a_chain(db: Database) -> None:
    chain = chains.add_chain(db, " 航空航天 ")
    assert names(db)[-1] == "航空航天"
    chains.rename_chain(db, chain, "航空航天装备")
    assert "航空航天装备" in names(db) and "航空航天" not in names(db)


def test_chain_names_are_unique_and_required(db: Database) -> None:
    refused(db, lambda: chains.add_chain(db, "物流"), "already a chain named 物流")
    refused(db, lambda: chains.add_chain(db, "  "), "chain name is required")
    furniture = chains.chain_tree(db)[0].id
    refused(db, lambda: chains.rename_chain(db, furniture, "物流"), "物流")


def test_links_are_unique_within_their_chain(db: Database) -> None:
    first, second = (c.id for c in chains.chain_tree(db)[:2])
    chains.add_link(db, first, LinkInput("检测认证", "downstream"))
    refused(db, lambda: chains.add_link(db, first, LinkInput("检测认证")), "检测认证")
    chains.add_link(db, second, LinkInput("检测认证"))  # another chain may use the name
    assert links_of(db, first)["检测认证"].position == "downstream"


def test_move_a_link_to_another_position_and_parent(db: Database) -> None:
    chain = chains.chain_tree(db)[0]
    top, other = chain.links[0], chain.links[1]
    new = chains.add_link(db, chain.id, LinkInput("五金配件", "upstream", top.id))
    chains.save_link(db, new, LinkInput("五金配件", "中游", other.id))
    moved = links_of(db, chain.id)["五金配件"]
    assert (moved.position, moved.parent_id) == ("midstream", other.id)
    assert chains.link_input(db, new) == LinkInput("五金配件", "midstream", other.id)


def test_impossible_moves_are_refused(db: Database) -> None:
    first, second = chains.chain_tree(db)[:2]
    parent = first.links[0].id
    child = chains.add_link(db, first.id, LinkInput("子环节", parent_id=parent))
    refused(
        db,
        lambda: chains.save_link(db, parent, LinkInput(first.links[0].name, parent_id=child)),
        "sub-links",
    )
    refused(db, lambda: chains.save_link(db, child, LinkInput("子环节", parent_id=child)), "itself")
    other = second.links[0].id
    refused(
        db, lambda: chains.save_link(db, child, LinkInput("子环节", parent_id=other)), "same chain"
    )
    refused(db, lambda: chains.save_link(db, child, LinkInput("子环节", "sideways")), "upstream")


def test_a_link_in_use_is_not_deleted(db: Database) -> None:
    chain = chains.chain_tree(db)[0]
    link = chain.links[0]
    orgs.save_org(db, orgs.OrgInput("深圳市德润家具有限公司", link_id=link.id))
    message = refused(
        db, lambda: chains.delete_link(db, link.id), link.name, "used by 1 organization;"
    )
    assert "move them to another link first" in message
    child = chains.add_link(db, chain.id, LinkInput("子环节", parent_id=chain.links[1].id))
    refused(db, lambda: chains.delete_link(db, chain.links[1].id), "1 sub-link")
    chains.delete_link(db, child)
    assert "子环节" not in links_of(db, chain.id)


def test_deleting_a_link_is_a_tombstone_and_undoable(db: Database) -> None:
    chain = chains.chain_tree(db)[0]
    link = chain.links[-1]
    chains.delete_link(db, link.id)
    with db.read() as session:
        assert session.get(ChainLink, link.id).deleted is True
    chains.restore_link(db, link.id)
    assert link.name in links_of(db, chain.id)


def test_a_chain_in_use_is_not_deleted(db: Database) -> None:
    chain = chains.chain_tree(db)[1]
    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", chain_id=chain.id))
    orgs.save_org(db, orgs.OrgInput("深圳市顺达物流有限公司", link_id=chain.links[0].id))
    data = projects.ProjectInput("冷链仓储项目", chain_id=chain.id)
    projects.open_project(db, data, on=date(2020, 4, 1))
    refused(db, lambda: chains.delete_chain(db, chain.id), "used by 2 organizations and 1 project;")


def test_deleting_a_chain_takes_its_links_and_undo_brings_them_back(db: Database) -> None:
    chain = chains.chain_tree(db)[-1]
    deleted = chains.delete_chain(db, chain.id)
    assert sorted(deleted) == sorted(link.id for link in chain.links)
    assert chain.name not in names(db)
    with db.read() as session:
        assert session.get(Chain, chain.id).deleted is True
        assert all(session.get(ChainLink, link).deleted for link in deleted)
    chains.restore_chain(db, chain.id, deleted)
    assert len(links_of(db, chain.id)) == len(chain.links)


def test_a_chain_does_not_come_back_over_a_namesake(db: Database) -> None:
    chain = chains.chain_tree(db)[-1]
    deleted = chains.delete_chain(db, chain.id)
    chains.add_chain(db, chain.name)
    refused(db, lambda: chains.restore_chain(db, chain.id, deleted), "already a chain")


def test_a_link_comes_back_at_the_top_when_its_parent_went(db: Database) -> None:
    chain = chains.chain_tree(db)[0]
    parent = chains.add_link(db, chain.id, LinkInput("上级"))
    child = chains.add_link(db, chain.id, LinkInput("下级", parent_id=parent))
    chains.delete_link(db, child)
    chains.delete_link(db, parent)
    chains.restore_link(db, child)
    assert links_of(db, chain.id)["下级"].parent_id is None
