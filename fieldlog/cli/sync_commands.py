"""`sync export|import|conflicts` and `team passphrase`: their options and what they do.

The team passphrase of `sync export|import` comes from the computer's password store, else from
the first line of standard input when it is not a terminal, else from a prompt — so scripts and
CI on a computer without a store (FieldLog keeps no passphrase in a file) give it on stdin.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldlog.cli.wording import command
from fieldlog.domain.file_kinds import megabytes
from fieldlog.domain.messages import Message, code_of, msg, render
from fieldlog.store.database import Database

Handler = Callable[[Database, argparse.Namespace], int]


def add_sync_commands(commands: argparse._SubParsersAction, late: argparse.ArgumentParser) -> None:
    """Register `sync …` and `team passphrase` on the command parser."""
    group = command(
        commands, "sync", late, msg("cli.help.sync", "exchange data with other laptops")
    )
    kinds = group.add_subparsers(
        dest="what",
        metavar="export|import|conflicts",
        required=True,
        help=str(msg("cli.help.sync_what", "what to do")),
    )
    export = command(
        kinds, "export", late, msg("cli.help.sync_export", "write a package of this laptop's work")
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help=str(msg("cli.help.sync_output", "the package file, or a folder to write it in")),
    )
    export.add_argument(
        "--full",
        action="store_true",
        help=str(msg("cli.help.sync_full", "everything, not only what is new")),
    )
    export.set_defaults(handler="sync_export")
    receive = command(
        kinds, "import", late, msg("cli.help.sync_import", "apply packages from other laptops")
    )
    receive.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE",
        help=str(msg("cli.help.sync_files", "the packages (*.fieldsync), in any order")),
    )
    _json_option(receive, msg("cli.help.json_report", "print the report as JSON"))
    receive.set_defaults(handler="sync_import")
    log = command(
        kinds, "conflicts", late, msg("cli.help.conflicts", "concurrent edits kept for review")
    )
    _json_option(log, msg("cli.help.json_conflicts", "print the conflicts as JSON"))
    log.add_argument(
        "--all",
        action="store_true",
        help=str(msg("cli.help.conflicts_all", "include conflicts already reviewed")),
    )
    log.set_defaults(handler="sync_conflicts")
    team = command(commands, "team", late, msg("cli.help.team", "team settings on this laptop"))
    settings = team.add_subparsers(
        dest="what",
        metavar="passphrase",
        required=True,
        help=str(msg("cli.help.team_what", "which setting")),
    )
    command(
        settings,
        "passphrase",
        late,
        msg("cli.help.passphrase", "set the passphrase that protects sync packages"),
    ).set_defaults(handler="team_passphrase")


def _json_option(parser: argparse.ArgumentParser, text: Message) -> None:
    parser.add_argument("--json", action="store_true", help=str(text))


def _records(count: int) -> Message:
    if count == 1:
        return msg("cli.sync.record", "{count} record", count=count)
    return msg("cli.sync.records", "{count} records", count=count)


def _conflicts(count: int) -> Message:
    if count == 1:
        return msg("cli.sync.conflict", "{count} conflict", count=count)
    return msg("cli.sync.conflicts", "{count} conflicts", count=count)


def _sync_export(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.exchange.sync import export_package

    report = export_package(db, args.output, full=args.full, passphrase=sync_passphrase(db))
    if report.full:
        what = msg("cli.sync.everything", "everything")
    else:
        what = msg("cli.sync.changes", "changes not sent before")
    print(
        msg(
            "cli.sync.exported",
            "{path}: {records} ({what})",
            path=str(report.path),
            records=_records(report.rows),
            what=what,
        )
    )
    if report.files:
        print(
            msg(
                "cli.sync.files_carried",
                "with {count} attached file(s), {size}",
                count=report.files,
                size=megabytes(report.file_bytes),
            )
        )
    if report.held:
        print(
            msg(
                "cli.sync.files_held",
                "{count} attachment(s) ({size}) did not fit in this package and go with the "
                "next one",
                count=report.held,
                size=megabytes(report.held_bytes),
            )
        )
    return 0


def _sync_import(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.exchange.bureau_receive import is_bureau
    from fieldlog.services.exchange.sync import import_packages

    # A bureau opens each team's packages with that team's passphrase, kept when registered.
    passphrase = None if is_bureau(db) else sync_passphrase(db)
    report = import_packages(db, args.files, passphrase=passphrase)
    if args.json:
        print(json.dumps(import_json(report), ensure_ascii=False))
        return 0
    for package in report.packages:
        print(_package_line(package))
    if report.duplicates_merged or report.duplicate_candidates:
        print(
            msg(
                "cli.sync.duplicates",
                "duplicates: {merged} merged by credit code, {candidates} look-alike names to "
                "review",
                merged=report.duplicates_merged,
                candidates=report.duplicate_candidates,
            )
        )
    if report.files_stored:
        print(
            msg(
                "cli.sync.files_stored",
                "attached files received: {count}, each checked against its SHA-256",
                count=report.files_stored,
            )
        )
    for warning in report.clock_warnings:
        print(msg("cli.sync.warning", "warning: {warning}", warning=warning))
    return 0


def import_json(report: Any) -> dict[str, Any]:
    """`sync import --json`: the report, its warnings rendered in the user's language and, in
    `warnings`, each with a stable code for scripts."""
    data: dict[str, Any] = report.as_dict()
    data["clock_warnings"] = [render(w) for w in report.clock_warnings]
    data["warnings"] = [
        {"code": code_of(w, "sync.clock_ahead"), "message": render(w)}
        for w in report.clock_warnings
    ]
    return data


def _package_line(package: Any) -> Message:
    sender: object = package.sender_name or msg(
        "cli.sync.laptop", "laptop {node}", node=package.sender_node[:8]
    )
    if package.skipped:
        return msg(
            "cli.sync.skipped",
            "{file}: from {sender}, already imported before; skipped",
            file=package.file,
            sender=sender,
        )
    return msg(
        "cli.sync.imported",
        "{file}: from {sender}, {records}: {new} new, {updated} updated, {unchanged} unchanged, "
        "{conflicts}",
        file=package.file,
        sender=sender,
        records=_records(package.rows),
        new=package.new,
        updated=package.updated,
        unchanged=package.unchanged,
        conflicts=_conflicts(package.conflicts),
    )


def _sync_conflicts(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.exchange.sync_review import conflicts

    found = conflicts(db, include_resolved=args.all)
    if args.json:
        print(json.dumps([c.as_dict() for c in found], ensure_ascii=False))
        return 0
    for c in found:
        line = msg(
            "cli.sync.conflict_line",
            "{table}.{field} of {record}: kept {kept} ({kept_by}, {kept_at}), lost {lost} "
            "({lost_by}, {lost_at})  [{id}]",
            table=c.table,
            field=c.field,
            record=c.record,
            kept=repr(c.winner_value),
            kept_by=c.winner_who,
            kept_at=c.winner_at.strftime("%Y-%m-%d %H:%M"),
            lost=repr(c.loser_value),
            lost_by=c.loser_who,
            lost_at=c.loser_at.strftime("%Y-%m-%d %H:%M"),
            id=str(c.id),
        )
        print(f"{line} {c.resolution}" if c.resolution else line)
    print(msg("cli.sync.conflict_count", "{count} conflict(s)", count=len(found)))
    return 0


def read_passphrase() -> str:
    """Asked twice on a terminal; otherwise the first line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(str(msg("cli.passphrase.ask", "Team passphrase: ")))
        if getpass.getpass(str(msg("cli.passphrase.repeat", "Repeat it: "))) != first:
            raise ValueError(
                msg("cli.passphrase.differ", "the two passphrases differ; nothing was changed")
            )
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise ValueError(
            msg(
                "cli.passphrase.no_stdin",
                "no passphrase on standard input; nothing was changed",
            )
        )
    return line.rstrip("\r\n")


