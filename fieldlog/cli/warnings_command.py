"""`warnings [--as-of D] [--json]`: stale projects (三色预警), leads answered late and incomplete
leads, as judged on a day."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from fieldlog.cli.wording import command
from fieldlog.domain.messages import Message, current_language, msg
from fieldlog.domain.stages import stage_label
from fieldlog.domain.warnings import colour_label, lead_field_label
from fieldlog.store.database import Database

Handler = Callable[[Database, argparse.Namespace], int]


def add_warnings_command(
    commands: argparse._SubParsersAction,
    late: argparse.ArgumentParser,
    day: Callable[[str], date],
    json_help: Message,
) -> None:
    """The `warnings` command; `day` reads a date option as the other commands do."""
    text = msg("cli.help.warnings", "stale projects, leads answered late, incomplete leads")
    sub = command(commands, "warnings", late, text)
    sub.add_argument(
        "--as-of",
        dest="as_of",
        type=day,
        metavar="D",
        help=str(msg("cli.help.as_of", "the day to judge on (YYYY-MM-DD; default today)")),
    )
    sub.add_argument("--json", action="store_true", help=str(json_help))
    sub.set_defaults(handler="warnings")


def _warnings(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.reports import warnings

    as_of = args.as_of or date.today()
    found = {
        "as_of": as_of,
        "stale": warnings.stale_projects(db, as_of),
        "late": warnings.late_leads(db, as_of),
        "incomplete": warnings.incomplete_leads(db, as_of),
    }
    print(json.dumps(_as_json(found), ensure_ascii=False) if args.json else _as_text(found))
    return 0


def _as_json(found: dict[str, Any]) -> dict[str, Any]:
    return {
        "as_of": found["as_of"].isoformat(),
        "stale": [
            {
                **_named(row),
                "stage": str(row.stage),
                "last_activity": row.last_activity.isoformat(),
                "idle_days": row.idle_days,
                "colour": str(row.colour),
            }
            for row in found["stale"]
        ],
        "late_leads": [
            {**_named(lead), "created_on": str(lead.created_on), "due_on": str(lead.due_on)}
            for lead in found["late"]
        ],
        "incomplete_leads": [
            {**_named(lead), "created_on": str(lead.created_on), "missing": list(lead.missing)}
            for lead in found["incomplete"]
        ],
    }


def _named(row: Any) -> dict[str, Any]:
    return {
        "project_id": str(row.project_id),
        "name": row.name,
        "investor": row.investor_name,
        "group": row.group_name,
        "owner": row.owner_name,
    }


def _as_text(found: dict[str, Any]) -> str:
    language = current_language()
    day = found["as_of"].isoformat()
    lines = [
        str(
            msg(
                "cli.warnings.stale",
                "Stale projects on {day}: {count}",
                day=day,
                count=len(found["stale"]),
            )
        )
    ]
    for row in found["stale"]:
        said = msg(
            "cli.warnings.stale_row",
            "{colour}, {days} days idle: {name} ({stage}; owner {owner}; last activity {last})",
            colour=colour_label(row.colour, language),
            days=row.idle_days,
            name=row.name,
            stage=stage_label(row.stage, language),
            owner=row.owner_name or "—",
            last=row.last_activity.isoformat(),
        )
        lines.append(f"  {said}")
    lines.append(
        str(msg("cli.warnings.late", "Leads answered late: {count}", count=len(found["late"])))
    )
    for lead in found["late"]:
        said = msg(
            "cli.warnings.late_row",
            "{name} (opened {created}, due an answer by {due}; owner {owner})",
            name=lead.name,
            created=lead.created_on.isoformat(),
            due=lead.due_on.isoformat(),
            owner=lead.owner_name or "—",
        )
        lines.append(f"  {said}")
    count = len(found["incomplete"])
    lines.append(str(msg("cli.warnings.incomplete", "Incomplete leads: {count}", count=count)))
    for lead in found["incomplete"]:
        missing = "、" if language != "en" else ", "
        said = msg(
            "cli.warnings.incomplete_row",
            "{name} (owner {owner}) lacks {missing}",
            name=lead.name,
            owner=lead.owner_name or "—",
            missing=missing.join(lead_field_label(f, language) for f in lead.missing),
        )
        lines.append(f"  {said}")
    return "\n".join(lines)


WARNINGS_HANDLERS: dict[str, Handler] = {"warnings": _warnings}
