"""The window's command line: `fieldlog [gui] [FILE] [--db …] [--lang …]`, as a desktop or
Windows Explorer passes it when the user opens a file with FieldLog."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from fieldlog.domain import language as _language

PACKAGE_SUFFIX = ".fieldsync"
LANGUAGES = _language.LANGUAGES


def build_parser() -> argparse.ArgumentParser:
    """The window's options: the command line's global options, an optional `gui` word and an
    optional file (what a desktop passes when the user opens a file with FieldLog)."""
    parser = argparse.ArgumentParser(prog="fieldlog", description="FieldLog 驻点招商走访日志")
    parser.add_argument("command", nargs="?", metavar="gui", help="open the window (default)")
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a sync package (*.fieldsync) to receive, or to join the team with on a new "
        "laptop; any other file is the database to open, as with --db",
    )
    parser.add_argument("--db", metavar="PATH_OR_URL", help="database file or SQLAlchemy URL")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the window")
    return parser


def parse_options(argv: Sequence[str]) -> argparse.Namespace:
    """The options of `argv`, with `file` the file argument if any (`fieldlog FILE` and
    `fieldlog gui FILE` alike); SystemExit for bad usage, as argparse does."""
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command not in (None, "gui"):  # `fieldlog FILE`: the word is the file
        if args.file is not None:
            parser.error(f"one file at most, not {args.command!r} and {args.file!r}")
        args.command, args.file = "gui", args.command
    if args.file is not None and not is_package(args.file) and args.db:
        parser.error("give the database either with --db or as FILE, not both")
    return args


def is_package(name: str) -> bool:
    """Whether a file argument names a sync package (else it names a database)."""
    return Path(name).suffix.lower() == PACKAGE_SUFFIX


def package_argument(name: str | None) -> Path | None:
    """The sync package named on the command line, as an absolute path; None if none is."""
    if name is None or not is_package(name):
        return None
    return Path(name).expanduser().absolute()
