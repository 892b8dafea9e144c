"""`import orgs|visits` and `export weekly|ledger|orgs|visits|brief`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldlog.cli.calendar_command import export_calendar
from fieldlog.domain.messages import code_of, msg, render
from fieldlog.store.database import Database

Handler = Callable[[Database, argparse.Namespace], int]


def _print_report(report: Any, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False))
        return
    if args.dry_run:
        print(msg("cli.import.dry_run", "Dry run: nothing was stored."))
    print(
        msg(
            "cli.import.summary",
            "{file}: created {created}, updated {updated}, unchanged {unchanged}, "
            "rejected {rejected}",
            file=str(args.file),
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            rejected=len(report.rejected),
        )
    )
    for row in report.rejected:
        print(
            "  "
            + str(msg("cli.import.rejected", "row {row}: {reason}", row=row.row, reason=row.reason))
        )


def report_json(report: Any) -> dict[str, Any]:
    """`import … --json` (SPEC §5): each rejected row as {"row", "code", "reason"}, the reason in
    the user's language and the code stable for scripts."""
    data: dict[str, Any] = report.as_dict()
    data["rejected"] = [
        {
            "row": row.row,
            "code": code_of(row.reason, str(given.get("code", "import.rejected"))),
            "reason": render(row.reason),
        }
        for row, given in zip(report.rejected, data["rejected"], strict=True)
    ]
    return data


class _StderrProgress:
    """`import --progress`: a line on stderr at each step's start and end, and every second."""

    def __init__(self) -> None:
        self._last = 0.0
        self._step = ""

    def __call__(self, step: str, done: int, total: int) -> bool:
        now = time.monotonic()
        if step == self._step and now - self._last < 1.0 and (total == 0 or done < total):
            return True
        self._step, self._last = step, now
        if step == "reading":
            line = msg("cli.import.reading", "reading: {rows} rows", rows=format(done, ","))
        else:
            line = msg(
                "cli.import.storing",
                "storing: {done} of {total} rows ({percent}%)",
                done=format(done, ","),
                total=format(total, ","),
                percent=done * 100 // total if total else 100,
            )
        print(line, file=sys.stderr, flush=True)
        return True


def _import(what: str) -> Handler:
    def run(db: Database, args: argparse.Namespace) -> int:
        from fieldlog.services.imports import imports

        action = imports.import_orgs if what == "orgs" else imports.import_visits
        progress = _StderrProgress() if args.progress else None
        report = action(db, args.file, sheet=args.sheet, dry_run=args.dry_run, progress=progress)
        _print_report(report, args)
        return 0

    return run


def _written(path: Path) -> int:
    # The path alone, in every language: scripts use it.
    print(path)
    return 0


def _export_weekly(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.reports.weekly import export_weekly

    return _written(export_weekly(db, args.week, since=args.since, out=args.output))


def _export_ledger(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.reports.exports import export_ledger

    return _written(export_ledger(db, out=args.output))


def _export_orgs(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.reports.exports import export_orgs

    return _written(export_orgs(db, out=args.output))


def _export_visits(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.reports.exports import export_visits

    return _written(export_visits(db, args.period, out=args.output))


def _export_brief(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.reports.brief import export_brief
    from fieldlog.ui.brief_chart import chart_png, ensure_gui

    ensure_gui()  # the chart is drawn by Qt, offscreen
    return _written(export_brief(db, args.report_period, out=args.output, chart=chart_png))


EXCEL_HANDLERS: dict[str, Handler] = {
    "import_orgs": _import("orgs"),
    "import_visits": _import("visits"),
    "export_weekly": _export_weekly,
    "export_ledger": _export_ledger,
    "export_orgs": _export_orgs,
    "export_visits": _export_visits,
    "export_brief": _export_brief,
    "export_calendar": export_calendar,
}
