"""`bureau init|register|teams|overlaps|watch` and `export bureau`: the home bureau's commands.

`bureau register` takes one or more packages, each with its team's passphrase: one line of
standard input per package, in their order, when it is not a terminal (a scheduled job; after the
database password when that is read there too), else a prompt naming the package. Every
passphrase is read, and every package opened, before anything is kept; the bureau keeps each
team's passphrase in the password store and receives all the packages in one import.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldlog.cli.bureau_decisions import DECISION_HANDLERS, add_decision_commands, received
from fieldlog.cli.wording import command
from fieldlog.domain.messages import Message, msg
from fieldlog.domain.money import format_yi
from fieldlog.store.database import Database

if TYPE_CHECKING:
    from fieldlog.services.bureau.bureau import Registration

Handler = Callable[[Database, argparse.Namespace], int]


def add_bureau_commands(
    commands: argparse._SubParsersAction, late: argparse.ArgumentParser
) -> None:
    """Register `bureau …` on the command parser."""
    group = command(
        commands, "bureau", late, msg("cli.help.bureau", "the home bureau's database of teams")
    )
    kinds = group.add_subparsers(
        dest="what",
        metavar="ACTION",
        required=True,
        help=str(msg("cli.help.bureau_what", "what to do")),
    )
    init = command(kinds, "init", late, msg("cli.help.bureau_init", "make a bureau database"))
    init.add_argument(
        "--name",
        required=True,
        metavar="NAME",
        help=str(msg("cli.help.bureau_name", "the bureau's name, e.g. 铜仁市投资促进局")),
    )
    init.set_defaults(handler="bureau_init")
    register = command(
        kinds,
        "register",
        late,
        msg(
            "cli.help.bureau_register_many",
            "register the teams that made packages, and receive them in one import",
        ),
    )
    register.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="PACKAGE",
        help=str(
            msg(
                "cli.help.bureau_packages",
                "a package (*.fieldsync) of each team; one passphrase per package, in their "
                "order, one a line on standard input (else asked)",
            )
        ),
    )
    register.set_defaults(handler="bureau_register")
    listed = command(kinds, "teams", late, msg("cli.help.bureau_teams", "the registered teams"))
    _json(listed)
    listed.set_defaults(handler="bureau_teams")
    overlaps = command(
        kinds,
        "overlaps",
        late,
        msg("cli.help.bureau_overlaps", "enterprises in more than one team's work (首报首谈)"),
    )
    _json(overlaps)
    overlaps.set_defaults(handler="bureau_overlaps")
    add_decision_commands(kinds, late)
    watch = command(
        kinds, "watch", late, msg("cli.help.bureau_watch", "receive the packages put in a folder")
    )
    watch.add_argument(
        "folder",
        type=Path,
        metavar="DIR",
        help=str(msg("cli.help.bureau_folder", "the shared folder the teams put packages in")),
    )
    watch.add_argument(
        "--once",
        action="store_true",
        help=str(msg("cli.help.bureau_once", "look once and stop (for a scheduled job)")),
    )
    watch.add_argument(
        "--every",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help=str(msg("cli.help.bureau_every", "how often to look (default 60 seconds)")),
    )
    _json(watch)
    watch.set_defaults(handler="bureau_watch")


def add_export_bureau(
    kinds: argparse._SubParsersAction, late: argparse.ArgumentParser, week: Any
) -> None:
    """`export bureau --week W [-o FILE]`: the consolidated return."""
    sub = command(
        kinds, "bureau", late, msg("cli.help.export_bureau", "the bureau's return of every team")
    )
    sub.add_argument(
        "--week",
        type=week,
        required=True,
        metavar="YYYY-Www",
        help=str(msg("cli.help.weekly_week", "the ISO week of the return")),
    )


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help=str(msg("cli.help.json_report", "print the report as JSON")),
    )


def _bureau_init(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.bureau import init_bureau

    name = init_bureau(db, args.name)
    print(
        msg("cli.bureau.ready", "Bureau database ready: {name} ({where})", name=name, where=db.name)
    )
    return 0


def _passphrases(files: list[Path]) -> list[tuple[Path, str]]:
    """Each package with its team's passphrase: the next line of standard input when it is not
    a terminal (after the database password, when one was read there), else asked naming it.
    All are read before anything is kept."""
    if sys.stdin is not None and sys.stdin.isatty():
        return [(file, getpass.getpass(str(_ask(file)))) for file in files]
    given = []
    for file in files:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        if not line.strip():
            raise ValueError(
                msg(
                    "cli.bureau.no_passphrase_for",
                    "no team passphrase on standard input for {file} (one line per package, in "
                    "their order); nothing was registered",
                    file=file.name,
                )
            )
        given.append((file, line.rstrip("\r\n")))
    return given


def _ask(file: Path) -> Message:
    return msg(
        "cli.bureau.ask_for", "The passphrase of the team that made {file}: ", file=file.name
    )


def _bureau_register(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.bureau import register_teams
    from fieldlog.services.secrets import Kept

    done = register_teams(db, _passphrases(args.files))
    told: set[object] = set()
    for registration in done:
        if registration.team.id not in told:
            told.add(registration.team.id)
            print(_registered_line(registration))
        package = registration.package
        print(
            msg(
                "cli.bureau.received",
                "{file}: {rows} records received",
                file=Path(package.file).name,
                rows=package.rows,
            )
        )
    if any(r.kept is Kept.MEMORY for r in done):
        print(
            msg(
                "cli.bureau.memory",
                "note: this computer has no password store, so the team's passphrase is kept for "
                "this run only; later packages of the team need it registered again",
            ),
            file=sys.stderr,
        )
    return 0


def _registered_line(registration: Registration) -> Message:
    if registration.new:
        return msg("cli.bureau.registered", "registered team {team}", team=registration.team.name)
    return msg(
        "cli.bureau.again",
        "team {team} was registered already; its passphrase is updated",
        team=registration.team.name,
    )


def _bureau_teams(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.bureau import require_bureau, teams

    require_bureau(db)
    found = teams(db)
    if args.json:
        print(json.dumps([{"id": str(t.id), "name": t.name} for t in found], ensure_ascii=False))
        return 0
    for team in found:
        print(f"{team.name}\t{team.id}")
    return 0


def overlap_json(overlap: Any) -> dict[str, Any]:
    """One overlap as `bureau overlaps --json` prints it."""
    return {
        "enterprise": overlap.name,
        "credit_code": overlap.credit_code,
        "first_team": overlap.first.team.name,
        "first_date": overlap.first.first_on.isoformat(),
        "first_by": overlap.first.first_by,
        "lead_team": overlap.lead,
        "teams": [
            {
                "team": w.team.name,
                "name": w.name,
                "first_date": w.first_on.isoformat(),
                "first_by": w.first_by,
                "projects": w.projects,
                "contract_amount_yuan": w.contract_yuan,
                "planned_amount_yuan": w.planned_yuan,
            }
            for w in overlap.teams
        ],
    }


def _team_work(work: Any) -> str:
    """One team's part in an overlap: when it first reported the enterprise and the amounts
    at stake (signed, and planned where nothing is signed yet)."""
    if work.contract_yuan:
        amount = msg("cli.bureau.signed", "{yi} yi yuan signed", yi=format_yi(work.contract_yuan))
    elif work.planned_yuan:
        amount = msg("cli.bureau.planned", "{yi} yi yuan planned", yi=format_yi(work.planned_yuan))
    else:
        amount = msg("cli.bureau.no_amount", "no amount yet")
    return f"{work.team.name}（{work.first_on.isoformat()}，{amount}）"


def _bureau_overlaps(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.overlaps import overlaps
    from fieldlog.services.exchange.bureau_receive import is_bureau

    if not is_bureau(db):
        return received(db, args)
    found = overlaps(db)
    if args.json:
        print(json.dumps([overlap_json(o) for o in found], ensure_ascii=False))
        return 0
    for overlap in found:
        teams = "、".join(_team_work(w) for w in overlap.teams)
        print(
            msg(
                "cli.bureau.overlap",
                "{name}: first reported by {first} on {date}; teams: {teams}",
                name=overlap.name,
                first=overlap.first.team.name,
                date=overlap.first.first_on.isoformat(),
                teams=teams,
            )
        )
    print(
        msg(
            "cli.bureau.overlap_count",
            "{count} enterprise(s) in several teams' work",
            count=len(found),
        )
    )
    return 0


def _bureau_watch(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.watch import Looked, watch_once

    seen: dict[Path, Looked] = {}
    while True:
        for result in watch_once(db, args.folder, seen):
            if args.json:
                print(json.dumps(result.as_dict(), ensure_ascii=False), flush=True)
            else:
                print(result.line(), flush=True)
        if args.once:
            return 0
        time.sleep(max(args.every, 1.0))


def _export_bureau(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.consolidated import export_bureau

    print(export_bureau(db, args.week, out=args.output))  # the path alone: scripts use it
    return 0


BUREAU_HANDLERS: dict[str, Handler] = {
    "bureau_init": _bureau_init,
    "bureau_register": _bureau_register,
    "bureau_teams": _bureau_teams,
    "bureau_overlaps": _bureau_overlaps,
    "bureau_watch": _bureau_watch,
    **DECISION_HANDLERS,
    "export_bureau": _export_bureau,
}
