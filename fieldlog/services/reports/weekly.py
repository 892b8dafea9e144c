"""The weekly return (周报, SPEC §4.1): figures from `stats.compute`, laid out by excel/.

Every figure comes from the shared counting rules through `stats.compute`; nothing is added up
here, so 累计 distinct counts are distinct over the whole span, never sums of weeks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fieldlog.domain.counting import Stats
from fieldlog.domain.indicators import (
    BREAKDOWN_METRICS,
    BY_KEY,
    RETURN_ROWS,
    find,
)
from fieldlog.domain.messages import msg
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.excel.house_style import Kind
from fieldlog.excel.tables import Column, Table
from fieldlog.excel.weekly_return import (
    Breakdown,
    BreakdownRow,
    IndicatorLine,
    Signatories,
    Summary,
    weekly_title,
    write_weekly_return,
)
from fieldlog.services.errors import InvalidInput
from fieldlog.services.reports import stats
from fieldlog.services.reports.report_sheets import (
    default_file_name,
    ledger_table,
    output_path,
    tranche_table,
    visit_table,
    with_total,
)
from fieldlog.services.reports.warning_sheets import incomplete_table, matter_table, warning_table
from fieldlog.services.validate import sane_date
from fieldlog.store.database import Database
from fieldlog.store.repositories.report_rows import (
    Named,
    TargetRow,
    TeamRow,
    member_counties,
    team_row,
    team_targets,
    work_groups,
)

#: The figures of the tables by work group and by county, with their (shorter) headings.
#: Two lines each, broken between words, so 汇总 prints on A4 at a legible size.
BREAKDOWN_HEADINGS: dict[str, str] = {key: BY_KEY[key].heading_zh for key in BREAKDOWN_METRICS}
GROUP_CAPTION, GROUP_HEADING = "分工作组情况", "工作组"
COUNTY_CAPTION, COUNTY_HEADING = "分区县情况（按队员派出区县）", "区县"
#: The row under each breakdown: the team's figures, distinct over the team, not a sum of rows.
TEAM_TOTAL = "全队合计（去重）"
GROUP_NOTE = (
    "注：几个工作组的队员一同走访的，该次走访在每个相关工作组各计一次，"
    "故各行相加可能大于全队合计（去重）。"
)
COUNTY_NOTE = (
    "注：几个区县派出的队员一同走访的，该次走访在每个相关区县各计一次，"
    "故各行相加可能大于全队合计（去重）。"
)


@dataclass(frozen=True)
class _Spans:
    """The three periods of the return, all ending on the week's Sunday."""

    week: Period
    month: Period
    total: Period


def _kind(metric: str) -> Kind:
    return Kind.YI if find(metric).amount else Kind.COUNT


def _spans(week: IsoWeek, since: date | None, team: TeamRow | None) -> _Spans:
    if not 1990 <= week.year <= 2100:
        raise InvalidInput(
            msg(
                "report.week_out_of_range",
                "week {week} is out of range (1990–2100)",
                week=str(week),
            )
        )
    sunday = week.sunday
    start = sane_date(since, msg("field.cumulative_start_date", "cumulative start date")) or (
        team.dispatch_start if team else None
    )
    start = start or date(sunday.year, 1, 1)
    if start > sunday:
        raise InvalidInput(
            msg(
                "report.week_before_start",
                "week {week} ends on {sunday}, before the cumulative figures start ({start}); "
                "choose a later week or an earlier start date",
                week=str(week),
                sunday=sunday.isoformat(),
                start=start.isoformat(),
            )
        )
    return _Spans(week.period, Period(sunday.replace(day=1), sunday), Period(start, sunday))


def _indicators(
    db: Database, spans: _Spans, targets: dict[str, TargetRow], figures: dict[str, Stats]
) -> tuple[IndicatorLine, ...]:
    sunday = spans.week.end
    assert sunday is not None
    by_target_start: dict[Period, Stats] = {spans.total: figures["total"]}
    lines = []
    # SPEC §4.1's eight rows, then the assessment scope's and the milestones (no targets).
    for metric in RETURN_ROWS:
        target, rate = targets.get(metric), None
        if target is not None and target.value > 0:
            span = Period(target.start, sunday)
            if span not in by_target_start:
                by_target_start[span] = stats.compute(db, span)
            rate = by_target_start[span].figure(metric) / target.value
        lines.append(
            IndicatorLine(
                label=find(metric).label_zh,
                kind=_kind(metric),
                week=figures["week"].figure(metric),
                month=figures["month"].figure(metric),
                total=figures["total"].figure(metric),
                target=target.value if target else None,
                rate=rate,
            )
        )
    return tuple(lines)


