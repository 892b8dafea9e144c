"""How a command opens its database: an encrypted one with its password (remembered, standard
input, or asked: `cli.database_password`), a new one created encrypted (`init|demo --encrypt`),
and the password remembered when the user asks (`--remember`). An older database is upgraded
with its progress on standard error; Ctrl+C stops the upgrade and leaves it as it was."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fieldlog.cli.database_password import new_password, with_password
from fieldlog.domain.messages import Message, msg
from fieldlog.services.errors import InvalidInput
from fieldlog.store.database import Database
from fieldlog.store.errors import PasswordNeeded
from fieldlog.store.location import describe, is_url

if TYPE_CHECKING:
    from fieldlog.services.admin.workspace import UpgradeStep


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
    lines = UpgradeLines()
    with ctrl_c_stops(lines):
        try:
            return open_workspace(location, create=create, progress=lines)
        except PasswordNeeded:
            path = Path(location).expanduser().resolve()
        db = with_password(
            path,
            lambda password: open_workspace(
                location, create=create, password=password, progress=lines
            ),
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


class UpgradeLines:
    """An upgrade's progress as lines on standard error: each step as it begins, then how far
    it is and the time it still needs, every few seconds. Once `stop_asked` (Ctrl+C), the next
    report stops the upgrade (UpgradeCancelled), which is then rolled back."""

    #: Seconds between two lines of the same step.
    EVERY_S = 5.0

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self.stop_asked = False
        self.upgrading = False
        self._key: str | None = None
        self._began = self._told = 0.0

    def __call__(self, step: UpgradeStep, fraction: float | None) -> None:
        from fieldlog.services.admin.workspace import UpgradeCancelled

        self.upgrading = True
        if self.stop_asked:
            raise UpgradeCancelled()
        now = time.monotonic()
        if step.key != self._key:
            self._key, self._began, self._told = step.key, now, now
            self._say(_step_line(step))
        elif fraction is not None and 0 < fraction < 1 and now - self._told >= self.EVERY_S:
            self._told = now
            self._say(_progress_line(fraction, now - self._began))

    def _say(self, line: object) -> None:
        print(line, file=self.stream or sys.stderr, flush=True)


def _step_line(step: UpgradeStep) -> Message:
    if step.count == 0:
        return msg("cli.upgrade.step_first", "Upgrading the database: {step}", step=step.name)
    return msg(
        "cli.upgrade.step",
        "Upgrading the database, step {number} of {count}: {step}",
        number=step.number,
        count=step.count,
        step=step.name,
    )


def _progress_line(fraction: float, elapsed_s: float) -> Message:
    from fieldlog.services.admin.workspace import seconds_left

    percent = int(fraction * 100)
    left = seconds_left(elapsed_s, fraction)
    if left is None:
        return msg("cli.upgrade.percent", "  {percent} % done", percent=percent)
    if left >= 90:
        return msg(
            "cli.upgrade.minutes_left",
            "  {percent} % done, about {minutes} min left in this step",
            percent=percent,
            minutes=round(left / 60),
        )
    return msg(
        "cli.upgrade.seconds_left",
        "  {percent} % done, about {seconds} s left in this step",
        percent=percent,
        seconds=max(1, round(left)),
    )


@contextmanager
def ctrl_c_stops(lines: UpgradeLines) -> Iterator[None]:
    """While an upgrade runs, Ctrl+C asks it to stop at its next report (within seconds) so
    that it is rolled back; a second Ctrl+C, or one when no upgrade runs, interrupts at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)

    def stop(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGINT, previous)
        if not lines.upgrading:
            signal.default_int_handler(signum, frame)
        lines.stop_asked = True
        lines._say(
            msg(
                "cli.upgrade.stopping",
                "Stopping the upgrade; the database stays as it was (Ctrl+C again to "
                "interrupt at once)",
            )
        )

    signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
