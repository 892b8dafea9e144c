"""How a command opens its database: an encrypted one with its password (remembered, standard
input, or asked: `cli.database_password`), a new one created encrypted (`init|demo --encrypt`),
and the password remembered when the user asks (`--remember`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldlog.cli.database_password import new_password, with_password
from fieldlog.domain.messages import Message, msg
from fieldlog.services.errors import InvalidInput
from fieldlog.store.database import Database
from fieldlog.store.errors import PasswordNeeded
from fieldlog.store.location import describe, is_url


def file_of(location: str, doing: Message) -> Path:
    """The database file at `location`; a server URL is refused."""
    if is_url(location):
        raise InvalidInput(
            msg(
                "cli.encryption.server",
                "{location} is a server database; {doing} is for a database file (a server "
                "protects its data with its own settings); nothing was changed",
                location=describe(location),  # never the password a URL may carry
                doing=doing,
            )
        )
    return Path(location).expanduser().resolve()


def existing_file(location: str, doing: Message) -> Path:
    from fieldlog.store.refusals import missing

    path = file_of(location, doing)
    if not path.is_file() or path.stat().st_size == 0:
        raise InvalidInput(missing(path))
    return path


def refuse_unless_fieldlog(path: Path) -> None:
    """A plain file that is not a FieldLog database is refused before anything is asked."""
    from fieldlog.store import driver
    from fieldlog.store.backup import is_fieldlog_file
    from fieldlog.store.files import application_id
    from fieldlog.store.refusals import foreign_database, not_fieldlog

    if is_fieldlog_file(path):
        return
    try:
        application_id(path)
    except driver.ERRORS:
        raise InvalidInput(not_fieldlog(path)) from None
    raise InvalidInput(foreign_database(path))


def open_for_command(location: str, args: argparse.Namespace, create: bool) -> Database:
    """The database a command works on: an encrypted one with its password (remembered,
    standard input, or asked); with `--encrypt`, a new one is created encrypted. `--remember`
    (init, demo) keeps the password of an existing encrypted database too."""
    from fieldlog.services.admin.workspace import open_workspace

    remember = getattr(args, "remember", False)
    if getattr(args, "encrypt", False):
        created = _open_new_encrypted(location, args)
        if created is not None:
            return created
    elif remember:
        _refuse_unless_encrypted(location)
    try:
        return open_workspace(location, create=create)
    except PasswordNeeded:
        path = Path(location).expanduser().resolve()
    db = with_password(
        path, lambda password: open_workspace(location, create=create, password=password)
    )
    if remember and db.password is not None:
        remember_said(path, db.password, True)
    return db


def _refuse_unless_encrypted(location: str) -> None:
    """`--remember` without `--encrypt` is for an existing encrypted database only (checked
    before anything is opened or created)."""
    from fieldlog.services.admin.encryption import is_encrypted_file

    path = file_of(location, msg("cli.encryption.doing_encrypt", "encryption"))
    if not is_encrypted_file(path):
        raise InvalidInput(
            msg(
                "cli.encryption.nothing_to_remember",
                "{path} is not an encrypted database, so there is no password to remember "
                "(--encrypt creates a new one encrypted); nothing was changed",
                path=str(path),
            )
        )


def _open_new_encrypted(location: str, args: argparse.Namespace) -> Database | None:
    """A new database created encrypted; None for an existing encrypted one (opened as any);
    an existing unencrypted one is refused (`fieldlog encrypt` converts it)."""
    from fieldlog.services.admin.encryption import is_encrypted_file
    from fieldlog.services.admin.workspace import open_workspace

    path = file_of(location, msg("cli.encryption.doing_encrypt", "encryption"))
    if path.is_file() and path.stat().st_size > 0:
        if is_encrypted_file(path):
            return None
        refuse_unless_fieldlog(path)
        raise InvalidInput(
            msg(
                "cli.encryption.exists_plain",
                "{path} is a database already, not encrypted; `fieldlog encrypt` encrypts it "
                "with its backups; nothing was changed",
                path=str(path),
            )
        )
    password = new_password()
    db = open_workspace(location, create=True, password=password)
    try:
        remember_said(path, password, args.remember)
    except BaseException:
        db.close()
        raise
    return db


def remember_said(path: Path, password: str, asked: bool) -> None:
    """Remember the password when asked (say where it went); else forget any earlier one for
    this path, which would no longer open it."""
    from fieldlog.services.admin import database_password
    from fieldlog.services.secrets import Kept

    if not asked:
        database_password.forget(path)
        print(
            msg(
                "cli.encryption.not_remembered",
                "The password is not kept on this computer: every command asks for it (or reads "
                "it from the first line of standard input).",
            )
        )
        return
    kept = database_password.remember(path, password)
    if kept is Kept.STORE:
        told = msg(
            "cli.encryption.remembered",
            "The password is kept in this computer's password store.",
        )
    elif database_password.store_available():
        told = msg(
            "cli.encryption.store_refused",
            "This computer's password store did not keep the password (it may be locked), so "
            "every command asks for it (or reads it from the first line of standard input).",
        )
    else:
        told = msg(
            "cli.encryption.no_store",
            "This computer has no password store and FieldLog never keeps the password in a "
            "file, so every command asks for it (or reads it from the first line of standard "
            "input).",
        )
    print(told)