def _breakdown(
    db: Database, spans: _Spans, kind: str, names: list[Named], figures: dict[str, Stats]
) -> Breakdown:
    caption, heading, note = (
        (GROUP_CAPTION, GROUP_HEADING, GROUP_NOTE)
        if kind == "group"
        else (COUNTY_CAPTION, COUNTY_HEADING, COUNTY_NOTE)
    )
    ids = [named.id for named in names]
    weeks = stats.compute_each(db, spans.week, kind, ids)
    totals = stats.compute_each(db, spans.total, kind, ids)
    rows = []
    for named in names:
        week, total = weeks[named.id], totals[named.id]
        rows.append(
            BreakdownRow(
                named.name,
                tuple(week.value(m) for m in BREAKDOWN_METRICS),
                tuple(total.value(m) for m in BREAKDOWN_METRICS),
            )
        )
    metrics = tuple(Column(label, _kind(m)) for m, label in BREAKDOWN_HEADINGS.items())
    team = BreakdownRow(
        TEAM_TOTAL,
        tuple(figures["week"].value(m) for m in BREAKDOWN_METRICS),
        tuple(figures["total"].value(m) for m in BREAKDOWN_METRICS),
    )
    return Breakdown(caption, heading, metrics, tuple(rows), team, note)


def _signatories(team: TeamRow | None) -> Signatories:
    """The signature line of 汇总, from the team set-up; blanks print as lines to fill in."""
    if team is None:
        return Signatories()
    return Signatories(team.return_preparer, team.return_reviewer, team.return_phone)


def export_weekly(
    db: Database,
    week: IsoWeek,
    *,
    since: date | None = None,
    out: Path | None = None,
    today: date | None = None,
) -> Path:
    """Write the weekly return of `week`; returns the file written.

    累计 runs from `since`, else the team's dispatch start, else 1 January of the Sunday's year,
    to the Sunday. The default file is `{team}工作周报_{YYYY-Www}.xlsx` in the current folder.
    InvalidInput for a week or start that cannot be reported; OSError when the file cannot be
    written.
    """
    summary, sheets, team_name = weekly_return(db, week, since=since, today=today)
    path = output_path(
        out, default_file_name("weekly", team_name, today=date.today(), week=week), db.path
    )
    return write_weekly_return(summary, sheets, path)


def weekly_return(
    db: Database, week: IsoWeek, *, since: date | None = None, today: date | None = None
) -> tuple[Summary, tuple[Table, ...], str]:
    """The return of `week` as written: its 汇总, its list sheets and the team's name."""
    # One snapshot: every figure and row of the return reads the same state of the data.
    with db.read() as session:
        team = team_row(session)
        spans = _spans(week, since, team)
        targets = team_targets(session, team.id, week.sunday) if team else {}
        groups, counties = work_groups(session), member_counties(session)
        sheets: tuple[Table, ...] = (
            visit_table(session, spans.week),
            with_total(
                ledger_table(session, as_of=week.sunday, week=spans.week, funds_until=week.sunday)
            ),
            with_total(tranche_table(session, spans.week)),
            # What needs attention, judged on the Sunday (after SPEC's four sheets).
            warning_table(db, week.sunday),
            matter_table(db, week.sunday),
            incomplete_table(db, week.sunday),
        )
        figures = {
            "week": stats.compute(db, spans.week),
            "month": stats.compute(db, spans.month),
            "total": stats.compute(db, spans.total),
        }
        team_name = team.name if team else ""
        summary = Summary(
            title=weekly_title(team_name, week.year, week.week, week.monday, week.sunday),
            reporting_unit=team.reporting_unit if team else "",
            filled_on=today or date.today(),
            indicators=_indicators(db, spans, targets, figures),
            breakdowns=(
                _breakdown(db, spans, "group", groups, figures),
                _breakdown(db, spans, "county", counties, figures),
            ),
            signatories=_signatories(team),
        )
    return summary, sheets, team_name
