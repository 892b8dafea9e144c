"""The repository queries behind the team, chain, organization and visit services: which rows
they return, in which order, and how each treats tombstones."""

from __future__ import annotations

import uuid
from datetime import date

from fieldlog.domain.ids import pair_id
from fieldlog.domain.text import name_key
from fieldlog.services.orgs import org_merge, orgs
from fieldlog.services.team import chains, counties, team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import (
    CatalogItem,
    Chain,
    ChainLink,
    Contact,
    Member,
    OrgAlias,
    Organization,
    OrgTag,
    Team,
    Visit,
    VisitVisitor,
)
from fieldlog.store.repositories import (
    chain_order,
    org_rows,
    team_rows,
    visit_entry_rows,
    workspace_rows,
)


def _member(db: Database, name: str) -> uuid.UUID:
    return team.save_member(db, team.MemberInput(name))


def _visit(db: Database, org: uuid.UUID, who: uuid.UUID, summary: str = "") -> uuid.UUID:
    return visits.save_visit(db, visits.VisitInput(date(2024, 5, 6), org, [who], summary=summary))


# -- workspace ---------------------------------------------------------------------------------


def test_a_tombstone_is_no_live_row_but_its_id_stays_present(db: Database) -> None:
    with db.read() as session:
        assert not workspace_rows.has_live_row(session, Team)
    team_id = team.save_team(db, team.TeamInput("工作队"))
    with db.begin() as session:
        assert workspace_rows.has_live_row(session, Team)
        session.get_one(Team, team_id).deleted = True
    with db.read() as session:
        assert not workspace_rows.has_live_row(session, Team)
        # A deleted default must not come back at the next start: its id counts as present.
        assert team_id in workspace_rows.present_ids(session, (Team, CatalogItem))


# -- team and counties -------------------------------------------------------------------------


def test_a_removed_county_keeps_its_name_but_leaves_the_list(db: Database) -> None:
    shown = counties.county_list(db)
    counties.save_counties(db, shown, shown[1:])
    with db.read() as session:
        listed = team_rows.live_counties(session)
        named = team_rows.county_names_by_id(session)
    assert [name for _id, name in listed] == [c.name for c in shown[1:]]
    assert named[shown[0].id] == shown[0].name


def test_the_first_live_team_is_the_team(db: Database) -> None:
    first = team.save_team(db, team.TeamInput("第一队"))
    second = team.save_team(db, team.TeamInput("第二队"))
    with db.read() as session:
        assert team_rows.first_team(session).id == first
    with db.begin() as session:
        session.get_one(Team, first).deleted = True
    with db.read() as session:
        assert team_rows.first_team(session).id == second


def test_members_by_name_or_entry_and_only_live_ones(db: Database) -> None:
    zhang, li, wang = _member(db, "张三"), _member(db, "李四"), _member(db, "王五")
    with db.begin() as session:
        session.get_one(Member, li).deleted = True
    with db.read() as session:
        assert [m.id for m in team_rows.members_first_entered(session)] == [zhang, wang]
        assert [m.name for m in team_rows.members_by_name(session)] == sorted(["张三", "王五"])
        assert team_rows.member_named(session, " 王五 ").id == wang
        assert team_rows.member_named(session, "李四") is None
        assert {row.id for row in team_rows.member_columns(session)} == {zhang, wang}


# -- chains ------------------------------------------------------------------------------------


def test_a_deleted_chain_keeps_its_place_and_its_links_stay_live_rows(db: Database) -> None:
    with db.read() as session:
        before = chain_order.last_chain_order(session) or 0
    chain_id = chains.add_chain(db, "测试链")
    link_id = chains.add_link(db, chain_id, chains.LinkInput("环节"))
    chains.delete_chain(db, chain_id)
    with db.read() as session:
        assert chain_order.last_chain_order(session) == before + 1
        assert chain_order.last_link_order(session, chain_id) == 1
        assert chain_order.last_link_order(session, uuid.uuid4()) is None
        assert chain_id not in {c.id for c in chain_order.chains_in_order(session)}
        live_links = {link.id for link in chain_order.links_in_order(session)}
    assert link_id not in live_links  # deleted with its chain
    with db.begin() as session:
        session.get_one(Chain, chain_id).deleted = True
        session.get_one(ChainLink, link_id).deleted = False
    with db.read() as session:
        assert link_id in {link.id for link in chain_order.links_in_order(session)}


# -- organizations -----------------------------------------------------------------------------

CODE = "91350100M000100Y43"


