"""`export brief --week W | --month M | --from D --to D [-o FILE]`: its options and their check."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from fieldlog.cli.wording import command
from fieldlog.domain.messages import msg
from fieldlog.domain.report_period import ReportPeriod


def add_export_brief(
    kinds: argparse._SubParsersAction,
    late: argparse.ArgumentParser,
    *,
    week: Callable[[str], Any],
    month: Callable[[str], Any],
    dates: Callable[[argparse.ArgumentParser], None],
) -> None:
    """The `brief` export; `week`, `month` read an option's value, `dates` adds --from/--to."""
    brief = command(
        kinds, "brief", late, msg("cli.help.brief", "the written briefing (工作简报, .docx)")
    )
    brief.add_argument(
        "--week",
        type=week,
        metavar="YYYY-Www",
        help=str(msg("cli.help.brief_week", "an ISO week")),
    )
    brief.add_argument(
        "--month",
        type=month,
        metavar="YYYY-MM",
        help=str(msg("cli.help.brief_month", "a calendar month")),
    )
    dates(brief)
    brief.set_defaults(check_usage=_check_brief)


def _check_brief(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Exactly one period: --week, --month, or both --from and --to (in that order)."""
    start, end = args.start, args.end
    given = [args.week is not None, args.month is not None, (start, end) != (None, None)]
    if sum(given) != 1 or (given[2] and (start is None or end is None)):
        parser.error(
            str(
                msg(
                    "cli.usage.brief_period",
                    "export brief needs one period: --week, --month, or --from and --to",
                )
            )
        )
    if args.week is not None:
        args.report_period = ReportPeriod.week(args.week)
    elif args.month is not None:
        args.report_period = ReportPeriod.month(args.month)
    elif start > end:
        parser.error(
            str(
                msg(
                    "cli.usage.from_after_to",
                    "--from {start} is after --to {end}",
                    start=start.isoformat(),
                    end=end.isoformat(),
                )
            )
        )
    else:
        args.report_period = ReportPeriod.dates(start, end)
