"""The command line's parser: every command, option and usage check."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from fieldlog import __version__
from fieldlog.cli.attach_commands import add_attach_commands
from fieldlog.cli.brief_options import add_export_brief
from fieldlog.cli.bureau_commands import add_bureau_commands, add_export_bureau
from fieldlog.cli.calendar_command import add_export_calendar
from fieldlog.cli.card_command import add_card_command
from fieldlog.cli.encryption_commands import add_encrypt_option, add_encryption_commands
from fieldlog.cli.maintenance_commands import add_maintenance_commands
from fieldlog.cli.sync_commands import add_sync_commands
from fieldlog.cli.warnings_command import add_warnings_command
from fieldlog.cli.wording import Parser, command
from fieldlog.domain.messages import Message, carried, current_language, msg, render
from fieldlog.domain.period import IsoWeek, Period, parse_date
from fieldlog.domain.report_period import parse_month


def _refusal(error: ValueError, general: Message) -> argparse.ArgumentTypeError:
    """Why a value was refused: the core's own message when it is in the catalog (or the user
    reads English), else our general one, so that a Chinese user never reads an English one."""
    said = carried(error)
    if isinstance(said, Message) or current_language() == "en":
        return argparse.ArgumentTypeError(render(said))
    return argparse.ArgumentTypeError(render(general))


def _date(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as exc:
        general = msg(
            "cli.usage.bad_date",
            "{text!r} is not a valid date; use YYYY-MM-DD",
            text=text.strip(),
        )
        raise _refusal(exc, general) from exc


def _week(text: str) -> IsoWeek:
    try:
        return IsoWeek.parse(text)
    except ValueError as exc:
        general = msg(
            "cli.usage.bad_week",
            "{text!r} is not a week of the calendar; use YYYY-Www, like 2020-W16",
            text=text.strip(),
        )
        raise _refusal(exc, general) from exc


def _month(text: str) -> Period:
    try:
        return parse_month(text)
    except ValueError as exc:
        general = msg(
            "cli.usage.bad_month",
            "{text!r} is not a month; use YYYY-MM, like 2020-04",
            text=text.strip(),
        )
        raise _refusal(exc, general) from exc


def _no_checks(_parser: argparse.ArgumentParser, _args: argparse.Namespace) -> None:
    return None


def period_of(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Period:
    """The period named by --week or --from/--to (open ends allowed); usage errors exit 2."""
    if getattr(args, "week", None) and (args.start or args.end):
        parser.error(
            str(msg("cli.usage.week_or_range", "use either --week or --from/--to, not both"))
        )
    if getattr(args, "week", None):
        period: Period = args.week.period
        return period
    if args.start and args.end and args.start > args.end:
        parser.error(
            str(
                msg(
                    "cli.usage.from_after_to",
                    "--from {start} is after --to {end}",
                    start=args.start.isoformat(),
                    end=args.end.isoformat(),
                )
            )
        )
    return Period(args.start, args.end)


def _check_stats(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    args.period = period_of(args, parser)


def _check_visits_export(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.start is None or args.end is None:
        parser.error(str(msg("cli.usage.visits_range", "export visits needs both --from and --to")))
    args.period = period_of(args, parser)


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help=str(msg("cli.help.db", "database file or SQLAlchemy URL")),
    )
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=default,
        help=str(msg("cli.help.lang", "language of help and messages (default: the system's)")),
    )


def _json_option(parser: argparse.ArgumentParser, text: Message) -> None:
    parser.add_argument("--json", action="store_true", help=str(text))


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="D",
        help=str(msg("cli.help.from", "first day of the period (YYYY-MM-DD)")),
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=_date,
        metavar="D",
        help=str(msg("cli.help.to", "last day of the period (YYYY-MM-DD)")),
    )


def _simple(commands: argparse._SubParsersAction, late: argparse.ArgumentParser) -> None:
    gui = command(
        commands, "gui", late, msg("cli.help.gui", "open the desktop window (the default)")
    )
    gui.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help=str(
            msg(
                "cli.help.gui_file",
                "a sync package (*.fieldsync) to receive, or to join the team with on a new "
                "laptop; any other file is the database to open, as with --db",
            )
        ),
    )
    for name, text in (
        ("init", msg("cli.help.init", "create or upgrade the database")),
        ("demo", msg("cli.help.demo", "load the demo dispatch into an empty database")),
        ("digest", msg("cli.help.digest", "SHA-256 of the replicated data")),
    ):
        sub = command(commands, name, late, text)
        sub.set_defaults(handler=name)
        if name in ("init", "demo"):
            add_encrypt_option(sub)
    stats = command(commands, "stats", late, msg("cli.help.stats", "the figures of a period"))
    _period_options(stats)
    stats.add_argument(
        "--week",
        type=_week,
        metavar="YYYY-Www",
        help=str(msg("cli.help.stats_week", "an ISO week instead of --from/--to")),
    )
    stats.add_argument(
        "--team",
        metavar="NAME|all",
        help=str(
            msg(
                "cli.help.stats_team",
                "on a bureau database: one team's figures, or all teams' with an enterprise "
                "counted once (the default)",
            )
        ),
    )
    _json_option(stats, msg("cli.help.json_object", "print one JSON object"))
    stats.set_defaults(handler="stats", check_usage=_check_stats)
    rules = command(
        commands, "rules", late, msg("cli.help.rules", "the team's assessment and warning rules")
    )
    _json_option(rules, msg("cli.help.json_object", "print one JSON object"))
    rules.set_defaults(handler="rules")


def _imports(commands: argparse._SubParsersAction, late: argparse.ArgumentParser) -> None:
    group = command(
        commands, "import", late, msg("cli.help.import", "read an Excel sheet into the data")
    )
    kinds = group.add_subparsers(
        dest="what",
        metavar="orgs|visits",
        required=True,
        help=str(msg("cli.help.import_what", "what the sheet lists")),
    )
    for what, text in (
        ("orgs", msg("cli.help.import_orgs", "import a target-company list")),
        ("visits", msg("cli.help.import_visits", "import a visit log")),
    ):
        sub = command(kinds, what, late, text)
        sub.add_argument(
            "file",
            type=Path,
            metavar="FILE",
            help=str(msg("cli.help.workbook", "the workbook (.xlsx)")),
        )
        sub.add_argument(
            "--sheet",
            metavar="NAME",
            help=str(msg("cli.help.sheet", "the sheet to read (default: the first)")),
        )
        sub.add_argument(
            "--dry-run",
            action="store_true",
            help=str(msg("cli.help.dry_run", "report, but store nothing")),
        )
        sub.add_argument(
            "--progress",
            action="store_true",
            help=str(msg("cli.help.import_progress", "tell how far the import is, on stderr")),
        )
        _json_option(sub, msg("cli.help.json_report", "print the report as JSON"))
        sub.set_defaults(handler=f"import_{what}")


def _exports(commands: argparse._SubParsersAction, late: argparse.ArgumentParser) -> None:
    group = command(
        commands, "export", late, msg("cli.help.export_any", "write a workbook or the briefing")
    )
    kinds = group.add_subparsers(
        dest="what",
        metavar="WHAT",
        required=True,
        help=str(msg("cli.help.export_which", "which workbook, or the briefing")),
    )
    weekly = command(kinds, "weekly", late, msg("cli.help.weekly", "the weekly return (周报)"))
    weekly.add_argument(
        "--week",
        type=_week,
        required=True,
        metavar="YYYY-Www",
        help=str(msg("cli.help.weekly_week", "the ISO week of the return")),
    )
    weekly.add_argument(
        "--since",
        type=_date,
        metavar="D",
        help=str(msg("cli.help.since", "start of the cumulative span")),
    )
    command(kinds, "ledger", late, msg("cli.help.ledger", "the project ledger (项目台账)"))
    command(kinds, "orgs", late, msg("cli.help.orgs", "the organization directory (目标企业库)"))
    visits = command(
        kinds, "visits", late, msg("cli.help.visits", "the visit log (走访明细) of a range")
    )
    _period_options(visits)
    visits.set_defaults(check_usage=_check_visits_export)
    add_export_brief(kinds, late, week=_week, month=_month, dates=_period_options)
    add_export_bureau(kinds, late, _week)
    add_export_calendar(kinds, late, _period_options)
    for name, sub in kinds.choices.items():
        sub.add_argument(
            "-o",
            "--output",
            type=Path,
            metavar="FILE",
            help=str(msg("cli.help.output", "where to write it")),
        )
        sub.set_defaults(handler=f"export_{name}")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command and option, its help in the current language (set it first:
    `messages.use_language`, and argparse's own words with `wording.argparse_speaking`)."""
    parser = Parser(
        prog="fieldlog",
        description="FieldLog 驻点招商走访日志",
        epilog=str(
            msg(
                "cli.help.secrets_order",
                "An encrypted database needs its password: from this computer's password store "
                "when it was remembered, else from the first line of standard input when it is "
                "not a terminal, else asked. A team passphrase a command also needs (sync) comes "
                "likewise, on the next line.",
            )
        ),
    )
    _global_options(parser, None)
    parser.add_argument(
        "--version",
        action="version",
        version=f"fieldlog {__version__}",
        help=str(msg("cli.help.version", "print the version and exit")),
    )
    parser.set_defaults(handler=None, check_usage=_no_checks)
    # The global options are accepted after the command too (`fieldlog gui --db X`).
    late = Parser(add_help=False)
    _global_options(late, argparse.SUPPRESS)
    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        help=str(msg("cli.help.command", "what to do (fieldlog COMMAND --help tells more)")),
    )
    _simple(commands, late)
    _imports(commands, late)
    _exports(commands, late)
    add_warnings_command(
        commands, late, _date, msg("cli.help.json_object", "print one JSON object")
    )
    add_sync_commands(commands, late)
    add_maintenance_commands(commands, late)
    add_encryption_commands(commands, late)
    add_bureau_commands(commands, late)
    add_card_command(commands, late)
    add_attach_commands(commands, late)
    return parser


def command_names(parser: argparse.ArgumentParser) -> list[str]:
    """The command words `parser` knows (gui, init, demo, …)."""
    return [
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    ]
