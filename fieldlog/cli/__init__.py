"""The command line (SPEC §5): scriptable, no Qt unless the window is opened.

Exit codes: 0 success; 1 bad input, with one line on stderr; 2 bad usage (argparse).
Everything it says (help, argparse's own words, results, refusals) is in the language of `--lang`,
else of the locale (`cli.wording`); the core's messages render in it too.
"""

from __future__ import annotations

import argparse
import codecs
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from fieldlog.app_options import PACKAGE_SUFFIX
from fieldlog.cli.commands import HANDLERS
from fieldlog.cli.encryption_commands import ENCRYPTION_FILE_HANDLERS
from fieldlog.cli.maintenance_commands import FILE_HANDLERS
from fieldlog.cli.opening import open_for_command
from fieldlog.cli.parser import build_parser, command_names
from fieldlog.cli.wording import argparse_speaking, language_of
from fieldlog.domain import messages
from fieldlog.domain.catalogs import resources_dir
from fieldlog.domain.messages import msg
from fieldlog.store.database import DatabaseError
from fieldlog.store.errors import sentence
from fieldlog.store.location import describe, resolve_location

PROG = "fieldlog"
#: The only commands that create a database where there is none (a typo in --db must not).
CREATING = ("init", "demo", "bureau_init")


def _open_window(args: argparse.Namespace) -> int:
    from fieldlog import app

    options = [
        *(["--db", args.db] if args.db else []),
        *(["--lang", args.lang] if args.lang else []),
        *(["gui", "--", args.file] if getattr(args, "file", None) else []),
    ]
    return app.main(options)


def _file_opens_window(arguments: list[str], commands: Sequence[str]) -> list[str]:
    """`fieldlog FILE` (how a desktop or Windows Explorer opens a file with FieldLog) means
    `fieldlog gui FILE`: a first word that is no command but names a sync package or an
    existing file. A command word always stays a command (SPEC §5)."""
    position = 0
    while position < len(arguments):
        word = arguments[position]
        if word in ("--db", "--lang"):
            position += 2
            continue
        if word.startswith(("--db=", "--lang=")):
            position += 1
            continue
        if word.startswith("-"):
            return arguments
        if word in commands or not (word.lower().endswith(PACKAGE_SUFFIX) or Path(word).is_file()):
            return arguments
        return [*arguments[:position], "gui", *arguments[position:]]
    return arguments


#: Commands that work on the database file without opening it.
ON_FILES = {**FILE_HANDLERS, **ENCRYPTION_FILE_HANDLERS}


def _run(args: argparse.Namespace) -> int:
    resources_dir()  # missing (a broken install): say so before any file is made
    location = resolve_location(args.db)
    if args.handler in ON_FILES:
        return ON_FILES[args.handler](location, args)
    handler = HANDLERS[args.handler]
    # An encrypted file with its password: remembered, else standard input, else asked.
    db = open_for_command(location, args, create=args.handler in CREATING)
    try:
        return handler(db, args)
    finally:
        db.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command in the user's language (`--lang`, else the locale); returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    _speak_utf8()
    language = language_of(arguments)
    before = list(messages._current)
    messages.use_language(language)
    try:
        with argparse_speaking(language):
            return _main(arguments)
    finally:  # a caller in the same process keeps its own language
        messages._current[:] = before


def _speak_utf8() -> None:
    """Print UTF-8 whatever the console's code page: on Windows a redirected stdout speaks the
    ANSI code page (cp1252 on an English system), which cannot say a Chinese file name."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        if hasattr(stream, "reconfigure") and codecs.lookup(encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8")


def _main(arguments: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(_file_opens_window(arguments, command_names(parser)))
    if args.command in (None, "gui"):
        return _open_window(args)
    try:
        args.check_usage(parser, args)
        return _run(args)
    # Busy, read-only, a full disk and damage each have their sentence (store.errors).
    except (DatabaseError, ValueError, OSError, SQLAlchemyError, sqlite3.Error) as exc:
        message = sentence(exc, _where(args))
        print(
            msg("cli.error", "{prog}: error: {message}", prog=PROG, message=message),
            file=sys.stderr,
        )
        return 1


def _where(args: argparse.Namespace) -> str:
    try:
        return describe(resolve_location(args.db))
    except Exception:  # a URL that does not parse: its own error says so
        return str(msg("cli.the_database", "the database"))
