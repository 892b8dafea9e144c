"""Editing the team after set-up: only what differs is saved, and a record a member or group
already points to stands even after it left its catalog."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import update

from fieldlog.services.errors import InvalidInput
from fieldlog.services.team import chains, team
from fieldlog.services.team.setup import NewMember, TeamSetup, set_up_team
from fieldlog.services.team.team_edit import GroupRow, MemberRow, save_team_sheet, team_sheet
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Chain
from tests.field_dump import db_digest, field_diff, field_dump, history_count

TEAM = team.TeamInput("铜仁市驻深招商工作队", dispatch_start=date(2026, 3, 1))


@pytest.fixture
def set_up(db: Database) -> Database:
    members = [NewMember("李娜", "碧江区", "物流组"), NewMember("王强", "万山区", "物流组")]
    set_up_team(db, TeamSetup(TEAM, members))
    chain = chains.add_chain(db, "现代物流")
    group = team.groups(db)[0]
    team.save_group(db, group.name, chain_id=chain, group_id=group.id)
    return db


def test_an_unchanged_sheet_saves_nothing(set_up: Database) -> None:
    sheet = team_sheet(set_up)
    assert sheet is not None and sheet.team.dispatch_end is None
    before, history = db_digest(set_up), history_count(set_up)
    save_team_sheet(set_up, sheet, team_sheet(set_up))  # type: ignore[arg-type]
    assert (db_digest(set_up), history_count(set_up)) == (before, history)


def test_a_county_removed_from_the_catalog_stays_with_its_member(set_up: Database) -> None:
    sheet = team_sheet(set_up)
    assert sheet is not None
    li = sheet.members[0]
    with set_up.begin() as session:
        session.execute(
            update(CatalogItem).where(CatalogItem.id == li.county_id).values(deleted=True)
        )
    before = field_dump(set_up)
    edited = replace(sheet, members=[replace(li, name="李娜（碧江）"), *sheet.members[1:]])
    save_team_sheet(set_up, sheet, edited)
    assert set(field_diff(before, field_dump(set_up))) == {("member", str(li.id), "name")}


def test_a_deleted_chain_stays_with_its_group(set_up: Database) -> None:
    sheet = team_sheet(set_up)
    assert sheet is not None
    group = sheet.groups[0]
    with set_up.begin() as session:
        session.execute(update(Chain).where(Chain.id == group.chain_id).values(deleted=True))
    before = field_dump(set_up)
    save_team_sheet(set_up, sheet, replace(sheet, groups=[replace(group, name="物流一组")]))
    assert set(field_diff(before, field_dump(set_up))) == {("work_group", str(group.id), "name")}


def test_a_new_member_joins_the_team(set_up: Database) -> None:
    sheet = team_sheet(set_up)
    assert sheet is not None
    new = MemberRow(None, "赵敏", group_id=sheet.groups[0].id)
    ids = save_team_sheet(set_up, sheet, replace(sheet, members=[*sheet.members, new]))
    zhao = team.member_by_name(set_up, "赵敏")
    assert zhao is not None and ids[-1] == zhao.id and zhao.team_id == sheet.team_id


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: replace(s, members=[*s.members, MemberRow(None, "李娜")]), "same name"),
        (
            lambda s: replace(
                s, team=replace(s.team, name="新名"), groups=[GroupRow(s.groups[0].id, " ")]
            ),
            "group name is required",
        ),
        (lambda s: replace(s, team=replace(s.team, name="")), "team name is required"),
    ],
    ids=["duplicate-member", "empty-group", "empty-team"],
)
def test_a_refused_sheet_changes_nothing(set_up: Database, change, message: str) -> None:
    sheet = team_sheet(set_up)
    before = db_digest(set_up)
    with pytest.raises(InvalidInput, match=message):
        save_team_sheet(set_up, sheet, change(sheet))  # type: ignore[arg-type]
    assert db_digest(set_up) == before


def test_save_member_keeps_a_county_that_left_the_catalog(set_up: Database) -> None:
    li = team.member_by_name(set_up, "李娜")
    assert li is not None and li.county_id is not None
    with set_up.begin() as session:
        session.execute(
            update(CatalogItem).where(CatalogItem.id == li.county_id).values(deleted=True)
        )
    data = team.MemberInput("李娜（碧江）", li.group_id, li.role, county=li.county_id)
    team.save_member(set_up, data, member_id=li.id)
    renamed = team.member_by_name(set_up, "李娜（碧江）")
    assert renamed is not None and renamed.county_id == li.county_id


def test_save_group_keeps_a_chain_that_was_deleted(set_up: Database) -> None:
    group = team.groups(set_up)[0]
    with set_up.begin() as session:
        session.execute(update(Chain).where(Chain.id == group.chain_id).values(deleted=True))
    team.save_group(set_up, "物流一组", chain_id=group.chain_id, group_id=group.id)
    assert team.groups(set_up)[0].chain_id == group.chain_id


SIGNED = {"return_preparer": "李娜", "return_reviewer": "王强", "return_phone": "0856-5221234"}


def test_the_signatories_of_the_return_are_saved_and_only_they(set_up: Database) -> None:
    sheet = team_sheet(set_up)
    assert sheet is not None
    assert (sheet.team.return_preparer, sheet.team.return_reviewer, sheet.team.return_phone) == (
        "",
        "",
        "",
    )
    before = field_dump(set_up)
    signed = replace(sheet.team, **{k: f" {v} " for k, v in SIGNED.items()})
    save_team_sheet(set_up, sheet, replace(sheet, team=signed))
    changed = field_diff(before, field_dump(set_up))
    assert {(t, name): new for (t, _id, name), (_old, new) in changed.items()} == {
        ("team", name): value for name, value in SIGNED.items()
    }
    again = team_sheet(set_up)
    assert again is not None and again.team == replace(sheet.team, **SIGNED)


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        ("return_preparer", "李" * 51, "the preparer is 51 characters long, at most 50"),
        ("return_reviewer", "王" * 51, "the reviewer is 51 characters long, at most 50"),
        ("return_phone", "1" * 41, "the contact phone is 41 characters long, at most 40"),
    ],
)
def test_a_signatory_too_long_is_refused(
    set_up: Database, field: str, value: str, text: str
) -> None:
    from fieldlog.domain.messages import code_of

    sheet = team_sheet(set_up)
    assert sheet is not None
    before = db_digest(set_up)
    with pytest.raises(InvalidInput) as refused:
        save_team_sheet(set_up, sheet, replace(sheet, team=replace(sheet.team, **{field: value})))
    assert (str(refused.value), code_of(refused.value)) == (text, "team.too_long")
    assert db_digest(set_up) == before
