"""The command line (SPEC §5): scriptable, no Qt unless the window is opened.

Exit codes: 0 success; 1 bad input, with one line on stderr; 2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from fieldlog.cli.commands import HANDLERS
from fieldlog.cli.maintenance_commands import FILE_HANDLERS
from fieldlog.cli.parser import build_parser
from fieldlog.store.database import DatabaseError
from fieldlog.store.errors import sentence
from fieldlog.store.location import describe, resolve_location

PROG = "fieldlog"
#: The only commands that create a database where there is none (a typo in --db must not).
CREATING = ("init", "demo")


def _open_window(args: argparse.Namespace) -> int:
    from fieldlog import app

    options = [
        *(["--db", args.db] if args.db else []),
        *(["--lang", args.lang] if args.lang else []),
    ]
    return app.main(options)


def _run(args: argparse.Namespace) -> int:
    from fieldlog.services.workspace import open_workspace

    location = resolve_location(args.db)
    if args.handler in FILE_HANDLERS:
        return FILE_HANDLERS[args.handler](location, args)
    handler = HANDLERS[args.handler]
    db = open_workspace(location, create=args.handler in CREATING)
    try:
        return handler(db, args)
    finally:
        db.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command in (None, "gui"):
        return _open_window(args)
    try:
        args.check_usage(parser, args)
        return _run(args)
    # Busy, read-only, a full disk and damage each have their sentence (store.errors).
    except (DatabaseError, ValueError, OSError, SQLAlchemyError, sqlite3.Error) as exc:
        message = sentence(exc, _where(args))
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 1


def _where(args: argparse.Namespace) -> str:
    try:
        return describe(resolve_location(args.db))
    except Exception:  # a URL that does not parse: its own error says so
        return "the database"
