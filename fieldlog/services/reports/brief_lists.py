"""The briefing's two lists, written as a bureau report writes them: the projects gone stale
(预警项目), grouped by colour, worst first, with their investor and days without progress; the
leads answered late; and the open matters for the government to coordinate (需协调解决事项),
each with its owner (责任单位), its deadline and how long it is overdue.

Both are judged on one day, the period's end (today when the period has not ended yet), by
`warnings` and `coordination`: nothing is counted here. A long list names its first few and
says how many there are in all ("……等30个"), so the document stays readable.
"""

from __future__ import annotations

from datetime import date

from fieldlog.domain.report_period import ReportPeriod, chinese_date
from fieldlog.domain.warnings import COLOUR_LABELS_ZH, COLOURS, StaleColour
from fieldlog.services.projects.coordination import OpenMatter, open_matters
from fieldlog.services.reports import warnings
from fieldlog.services.reports.warnings import LateLead, StaleRow
from fieldlog.store.database import Database

#: How many projects a colour's line names, and how many matters are listed, at most.
MAX_NAMED = 10
MAX_MATTERS = 10


def judged_on(when: ReportPeriod, today: date | None = None) -> date:
    """The day the lists are judged on: the period's end, or today when it ends later (a week
    still running is judged as it stands, not as if nothing would happen until Sunday)."""
    day = today or date.today()
    return min(when.end, day)


def _named(names: list[str], total: int, noun: str) -> str:
    """A、B、C, or A、B、C等N个 when only the first of `total` are named."""
    shown = "、".join(names)
    return shown if len(names) == total else f"{shown}等{total}{noun}"


def _stale_project(row: StaleRow) -> str:
    who = f"{row.investor_name}，" if row.investor_name else ""
    return f"{row.name}（{who}{row.idle_days}天无进展）"


def _late_lead(lead: LateLead, day: date) -> str:
    who = f"{lead.investor_name}，" if lead.investor_name else ""
    return f"{lead.name}（{who}{chinese_date(lead.created_on, year=False)}录入）"


def _split(by_colour: dict[StaleColour, list[StaleRow]]) -> str:
    """，其中红色预警3个、黄色预警5个; ，均为红色预警 with one colour; nothing with none."""
    present = [colour for colour in COLOURS if by_colour[colour]]
    if len(present) == 1:
        return f"，均为{COLOUR_LABELS_ZH[present[0]]}"
    counts = "、".join(f"{COLOUR_LABELS_ZH[c]}{len(by_colour[c])}个" for c in present)
    return f"，其中{counts}" if counts else ""


def stale_lines(db: Database, day: date) -> list[str]:
    """预警项目 on `day`: a summary, then a line per colour (worst first), then the late leads."""
    rows = warnings.stale_projects(db, day)
    late = warnings.late_leads(db, day)
    if not rows and not late:
        return []
    by_colour: dict[StaleColour, list[StaleRow]] = {colour: [] for colour in COLOURS}
    for row in rows:
        if row.colour is not None:
            by_colour[row.colour].append(row)
    lines = [f"截至{chinese_date(day)}，共有预警项目{len(rows)}个{_split(by_colour)}。"]
    for colour in COLOURS:
        found = by_colour[colour]
        if found:
            names = [_stale_project(row) for row in found[:MAX_NAMED]]
            lines.append(
                f"{COLOUR_LABELS_ZH[colour]}{len(found)}个：{_named(names, len(found), '个')}。"
            )
    if late:
        names = [_late_lead(lead, day) for lead in late[:MAX_NAMED]]
        lines.append(f"迟复线索{len(late)}个：{_named(names, len(late), '个')}。")
    return lines


def _deadline(matter: OpenMatter, day: date) -> str:
    if matter.due_on is None:
        return "暂未明确办结时限"
    shown = chinese_date(matter.due_on, year=matter.due_on.year != day.year)
    late = f"，已逾期{matter.days_overdue}天" if matter.days_overdue else ""
    return f"限{shown}前办结{late}"


def _matter(matter: OpenMatter, day: date) -> str:
    what = matter.matter.strip().rstrip("。；;.")
    owner = f"，责任单位{matter.owner}" if matter.owner else "，责任单位待明确"
    return f"{matter.project}：{what}{owner}，{_deadline(matter, day)}。"


def matter_lines(db: Database, day: date) -> list[str]:
    """需协调解决事项 open on `day`, overdue ones first (the longest overdue first), then by
    deadline; past `MAX_MATTERS` a last line says how many more there are."""
    found = open_matters(db, day)
    if not found:
        return []
    overdue = sum(1 for m in found if m.days_overdue)
    lines = [
        f"截至{chinese_date(day)}，尚未办结的需协调事项{len(found)}项，其中已逾期{overdue}项。"
    ]
    lines += [f"{n}.{_matter(m, day)}" for n, m in enumerate(found[:MAX_MATTERS], 1)]
    if len(found) > MAX_MATTERS:
        lines.append(f"另有{len(found) - MAX_MATTERS}项未列出，共{len(found)}项。")
    return lines
