"""The password of an encrypted database, for every command that opens one.

It comes from this computer's password store when the user asked FieldLog to remember it, else
from the next line of standard input when that is not a terminal, else from a prompt — so
scripts and CI give it on standard input. Each secret a command needs and does not know is read
from the next line: the database password first, then (for `sync export|import` and
`team passphrase`) the team passphrase.

A remembered password that no longer opens the file (it was re-encrypted elsewhere, or another
file now stands at that path) is forgotten and said; the password is then asked once, never
retried. A password is never printed, logged or put in a message.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from fieldlog.domain.messages import msg
from fieldlog.services.admin import database_password
from fieldlog.services.errors import InvalidInput
from fieldlog.store.errors import PasswordNeeded, WrongPassword

T = TypeVar("T")


def _on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _next_line() -> str | None:
    """The next line of standard input without its line end, or None at its end."""
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n") if line else None


def _not_given(path: Path) -> PasswordNeeded:
    return PasswordNeeded(
        msg(
            "cli.password.needed",
            "{path} is encrypted and no password was given; give it on the first line of "
            "standard input, or type it when asked",
            path=str(path),
        )
    )


def _stale(path: Path) -> WrongPassword:
    return WrongPassword(
        msg(
            "cli.password.stale",
            "the password this computer remembered for {path} no longer opens it (was it changed "
            "elsewhere?), so it was forgotten; give the password on standard input",
            path=str(path),
        )
    )


def typed_password(path: Path) -> str | None:
    """The current password of `path`, typed once at a prompt or read from standard input;
    None when none was given."""
    if _on_terminal():
        typed = getpass.getpass(
            str(msg("cli.password.ask", "Password of {path}: ", path=path.name))
        )
        return typed or None
    return _next_line() or None


def with_password(path: Path, use: Callable[[str], T], *, keep_replacement: bool = True) -> T:
    """`use(password)` with the password of the encrypted database at `path`: the remembered
    one, else one typed or read from standard input. WrongPassword (one sentence) when the one
    given does not open it.

    A remembered password that `use` refuses is forgotten at once; when another one then
    works, it is remembered in its place (`keep_replacement`: the user had asked this computer
    to remember this database's password) and a note on standard error says so."""
    known = database_password.remembered(path)
    stale = False
    if known is not None:
        try:
            return use(known)
        except WrongPassword:
            database_password.forget(path)
            stale = True
    typed = typed_password(path)
    if typed is None:
        raise _stale(path) if stale else _not_given(path)
    result = use(typed)
    if stale:
        _replaced(path, typed, keep_replacement)
    return result


def _replaced(path: Path, password: str, keep: bool) -> None:
    if keep:
        database_password.remember(path, password)
        told = msg(
            "cli.password.replaced",
            "note: the password this computer remembered for {path} no longer opened it; the "
            "one given now is remembered instead",
            path=str(path),
        )
    else:
        told = msg(
            "cli.password.forgotten",
            "note: the password this computer remembered for {path} no longer opened it; it was "
            "forgotten",
            path=str(path),
        )
    print(told, file=sys.stderr)


def new_password() -> str:
    """A new database password: asked twice on a terminal, else the next line of standard
    input; refused (InvalidInput) when too short, different twice or not given."""
    from fieldlog.services.admin.encryption import check_new_password

    if _on_terminal():
        first = getpass.getpass(str(msg("cli.password.ask_new", "New database password: ")))
        repeated = getpass.getpass(str(msg("cli.password.repeat", "Repeat it: ")))
        check_new_password(first, repeated)
        return first
    line = _next_line()
    if not line:
        raise InvalidInput(
            msg(
                "cli.password.no_stdin",
                "no password on standard input (its first line); nothing was changed",
            )
        )
    check_new_password(line)
    return line
