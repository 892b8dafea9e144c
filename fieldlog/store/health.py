"""Database health: SQLite's own checks plus FieldLog's sanity checks (`fieldlog check`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from fieldlog.store.models import REPLICATED_MODELS


@dataclass
class HealthReport:
    """What `check` found: problems (empty when healthy) and record counts per table."""

    problems: list[str] = field(default_factory=list)
    live: dict[str, int] = field(default_factory=dict)
    tombstoned: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def _sqlite_checks(session: Session, report: HealthReport) -> None:
    results = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
    if results != ["ok"]:
        report.problems += [f"integrity: {line}" for line in results[:20]]
    for table, rowid, parent, _fk in session.execute(text("PRAGMA foreign_key_check")):
        report.problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")


def check_health(session: Session) -> HealthReport:
    """Run every check; never raises for a damaged database, it reports."""
    report = HealthReport()
    if session.get_bind().dialect.name == "sqlite":
        _sqlite_checks(session, report)
    for model in REPLICATED_MODELS:
        table = model.__table__  # type: ignore[attr-defined]
        counts: dict[bool, int] = dict(
            session.execute(select(table.c.deleted, func.count()).group_by(table.c.deleted)).all()
        )
        report.live[table.name] = counts.get(False, 0)
        report.tombstoned[table.name] = counts.get(True, 0)
    return report
