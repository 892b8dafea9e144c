"""The home counties as the team edits them: added, renamed, removed (tombstoned, a member keeps
its county), reordered; bad lists refused with nothing changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fieldlog.domain.catalogs import default_entries
from fieldlog.domain.messages import code_of
from fieldlog.services.errors import InvalidInput
from fieldlog.services.team import counties, team
from fieldlog.services.team.counties import County, county_list, new_county, save_counties
from fieldlog.services.team.setup import NewMember, TeamSetup, set_up_team
from fieldlog.services.team.team_edit import save_team_sheet, team_sheet
from fieldlog.store.database import Database
from tests.field_dump import db_digest, field_diff, field_dump, history_count

TONGREN = [e for e in default_entries() if e.kind == "county"]


def test_tongren_counties_are_the_defaults(db: Database) -> None:
    assert county_list(db) == [County(e.id, e.name) for e in TONGREN]
    assert len(TONGREN) == 12 and county_list(db)[0].name == "碧江区"


def test_unchanged_list_saves_nothing(db: Database) -> None:
    before, history = db_digest(db), history_count(db)
    save_counties(db, county_list(db), county_list(db))
    assert (db_digest(db), history_count(db)) == (before, history)


def test_add_rename_remove_reorder(db: Database) -> None:
    shown = county_list(db)
    zunyi = new_county("  汇川区 ")
    # 万山区 (third) removed, 碧江区 renamed, 汇川区 added second, 松桃 moved to the top.
    songtao = next(c for c in shown if c.name.startswith("松桃"))
    rest = [c for c in shown if c not in (shown[0], shown[2], songtao)]
    edited = [songtao, replace(shown[0], name="碧江区（城区）"), zunyi, *rest]
    before = field_dump(db)
    save_counties(db, shown, edited)
    names = [c.name for c in county_list(db)]
    assert names == [songtao.name, "碧江区（城区）", "汇川区", *(c.name for c in rest)]
    changed = field_diff(before, field_dump(db))
    assert changed[("catalog_item", str(shown[2].id), "deleted")] == (False, True)
    assert changed[("catalog_item", str(shown[0].id), "name")] == ("碧江区", "碧江区（城区）")
    assert changed[("catalog_item", str(zunyi.id), "kind")] == (None, "county")
    # The others only took new order numbers.
    touched = {str(c.id) for c in (shown[0], shown[2], zunyi)}
    assert {key[2] for key in changed if key[1] not in touched} == {"sort_order"}
    assert county_list(db)[2] == County(zunyi.id, "汇川区")


def test_a_new_county_appended_touches_no_other(db: Database) -> None:
    shown = county_list(db)
    added = new_county("红花岗区")
    before = field_dump(db)
    save_counties(db, shown, [*shown, added])
    assert {key[1] for key in field_diff(before, field_dump(db))} == {str(added.id)}
    assert county_list(db)[-1] == added


@pytest.mark.parametrize(
    ("edit", "code", "text"),
    [
        (lambda s: [*s, new_county("  ")], "county.name_required", "row 13 has no name"),
        (
            lambda s: [*s, new_county("碧江区")],
            "county.duplicate",
            "two home counties are named 碧江区",
        ),
        (lambda s: [s[0], replace(s[1], name=s[0].name), *s[2:]], "county.duplicate", "碧江区"),
        (lambda s: [*s, new_county("区" * 41)], "county.name_too_long", "41 characters"),
    ],
)
def test_bad_lists_are_refused_and_change_nothing(db: Database, edit, code: str, text: str) -> None:
    shown = county_list(db)
    before = db_digest(db)
    with pytest.raises(InvalidInput) as refused:
        save_counties(db, shown, edit(shown))
    assert code_of(refused.value) == code and text in str(refused.value)
    assert db_digest(db) == before


def test_a_county_added_elsewhere_keeps_its_name(db: Database) -> None:
    shown = county_list(db)
    other = new_county("汇川区")
    save_counties(db, shown, [*shown, other])  # another laptop's, arrived by sync
    before = db_digest(db)
    with pytest.raises(InvalidInput, match="汇川区"):
        save_counties(db, shown, [*shown, new_county("汇川区")])
    assert db_digest(db) == before


def test_removed_county_stays_with_its_member(db: Database) -> None:
    shown = county_list(db)
    members = [NewMember("李娜", shown[1].id, "物流组")]
    set_up_team(db, TeamSetup(team.TeamInput("铜仁市驻深招商工作队"), members))
    sheet = team_sheet(db)
    assert sheet is not None and sheet.counties == shown
    before = field_dump(db)
    save_team_sheet(db, sheet, replace(sheet, counties=[shown[0], *shown[2:]]))
    assert field_diff(before, field_dump(db)) == {
        ("catalog_item", str(shown[1].id), "deleted"): (False, True)
    }
    li = team.member_by_name(db, "李娜")
    assert li is not None and li.county_id == shown[1].id
    assert counties.county_names(db)[shown[1].id] == "万山区"


def test_set_up_with_its_own_counties(db: Database) -> None:
    shown = county_list(db)
    zunyi = [new_county("红花岗区"), new_county("汇川区")]
    data = TeamSetup(
        team.TeamInput("遵义市驻深招商工作队", dispatch_start=date(2026, 3, 1)),
        [NewMember("张伟", zunyi[1].id)],
        counties=zunyi,
        shown_counties=shown,
    )
    set_up_team(db, data)
    assert county_list(db) == zunyi
    zhang = team.member_by_name(db, "张伟")
    assert zhang is not None and zhang.county_id == zunyi[1].id


def test_a_bad_county_list_refuses_the_whole_set_up(db: Database) -> None:
    shown = county_list(db)
    before = db_digest(db)
    data = TeamSetup(
        team.TeamInput("遵义市驻深招商工作队"),
        [NewMember("张伟")],
        counties=[*shown, new_county("")],
        shown_counties=shown,
    )
    with pytest.raises(InvalidInput, match="no name"):
        set_up_team(db, data)
    assert db_digest(db) == before
