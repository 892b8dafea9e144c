"""The team set-up of a first start that encrypts the database first: the form is checked by the
set-up service before anything is encrypted, and the team is written only into the encrypted
file, so nothing personal ever reaches the disk unencrypted."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldlog.services.team import setup
from fieldlog.store.database import Database
from fieldlog.ui.changes import NOTHING
from fieldlog.ui.encryption_flow import Reopen, encrypt_first
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.encrypt_new import EncryptNewBox


class _DryRun(Exception):
    """Ends the transaction in which the set-up was only checked."""


def check_set_up(db: Database, data: setup.TeamSetup) -> None:
    """Refuse (as `set_up_team` would) what the form holds, writing nothing: the set-up runs in
    a transaction that is rolled back. So a refusal comes before the database is encrypted."""
    try:
        with db.begin():
            setup.set_up_team(db, data)
            raise _DryRun
    except _DryRun:
        pass


def encrypt_then_set_up(
    parent: QWidget, db: Database, box: EncryptNewBox, data: setup.TeamSetup
) -> Reopen | str:
    """Check the password and the form, encrypt the empty database; what the app reopens (the
    team is set up on it before its window is built), or the refusal's sentence."""
    problem = box.problem()
    if problem:
        return problem
    refusals: list[str] = []
    checked = Operation(parent, lambda: check_set_up(db, data), changes=NOTHING)
    if not checked.failure(refusals.append).run().ok:
        return refusals[0]

    def set_up(reopened: Database) -> None:
        # Announces nothing: the window is built over the team afterwards.
        Operation(None, lambda: setup.set_up_team(reopened, data), changes=NOTHING).run()

    return encrypt_first(parent, db, box, then=set_up)
