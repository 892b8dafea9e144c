"""The weekly return's signatories (填报人, 审核人, 联系电话) travel with the team record."""

from __future__ import annotations

from dataclasses import replace

from fieldlog.services.team import team
from fieldlog.services.team.counties import county_list, new_county
from fieldlog.services.team.team_edit import save_team_sheet, team_sheet
from tests.field_dump import field_dump


def test_signatories_and_counties_travel_in_a_package(laptops) -> None:  # type: ignore[no-untyped-def]
    leader, cadre = laptops("leader"), laptops("cadre")
    sheet = team_sheet(leader.db)
    assert sheet is not None
    signed = replace(
        sheet.team, return_preparer="李娜", return_reviewer="王强", return_phone="0856-5221234"
    )
    zunyi = new_county("汇川区")
    counties = [zunyi, *sheet.counties[1:]]
    save_team_sheet(leader.db, sheet, replace(sheet, team=signed, counties=counties))
    before = field_dump(cadre.db)
    report = cadre.receive(leader.export())
    assert report.total("updated") >= 2 and report.total("new") == 1, report.as_dict()
    received = team.current_team(cadre.db)
    assert received is not None and received.id == sheet.team_id
    assert (received.return_preparer, received.return_reviewer, received.return_phone) == (
        "李娜",
        "王强",
        "0856-5221234",
    )
    assert county_list(cadre.db) == county_list(leader.db) == counties
    after = field_dump(cadre.db)
    assert after[("team", str(sheet.team_id))]["return_phone"] == "0856-5221234"
    assert before[("team", str(sheet.team_id))]["return_phone"] == ""
    assert cadre.digest() == leader.digest()
