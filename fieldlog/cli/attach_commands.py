"""`fieldlog attach visit|org|project ID FILE…` and `fieldlog attachments visit|org|project ID`:
attached photos, PDFs and Office files from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fieldlog.cli.wording import command
from fieldlog.domain.messages import msg
from fieldlog.store.database import Database

KINDS = ("visit", "org", "project")


def _owner_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind",
        choices=KINDS,
        help=str(msg("cli.help.attach_kind", "what the files belong to")),
    )
    parser.add_argument(
        "id",
        metavar="ID",
        help=str(msg("cli.help.attach_id", "the record's id, or its last 8 characters")),
    )


def add_attach_commands(
    commands: argparse._SubParsersAction, late: argparse.ArgumentParser
) -> None:
    attach = command(
        commands,
        "attach",
        late,
        msg(
            "cli.help.attach",
            "attach photos, PDFs or Office files to a visit, organization or project",
        ),
    )
    _owner_arguments(attach)
    attach.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE",
        help=str(msg("cli.help.attach_files", "the files (all are checked before any is stored)")),
    )
    attach.add_argument(
        "--downscale",
        action="store_true",
        help=str(
            msg(
                "cli.help.attach_downscale",
                "store large photos at 2048 pixels on their longer side",
            )
        ),
    )
    attach.add_argument(
        "--json",
        action="store_true",
        help=str(msg("cli.help.json_attachments", "print the attachments as JSON")),
    )
    attach.set_defaults(handler="attach")
    listing = command(
        commands,
        "attachments",
        late,
        msg("cli.help.attachments", "list a record's attachments with their SHA-256"),
    )
    _owner_arguments(listing)
    listing.add_argument(
        "--json",
        action="store_true",
        help=str(msg("cli.help.json_attachments", "print the attachments as JSON")),
    )
    listing.set_defaults(handler="attachments")


def _print(rows: list, as_json: bool) -> None:  # type: ignore[type-arg]
    if as_json:
        print(json.dumps([row.as_dict() for row in rows], ensure_ascii=False))
        return
    for row in rows:
        print(f"{row.sha256}  {row.size:>10,}  {row.name}")
    print(msg("cli.attach.count", "{count} attachment(s)", count=len(rows)))


def _attach(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.attachments.attachments import add_files, attachments_of, find_owner

    owner = find_owner(db, args.kind, args.id)
    made = set(add_files(db, owner, args.files, downscale=args.downscale))
    rows = [row for row in attachments_of(db, owner) if row.id in made]
    if not args.json:
        print(msg("cli.attach.added", "Attached {count} file(s).", count=len(rows)))
    _print(rows, args.json)
    return 0


def _attachments(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.attachments.attachments import attachments_of, find_owner

    _print(attachments_of(db, find_owner(db, args.kind, args.id)), args.json)
    return 0


ATTACH_HANDLERS = {"attach": _attach, "attachments": _attachments}
