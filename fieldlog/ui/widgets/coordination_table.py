"""A project's matters for the government to coordinate (需协调解决事项): the table with adding,
editing, resolving, reopening and deleting a matter, each undoable."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.projects import coordination as coord
from fieldlog.services.projects.coordination import MatterInput, MatterRow
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.org_dialog import button_row, fill_table, row_table
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.combo_values import unknown_text
from fieldlog.ui.widgets.org_create_form import error_label, plain_buttons, show_error

#: A matter belongs to its project (the dashboard and the return list the open ones).
MATTERS = Changes.of(Kind.PROJECT)
#: The matter's text takes the spare width.
MATTER_COLUMN = 0


def read_date(edit: QLineEdit) -> date | None:
    """The date typed as yyyy-mm-dd, None when empty; ValueError when it is not a date."""
    text = edit.text().strip()
    return date.fromisoformat(text) if text else None


class MatterDialog(QDialog):
    """Add or correct a matter; a refusal shows in red and the dialog stays open."""

    def __init__(
        self, save: Callable[[MatterInput], bool], row: MatterRow | None, parent: QWidget
    ) -> None:
        super().__init__(parent, objectName="matterDialog")
        self._save = save
        self.setWindowTitle(self.tr("Edit matter") if row else self.tr("Add matter"))
        self.matter = QPlainTextEdit(objectName="matterText", tabChangesFocus=True)
        self.owner = QLineEdit(objectName="matterOwner")
        self.due = QLineEdit(objectName="matterDue", placeholderText="yyyy-mm-dd")
        self.note = QLineEdit(objectName="matterNote")
        if row is not None:
            self.matter.setPlainText(row.matter)
            self.owner.setText(row.owner)
            self.due.setText(row.due_on.isoformat() if row.due_on else "")
            self.note.setText(row.note)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Matter"), self.matter),
            (self.tr("Responsible unit"), self.owner),
            (self.tr("Deadline"), self.due),
            (self.tr("Note"), self.note),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.message = error_label("matterMessage")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        for edit in (self.owner, self.due, self.note):
            edit.returnPressed.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.matter.setFocus()

    def read(self) -> MatterInput | None:
        """The matter as entered; None (and a red sentence) when the deadline is no date."""
        try:
            due = read_date(self.due)
        except ValueError:
            show_error(self.message, self.tr("Deadline: write the date as yyyy-mm-dd"))
            return None
        text = self.matter.toPlainText()
        return MatterInput(text, self.owner.text(), due, self.note.text())

    def save(self) -> bool:
        """Save through the panel's operation and close; False (and open) if refused."""
        data = self.read()
        if data is None:
            return False
        show_error(self.message, "")
        if self._save(data):
            self.accept()
            return True
        return False


