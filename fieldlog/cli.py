"""The command line (SPEC §5): scriptable, no Qt unless the window is opened.

Exit codes: 0 success; 1 bad input, with one line on stderr; 2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import json
import locale
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy.exc import SQLAlchemyError

from fieldlog import __version__
from fieldlog.domain.counting import AMOUNT_METRICS, LABELS_EN, LABELS_ZH, METRICS, Stats
from fieldlog.domain.money import format_yi
from fieldlog.domain.period import IsoWeek, Period, parse_date
from fieldlog.store.database import Database, DatabaseError
from fieldlog.store.location import resolve_location

PROG = "fieldlog"


def _date(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _week(text: str) -> IsoWeek:
    try:
        return IsoWeek.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command and option."""
    parser = argparse.ArgumentParser(prog=PROG, description="FieldLog 驻点招商走访日志")
    _global_options(parser, None)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    # The global options are accepted after the command too (`fieldlog gui --db X`).
    late = argparse.ArgumentParser(add_help=False)
    _global_options(late, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("gui", parents=[late], help="open the desktop window (the default)")
    commands.add_parser("init", parents=[late], help="create or upgrade the database")
    commands.add_parser(
        "demo", parents=[late], help="load the demo dispatch into an empty database"
    )
    stats = commands.add_parser(
        "stats", parents=[late], help="the counting-rule figures for a period"
    )
    stats.add_argument("--from", dest="start", type=_date, metavar="D")
    stats.add_argument("--to", dest="end", type=_date, metavar="D")
    stats.add_argument("--week", type=_week, metavar="YYYY-Www")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    commands.add_parser("digest", parents=[late], help="SHA-256 of the replicated data")
    commands.add_parser("check", parents=[late], help="integrity and foreign-key checks")
    return parser


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", default=default, help="database file or SQLAlchemy URL"
    )
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), default=default, help="language of messages"
    )


def _language(option: str | None) -> str:
    if option:
        return option
    name = os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return "zh_CN" if name.lower().startswith("zh") else "en"


def _period(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Period:
    if args.week and (args.start or args.end):
        parser.error("use either --week or --from/--to, not both")
    if args.week:
        period: Period = args.week.period
        return period
    if args.start and args.end and args.start > args.end:
        parser.error(f"--from {args.start} is after --to {args.end}")
    return Period(args.start, args.end)


def _display_width(text: str) -> int:
    # A CJK character takes two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _format_stats(stats: Stats, lang: str) -> str:
    zh = lang == "zh_CN"
    labels = LABELS_ZH if zh else LABELS_EN
    span = "全部" if zh else "all time"
    if stats.period.start or stats.period.end:
        span = str(stats.period)
    lines = [f"{'统计期间' if zh else 'Period'}: {span}"]
    width = max(_display_width(label) for label in labels.values())
    for metric in METRICS:
        value = stats.value(metric)
        shown = format_yi(value) if metric in AMOUNT_METRICS else str(value)
        label = labels[metric]
        lines.append(f"{label}{' ' * (width - _display_width(label))}  {shown:>12}")
    return "\n".join(lines)


def _cmd_init(db: Database, _args: argparse.Namespace) -> int:
    print(f"FieldLog database ready: {db.name}")
    return 0


def _cmd_demo(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.demo import load_demo

    summary = load_demo(db)
    print(
        f"Demo dispatch loaded into {db.name}: {summary.members} members, "
        f"{summary.organizations} organizations, {summary.visits} visits, "
        f"{summary.projects} projects."
    )
    return 0


def _cmd_digest(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.maintenance import digest

    print(digest(db))
    return 0


def _cmd_check(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.maintenance import check

    report = check(db)
    for table, count in report.live.items():
        print(f"{table:<16} {count:>9} live {report.tombstoned[table]:>7} deleted")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print("ok" if report.ok else f"{len(report.problems)} problem(s) found")
    return 0 if report.ok else 1


Handler = Callable[[Database, argparse.Namespace], int]
HANDLERS: dict[str, Handler] = {
    "init": _cmd_init,
    "demo": _cmd_demo,
    "digest": _cmd_digest,
    "check": _cmd_check,
}


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from fieldlog.services.workspace import open_workspace

    period = _period(args, parser) if args.command == "stats" else None
    db = open_workspace(resolve_location(args.db))
    try:
        if period is not None:
            from fieldlog.services.stats import compute

            stats = compute(db, period)
            as_json = json.dumps(stats.as_dict(), ensure_ascii=False)
            print(as_json if args.json else _format_stats(stats, _language(args.lang)))
            return 0
        return HANDLERS[args.command](db, args)
    finally:
        db.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from fieldlog import app

        gui_args = [
            *(["--db", args.db] if args.db else []),
            *(["--lang", args.lang] if args.lang else []),
        ]
        return app.main(gui_args)
    try:
        return _run(args, parser)
    except (DatabaseError, ValueError, OSError, SQLAlchemyError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
