"""The weekly return's lists of what needs attention (预警项目, 需协调解决事项, 未完善线索), each
judged on the week's Sunday by the services the dashboard uses, so the sheets and the dashboard
agree.

预警项目 is one table: the projects gone quiet, worst first (建议退库, 红色预警, 黄色预警, the
longest idle first), then the leads answered late (预警等级 迟复), the oldest first. One header
labels every row on every printed page (a second table below would print under the first
table's repeated header), and a 迟复 row's stage, latest progress and days without any are
as true as a coloured row's. A project both quiet and answered late has a row for each.
"""

from __future__ import annotations

import uuid
from datetime import date

from fieldlog.domain.stages import stage_label_zh
from fieldlog.domain.warnings import COLOUR_LABELS_ZH, Staleness, lead_field_label, staleness
from fieldlog.excel.cells import CellValue
from fieldlog.excel.tables import (
    INCOMPLETE_SHEET,
    INCOMPLETE_TABLE,
    MATTER_SHEET,
    MATTER_TABLE,
    WARNING_SHEET,
    WARNING_TABLE,
    Table,
)
from fieldlog.services.projects.coordination import OpenMatter, open_matters
from fieldlog.services.reports.warnings import (
    IncompleteLead,
    LateLead,
    StaleRow,
    incomplete_leads,
    late_leads,
    stale_projects,
)
from fieldlog.store.database import Database
from fieldlog.store.repositories.rules import read_rules
from fieldlog.store.repositories.warning_rows import watched_projects

__all__ = ["LATE_LABEL", "incomplete_table", "matter_table", "warning_table"]

JOIN = "、"
#: 预警等级 of a lead answered late.
LATE_LABEL = "迟复"
#: 状态 of an open matter, past its deadline or not.
OVERDUE_STATUS, OPEN_STATUS = "逾期未办结", "未办结"
NO_WARNINGS = "本周无预警项目。"
NO_MATTERS = "本周无需协调解决事项。"
NO_INCOMPLETE = "本周无未完善线索。"
#: The reports are Chinese whatever the window's language.
_ZH = "zh_CN"


def warning_table(db: Database, sunday: date) -> Table:
    """预警项目 on `sunday`: coloured projects worst first, then leads answered late."""
    stale = stale_projects(db, sunday)
    late = late_leads(db, sunday)
    judged = _judged(db, sunday, {lead.project_id for lead in late})
    rows = [_stale(row) for row in stale]
    rows += [_late(lead, judged.get(lead.project_id)) for lead in late]
    numbered = [[n, *row] for n, row in enumerate(rows, start=1)]
    return Table(WARNING_SHEET, WARNING_TABLE, numbered, empty=NO_WARNINGS)


def _judged(db: Database, sunday: date, ids: set[uuid.UUID]) -> dict[uuid.UUID, Staleness]:
    """The stage, latest activity and days idle on `sunday` of the projects `ids`, by the same
    rule as the colours (`domain.warnings.staleness`)."""
    if not ids:
        return {}
    with db.read() as session:
        rules = read_rules(session).warnings
        projects = [p for p in watched_projects(session, sunday) if p.id in ids]
    found = {p.id: staleness(p.activity, sunday, rules) for p in projects}
    return {key: value for key, value in found.items() if value is not None}


def _stale(row: StaleRow) -> list[CellValue]:
    assert row.colour is not None  # stale_projects lists coloured projects only
    return [
        COLOUR_LABELS_ZH[row.colour],
        row.name,
        row.investor_name,
        stage_label_zh(row.stage),
        row.group_name,
        row.owner_name,
        row.last_activity,
        row.idle_days,
    ]


def _late(lead: LateLead, judged: Staleness | None) -> list[CellValue]:
    return [
        LATE_LABEL,
        lead.name,
        lead.investor_name,
        stage_label_zh(judged.stage) if judged else "",
        lead.group_name,
        lead.owner_name,
        judged.last_activity if judged else None,
        judged.idle_days if judged else None,
    ]


def matter_table(db: Database, sunday: date) -> Table:
    """需协调解决事项: the matters open on `sunday`, by deadline (none last)."""
    rows = [_matter(n, m) for n, m in enumerate(open_matters(db, sunday), start=1)]
    return Table(MATTER_SHEET, MATTER_TABLE, rows, empty=NO_MATTERS)


def _matter(number: int, matter: OpenMatter) -> list[CellValue]:
    overdue = matter.days_overdue
    return [
        number,
        matter.project,
        matter.investor,
        matter.group,
        matter.matter,
        matter.owner,
        matter.due_on,
        overdue,
        OVERDUE_STATUS if overdue is not None else OPEN_STATUS,
    ]


def incomplete_table(db: Database, sunday: date) -> Table:
    """未完善线索: the leads on `sunday` that lack some detail, the oldest first."""
    rows = [_incomplete(n, lead) for n, lead in enumerate(incomplete_leads(db, sunday), start=1)]
    return Table(INCOMPLETE_SHEET, INCOMPLETE_TABLE, rows, empty=NO_INCOMPLETE)


def _incomplete(number: int, lead: IncompleteLead) -> list[CellValue]:
    return [
        number,
        lead.name,
        lead.investor_name,
        lead.owner_name,
        lead.group_name,
        lead.created_on,
        JOIN.join(lead_field_label(field, _ZH) for field in lead.missing),
    ]
