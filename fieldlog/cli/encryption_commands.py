"""`encrypt` and `decrypt` (a database file converted, with its backups), `init|demo --encrypt`,
and how every other command opens an encrypted database (`open_for_command`).

`encrypt` and `decrypt` work on the closed file: nothing of it is open in this process, and the
service refuses while another program (the window) has it open. Each refusal is one sentence
and changes nothing; what is asked is asked only once the file is known to be convertible.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldlog.cli.database_password import new_password, with_password
from fieldlog.cli.wording import command
from fieldlog.domain.messages import Message, msg
from fieldlog.services.errors import InvalidInput
from fieldlog.store.database import Database
from fieldlog.store.errors import PasswordNeeded
from fieldlog.store.location import describe, is_url


def add_encryption_commands(
    commands: argparse._SubParsersAction, late: argparse.ArgumentParser
) -> None:
    """Register `encrypt` and `decrypt` on the command parser."""
    encrypt = command(
        commands,
        "encrypt",
        late,
        msg(
            "cli.help.encrypt",
            "encrypt the database file with a password, and its backups with it",
        ),
    )
    encrypt.description = str(
        msg(
            "cli.help.encrypt_more",
            "Encrypt the database file with a new password, so that a lost laptop leaks "
            "nothing; without the password the data cannot be read. Its backups are encrypted "
            "too (or deleted: --remove-backups), and a safety copy, itself encrypted, is kept. "
            "The new password comes from the first line of standard input when it is not a "
            "terminal, else it is asked twice. Every command then needs it: from this "
            "computer's password store (--remember), else from the first line of standard "
            "input, else asked (a team passphrase a command also needs comes on the next line).",
        )
    )
    _backups_option(
        encrypt,
        msg(
            "cli.help.encrypt_remove",
            "delete the existing unencrypted backups instead of encrypting them",
        ),
    )
    remember_option(encrypt)
    encrypt.set_defaults(handler="encrypt")
    decrypt = command(
        commands,
        "decrypt",
        late,
        msg("cli.help.decrypt", "take the encryption off the database file and its backups"),
    )
    decrypt.description = str(
        msg(
            "cli.help.decrypt_more",
            "Take the encryption off the database file and off the backups its password opens "
            "(or delete them: --remove-backups), keeping an unencrypted safety copy; the "
            "password remembered on this computer is forgotten. The current password comes "
            "from this computer's password store, else from the first line of standard input "
            "when it is not a terminal, else it is asked.",
        )
    )
    _backups_option(
        decrypt,
        msg(
            "cli.help.decrypt_remove",
            "delete the existing encrypted backups instead of decrypting them",
        ),
    )
    decrypt.set_defaults(handler="decrypt")


def _backups_option(parser: argparse.ArgumentParser, text: Message) -> None:
    parser.add_argument("--remove-backups", action="store_true", help=str(text))


def remember_option(parser: argparse.ArgumentParser) -> None:
    """`--remember`: keep the new password in this computer's password store."""
    parser.add_argument(
        "--remember",
        action="store_true",
        help=str(
            msg(
                "cli.help.remember",
                "keep the password in this computer's password store, so that commands and the "
                "window do not ask for it",
            )
        ),
    )


def add_encrypt_option(parser: argparse.ArgumentParser) -> None:
    """`init|demo --encrypt [--remember]`: a new database created encrypted."""
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help=str(
            msg(
                "cli.help.init_encrypt",
                "create the new database encrypted with a password (first line of standard "
                "input, else asked twice)",
            )
        ),
    )
    remember_option(parser)


def _file_of(location: str, doing: Message) -> Path:
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


def _existing(location: str, doing: Message) -> Path:
    from fieldlog.store.refusals import missing

    path = _file_of(location, doing)
    if not path.is_file() or path.stat().st_size == 0:
        raise InvalidInput(missing(path))
    return path