def test_the_earliest_live_holder_of_a_code_or_name(db: Database) -> None:
    first = orgs.save_org(db, orgs.OrgInput("德润物流", credit_code=CODE)).id
    second = orgs.save_org(db, orgs.OrgInput("德润物流")).id
    with db.begin() as session:  # two records with one code, as two laptops could write them
        session.get_one(Organization, second).credit_code = CODE
    with db.read() as session:
        assert org_rows.org_with_code(session, CODE).id == first
        assert org_rows.org_named(session, "德润物流").id == first
        assert [o.id for o in org_rows.orgs_with_name_key(session, name_key("德润物流"))] == [
            first,
            second,
        ]
        assert org_rows.earliest_look_alike(session, name_key("德润物流")) == min(first, second)
    orgs.delete_org(db, first)
    with db.read() as session:
        assert org_rows.org_named(session, "德润物流").id == second
        assert org_rows.earliest_look_alike(session, name_key("德润物流")) == second
        assert org_rows.org_with_code(session, CODE).id == second
        assert org_rows.org_with_code(session, "91110000600037341L") is None


def test_tag_links_come_with_their_tombstones(db: Database) -> None:
    org = orgs.save_org(db, orgs.OrgInput("德润物流", tags=["专精特新"])).id
    orgs.save_org(db, orgs.OrgInput("德润物流", tags=[]), org)
    with db.read() as session:
        links = org_rows.tag_links(session, [org])
        assert [link.deleted for link in links] == [True]
        assert org_rows.tag_links(session, [uuid.uuid4()]) == []
        assert isinstance(links[0], OrgTag)


def test_merge_counts_and_aliases_leave_tombstones_out(db: Database) -> None:
    alice = _member(db, "李娜")
    keep = orgs.save_org(db, orgs.OrgInput("德润物流")).id
    merge = orgs.save_org(db, orgs.OrgInput("德润物流公司")).id
    _visit(db, merge, alice, "第一次")
    gone = _visit(db, merge, alice, "第二次")
    visits.delete_visit(db, gone)
    with db.read() as session:
        assert org_rows.count_pointing_at(session, Visit, "org_id", merge) == 1
        assert len(org_rows.rows_pointing_at(session, Visit, "org_id", merge)) == 1
        assert org_rows.visit_tally(session, merge) == (1, date(2024, 5, 6))
        assert org_rows.visit_tally(session, keep) == (0, None)
    org_merge.merge_orgs(db, keep, merge)
    with db.read() as session:
        assert org_rows.merged_into(session, merge) == keep
        assert [a.alias_id for a in org_rows.aliases_to(session, keep)] == [merge]
        assert org_rows.merged_into(session, keep) is None
        alias = session.get_one(OrgAlias, pair_id(merge, keep))
    with db.begin() as session:
        session.get_one(OrgAlias, alias.id).deleted = True
    with db.read() as session:
        assert org_rows.merged_into(session, merge) is None
        assert org_rows.aliases_to(session, keep) == []


def test_a_contact_is_found_by_its_cleaned_name_among_the_live(db: Database) -> None:
    org = orgs.save_org(db, orgs.OrgInput("德润物流")).id
    first = orgs.save_contact(db, org, orgs.ContactInput("陈经理"))
    second = orgs.save_contact(db, org, orgs.ContactInput("陈经理"))
    with db.read() as session:
        assert org_rows.contact_named(session, org, " 陈经理 ").id == first
    with db.begin() as session:
        session.get_one(Contact, first).deleted = True
    with db.read() as session:
        assert org_rows.contact_named(session, org, "陈经理").id == second
        assert [c.id for c in visit_entry_rows.contacts_by_name(session, org)] == [second]


# -- visits ------------------------------------------------------------------------------------


def test_a_visits_links_with_and_without_their_tombstones(db: Database) -> None:
    alice, bob = _member(db, "李娜"), _member(db, "王强")
    org = orgs.save_org(db, orgs.OrgInput("德润物流")).id
    data = visits.VisitInput(date(2024, 5, 6), org, [alice, bob], summary="洽谈")
    visit = visits.save_visit(db, data)
    data.visitor_ids = [bob]
    visits.save_visit(db, data, visit)
    with db.read() as session:
        rows = visit_entry_rows.link_rows(session, VisitVisitor, visit)
        assert {(r.member_id, r.deleted) for r in rows} == {(alice, True), (bob, False)}
        assert visit_entry_rows.visitors_of(session, visit) == [bob]
        assert visit_entry_rows.contacts_met(session, visit) == []


def test_the_same_visit_is_the_earliest_live_one_with_that_exact_summary(db: Database) -> None:
    alice = _member(db, "李娜")
    org = orgs.save_org(db, orgs.OrgInput("德润物流")).id
    first, second = _visit(db, org, alice, "洽谈"), _visit(db, org, alice, "洽谈")
    _visit(db, org, alice, "洽谈 ")
    day = date(2024, 5, 6)
    with db.read() as session:
        assert visit_entry_rows.same_visit(session, org, day, "洽谈").id == first
        assert visit_entry_rows.same_visit(session, org, date(2024, 5, 7), "洽谈") is None
    visits.delete_visit(db, first)
    with db.read() as session:
        assert visit_entry_rows.same_visit(session, org, day, "洽谈").id == second
