"""The command line's parser: every command, option and usage check."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from fieldlog import __version__
from fieldlog.cli.maintenance_commands import add_maintenance_commands
from fieldlog.cli.sync_commands import add_sync_commands
from fieldlog.domain.period import IsoWeek, Period, parse_date


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


def _no_checks(_parser: argparse.ArgumentParser, _args: argparse.Namespace) -> None:
    return None


def period_of(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Period:
    """The period named by --week or --from/--to (open ends allowed); usage errors exit 2."""
    if getattr(args, "week", None) and (args.start or args.end):
        parser.error("use either --week or --from/--to, not both")
    if getattr(args, "week", None):
        period: Period = args.week.period
        return period
    if args.start and args.end and args.start > args.end:
        parser.error(f"--from {args.start} is after --to {args.end}")
    return Period(args.start, args.end)


def _check_stats(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    args.period = period_of(args, parser)


def _check_visits_export(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.start is None or args.end is None:
        parser.error("export visits needs both --from and --to")
    args.period = period_of(args, parser)


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", default=default, help="database file or SQLAlchemy URL"
    )
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), default=default, help="language of messages"
    )


def _simple(commands: argparse._SubParsersAction, late: argparse.ArgumentParser) -> None:
    commands.add_parser("gui", parents=[late], help="open the desktop window (the default)")
    for name, text in (
        ("init", "create or upgrade the database"),
        ("demo", "load the demo dispatch into an empty database"),
        ("digest", "SHA-256 of the replicated data"),
    ):
        commands.add_parser(name, parents=[late], help=text).set_defaults(handler=name)
    stats = commands.add_parser("stats", parents=[late], help="the figures of a period")
    stats.add_argument("--from", dest="start", type=_date, metavar="D")
    stats.add_argument("--to", dest="end", type=_date, metavar="D")
    stats.add_argument("--week", type=_week, metavar="YYYY-Www")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    stats.set_defaults(handler="stats", check_usage=_check_stats)


def _imports(commands: argparse._SubParsersAction, late: argparse.ArgumentParser) -> None:
    group = commands.add_parser("import", parents=[late], help="read an Excel sheet into the data")
    kinds = group.add_subparsers(dest="what", metavar="orgs|visits", required=True)
    for what, text in (("orgs", "a target-company list"), ("visits", "a visit log")):
        sub = kinds.add_parser(what, parents=[late], help=f"import {text}")
        sub.add_argument("file", type=Path, metavar="FILE")
        sub.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first)")
        sub.add_argument("--dry-run", action="store_true", help="report, but store nothing")
        sub.add_argument("--json", action="store_true", help="print the report as JSON")
        sub.set_defaults(handler=f"import_{what}")


def _exports(commands: argparse._SubParsersAction, late: argparse.ArgumentParser) -> None:
    group = commands.add_parser("export", parents=[late], help="write an Excel workbook")
    kinds = group.add_subparsers(dest="what", metavar="weekly|ledger|orgs|visits", required=True)
    weekly = kinds.add_parser("weekly", parents=[late], help="the weekly return (周报)")
    weekly.add_argument("--week", type=_week, required=True, metavar="YYYY-Www")
    weekly.add_argument("--since", type=_date, metavar="D", help="start of the cumulative span")
    kinds.add_parser("ledger", parents=[late], help="the project ledger (项目台账)")
    kinds.add_parser("orgs", parents=[late], help="the organization directory (目标企业库)")
    visits = kinds.add_parser("visits", parents=[late], help="the visit log (走访明细) of a range")
    visits.add_argument("--from", dest="start", type=_date, metavar="D")
    visits.add_argument("--to", dest="end", type=_date, metavar="D")
    visits.set_defaults(check_usage=_check_visits_export)
    for name, sub in kinds.choices.items():
        sub.add_argument("-o", "--output", type=Path, metavar="FILE", help="where to write it")
        sub.set_defaults(handler=f"export_{name}")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command and option."""
    parser = argparse.ArgumentParser(prog="fieldlog", description="FieldLog 驻点招商走访日志")
    _global_options(parser, None)
    parser.add_argument("--version", action="version", version=f"fieldlog {__version__}")
    parser.set_defaults(handler=None, check_usage=_no_checks)
    # The global options are accepted after the command too (`fieldlog gui --db X`).
    late = argparse.ArgumentParser(add_help=False)
    _global_options(late, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _simple(commands, late)
    _imports(commands, late)
    _exports(commands, late)
    add_sync_commands(commands, late)
    add_maintenance_commands(commands, late)
    return parser
