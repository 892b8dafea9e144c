"""The one way the UI changes data: run a service call, report a refusal, announce the change.

Screens never call each other after a change; they listen to `changes().changes_applied` and
refresh themselves from the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

T = TypeVar("T")


class ChangeBus(QObject):
    """Announces that an operation has committed; the payload is what the action returned."""

    changes_applied = Signal(object)


_bus: ChangeBus | None = None


def changes() -> ChangeBus:
    """The application-wide change announcer."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus


@contextmanager
def busy_cursor() -> Iterator[None]:
    """Show the wait cursor while a synchronous action runs on the GUI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    # Let the cursor (and any status message) reach the screen before the work blocks the loop.
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def attempt(
    parent: QWidget | None, action: Callable[..., T], *args: object, **kwargs: object
) -> tuple[bool, T | None]:
    """Run `action(*args, **kwargs)`; returns (True, its result) after announcing the change.

    A refusal (ValueError: bad input, a service saying no) or a failure of the database or the
    disk (busy, read-only, full: one sentence each) is shown to the user as a warning and
    (False, None) is returned; the service has left the data as it was. While another FieldLog
    writes, the call waits behind a dialog the user can cancel.
    """
    from fieldlog.ui import database_errors

    try:
        with busy_cursor():
            result = database_errors.patiently(parent, action, *args, **kwargs)
    except ValueError as exc:
        title = QCoreApplication.translate("operations", "FieldLog")
        QMessageBox.warning(parent, title, str(exc) or exc.__class__.__name__)
        return False, None
    except database_errors.FAILURES as exc:
        title = QCoreApplication.translate("operations", "FieldLog")
        QMessageBox.warning(parent, title, database_errors.message(exc))
        return False, None
    changes().changes_applied.emit(result)
    return True, result


def run(
    parent: QWidget | None, action: Callable[..., T], *args: object, **kwargs: object
) -> T | None:
    """Like `attempt`, returning only the result (None after a refusal)."""
    return attempt(parent, action, *args, **kwargs)[1]
