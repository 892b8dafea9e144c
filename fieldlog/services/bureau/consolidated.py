"""The bureau's consolidated return (`export bureau --week W`): 各工作队汇总, then each team's
own weekly return (汇总, 走访明细, 项目台账, 到位资金, 预警项目, 需协调解决事项, 未完善线索:
`RETURN_SHEETS`) as the team itself would write it.

各工作队汇总 has one row per team — this week and this year (1 January to the week's Sunday),
named as its sheets are (`team_labels`) — and the total of all teams below, with an enterprise
visited by several teams counted once (the row's label says so). Each team's sheets come from
the team's view of the bureau database (`store/team_view.py`) through the same code as the
team's own return, so they match it. A
team whose dispatch starts after the week writes no return of that week (its cumulative figures
would start after it), so it has no sheets in the bureau's either; its row stays.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fieldlog.domain.indicators import AMOUNT_METRICS, BREAKDOWN_METRICS, BY_KEY
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.excel.house_style import Kind
from fieldlog.excel.tables import Column, Table, list_sheet, new_workbook, save
from fieldlog.excel.weekly_return import RETURN_SHEETS, add_weekly_return
from fieldlog.services.bureau.bureau import require_bureau, team_labels, teams
from fieldlog.services.bureau.figures import TOTAL_LABEL_ZH, team_figures, total_figures
from fieldlog.services.reports.report_sheets import output_path, safe_file_name
from fieldlog.services.reports.weekly import weekly_return
from fieldlog.services.team.team import current_team
from fieldlog.store.database import Database
from fieldlog.store.team_view import team_view

OVERVIEW_SHEET = "各工作队汇总"
#: Characters a sheet name cannot hold (Excel), and its longest length.
_NOT_IN_SHEET_NAMES = str.maketrans({c: "_" for c in "[]:*?/\\"})
_SHEET_NAME_MAX = 31


def _kind(metric: str) -> Kind:
    return Kind.YI if metric in AMOUNT_METRICS else Kind.COUNT


def _columns() -> tuple[Column, ...]:
    columns = [Column("工作队", Kind.TEXT)]
    for span in ("本周", "本年累计"):
        columns += [Column(f"{span}{BY_KEY[m].heading_zh}", _kind(m)) for m in BREAKDOWN_METRICS]
    return tuple(columns)


def _prefixes(names: list[str]) -> list[str]:
    """A short, distinct sheet-name prefix per team: with "·" and the longest sheet name of a
    return (需协调解决事项) it stays within Excel's 31 characters, numbered up to 999 teams."""
    room = _SHEET_NAME_MAX - max(len(sheet) for sheet in RETURN_SHEETS) - 1
    taken: set[str] = set()
    prefixes = []
    for number, name in enumerate(names, start=1):
        short = name.translate(_NOT_IN_SHEET_NAMES).strip("'")[: room - 3] or str(number)
        prefix = short if short not in taken else f"{short[: room - 4]}{number}"
        taken.add(prefix)
        prefixes.append(f"{prefix}·")
    return prefixes


def overview(db: Database, week: IsoWeek) -> Table:
    """各工作队汇总: each team's figures of the week and the year, and the de-duplicated total."""
    sunday = week.sunday
    year = Period(date(sunday.year, 1, 1), sunday)
    rows = []
    registered = teams(db)
    for team, label in zip(registered, team_labels(registered), strict=True):
        this_week, this_year = (team_figures(db, team, p) for p in (week.period, year))
        rows.append(
            [label]
            + [this_week.value(m) for m in BREAKDOWN_METRICS]
            + [this_year.value(m) for m in BREAKDOWN_METRICS]
        )
    week_total, year_total = (total_figures(db, p) for p in (week.period, year))
    total = (
        [TOTAL_LABEL_ZH]
        + [week_total.value(m) for m in BREAKDOWN_METRICS]
        + [year_total.value(m) for m in BREAKDOWN_METRICS]
    )
    return Table(OVERVIEW_SHEET, _columns(), rows, total)


def _dispatched_by(view: Database, day: date) -> bool:
    """Whether the team of `view` was dispatched by `day` (a team with no start date is)."""
    own = current_team(view)
    return own is None or own.dispatch_start is None or own.dispatch_start <= day


def export_bureau(
    db: Database, week: IsoWeek, *, out: Path | None = None, today: date | None = None
) -> Path:
    """Write the consolidated return of `week`; returns the file written (by default
    `{bureau}各工作队周报_{YYYY-Www}.xlsx` in the current folder)."""
    name = require_bureau(db)
    registered = teams(db)
    workbook = new_workbook()
    title = f"{name}各工作队周报（{week.year}年第{week.week}周）"
    list_sheet(workbook, overview(db, week), heading=title)
    for team, prefix in zip(registered, _prefixes(team_labels(registered)), strict=True):
        with team_view(db, team.id) as view:
            if not _dispatched_by(view, week.sunday):
                continue
            summary, sheets, _team_name = weekly_return(view, week, today=today)
        add_weekly_return(workbook, summary, sheets, prefix=prefix)
    default = f"{safe_file_name(f'{name}各工作队周报_{week}')}.xlsx"
    return save(workbook, output_path(out, default, db.path))