def open_for_command(location: str, args: argparse.Namespace, create: bool) -> Database:
    """The database a command works on: an encrypted one with its password (remembered,
    standard input, or asked); with `--encrypt`, a new one is created encrypted."""
    from fieldlog.services.admin.workspace import open_workspace

    if getattr(args, "encrypt", False):
        created = _open_new_encrypted(location, args)
        if created is not None:
            return created
    try:
        return open_workspace(location, create=create)
    except PasswordNeeded:
        path = Path(location).expanduser().resolve()
    return with_password(
        path, lambda password: open_workspace(location, create=create, password=password)
    )


def _open_new_encrypted(location: str, args: argparse.Namespace) -> Database | None:
    """A new database created encrypted; None for an existing encrypted one (opened as any);
    an existing unencrypted one is refused (`fieldlog encrypt` converts it)."""
    from fieldlog.services.admin.encryption import is_encrypted_file
    from fieldlog.services.admin.workspace import open_workspace

    path = _file_of(location, msg("cli.encryption.doing_encrypt", "encryption"))
    if path.is_file() and path.stat().st_size > 0:
        if is_encrypted_file(path):
            return None
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
        _remember(path, password, args.remember)
    except BaseException:
        db.close()
        raise
    return db


def _remember(path: Path, password: str, asked: bool) -> None:
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


def encrypt_at(location: str, args: argparse.Namespace) -> int:
    """`encrypt`: the closed file converted; the new password asked only once it can be."""
    from fieldlog.services.admin.encryption import Backups, encrypt_database, is_encrypted_file

    path = _existing(location, msg("cli.encryption.doing_encrypt", "encryption"))
    if is_encrypted_file(path):
        raise InvalidInput(
            msg("encryption.already", "{path} is encrypted already.", path=str(path))
        )
    password = new_password()
    backups = Backups.REMOVE if args.remove_backups else Backups.CONVERT
    report = encrypt_database(path, password, backups=backups)
    print(msg("cli.encryption.encrypted", "Encrypted {path}.", path=str(report.database)))
    _print_backups(report)
    _remember(path, password, args.remember)
    return 0


def decrypt_at(location: str, args: argparse.Namespace) -> int:
    """`decrypt`: the closed file converted back; the remembered password is forgotten."""
    from fieldlog.services.admin import database_password
    from fieldlog.services.admin.encryption import Backups, decrypt_database, is_encrypted_file

    path = _existing(location, msg("cli.encryption.doing_decrypt", "decryption"))
    if not is_encrypted_file(path):
        raise InvalidInput(
            msg("encryption.not_encrypted", "{path} is not encrypted.", path=str(path))
        )
    backups = Backups.REMOVE if args.remove_backups else Backups.CONVERT
    report = with_password(
        path,
        lambda password: decrypt_database(path, password, backups=backups),
        keep_replacement=False,
    )
    database_password.forget(path)
    print(
        msg(
            "cli.encryption.decrypted",
            "Took the encryption off {path}; anyone with the file can now read it.",
            path=str(report.database),
        )
    )
    _print_backups(report)
    return 0


def _print_backups(report: object) -> None:
    from fieldlog.services.admin.encryption import ConversionReport

    assert isinstance(report, ConversionReport)
    form = (
        msg("cli.encryption.form_encrypted", "encrypted")
        if report.encrypted
        else msg("cli.encryption.form_plain", "unencrypted")
    )
    print(
        msg(
            "cli.encryption.backups",
            "Backups: {converted} converted, {removed} removed, {left} left as they were.",
            converted=len(report.converted),
            removed=len(report.removed),
            left=len(report.left),
        )
    )
    for path in report.left:
        print(
            msg(
                "cli.encryption.left",
                "  left (another password opens it): {path}",
                path=str(path),
            )
        )
    print(
        msg(
            "cli.encryption.safety",
            "Safety copy ({form}): {path}",
            form=form,
            path=str(report.safety_copy),
        )
    )


#: Commands that work on the database file without opening it.
ENCRYPTION_FILE_HANDLERS = {"encrypt": encrypt_at, "decrypt": decrypt_at}
