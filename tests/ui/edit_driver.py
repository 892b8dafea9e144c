"""Driving the real edit dialogs as a user does: open on a record, change a widget, press Save."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldlog.store.database import Database
from fieldlog.store.models import Contact, Organization, Project, Visit
from fieldlog.ui.dialogs.org_dialog import ContactDialog, OrgDialog


def copy_demo(demo_database_file: Path, folder: Path) -> Database:
    """A database of its own holding the demo dispatch, in `folder`."""
    from fieldlog.services.admin.workspace import open_workspace

    path = folder / "demo.db"
    shutil.copyfile(demo_database_file, path)
    return open_workspace(str(path))


def live_ids(
    db: Database, model: type[Organization | Contact | Visit | Project]
) -> list[uuid.UUID]:
    """Every live record of a table, by id."""
    query = select(model.id).where(model.deleted.is_(False)).order_by(model.id)
    with db.read() as session:
        return list(session.execute(query).scalars())


def save_button(dialog: QWidget) -> QPushButton:
    """The dialog's Save button, found as a script finds it (objectName `saveButton`)."""
    button = dialog.findChild(QPushButton, "saveButton")
    assert button is not None, f"{dialog.objectName()} has no saveButton"
    return button


def press(qtbot: QtBot, button: QPushButton) -> None:
    """Click an enabled button."""
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def dispose(widget: QWidget) -> None:
    """Free a dialog now (hundreds are opened in a row)."""
    widget.hide()
    shiboken6.delete(widget)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type at the cursor: ASCII by keys, anything else as an input method commits it."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select everything in a text field and type `text` over it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick the item showing `text` with the keyboard, as a user does with the list closed."""
    wanted = combo.findText(text)
    assert wanted >= 0, f"{combo.objectName()} offers no {text!r}"
    combo.setFocus()
    key = Qt.Key.Key_Down if wanted > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(wanted - combo.currentIndex())):
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == wanted


def edit_contacts_unchanged(qtbot: QtBot, dialog: OrgDialog) -> int:
    """Open every contact of the organization form and save it as it is; how many."""
    rows = dialog.contacts_table.rowCount()
    for row in range(rows):
        dialog.contacts_table.selectRow(row)
        press(qtbot, dialog.edit_contact_button)
        contact = dialog.findChildren(ContactDialog)[-1]
        press(qtbot, contact.save_button)
        assert not contact.isVisible()
        dispose(contact)
    return rows


def choose_other(qtbot: QtBot, combo: QComboBox, *, skip_empty: bool = True) -> object:
    """Move a closed combo box one item down (up from the last) by key; the value chosen."""
    combo.setFocus()
    last = combo.currentIndex() == combo.count() - 1
    qtbot.keyClick(combo, Qt.Key.Key_Up if last else Qt.Key.Key_Down)
    if skip_empty and combo.currentData() is None:
        qtbot.keyClick(combo, Qt.Key.Key_Up if last else Qt.Key.Key_Down)
    return combo.currentData()


def append_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` at the end of a text field."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, widget, text)


def toggle_item(qtbot: QtBot, view: QWidget, row: int) -> None:
    """Make a row of a check list current and toggle its box with Space."""
    view.setFocus()
    view.setCurrentRow(row)  # type: ignore[attr-defined]
    qtbot.keyClick(view, Qt.Key.Key_Space)
