"""`export calendar [--from D --to D] [--member NAME] [-o FILE.ics]`: the open follow-ups as a
calendar file for the phone."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from fieldlog.cli.wording import command
from fieldlog.domain.messages import msg
from fieldlog.store.database import Database


def add_export_calendar(
    kinds: argparse._SubParsersAction,
    late: argparse.ArgumentParser,
    dates: Callable[[argparse.ArgumentParser], None],
) -> None:
    """The `calendar` export; `dates` adds --from/--to as the other exports have them."""
    text = msg("cli.help.calendar", "the open follow-ups as a calendar file (.ics)")
    calendar = command(kinds, "calendar", late, text)
    dates(calendar)
    calendar.add_argument(
        "--member",
        metavar="NAME",
        help=str(msg("cli.help.calendar_member", "one member's follow-ups (default: the team's)")),
    )
    calendar.set_defaults(check_usage=_check_calendar)


def _check_calendar(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
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


def export_calendar(db: Database, args: argparse.Namespace) -> int:
    """Write the calendar file and print its path (scripts use it)."""
    from fieldlog.services.visits.calendar_export import member_named
    from fieldlog.services.visits.calendar_ics import export_calendar as write

    member = member_named(db, args.member) if args.member is not None else None
    path = write(
        db,
        out=args.output,
        first=args.start,
        last=args.end,
        scope="team" if member is None else "me",
        member_id=member,
    )
    print(path)
    return 0
