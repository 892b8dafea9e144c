"""Encrypting the window's database, or taking the encryption off: the file is converted while
closed, then the app opens a new window over it with its new password (`Reopen`).

The conversion runs on the GUI thread behind a busy dialog, as every long task of the window
does (`tasks.py`): the window's own connection must stay closed throughout, and no timer or
query of the window may reopen it while the file is being replaced. A refusal changes nothing;
the window's database reconnects on its next query, as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldlog.services.admin import database_password
from fieldlog.services.admin.encryption import (
    Backups,
    ConversionReport,
    decrypt_database,
    encrypt_database,
)
from fieldlog.store.database import Database
from fieldlog.ui.tasks import TaskOutcome, run_task
from fieldlog.ui.widgets.encrypt_new import EncryptNewBox

# Work done on the reopened database before its window is built (the team set-up, the demo
# of a first start): a sentence for the status bar, or None. It tells its own failures.
Then = Callable[[Database], str | None]


@dataclass(frozen=True)
class Reopen:
    """What the app does once the file is converted: open it with `password` (None: a plain
    file), run `then` on it, and say `note` in the new window's status bar.

    `then` runs before the new window exists, and announces nothing: the replaced window still
    listens to the change announcer until Qt deletes it, and its connection is to the file as
    it was (a plain one) — it must never be asked to read the converted file."""

    password: str | None
    note: str
    then: Then | None = None
    #: Run with the new window once the replaced one is gone (joining the team from there).
    after: Callable[[Any], object] | None = None


def convert(
    parent: QWidget | None, db: Database, password: str, *, encrypt: bool, backups: Backups
) -> TaskOutcome[ConversionReport]:
    """Close `db` and encrypt (or decrypt) its file and backups; a refusal is the outcome's
    sentence, and nothing was changed."""
    path = db.path
    assert path is not None, "only a database file is encrypted"

    def work() -> ConversionReport:
        db.close()  # the conversion works on a closed file
        if encrypt:
            return encrypt_database(path, password, backups=backups)
        return decrypt_database(path, password, backups=backups)

    translate = QCoreApplication.translate
    if encrypt:
        label = translate("encryption", "Encrypting the database and its backups…")
    else:
        label = translate("encryption", "Removing the encryption from the database…")
    return run_task(parent, label, work)


def encrypt_first(
    parent: QWidget | None,
    db: Database,
    box: EncryptNewBox,
    then: Then | None = None,
    after: Callable[[Any], object] | None = None,
) -> Reopen | str:
    """Encrypt the still empty database with the password typed in `box` before anything is
    written to it; what the app then reopens (and runs `then` and `after` in), or the
    refusal's sentence."""
    problem = box.problem()
    if problem:
        return problem
    password = box.fields.password()
    outcome = convert(parent, db, password, encrypt=True, backups=Backups.CONVERT)
    if not outcome.ok or outcome.value is None:
        return first_upper(outcome.error)
    assert db.path is not None
    keep_password(db.path, password, box.fields.remember.isChecked())
    return Reopen(password, encrypted_note(outcome.value), then, after)


def first_upper(text: str) -> str:
    """A core sentence ("the password does not open …") as a line of its own."""
    return text[:1].upper() + text[1:]


def keep_password(path: Path, password: str, remember: bool) -> None:
    """Remember the new password on this computer when asked, else forget an older one."""
    if remember:
        database_password.remember(path, password)
    else:
        database_password.forget(path)


def encrypted_note(report: ConversionReport) -> str:
    """The status bar's sentence after encrypting."""
    text = QCoreApplication.translate(
        "encryption",
        "The database is encrypted; backups encrypted: {converted}, deleted: {removed}.",
    )
    return text.format(converted=len(report.converted), removed=len(report.removed))


def decrypted_note(report: ConversionReport) -> str:
    """The status bar's sentence after taking the encryption off."""
    text = QCoreApplication.translate(
        "encryption",
        "The database is no longer encrypted; backups decrypted: {converted}, left encrypted "
        "(another password): {left}.",
    )
    return text.format(converted=len(report.converted), left=len(report.left))