def _moved_notice(db: Database) -> None:
    """The upgrade: a passphrase an earlier version kept in the database file is moved out,
    and the user is told once where it went (on stderr: stdout may be a JSON report)."""
    from fieldlog.services.exchange.passphrase import move_clear_passphrase
    from fieldlog.services.secrets import Kept

    kept = move_clear_passphrase(db)
    if kept is Kept.STORE:
        told = msg(
            "cli.passphrase.moved",
            "note: the team passphrase was moved out of the database file into this computer's "
            "password store; backups made before still hold it",
        )
    elif kept is Kept.MEMORY:
        told = msg(
            "cli.passphrase.moved_nowhere",
            "note: the team passphrase was taken out of the database file; this computer has no "
            "password store, so give it on standard input next time; backups made before still "
            "hold it",
        )
    else:
        return
    print(told, file=sys.stderr)


def sync_passphrase(db: Database) -> str:
    """The passphrase for `sync export|import`: the password store (after the upgrade), else
    the first line of standard input when it is not a terminal, else a prompt."""
    from fieldlog.services.exchange.passphrase import (
        check_passphrase,
        require_passphrase,
        team_passphrase,
    )

    _moved_notice(db)
    known = team_passphrase(db)
    if known:
        return known
    if sys.stdin is not None and sys.stdin.isatty():
        typed = getpass.getpass(str(msg("cli.passphrase.ask", "Team passphrase: ")))
    else:
        typed = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    if not typed:
        return require_passphrase(db)  # refused: says how to give it
    check_passphrase(typed)
    return typed


def _team_passphrase(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.exchange.passphrase import (
        check_passphrase,
        set_passphrase,
        store_available,
    )
    from fieldlog.services.secrets import Kept

    passphrase = read_passphrase()
    check_passphrase(passphrase)
    if not store_available():
        raise ValueError(
            msg(
                "cli.passphrase.no_store",
                "this computer has no password store and FieldLog never keeps the passphrase in "
                "a file, so give it to each sync command on standard input; nothing was changed",
            )
        )
    if set_passphrase(db, passphrase) is not Kept.STORE:
        raise ValueError(
            msg(
                "cli.passphrase.store_refused",
                "this computer's password store did not keep the passphrase (it may be locked), "
                "so give it to each sync command on standard input",
            )
        )
    print(
        msg(
            "cli.passphrase.saved_store",
            "Team passphrase saved in this computer's password store.",
        )
    )
    return 0


SYNC_HANDLERS: dict[str, Handler] = {
    "sync_export": _sync_export,
    "sync_import": _sync_import,
    "sync_conflicts": _sync_conflicts,
    "team_passphrase": _team_passphrase,
}
