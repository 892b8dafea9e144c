"""`backup`, `restore` and `check`: their options and what they do."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from fieldlog.store.database import Database

Handler = Callable[[Database, argparse.Namespace], int]


def add_maintenance_commands(
    commands: argparse._SubParsersAction, late: argparse.ArgumentParser
) -> None:
    """Register `backup`, `restore` and `check` on the command parser."""
    backup = commands.add_parser("backup", parents=[late], help="copy the database safely")
    backup.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write it (default: the backup folder)",
    )
    backup.set_defaults(handler="backup")
    restore = commands.add_parser(
        "restore", parents=[late], help="replace the database with a checked backup"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(handler="restore")
    commands.add_parser(
        "check", parents=[late], help="integrity, foreign-key, orphan and tombstone checks"
    ).set_defaults(handler="check")


def _backup(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.backups import backup_now

    print(backup_now(db, args.output))
    return 0


def restore_at(location: str, args: argparse.Namespace) -> int:
    """`restore` works on the file, without opening it: the database may no longer open."""
    from fieldlog.services.backups import restore_backup
    from fieldlog.services.errors import InvalidInput
    from fieldlog.services.workspace import open_workspace
    from fieldlog.store.location import is_url

    if is_url(location):
        raise InvalidInput(f"{location} is a server database; restore it with the server's tools")
    report = restore_backup(Path(location), args.file)
    restored = open_workspace(str(report.database))  # upgrades an older schema, new node id
    restored.close()
    print(f"Restored {report.source} into {report.database}.")
    if report.kept_as is not None:
        print(f"The previous database was kept as {report.kept_as}")
    return 0


def _check(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.maintenance import check

    report = check(db)
    for table, count in report.live.items():
        print(f"{table:<16} {count:>9} live {report.tombstoned[table]:>7} deleted")
    for note in report.notes:
        print(f"note: {note}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print("ok" if report.ok else f"{len(report.problems)} problem(s) found")
    return 0 if report.ok else 1


#: Commands that work on the database file without opening it.
FILE_HANDLERS = {"restore": restore_at}

MAINTENANCE_HANDLERS: dict[str, Handler] = {
    "backup": _backup,
    "check": _check,
}