class CoordinationPanel(QWidget):
    """The 需协调解决事项 tab: the matters of a project and what can be done with them."""

    def __init__(
        self,
        db: Database,
        project_id: uuid.UUID,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="coordinationPanel")
        self.db, self.project_id, self.today = db, project_id, today
        self.rows: list[MatterRow] = []
        self.matter_dialog: MatterDialog | None = None
        headers = [self.tr("Matter"), self.tr("Responsible unit"), self.tr("Deadline")]
        headers += [self.tr("Status"), self.tr("Resolved on"), self.tr("Note")]
        self.table = row_table("coordination_table", headers)
        self.table.setAccessibleName(self.tr("Matters to coordinate"))
        self.table.horizontalHeader().setStretchLastSection(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MATTER_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.add_button = QPushButton(self.tr("&Add matter…"), objectName="addMatter")
        self.edit_button = QPushButton(self.tr("&Edit matter…"), objectName="editMatter")
        self.resolve_button = QPushButton(self.tr("Mark &resolved"), objectName="resolveMatter")
        self.reopen_button = QPushButton(self.tr("Re&open"), objectName="reopenMatter")
        self.delete_button = QPushButton(self.tr("De&lete matter"), objectName="deleteMatter")
        buttons = (
            self.add_button,
            self.edit_button,
            self.resolve_button,
            self.reopen_button,
            self.delete_button,
        )
        plain_buttons(*buttons)
        self.add_button.clicked.connect(self.add_matter)
        self.edit_button.clicked.connect(self.edit_selected)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.message = error_label("coordinationMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row(*buttons))
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        """Reload the matters, keeping the selected one."""
        selected = self.selected()
        self.rows = coord.matters_of(self.db, self.project_id)
        fill_table(self.table, [self._cells(m) for m in self.rows])
        ids = [m.id for m in self.rows]
        if selected is not None and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        else:  # a deleted matter's row must not pass its selection to its neighbour
            self.table.clearSelection()
        self._enable_buttons()

    def _cells(self, m: MatterRow) -> list[str]:
        status = {coord.OPEN: self.tr("Open"), coord.RESOLVED: self.tr("Resolved")}
        shown = status.get(m.status) or unknown_text(m.status)
        due = m.due_on.isoformat() if m.due_on else ""
        resolved = m.resolved_on.isoformat() if m.resolved_on else ""
        return [m.matter, m.owner, due, shown, resolved, m.note]

    def selected(self) -> MatterRow | None:
        """The matter of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _enable_buttons(self) -> None:
        chosen = self.selected()
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(chosen is not None)
        self.resolve_button.setEnabled(chosen is not None and chosen.status != coord.RESOLVED)
        self.reopen_button.setEnabled(chosen is not None and chosen.status != coord.OPEN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    def _run(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> bool:
        """One undoable change; its refusal shows under the table."""
        show_error(self.message, "")
        operation = Operation(self, do, changes=MATTERS)
        operation.undoable(text, undo)
        operation.failure(lambda sentence: show_error(self.message, sentence))
        return operation.run().ok

    def add_matter(self) -> MatterDialog:
        """Open the dialog of a new matter (window-modal)."""
        self.matter_dialog = MatterDialog(self._add, None, self)
        self.matter_dialog.open()
        return self.matter_dialog

    def _add(self, data: MatterInput) -> bool:
        db, pid, added = self.db, self.project_id, []

        def add() -> None:
            if added:  # redo: the same record comes back
                coord.restore_matter(db, added[0])
            else:
                added.append(coord.add_matter(db, pid, data))

        operation = Operation(self, add, changes=MATTERS)
        operation.undoable(self.tr("Add matter"), lambda: coord.delete_matter(db, added[0]))
        dialog = self.matter_dialog
        if dialog is not None:
            operation.failure(lambda sentence: show_error(dialog.message, sentence))
        return operation.run().ok

    def edit_selected(self) -> MatterDialog | None:
        """Open the selected matter in its dialog (window-modal)."""
        row = self.selected()
        if row is None:
            return None
        self.matter_dialog = MatterDialog(lambda data: self._edit(row, data), row, self)
        self.matter_dialog.open()
        return self.matter_dialog

    def _edit(self, row: MatterRow, data: MatterInput) -> bool:
        db, before = self.db, row.as_input()
        if data == before:  # nothing to save, nothing to undo
            return True
        operation = Operation(
            self, lambda: coord.edit_matter(db, row.id, data, before), changes=MATTERS
        )
        operation.undoable(
            self.tr("Edit matter"), lambda: coord.edit_matter(db, row.id, before, data)
        )
        dialog = self.matter_dialog
        if dialog is not None:
            operation.failure(lambda sentence: show_error(dialog.message, sentence))
        return operation.run().ok

    def resolve_selected(self) -> bool:
        """Mark the selected matter resolved today."""
        row = self.selected()
        if row is None:
            return False
        db, day = self.db, self.today()
        return self._run(
            self.tr("Resolve matter"),
            lambda: coord.resolve_matter(db, row.id, on=day),
            lambda: coord.put_status(db, row.id, row.status, row.resolved_on),
        )

    def reopen_selected(self) -> bool:
        """Mark the selected matter open again."""
        row = self.selected()
        if row is None:
            return False
        db = self.db
        return self._run(
            self.tr("Reopen matter"),
            lambda: coord.reopen_matter(db, row.id),
            lambda: coord.put_status(db, row.id, row.status, row.resolved_on),
        )

    def delete_selected(self) -> bool:
        """Delete the selected matter."""
        row = self.selected()
        if row is None:
            return False
        db = self.db
        return self._run(
            self.tr("Delete matter"),
            lambda: coord.delete_matter(db, row.id),
            lambda: coord.restore_matter(db, row.id),
        )
