"""What each command does with the open database; each returns the exit code."""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable

from fieldlog.cli.bureau_commands import BUREAU_HANDLERS
from fieldlog.cli.excel_commands import EXCEL_HANDLERS
from fieldlog.cli.maintenance_commands import MAINTENANCE_HANDLERS
from fieldlog.cli.sync_commands import SYNC_HANDLERS
from fieldlog.cli.warnings_command import WARNINGS_HANDLERS
from fieldlog.domain.counting import Stats
from fieldlog.domain.indicators import AMOUNT_METRICS, METRICS, label
from fieldlog.domain.messages import current_language, msg
from fieldlog.domain.money import format_yi
from fieldlog.store.database import Database

Handler = Callable[[Database, argparse.Namespace], int]


def _display_width(text: str) -> int:
    # A CJK character takes two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_stats(stats: Stats, lang: str) -> str:
    """The figures as an aligned two-column table in the chosen language."""
    labels = {metric: label(metric, lang) for metric in METRICS}
    if stats.period.start or stats.period.end:
        span: object = str(stats.period)
    else:
        span = msg("cli.stats.all_time", "all time")
    lines = [msg("cli.stats.period", "Period: {span}", span=span).render(lang)]
    width = max(_display_width(text) for text in labels.values())
    for metric in METRICS:
        value = stats.value(metric)
        shown = format_yi(value) if metric in AMOUNT_METRICS else str(value)
        text = labels[metric]
        lines.append(f"{text}{' ' * (width - _display_width(text))}  {shown:>12}")
    return "\n".join(lines)


def _say_encrypted(db: Database) -> None:
    if db.encrypted:
        print(
            msg(
                "cli.init.encrypted",
                "The database is encrypted: without its password nobody can read it, FieldLog "
                "included, so keep the password safe.",
            )
        )


def _init(db: Database, _args: argparse.Namespace) -> int:
    print(msg("cli.init.ready", "FieldLog database ready: {name}", name=db.name))
    _say_encrypted(db)
    return 0


def _demo(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.admin.demo import load_demo

    summary = load_demo(db)
    print(
        msg(
            "cli.demo.loaded",
            "Demo dispatch loaded into {name}: {members} members, {organizations} organizations, "
            "{visits} visits, {projects} projects.",
            name=db.name,
            members=summary.members,
            organizations=summary.organizations,
            visits=summary.visits,
            projects=summary.projects,
        )
    )
    _say_encrypted(db)
    return 0


def _digest(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.admin.maintenance import digest

    print(digest(db))
    return 0


def _stats(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.bureau.stats_scope import stats_for

    stats = stats_for(db, args.period, args.team)
    as_json = json.dumps(stats.as_dict(), ensure_ascii=False)
    print(as_json if args.json else format_stats(stats, current_language()))
    return 0


HANDLERS: dict[str, Handler] = {
    "init": _init,
    "demo": _demo,
    "digest": _digest,
    "stats": _stats,
    **EXCEL_HANDLERS,
    **MAINTENANCE_HANDLERS,
    **SYNC_HANDLERS,
    **BUREAU_HANDLERS,
    **WARNINGS_HANDLERS,
}
