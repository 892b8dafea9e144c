"""Database and disk failures in the window: one translated sentence each, and a write that
waits for another FieldLog behind a dialog the user can cancel."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget
from sqlalchemy.exc import SQLAlchemyError

from fieldlog.store.engine import patience
from fieldlog.store.errors import (
    DatabaseBusy,
    DatabaseError,
    DatabaseReadOnly,
    DiskFull,
    busy_sentence,
    sentence,
)

T = TypeVar("T")

# The failures of the database or the disk, told in one sentence each (`message`).
FAILURES = (DatabaseError, SQLAlchemyError, sqlite3.Error, OSError)
# How long one attempt waits for the write lock, and the pause between attempts (ms).
ATTEMPT_WAIT_MS = 300
RETRY_PAUSE_MS = 700


def message(exc: BaseException) -> str:
    """One sentence for the user about a failed call."""
    if isinstance(exc, DatabaseBusy):
        return QCoreApplication.translate(
            "database_errors",
            "Another FieldLog is writing to this database; try again when it has finished.",
        )
    if isinstance(exc, DatabaseReadOnly):
        return QCoreApplication.translate(
            "database_errors",
            "This database is opened read-only: you can read and export, but not change it.",
        )
    if isinstance(exc, DiskFull) or (isinstance(exc, OSError) and exc.errno == 28):
        return QCoreApplication.translate(
            "database_errors",
            "The disk is full: nothing was changed. Free some space and try again.",
        )
    if isinstance(exc, OSError) and exc.filename:
        reason = exc.strerror or exc.__class__.__name__
        template = QCoreApplication.translate("tasks", "{file} could not be written: {reason}")
        return template.format(file=exc.filename, reason=reason)
    return sentence(exc)


def wait_dialog(parent: QWidget | None) -> QProgressDialog:
    """The dialog shown while another FieldLog holds the write lock."""
    label = QCoreApplication.translate(
        "database_errors", "Another FieldLog is writing to this database. Waiting for it…"
    )
    dialog = QProgressDialog(label, QCoreApplication.translate("database_errors", "Cancel"), 0, 0)
    dialog.setParent(parent, dialog.windowFlags())
    dialog.setObjectName("busyWaitDialog")
    dialog.setWindowTitle(QCoreApplication.translate("database_errors", "FieldLog"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def _pause(dialog: QProgressDialog, milliseconds: int) -> None:
    """Keep the window alive for a moment, or until the user cancels."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    dialog.canceled.connect(loop.quit)
    loop.exec()


def patiently(parent: QWidget | None, action: Callable[..., T], *args: object, **kw: object) -> T:
    """`action(*args, **kw)`; while another FieldLog holds the write lock, a dialog says so
    and the call is retried until it gets through, or the user cancels (DatabaseBusy then)."""
    with patience(ATTEMPT_WAIT_MS):
        try:
            return action(*args, **kw)
        except DatabaseBusy:
            pass
        dialog = wait_dialog(parent)
        dialog.show()
        try:
            while True:
                _pause(dialog, RETRY_PAUSE_MS)
                if dialog.wasCanceled():
                    raise DatabaseBusy(busy_sentence("the database"))
                try:
                    return action(*args, **kw)
                except DatabaseBusy:
                    continue
        finally:
            dialog.close()
            dialog.deleteLater()
