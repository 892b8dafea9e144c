"""The list sheets' rows from the report queries: Chinese labels, 序号, names joined; file names.

Shared by the weekly return (`weekly.py`) and the other exports (`reports.py`). Amounts stay
integer yuan; the Excel layer shows them in each column's unit.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from fieldlog.domain.assessment import AssessmentRules, kind_label_zh
from fieldlog.domain.counting import ProjectFact, stage_at
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.domain.stages import MAIN_LINE, Stage, stage_label_zh
from fieldlog.domain.vocabulary import ChainRole, Intent, OrgKind, label_zh
from fieldlog.excel.cells import CellValue
from fieldlog.excel.house_style import Kind as ExcelKind
from fieldlog.excel.tables import (
    LEDGER_PAGES,
    LEDGER_SHEET,
    LEDGER_TABLE,
    ORG_SHEET,
    ORG_TABLE,
    TRANCHE_SHEET,
    TRANCHE_TABLE,
    VISIT_SHEET,
    VISIT_TABLE,
    Table,
)
from fieldlog.services.file_guard import Kind, guard_output
from fieldlog.store.repositories.directory_rows import ContactRow, DirectoryOrg, org_rows
from fieldlog.store.repositories.facts import project_facts
from fieldlog.store.repositories.ledger_rows import (
    LedgerProject,
    LedgerTranche,
    funds_by_project,
    ledger_projects,
    ledger_tranches,
)
from fieldlog.store.repositories.report_rows import VisitDetail, visit_details
from fieldlog.store.repositories.rules import read_rules

JOIN = "、"
TOTAL_LABEL = "合计"
#: 考核口径 in the ledger: whether a signed project earns assessment credit.
COUNTED, NOT_COUNTED = "计入", "不计入"
#: The reports are Chinese whatever the window's language (their labels are).
REPORT_LANGUAGE = "zh_CN"
#: Most advanced first: the ledger lists producing projects before leads, paused ones last.
_LEDGER_ORDER: tuple[Stage | None, ...] = (*reversed(MAIN_LINE), Stage.PAUSED, None)
# Characters Windows, macOS or Linux refuse in a file name, and control characters.
_UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
#: Device names Windows reserves, with or without an extension (NUL.xlsx is NUL as well).
_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)


def _person(name: str, title: str) -> str:
    return f"{name}（{title}）" if title else name


def visit_table(session: Session, period: Period) -> Table:
    """走访明细 for the period."""
    return Table(
        VISIT_SHEET,
        VISIT_TABLE,
        [_visit(n, r) for n, r in enumerate(visit_details(session, period), start=1)],
    )


def _visit(number: int, row: VisitDetail) -> list[CellValue]:
    group = next((v.group for v in row.visitors if v.group), "")
    return [
        number,
        row.visited_on,
        row.org_name,
        label_zh(OrgKind, row.org_kind),
        row.credit_code,
        row.chain,
        row.visit_kind,
        JOIN.join(v.name for v in row.visitors),
        group,
        JOIN.join(_person(name, title) for name, title in row.contacts),
        row.summary,
        label_zh(Intent, row.intent),
        row.next_follow_up,
    ]


def ledger_table(
    session: Session,
    *,
    as_of: date | None,
    week: Period,
    funds_until: date | None,
    project_ids: Collection[uuid.UUID] | None = None,
) -> Table:
    """项目台账: live projects not dropped at the end of `as_of` (None: now).

    A project not yet opened by `as_of` is left out, and a signing after `as_of` is not shown:
    the return describes the week as it ended. 本周 funds are those dated in `week`, 累计 every
    tranche up to `funds_until` (None: all). `project_ids` restricts the ledger to those
    projects (the same rules still leave dropped ones out); None lists every project.
    """
    facts = {fact.id: fact for fact in project_facts(session)}
    rules = read_rules(session).assessment
    week_funds = funds_by_project(session, week)
    total_funds = funds_by_project(session, Period(None, funds_until))
    listed: list[tuple[tuple[int, date, str], LedgerProject, Stage | str | None]] = []
    for row in ledger_projects(session, project_ids):
        fact = facts.get(row.id)
        stage = _ledger_stage(fact, as_of)
        if stage == Stage.DROPPED or (stage is None and fact is not None and fact.events):
            continue
        signed = row.signed_on if _signed_by(row, as_of) else None
        order = _LEDGER_ORDER.index(stage if stage in _LEDGER_ORDER else None)
        key = (order, signed or date.max, row.name)
        listed.append((key, row, stage))
    listed.sort(key=lambda item: item[0])
    rows = [
        [
            *_ledger(n, row, stage, as_of, week_funds.get(row.id), total_funds.get(row.id)),
            *_assessed(row, facts.get(row.id), as_of, rules),
        ]
        for n, (_, row, stage) in enumerate(listed, start=1)
    ]
    return Table(LEDGER_SHEET, LEDGER_TABLE, rows, pages=LEDGER_PAGES)


def _ledger_stage(fact: ProjectFact | None, as_of: date | None) -> Stage | str | None:
    """The stage at the end of `as_of`; a project whose events by then all have stages this
    version does not know shows the latest of those codes (as 未知（code）); None: not opened."""
    if fact is None:
        return None
    stage = stage_at(fact, as_of)
    if stage is not None:
        return stage
    dated = [e for e in fact.events if as_of is None or e.on <= as_of]
    return max(dated, key=lambda e: (e.on, e.order)).stage if dated else None


def _signed_by(row: LedgerProject, as_of: date | None) -> bool:
    return row.signed_on is not None and (as_of is None or row.signed_on <= as_of)


def _ledger(
    number: int,
    row: LedgerProject,
    stage: Stage | str | None,
    as_of: date | None,
    week_yuan: int | None,
    total_yuan: int | None,
) -> list[CellValue]:
    signed = _signed_by(row, as_of)
    return [
        number,
        row.name,
        row.investor,
        row.credit_code,
        row.chain,
        row.link,
        label_zh(ChainRole, row.chain_role),
        stage_label_zh(stage),
        row.planned_yuan,
        row.contract_yuan if signed else None,
        row.sign_form if signed else None,
        row.signed_on if signed else None,
        row.landing_county,
        week_yuan,
        total_yuan,
        row.owner,
        row.group,
        row.progress,
        row.problems,
        row.next_step,
        row.next_follow_up,
    ]


def _assessed(
    row: LedgerProject, fact: ProjectFact | None, as_of: date | None, rules: AssessmentRules
) -> list[CellValue]:
    """项目类型, 资金来源, 入库日期, 入规日期 (each shown once reached by `as_of`), and the
    assessment verdict (计入 / 不计入 with its reason) of a project signed by `as_of`."""
    verdict: list[CellValue] = [None, None]
    if fact is not None and _signed_by(row, as_of):
        judged = fact.verdict(rules)
        reason = None if judged.counts else judged.reason.render(REPORT_LANGUAGE)
        verdict = [COUNTED if judged.counts else NOT_COUNTED, reason]
    return [
        kind_label_zh(row.kind),
        row.origin,
        _reached(row.stats_on, as_of),
        _reached(row.above_scale_on, as_of),
        *verdict,
    ]


def _reached(day: date | None, as_of: date | None) -> date | None:
    return day if day is not None and (as_of is None or day <= as_of) else None


def with_total(table: Table) -> Table:
    """`table` with a 合计 row: the sum of each amount column's shown amounts (integer yuan,
    so exact), blanks elsewhere."""
    total: list[CellValue] = [TOTAL_LABEL]
    for number, column in enumerate(table.columns[1:], start=1):
        if column.kind in (ExcelKind.WAN, ExcelKind.YI):
            # Amounts are integer yuan (the writer refuses anything else in these columns).
            amounts = (row[number] for row in table.rows)
            total.append(sum(a for a in amounts if isinstance(a, int)))
        else:
            total.append(None)
    return replace(table, total=total)


def tranche_table(session: Session, period: Period) -> Table:
    """到位资金 for the period."""
    return Table(
        TRANCHE_SHEET,
        TRANCHE_TABLE,
        [_tranche(n, r) for n, r in enumerate(ledger_tranches(session, period), start=1)],
    )


def _tranche(number: int, row: LedgerTranche) -> list[CellValue]:
    return [
        number,
        row.received_on,
        row.project,
        row.investor,
        row.amount_yuan,
        row.origin,
        row.evidence,
    ]


def org_table(session: Session) -> Table:
    """目标企业库: every live organization, targets first, with its contacts."""
    rows = [_org(n, r) for n, r in enumerate(org_rows(session), start=1)]
    return Table(ORG_SHEET, ORG_TABLE, rows)


def _contact_line(contact: ContactRow) -> str:
    person = _person(contact.name, contact.title)
    gap = " " if contact.phone and not contact.title else ""
    return f"{person}{gap}{contact.phone}"


def _org(number: int, row: DirectoryOrg) -> list[CellValue]:
    first: ContactRow | None = row.contacts[0] if row.contacts else None
    return [
        number,
        row.name,
        label_zh(OrgKind, row.kind),
        row.credit_code,
        row.chain,
        row.link,
        row.region,
        row.address,
        JOIN.join(row.tags),
        "是" if row.is_target else "否",
        row.phone,
        first.name if first else None,
        first.title if first else None,
        first.phone if first else None,
        "；".join(_contact_line(c) for c in row.contacts[1:]),
        row.notes,
    ]


def safe_file_name(name: str) -> str:
    """`name` usable as a file name on every system: unsafe characters become "_", and a name
    Windows keeps for a device (CON, NUL, COM1…) gets a "_" in front."""
    cleaned = _UNSAFE_IN_NAMES.sub("_", name).strip().rstrip(". ")
    if cleaned.split(".", 1)[0].rstrip(" ").upper() in _DEVICE_NAMES:
        cleaned = f"_{cleaned}"
    return cleaned[:150] or "FieldLog"


def default_file_name(
    what: str, team: str, *, today: date, week: IsoWeek | None = None, period: Period | None = None
) -> str:
    """The file name an export gets unless the user picks one (weekly, ledger, orgs, visits)."""
    if what == "weekly":
        stem = f"{team}工作周报_{week}"
    elif what == "visits":
        start, end = (period.start, period.end) if period else (None, None)
        span = f"{start.isoformat() if start else '最早'}_{end.isoformat() if end else '最新'}"
        stem = f"{team}{VISIT_SHEET}_{span}"
    else:
        stem = f"{team}{LEDGER_SHEET if what == 'ledger' else ORG_SHEET}_{today.isoformat()}"
    return f"{safe_file_name(stem)}.xlsx"


def output_path(out: Path | str | None, default: str, database: Path | None = None) -> Path:
    """Where to write: `out` as given, the default name inside `out` when it is a folder, or the
    default name in the current folder when it is None; refused (FileRefused, a ValueError)
    over `database` or its companions, or over an existing file that is not a workbook."""
    if out is None:
        chosen = Path.cwd() / default
    else:
        chosen = Path(out).expanduser()
        chosen = chosen / default if chosen.is_dir() else chosen
    return guard_output(chosen, Kind.WORKBOOK, database)
