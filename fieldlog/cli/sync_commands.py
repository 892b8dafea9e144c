"""`sync export|import|conflicts` and `team passphrase`: their options and what they do."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path

from fieldlog.store.database import Database

Handler = Callable[[Database, argparse.Namespace], int]


def add_sync_commands(commands: argparse._SubParsersAction, late: argparse.ArgumentParser) -> None:
    """Register `sync …` and `team passphrase` on the command parser."""
    group = commands.add_parser("sync", parents=[late], help="exchange data with other laptops")
    kinds = group.add_subparsers(dest="what", metavar="export|import|conflicts", required=True)
    export = kinds.add_parser(
        "export", parents=[late], help="write a package of this laptop's work"
    )
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.add_argument("--full", action="store_true", help="everything, not only what is new")
    export.set_defaults(handler="sync_export")
    receive = kinds.add_parser("import", parents=[late], help="apply packages from other laptops")
    receive.add_argument("files", type=Path, nargs="+", metavar="FILE")
    receive.add_argument("--json", action="store_true", help="print the report as JSON")
    receive.set_defaults(handler="sync_import")
    log = kinds.add_parser("conflicts", parents=[late], help="concurrent edits kept for review")
    log.add_argument("--json", action="store_true", help="print the conflicts as JSON")
    log.add_argument("--all", action="store_true", help="include conflicts already reviewed")
    log.set_defaults(handler="sync_conflicts")
    team = commands.add_parser("team", parents=[late], help="team settings on this laptop")
    settings = team.add_subparsers(dest="what", metavar="passphrase", required=True)
    settings.add_parser(
        "passphrase", parents=[late], help="set the passphrase that protects sync packages"
    ).set_defaults(handler="team_passphrase")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _sync_export(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.sync import export_package

    report = export_package(db, args.output, full=args.full)
    what = "everything" if report.full else "changes not sent before"
    print(f"{report.path}: {_count(report.rows, 'record')} ({what})")
    return 0


def _sync_import(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.sync import import_packages

    report = import_packages(db, args.files)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
        return 0
    for package in report.packages:
        sender = package.sender_name or f"laptop {package.sender_node[:8]}"
        if package.skipped:
            print(f"{package.file}: from {sender}, already imported before; skipped")
            continue
        print(
            f"{package.file}: from {sender}, {_count(package.rows, 'record')}: {package.new} new, "
            f"{package.updated} updated, {package.unchanged} unchanged, "
            f"{_count(package.conflicts, 'conflict')}"
        )
    if report.duplicates_merged or report.duplicate_candidates:
        print(
            f"duplicates: {report.duplicates_merged} merged by credit code, "
            f"{report.duplicate_candidates} look-alike names to review"
        )
    for warning in report.clock_warnings:
        print(f"warning: {warning}")
    return 0


def _sync_conflicts(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.sync_review import conflicts

    found = conflicts(db, include_resolved=args.all)
    if args.json:
        print(json.dumps([c.as_dict() for c in found], ensure_ascii=False))
        return 0
    for c in found:
        print(
            f"{c.table}.{c.field} of {c.record}: kept {c.winner_value!r} "
            f"({c.winner_who}, {c.winner_at:%Y-%m-%d %H:%M}), lost {c.loser_value!r} "
            f"({c.loser_who}, {c.loser_at:%Y-%m-%d %H:%M})  [{c.id}]"
            + (f" {c.resolution}" if c.resolution else "")
        )
    print(f"{len(found)} conflict(s)")
    return 0


def read_passphrase() -> str:
    """Asked twice on a terminal; otherwise the first line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("Team passphrase: ")
        if getpass.getpass("Repeat it: ") != first:
            raise ValueError("the two passphrases differ; nothing was changed")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise ValueError("no passphrase on standard input; nothing was changed")
    return line.rstrip("\r\n")


def _team_passphrase(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.sync import set_passphrase

    set_passphrase(db, read_passphrase())
    print("Team passphrase saved on this laptop.")
    return 0


SYNC_HANDLERS: dict[str, Handler] = {
    "sync_export": _sync_export,
    "sync_import": _sync_import,
    "sync_conflicts": _sync_conflicts,
    "team_passphrase": _team_passphrase,
}
