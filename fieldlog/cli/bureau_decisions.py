"""`bureau lead` and `bureau send`: the bureau's 首报首谈 decisions, and what a team received."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from fieldlog.cli.wording import command
from fieldlog.domain.messages import msg
from fieldlog.store.database import Database

Handler = Callable[[Database, argparse.Namespace], int]


def add_decision_commands(kinds: argparse._SubParsersAction, late: argparse.ArgumentParser) -> None:
    """Register `bureau lead` and `bureau send`."""
    lead = command(
        kinds,
        "lead",
        late,
        msg(
            "cli.help.bureau_lead", "decide which team leads an enterprise several teams work with"
        ),
    )
    lead.add_argument(
        "enterprise",
        metavar="ENTERPRISE",
        help=str(msg("cli.help.bureau_enterprise", "its credit code, or a team's name for it")),
    )
    lead.add_argument(
        "--team",
        required=True,
        metavar="NAME",
        help=str(msg("cli.help.bureau_lead_team", "the team that leads")),
    )
    lead.add_argument(
        "--note",
        default="",
        metavar="TEXT",
        help=str(msg("cli.help.bureau_note", "a note for the teams")),
    )
    lead.set_defaults(handler="bureau_lead")
    send = command(
        kinds,
        "send",
        late,
        msg(
            "cli.help.bureau_send",
            "write each team the package of the bureau's decisions on its work",
        ),
    )
    send.add_argument(
        "--team",
        default="all",
        metavar="NAME|all",
        help=str(msg("cli.help.bureau_send_team", "one team, or all (the default)")),
    )
    send.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="PATH",
        help=str(
            msg(
                "cli.help.bureau_send_out",
                "a folder (one package per team) or, for one team, a file",
            )
        ),
    )
    send.set_defaults(handler="bureau_send")
    alike = command(
        kinds,
        "lookalikes",
        late,
        msg("cli.help.bureau_lookalikes", "two teams' records whose names look alike, to decide"),
    )
    alike.add_argument(
        "--json",
        action="store_true",
        help=str(msg("cli.help.json_report", "print the report as JSON")),
    )
    alike.set_defaults(handler="bureau_lookalikes")
    for name, text, handler in (
        ("same", msg("cli.help.bureau_same", "confirm two records one enterprise"), "bureau_same"),
        (
            "different",
            msg("cli.help.bureau_different", "record two records as different enterprises"),
            "bureau_different",
        ),
    ):
        decide = command(kinds, name, late, text)
        for arg in ("first", "second"):
            decide.add_argument(
                arg,
                metavar="ID",
                help=str(
                    msg("cli.help.bureau_org_id", "a record's id (its last 8 characters will do)")
                ),
            )
        decide.set_defaults(handler=handler)


def received(db: Database, args: argparse.Namespace) -> int:
    """On a team's database: the bureau's decisions it received."""
    from fieldlog.services.bureau.leads import received_decisions

    found = received_decisions(db)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "enterprise": d.enterprise,
                        "lead_team": d.lead_team,
                        "first_team": d.first_team,
                        "first_date": d.first_on.isoformat() if d.first_on else None,
                        "decided": d.decided_on.isoformat() if d.decided_on else None,
                        "note": d.note,
                    }
                    for d in found
                ],
                ensure_ascii=False,
            )
        )
        return 0
    for d in found:
        print(
            msg(
                "cli.bureau.decision",
                "{enterprise}: {lead} leads (first reported by {first}; decided {decided})",
                enterprise=d.enterprise,
                lead=d.lead_team,
                first=d.first_team,
                decided=d.decided_on.isoformat() if d.decided_on else "—",
            )
        )
    return 0


def _bureau_lead(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.leads import decide_lead

    overlap = decide_lead(db, args.enterprise, args.team, note=args.note)
    print(
        msg(
            "cli.bureau.lead_set",
            "{team} leads {enterprise}; `fieldlog bureau send` writes the decision to the "
            "{count} teams concerned",
            team=args.team.strip(),
            enterprise=overlap.name,
            count=len(overlap.teams),
        )
    )
    return 0


def _bureau_send(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.bureau import find_team, require_bureau, teams
    from fieldlog.services.bureau.leads import send_decisions

    require_bureau(db)
    chosen = teams(db) if args.team == "all" else [find_team(db, args.team)]
    if len(chosen) > 1 and not args.output.is_dir():
        raise ValueError(
            msg(
                "cli.bureau.send_folder",
                "-o must be a folder when writing to several teams; nothing was written",
            )
        )
    for team in chosen:
        path, count = send_decisions(db, team, args.output)
        print(
            msg(
                "cli.bureau.sent",
                "{path}: {count} decision(s) for {team}",
                path=str(path),
                count=count,
                team=team.name,
            )
        )
    return 0


def _bureau_lookalikes(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.identity import candidates

    found = candidates(db)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "first_id": str(c.first_id),
                        "first_name": c.first_name,
                        "first_team": c.first_team,
                        "second_id": str(c.second_id),
                        "second_name": c.second_name,
                        "second_team": c.second_team,
                    }
                    for c in found
                ],
                ensure_ascii=False,
            )
        )
        return 0
    for c in found:
        print(
            f"{c.first_id.hex[-8:]} {c.first_name}（{c.first_team}）  ~  "
            f"{c.second_id.hex[-8:]} {c.second_name}（{c.second_team}）"
        )
    return 0


def _decide(same: bool) -> Handler:
    def run(db: Database, args: argparse.Namespace) -> int:
        from fieldlog.services.bureau.identity import decide, find_org

        decide(db, find_org(db, args.first), find_org(db, args.second), same=same)
        if same:
            print(msg("cli.bureau.same", "recorded: one enterprise, counted once across teams"))
        else:
            print(msg("cli.bureau.different", "recorded: two enterprises; not proposed again"))
        return 0

    return run


DECISION_HANDLERS: dict[str, Handler] = {
    "bureau_lookalikes": _bureau_lookalikes,
    "bureau_same": _decide(True),
    "bureau_different": _decide(False),
    "bureau_lead": _bureau_lead,
    "bureau_send": _bureau_send,
}
