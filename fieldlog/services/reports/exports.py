"""Excel exports (SPEC §4.1, §4.2): the weekly return, the ledger, the organizations, the visits.

Each function reads in one read-only unit of work, writes one workbook and returns its path.
`out=None` writes the default file name into the current folder; a folder puts it there.
InvalidInput for a request that cannot be met; OSError passes through when the file cannot be
written (the caller tells the user).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from fieldlog.domain.messages import msg
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.excel.tables import write_tables
from fieldlog.services.reports.report_sheets import (
    default_file_name,
    ledger_table,
    org_table,
    output_path,
    visit_table,
)
from fieldlog.services.validate import sane_date
from fieldlog.store.database import Database
from fieldlog.store.repositories.report_rows import team_row


def _team_name(session: Session) -> str:
    team = team_row(session)
    return team.name if team else ""


def export_ledger(
    db: Database,
    *,
    out: Path | None = None,
    today: date | None = None,
    project_ids: Collection[uuid.UUID] | None = None,
) -> Path:
    """项目台账 of every live project not dropped now; 本周 funds are those of `today`'s week.

    `project_ids` restricts it to those projects (a filtered list in the window); None, as the
    command line has it, lists them all.
    """
    day = today or date.today()
    week = IsoWeek.of(day)
    ids = None if project_ids is None else frozenset(project_ids)
    with db.read() as session:
        table = ledger_table(
            session, as_of=None, week=week.period, funds_until=None, project_ids=ids
        )
        team = _team_name(session)
    path = output_path(out, default_file_name("ledger", team, today=day), db.path)
    return write_tables([table], path)


def export_orgs(db: Database, *, out: Path | None = None, today: date | None = None) -> Path:
    """目标企业库: every live organization, targets first, with its contacts."""
    day = today or date.today()
    with db.read() as session:
        table = org_table(session)
        team = _team_name(session)
    path = output_path(out, default_file_name("orgs", team, today=day), db.path)
    return write_tables([table], path)


def export_visits(db: Database, period: Period, *, out: Path | None = None) -> Path:
    """走访明细 of the visits dated in `period` (inclusive; an open end means no limit)."""
    start = sane_date(period.start, msg("field.start_date", "start date"))
    end = sane_date(period.end, msg("field.end_date", "end date"))
    with db.read() as session:
        table = visit_table(session, period)
        team = _team_name(session)
    name = default_file_name("visits", team, today=date.today(), period=Period(start, end))
    path = output_path(out, name, db.path)
    return write_tables([table], path)
