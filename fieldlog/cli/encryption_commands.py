"""`encrypt` and `decrypt` (a database file converted, with its backups) and the options of
`init|demo --encrypt [--remember]` (what they do: `cli.opening`).

`encrypt` and `decrypt` work on the closed file: nothing of it is open in this process, and the
service refuses while another program (the window) has it open. Each refusal is one sentence
and changes nothing; what is asked is asked only once the file is known to be convertible.
"""

from __future__ import annotations

import argparse

from fieldlog.cli.database_password import new_password, with_password
from fieldlog.cli.opening import existing_file, refuse_unless_fieldlog, remember_said
from fieldlog.cli.wording import command
from fieldlog.domain.messages import Message, msg
from fieldlog.services.errors import InvalidInput


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
    remember_option(
        encrypt,
        msg(
            "cli.help.remember",
            "keep the new password in this computer's password store, so that commands and "
            "the window do not ask for it",
        ),
    )
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


def remember_option(parser: argparse.ArgumentParser, text: Message) -> None:
    """`--remember`: keep the password in this computer's password store."""
    parser.add_argument("--remember", action="store_true", help=str(text))


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
    remember_option(
        parser,
        msg(
            "cli.help.remember_init",
            "keep the password (the new one, or an existing encrypted database's) in this "
            "computer's password store, so that commands and the window do not ask for it",
        ),
    )


def encrypt_at(location: str, args: argparse.Namespace) -> int:
    """`encrypt`: the closed file converted; the new password asked only once it can be."""
    from fieldlog.services.admin.encryption import Backups, encrypt_database, is_encrypted_file

    path = existing_file(location, msg("cli.encryption.doing_encrypt", "encryption"))
    if is_encrypted_file(path):
        raise InvalidInput(
            msg("encryption.already", "{path} is encrypted already.", path=str(path))
        )
    refuse_unless_fieldlog(path)
    password = new_password()
    backups = Backups.REMOVE if args.remove_backups else Backups.CONVERT
    report = encrypt_database(path, password, backups=backups)
    print(msg("cli.encryption.encrypted", "Encrypted {path}.", path=str(report.database)))
    _print_backups(report)
    print(
        msg(
            "cli.encryption.elsewhere",
            "Copies made before now outside the backup folder (backup -o files, Excel exports) "
            "stay as they were, unencrypted: delete them or keep them safe.",
        )
    )
    remember_said(path, password, args.remember)
    return 0


def decrypt_at(location: str, args: argparse.Namespace) -> int:
    """`decrypt`: the closed file converted back; the remembered password is forgotten."""
    from fieldlog.services.admin import database_password
    from fieldlog.services.admin.encryption import Backups, decrypt_database, is_encrypted_file

    path = existing_file(location, msg("cli.encryption.doing_decrypt", "decryption"))
    if not is_encrypted_file(path):
        refuse_unless_fieldlog(path)
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
