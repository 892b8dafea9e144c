"""The window's side of a database upgrade: the opening runs on a worker thread, and when it
upgrades an older database a dialog shows each step, how far it is and the time it still needs,
with a button that stops the upgrade (rolled back: the database stays as it was).

An opening that upgrades nothing returns as before, without a dialog and without running an
event loop unless it takes longer than a moment.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.admin.workspace import (
    UpgradeCancelled,
    UpgradeStep,
    seconds_left,
    watching,
)

T = TypeVar("T")

#: How long an opening may take before the window keeps itself alive while it waits (s).
QUIET_WAIT_S = 0.2
#: The progress bar's scale.
STEPS = 1000


class UpgradeProgressDialog(QDialog):
    """Each step of an upgrade, how far it is, the time it still needs, and a way to stop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upgradeProgressDialog")
        self.setWindowTitle(self.tr("Upgrading the database"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(460)
        self.stop_asked = False
        self._key: str | None = None
        self._began = 0.0
        about = QLabel(
            self.tr(
                "This version of FieldLog keeps the database in a new form: it is upgraded "
                "once, after a backup copy. Stopping leaves it as it was."
            ),
            objectName="upgradeAbout",
            wordWrap=True,
        )
        self.step = QLabel(objectName="upgradeStep", wordWrap=True)
        self.bar = QProgressBar(objectName="upgradeProgressBar", minimum=0, maximum=STEPS)
        self.bar.setAccessibleName(self.tr("Upgrade progress"))
        self.left = QLabel(objectName="upgradeTimeLeft")
        buttons = QDialogButtonBox()
        self.stop_button = QPushButton(self.tr("Stop the upgrade"), objectName="upgradeStopButton")
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.stop_button.clicked.connect(self.ask_stop)
        layout = QVBoxLayout(self)
        for widget in (about, self.step, self.bar, self.left, buttons):
            layout.addWidget(widget)

    def ask_stop(self) -> None:
        """Stop at the step's next report; the upgrade is then rolled back."""
        self.stop_asked = True
        self.stop_button.setEnabled(False)
        self.left.setText(self.tr("Stopping: the database stays as it was…"))

    def reject(self) -> None:  # Escape and the window's close button ask to stop, too
        self.ask_stop()

    def show_step(self, step: UpgradeStep, fraction: float | None) -> None:
        """Show where the upgrade is: a new step begins, or the current one went on."""
        now = time.monotonic()
        if step.key != self._key:
            self._key, self._began = step.key, now
            self.step.setText(self._step_text(step))
        if self.stop_asked:
            return
        if not fraction:  # a step that cannot tell how far it is, or has not told yet
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, STEPS)
            self.bar.setValue(round(fraction * STEPS))
        self.left.setText(self._left_text(seconds_left(now - self._began, fraction)))

    def _step_text(self, step: UpgradeStep) -> str:
        if step.count == 0:
            return str(step.name)
        template = self.tr("Step {number} of {count}: {step}")
        return template.format(number=step.number, count=step.count, step=step.name)

    def _left_text(self, left: float | None) -> str:
        if left is None:
            return self.tr("Estimating the time this step needs…")
        if left >= 90:
            return self.tr("About {minutes} min left in this step").format(minutes=round(left / 60))
        return self.tr("About {seconds} s left in this step").format(seconds=max(1, round(left)))


class _Relay(QObject):
    """Carries the worker's reports and its end to the window's thread."""

    reported = Signal(object, object)
    finished = Signal()


def watched(parent: QWidget | None, action: Callable[..., T]) -> Callable[..., T]:
    """`action` (an opening of a database) run so that an upgrade it makes shows its progress
    over `parent` and can be stopped (`run_watched`)."""

    def run(*args: Any, **kwargs: Any) -> T:
        return run_watched(parent, action, *args, **kwargs)

    return run


def run_watched(parent: QWidget | None, action: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`action(*args, **kwargs)` on a worker thread, its result or its error returned or raised
    here. The window waits for it without taking the user's input; once an upgrade reports,
    the progress dialog shows (application-modal) until the opening ends."""
    relay = _Relay()
    dialog: list[UpgradeProgressDialog] = []
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def report(step: UpgradeStep, fraction: float | None) -> None:  # on the worker thread
        if dialog and dialog[0].stop_asked:
            raise UpgradeCancelled()
        relay.reported.emit(step, fraction)

    def shown(step: UpgradeStep, fraction: float | None) -> None:
        if not dialog:
            dialog.append(UpgradeProgressDialog(parent))
            dialog[0].show()
            loop.quit()  # wait again, now taking the user's input (the dialog's button)
        dialog[0].show_step(step, fraction)

    def work() -> None:
        try:
            with watching(report):
                outcome["result"] = action(*args, **kwargs)
        except BaseException as exc:  # carried to the window's thread
            outcome["error"] = exc
        finally:
            outcome["done"] = True
            relay.finished.emit()

    relay.reported.connect(shown)
    relay.finished.connect(loop.quit)
    context = contextvars.copy_context()  # the patience with a busy database, say
    worker = threading.Thread(target=context.run, args=(work,), name="fieldlog-open")
    worker.start()
    worker.join(QUIET_WAIT_S)
    while "done" not in outcome:
        quiet = QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
        loop.exec(QEventLoop.ProcessEventsFlag.AllEvents if dialog else quiet)
    worker.join()
    if dialog:
        dialog[0].hide()  # not close(): closing asks to stop (`reject`)
        dialog[0].deleteLater()
    relay.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    result: T = outcome["result"]
    return result
