"""Long work (an import, an export) behind a busy progress dialog, with its failure as text.

The work runs on the GUI thread: every service call shares the window's database, and an SQLite
connection must not be used from a second thread. A blocked event loop cannot show a dialog
later (QProgressDialog's minimum duration needs a running loop), so the busy dialog is shown and
painted before the call starts, and the wait cursor stays up until the call returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from fieldlog.ui import database_errors, operations

T = TypeVar("T")


@dataclass(frozen=True)
class TaskOutcome(Generic[T]):
    """How a task ended: its result, or the sentence that says why it failed."""

    ok: bool
    value: T | None = None
    error: str = ""


def busy_dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    """An indeterminate, window-modal progress dialog without a Cancel button."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setObjectName("taskProgressDialog")
    dialog.setWindowTitle(QCoreApplication.translate("tasks", "FieldLog"))
    dialog.setAccessibleName(label)
    # The service call cannot be interrupted halfway, so there is nothing to cancel.
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(360)
    return dialog


def _paint(dialog: QProgressDialog) -> None:
    """Show the dialog and let it reach the screen before the event loop blocks."""
    dialog.show()
    for _ in range(3):  # show, lay out, paint: each may post further events
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def run_task(
    parent: QWidget | None,
    label: str,
    action: Callable[..., T],
    *args: object,
    announce: bool = False,
    **kwargs: object,
) -> TaskOutcome[T]:
    """Run `action(*args, **kwargs)` behind a busy dialog saying `label`.

    A refusal (ValueError, which includes unreadable Excel files and invalid input), a file
    that cannot be written (OSError) or a database that cannot be (busy, read-only, a full
    disk, damaged) becomes a failed outcome with its one sentence. With `announce` a success is
    broadcast on `operations.changes().changes_applied`, like every other change.
    """
    dialog = busy_dialog(parent, label)
    _paint(dialog)
    try:
        with operations.busy_cursor():
            value = database_errors.patiently(parent, action, *args, **kwargs)
    except ValueError as exc:
        return TaskOutcome(False, error=str(exc) or exc.__class__.__name__)
    except database_errors.FAILURES as exc:
        return TaskOutcome(False, error=database_errors.message(exc))
    finally:
        dialog.close()
        dialog.deleteLater()
    if announce:
        operations.changes().changes_applied.emit(value)
    return TaskOutcome(True, value)
