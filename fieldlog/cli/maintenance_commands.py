"""`backup`, `restore` and `check`: their options and what they do."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fieldlog.cli.wording import command
from fieldlog.domain.messages import msg
from fieldlog.store.database import Database

if TYPE_CHECKING:
    pass

Handler = Callable[[Database, argparse.Namespace], int]


def add_maintenance_commands(
    commands: argparse._SubParsersAction, late: argparse.ArgumentParser
) -> None:
    """Register `backup`, `restore` and `check` on the command parser."""
    backup = command(commands, "backup", late, msg("cli.help.backup", "copy the database safely"))
    backup.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=str(msg("cli.help.backup_output", "where to write it (default: the backup folder)")),
    )
    backup.set_defaults(handler="backup")
    restore = command(
        commands,
        "restore",
        late,
        msg("cli.help.restore", "replace the database with a checked backup"),
    )
    restore.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=str(msg("cli.help.restore_file", "the backup to restore")),
    )
    restore.set_defaults(handler="restore")
    command(
        commands,
        "check",
        late,
        msg("cli.help.check", "integrity, foreign-key, orphan and tombstone checks"),
    ).set_defaults(handler="check")


def _backup(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.admin.backups import backup_now

    print(backup_now(db, args.output))
    return 0


def restore_at(location: str, args: argparse.Namespace) -> int:
    """`restore` works on the file, without opening it: the database may no longer open."""
    from fieldlog.services.admin.backups import restore_backup
    from fieldlog.services.admin.workspace import open_workspace
    from fieldlog.services.errors import InvalidInput
    from fieldlog.store.location import describe, is_url

    if is_url(location):
        raise InvalidInput(
            msg(
                "cli.restore.server",
                "{location} is a server database; restore it with the server's tools",
                location=describe(location),  # never the password a URL may carry
            )
        )
    path = Path(location).expanduser().resolve()
    password = restore_password(path, args.file.expanduser().resolve())
    report = restore_backup(path, args.file, password=password)
    # upgrades an older schema, new node id
    restored = open_workspace(str(report.database), password=password)
    restored.close()
    print(
        msg(
            "cli.restore.done",
            "Restored {source} into {database}.",
            source=str(report.source),
            database=str(report.database),
        )
    )
    if report.kept_as is not None:
        print(
            msg(
                "cli.restore.kept",
                "The previous database was kept as {path}",
                path=str(report.kept_as),
            )
        )
    return 0


def restore_password(path: Path, source: Path) -> str | None:
    """The password a restore needs: the database's when it is encrypted, else (no database
    left) the backup's when that is encrypted; None when both are plain."""
    from fieldlog.cli.database_password import with_password
    from fieldlog.services.admin.encryption import is_encrypted_file
    from fieldlog.store.cipher import check_key
    from fieldlog.store.errors import WrongPassword
    from fieldlog.store.refusals import wrong_password

    if is_encrypted_file(path):
        keyed = path
    elif not (path.is_file() and path.stat().st_size > 0) and is_encrypted_file(source):
        keyed = source
    else:
        return None

    def opens(password: str) -> str:
        if not check_key(keyed, password):
            raise WrongPassword(wrong_password(str(keyed)))
        return password

    return with_password(path, opens)


def _check(db: Database, _args: argparse.Namespace) -> int:
    from fieldlog.services.admin.maintenance import check

    report = check(db)
    for table, count in report.live.items():
        print(
            msg(
                "cli.check.table",
                "{table:<16} {live:>9} live {deleted:>7} deleted",
                table=table,
                live=count,
                deleted=report.tombstoned[table],
            )
        )
    for note in report.notes:
        print(msg("cli.check.note", "note: {note}", note=note))
    for problem in report.problems:
        print(msg("cli.check.problem", "PROBLEM: {problem}", problem=problem))
    if report.ok:
        print(msg("cli.check.ok", "ok"))
    else:
        print(msg("cli.check.problems", "{count} problem(s) found", count=len(report.problems)))
    return 0 if report.ok else 1


#: Commands that work on the database file without opening it.
FILE_HANDLERS = {"restore": restore_at}

MAINTENANCE_HANDLERS: dict[str, Handler] = {
    "backup": _backup,
    "check": _check,
}
