"""Long work (an import, an export) behind a busy progress dialog, with its failure as text.

The work runs on the GUI thread: every service call shares the window's database, and an SQLite
connection must not be used from a second thread. A blocked event loop cannot show a dialog
later (QProgressDialog's minimum duration needs a running loop), so the busy dialog is shown and
painted before the call starts, and the wait cursor stays up until the call returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from fieldlog.ui.changes import NOTHING, Changes
from fieldlog.ui.operations import Operation, Outcome

T = TypeVar("T")

#: How a task ended (an operation's outcome): its result, or the sentence saying why it failed.
TaskOutcome = Outcome


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
    changes: Changes = NOTHING,
    **kwargs: object,
) -> Outcome[T]:
    """Run `action(*args, **kwargs)` as an operation behind a busy dialog saying `label`.

    A failure (a refusal, a file that cannot be written, a database that cannot be, or a defect,
    logged) is a failed outcome with its one sentence, for the caller to show. A success is
    announced as `changes`.
    """
    dialog = busy_dialog(parent, label)
    _paint(dialog)
    try:
        operation = Operation(parent, lambda: action(*args, **kwargs), changes=changes)
        return operation.failure(lambda _sentence: None).run()
    finally:
        dialog.close()
        dialog.deleteLater()
