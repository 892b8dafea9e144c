"""Steps of the journey tests: finding the window's widgets, and checking what each step changed.

Every lookup of a dialog, a button or an action lives here, so that the journeys switch to the
automation names (`actionEditVisit`, `actionEditOrg`, `actionEditProject`, `visitDialog`,
`orgDialog`, `projectDialog`, `saveButton`) in one place. Where a contract name is already on the
window it is used; otherwise the widget is found the way the other window tests find it.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget

from fieldlog.store.database import Database
from fieldlog.ui.main_window import MainWindow
from tests.field_dump import FieldDump, db_digest, field_diff, field_dump, history_count

#: (table, record id) → the fields a step changed on that existing record.
Touched = dict[tuple[str, str], set[str]]


def type_chinese(widget: QWidget, text: str) -> None:
    """Type as an input method does: one commit of the composed text (keyClicks is ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


class Journal:
    """The replicated data of one laptop as it was after the last step checked.

    `changed` asserts that a step made exactly the given field changes on existing records and
    created exactly the given number of records per table, and nothing else; `unchanged` asserts
    the digest and the history did not move.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.dump: FieldDump = field_dump(db)
        self.digest = db_digest(db)
        self.history = history_count(db)

    def changed(
        self, step: str, touched: Touched, new: dict[str, int] | None = None
    ) -> dict[str, list[dict[str, Any]]]:
        """Check the step; returns the records it created, by table."""
        after = field_dump(self.db)
        diff = field_diff(self.dump, after)
        created = {key for key in after.keys() - self.dump.keys()}
        vanished = self.dump.keys() - after.keys()
        seen: Touched = {}
        for table, record, name in diff:
            if (table, record) not in created:
                seen.setdefault((table, record), set()).add(name)
        wanted = {(t, str(r)): fields for (t, r), fields in touched.items()}
        assert vanished == set(), f"{step}: records vanished {sorted(vanished)}"
        assert seen == wanted, f"{step}: fields changed {diff_text(diff, seen)}"
        assert Counter(t for t, _ in created) == Counter(new or {}), f"{step}: new {created}"
        self.dump = after
        self.digest = db_digest(self.db)
        moved = history_count(self.db)
        # The history keeps replaced values: a new record replaces none.
        assert moved > self.history or not touched, f"{step}: no history"
        self.history = moved
        made: dict[str, list[dict[str, Any]]] = {}
        for table, record in created:
            made.setdefault(table, []).append(after[(table, record)])
        return made

    def unchanged(self, step: str) -> None:
        """The step changed nothing: same digest, same history."""
        assert db_digest(self.db) == self.digest, f"{step}: the digest moved"
        assert history_count(self.db) == self.history, f"{step}: the history moved"

    def value(self, table: str, record: uuid.UUID | str, name: str) -> Any:
        """A field as the last checked step left it."""
        return self.dump[(table, str(record))][name]


def diff_text(diff: dict[tuple[str, str, str], tuple[Any, Any]], seen: Touched) -> str:
    """The changes of existing records, for an assertion message."""
    lines = [
        f"{t}.{n} of {r[:8]}: {old!r} -> {new!r}"
        for (t, r, n), (old, new) in sorted(diff.items())
        if (t, r) in seen
    ]
    return "; ".join(lines)


# --- finding things on the window ---------------------------------------------------------------


def action(win: MainWindow, name: str) -> QAction:
    """A window action by its objectName."""
    found = win.findChild(QAction, name)
    assert found is not None, name
    return found


def open_dialog(win: QWidget, name: str) -> QDialog:
    """The one visible dialog named `name` (closed ones wait for deletion under the window)."""
    shown = [d for d in win.findChildren(QDialog, name) if d.isVisible()]
    assert len(shown) == 1, f"{name}: {len(shown)} shown"
    return shown[0]


def visit_dialog(win: MainWindow) -> Any:
    """The open visit dialog (VisitDialog)."""
    return open_dialog(win, "visitDialog")


def org_dialog(win: MainWindow) -> Any:
    """The open organization dialog (OrgDialog)."""
    return open_dialog(win, "orgDialog")


def project_dialog(win: MainWindow) -> Any:
    """The open project dialog (ProjectDialog)."""
    return open_dialog(win, "projectDialog")


def save_button(dialog: QDialog) -> QPushButton:
    """A dialog's Save button: `saveButton` once named so, else the dialog's `save_button`."""
    named = dialog.findChild(QPushButton, "saveButton")
    return named if named is not None else dialog.save_button  # type: ignore[attr-defined]


def activate(qtbot: Any, win: QWidget) -> None:
    """Make `win` the active window, so its shortcuts take keys."""
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)


def tab_to(qtbot: Any, widget: QWidget, most: int = 20) -> None:
    """Press Tab until `widget` has the keyboard focus."""
    for _ in range(most):
        if QApplication.focusWidget() is widget:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget, f"Tab never reached {widget.objectName()}"


def select_visit(win: MainWindow, visit_id: uuid.UUID, org_name: str) -> None:
    """Show the visit log searched for the organization, with the visit selected."""
    win.show_page(0)
    log = win.visit_log
    log.search_edit.setText(org_name)
    log.apply_filter()
    row = log.model.row_of(visit_id)
    while row is None and log.model.canFetchMore(log.table.rootIndex()):
        log.model.fetchMore(log.table.rootIndex())
        row = log.model.row_of(visit_id)
    assert row is not None, f"visit {visit_id} is not in the log"
    log.table.setFocus()
    log.table.selectRow(row)


def edit_selected_visit(qtbot: Any, win: MainWindow) -> Any:
    """Open the selected visit: Edit ▸ visit when the window has it, else Enter on the row."""
    contract = win.findChild(QAction, "actionEditVisit")
    if contract is not None:
        contract.trigger()
    else:
        qtbot.keyClick(win.visit_log.table, Qt.Key.Key_Return)
    return visit_dialog(win)


def edit_org(win: MainWindow, org_id: uuid.UUID) -> Any:
    """Select an organization on its page and open it for editing (actionEditOrg, F2)."""
    win.show_page(1)
    win.orgs_view.show_org(org_id)
    assert win.orgs_view.selected_id() == org_id
    action(win, "actionEditOrg").trigger()
    return org_dialog(win)


def open_project(win: MainWindow, project_id: uuid.UUID) -> Any:
    """The project dialog, opened as a double-click on its card does."""
    win.pipeline.open_project_requested.emit(project_id)
    return project_dialog(win)


def log_visit(qtbot: Any, win: MainWindow, org_name: str, day: date, summary: str) -> None:
    """Ctrl+N, the organization by type-ahead, the date and summary typed, Ctrl+Enter."""
    activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = visit_dialog(win)
    activate(qtbot, dialog)
    form = dialog.form
    assert QApplication.focusWidget() is form.org_picker.edit
    type_chinese(form.org_picker.edit, org_name)
    qtbot.keyClick(form.org_picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(form.org_picker.edit, Qt.Key.Key_Return)
    assert form.org_picker.org_name() == org_name
    tab_to(qtbot, form.date_edit)  # Tab selects the year; a full section moves on
    qtbot.keyClicks(form.date_edit, day.strftime("%Y%m%d"))
    assert form.date_edit.day() == day
    tab_to(qtbot, form.summary)
    type_chinese(form.summary, summary)
    qtbot.keyClick(form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.message.text()


def set_org_phone(qtbot: Any, win: MainWindow, org_id: uuid.UUID, phone: str) -> None:
    """Open an organization for editing, type over its phone, Save."""
    dialog = edit_org(win, org_id)
    dialog.phone_edit.setFocus()
    dialog.phone_edit.selectAll()
    qtbot.keyClicks(dialog.phone_edit, phone)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def cancel_visit(qtbot: Any, dialog: QDialog) -> None:
    """Cancel the visit dialog, discarding what was typed (when it asks, Discard)."""
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    box = dialog.findChild(QMessageBox, "closeVisitBox")
    if box is not None and box.isVisible():
        qtbot.mouseClick(box.findChild(QPushButton, "discardButton"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def drop_files(win: QWidget, *paths: Path) -> None:
    """Drag files from the file manager and drop them on the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    plain = Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(win, QDragEnterEvent(QPoint(5, 5), copy, mime, left, plain))
    event = QDropEvent(QPointF(5, 5), copy, mime, left, plain)
    QApplication.sendEvent(win, event)
    assert event.isAccepted()
