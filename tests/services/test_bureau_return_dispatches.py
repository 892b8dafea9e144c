"""The consolidated return (SPEC §9) of teams unlike the scenario's: teams dispatched at
different times (one whose dispatch starts after the week cannot write that week's return, and
the bureau's return of the week still holds every other team's), and two teams of one name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldlog.domain.period import IsoWeek, Period
from fieldlog.excel.weekly_return import RETURN_SHEETS
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.bureau import bureau, figures
from fieldlog.services.bureau.consolidated import OVERVIEW_SHEET, export_bureau
from fieldlog.services.errors import InvalidInput
from fieldlog.services.reports import stats
from fieldlog.services.reports.weekly import export_weekly
from fieldlog.services.team import team
from fieldlog.store.database import Database
from tests.services.bureau_teams import TeamLaptop, make_team, make_teams

WEEK, TODAY = IsoWeek(2026, 48), date(2026, 11, 30)


@pytest.fixture
def teams(empty_database_file: Path, tmp_path: Path) -> list[TeamLaptop]:
    made = make_teams(empty_database_file, tmp_path, 3)
    yield made
    for laptop in made:
        laptop.db.close()


def _dispatched_from(laptop: TeamLaptop, start: date) -> None:
    own = team.current_team(laptop.db)
    assert own is not None
    team.save_team(laptop.db, team.TeamInput(own.name, dispatch_start=start), team_id=own.id)


def _team_id(laptop: TeamLaptop) -> object:
    own = team.current_team(laptop.db)
    assert own is not None
    return own.id


def _contract(laptop: TeamLaptop) -> int:
    return stats.compute(laptop.db, Period(None, None)).contract_amount_yuan


def _values(sheet: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_a_team_dispatched_after_the_week_leaves_the_others_return_whole(
    bureau_db: Database, teams: list[TeamLaptop], tmp_path: Path
) -> None:
    sz, sh, hz = teams
    _dispatched_from(sz, date(2026, 11, 2))
    _dispatched_from(hz, date(2026, 12, 7))  # sent a week after the return's week
    for laptop in teams:
        bureau.register_team(bureau_db, laptop.export(full=True), laptop.passphrase)
    # The team itself cannot write that week's return: its figures would start after it.
    with pytest.raises(InvalidInput, match="before the cumulative figures start"):
        export_weekly(hz.db, WEEK, out=tmp_path / "hz.xlsx", today=TODAY)
    before = digest(bureau_db)

    path = export_bureau(bureau_db, WEEK, out=tmp_path / "bureau.xlsx", today=TODAY)

    assert digest(bureau_db) == before
    book = load_workbook(path)
    names = [t.name for t in bureau.teams(bureau_db)]
    rows = _values(book[OVERVIEW_SHEET])
    # Every team keeps its row (驻杭's visits of November are its own figures all the same).
    assert [r[0] for r in rows[1:]] == [*names, figures.TOTAL_LABEL_ZH]
    assert len(book.sheetnames) == 1 + len(RETURN_SHEETS) * 2
    assert not any(n.startswith(hz.name[:3]) for n in book.sheetnames[1:])
    for laptop in (sz, sh):
        own = load_workbook(export_weekly(laptop.db, WEEK, out=tmp_path / "own.xlsx", today=TODAY))
        for sheet in own.sheetnames:
            assert _values(book[f"{laptop.name}·{sheet}"]) == _values(own[sheet]), sheet


def test_two_teams_of_one_name_are_told_apart(
    bureau_db: Database, empty_database_file: Path, tmp_path: Path
) -> None:
    """Two teams called alike (two demo databases, a name reused for a second dispatch): each
    row of 各工作队汇总 names its team as its sheets do, with the end of its id, which
    `stats --team` takes."""
    twins = [
        make_team(
            empty_database_file,
            tmp_path / key,
            "驻深工作队",
            shared_on=date(2026, 11, day),
            shared_name="华为技术有限公司",
            contract_yuan=100_000_000 * day,
        )
        for key, day in (("a", 3), ("b", 4))
    ]
    try:
        for laptop in twins:
            bureau.register_team(bureau_db, laptop.export(full=True), laptop.passphrase)
        path = export_bureau(bureau_db, WEEK, out=tmp_path / "bureau.xlsx", today=TODAY)
    finally:
        for laptop in twins:
            laptop.db.close()
    book = load_workbook(path)
    labels = [f"驻深工作队（{t.id.hex[-8:]}）" for t in bureau.teams(bureau_db)]
    rows = _values(book[OVERVIEW_SHEET])
    assert [r[0] for r in rows[1:]] == [*labels, figures.TOTAL_LABEL_ZH]
    assert book.sheetnames[1:] == [
        f"{label}·{sheet}" for label in labels for sheet in RETURN_SHEETS
    ]
    # Each row's figures are its team's own: the one with the larger contract is the second.
    entries = bureau.teams(bureau_db)
    for row, entry in zip(rows[1:3], entries, strict=True):
        [laptop] = [t for t in twins if _team_id(t) == entry.id]
        assert row[-2] == float(_contract(laptop)) / 100_000_000
    # Each label finds its team; the shared name alone finds none and says how to choose.
    for entry, label in zip(entries, labels, strict=True):
        assert bureau.find_team(bureau_db, label) == entry
        assert bureau.find_team(bureau_db, entry.id.hex[-8:]) == entry
    with pytest.raises(InvalidInput) as refused:
        bureau.find_team(bureau_db, "驻深工作队")
    assert str(refused.value) == (
        "2 registered teams are called 驻深工作队; name one with the end of its id: "
        + "、".join(labels)
    )
