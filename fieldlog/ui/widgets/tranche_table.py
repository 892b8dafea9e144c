"""A project's funds in place: the tranches with a running total against the contract (到位率);
adding, correcting and deleting a tranche, each undoable."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_name
from fieldlog.domain.money import InvalidAmount, format_wan, parse_wan
from fieldlog.services.projects import project_edits, projects
from fieldlog.services.projects.project_detail import ProjectDetail, TrancheRow, fund_origin_choices
from fieldlog.services.projects.projects import TrancheInput
from fieldlog.services.validate import MAX_YEAR, MIN_YEAR
from fieldlog.store.database import Database
from fieldlog.ui.amounts import wan
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.org_dialog import button_row, fill_table, row_table
from fieldlog.ui.operations import Operation
from fieldlog.ui.undo import undo_stack
from fieldlog.ui.widgets.combo_values import UNKNOWN_ITEM_ROLE, index_of, unknown_text
from fieldlog.ui.widgets.org_create_form import error_label, plain_buttons, show_error

#: A tranche belongs to its project (its funds in place, 到位率).
FUNDS = Changes.of(Kind.PROJECT)
#: Columns of the tranche table that the code sets apart.
AMOUNT, NOTE, RUNNING = 1, 4, 5


class TrancheFields:
    """The fields of a tranche (date, amount in 万元, origin, evidence, note), for the add form
    and the edit dialog alike."""

    def __init__(self, origins: list[tuple[str, uuid.UUID]]) -> None:
        self.received = QDateEdit(objectName="trancheDate", calendarPopup=True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.received.setDateRange(QDate(MIN_YEAR, 1, 1), QDate(MAX_YEAR, 12, 31))
        self.received.setDate(QDate.currentDate())
        self.amount = QLineEdit(
            objectName="trancheAmount",
            placeholderText=QCoreApplication.translate("TranchePanel", "10k yuan"),
        )
        self.origin = QComboBox(objectName="trancheOrigin")
        self.origin.addItem("", None)
        for name, origin_id in origins:
            self.origin.addItem(display_name(origin_id, name), origin_id)
        self.evidence = QLineEdit(objectName="trancheEvidence")
        self.note = QLineEdit(objectName="trancheNote")

    def fill(self, form: QFormLayout) -> None:
        """Add the fields to a form, labelled, in tab order."""
        for label, widget in (
            (QCoreApplication.translate("TranchePanel", "Date"), self.received),
            (QCoreApplication.translate("TranchePanel", "Amount (10k yuan)"), self.amount),
            (QCoreApplication.translate("TranchePanel", "Origin"), self.origin),
            (QCoreApplication.translate("TranchePanel", "Evidence"), self.evidence),
            (QCoreApplication.translate("TranchePanel", "Note"), self.note),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)

    def on_enter(self, slot: Callable[[], object]) -> None:
        """Enter in a text field runs `slot` (add, or save)."""
        for edit in (self.amount, self.evidence, self.note):
            edit.returnPressed.connect(slot)

    def load(self, row: TrancheRow) -> None:
        """Show a recorded tranche."""
        on = row.received_on
        self.received.setDate(QDate(on.year, on.month, on.day))
        self.amount.setText(format_wan(row.amount_yuan))
        if index_of(self.origin, row.origin_id) < 0:
            # An origin removed from the catalog since stays as 未知（name）, so saving keeps it.
            self.origin.addItem(unknown_text(row.origin or row.origin_id), row.origin_id)
            self.origin.setItemData(self.origin.count() - 1, True, UNKNOWN_ITEM_ROLE)
        self.origin.setCurrentIndex(index_of(self.origin, row.origin_id))
        self.evidence.setText(row.evidence)
        self.note.setText(row.note)

    def read(self) -> TrancheInput | str:
        """The tranche entered, or why the amount cannot be read."""
        try:
            yuan = parse_wan(self.amount.text())
        except InvalidAmount as exc:
            return QCoreApplication.translate("TranchePanel", "Amount: {0}").format(exc)
        on: date = self.received.date().toPython()  # type: ignore[assignment]
        origin = self.origin.currentData()
        return TrancheInput(on, yuan, origin, self.evidence.text(), self.note.text())

    def clear_text(self) -> None:
        """Empty the amount and the texts after an add (the date and origin often repeat)."""
        for edit in (self.amount, self.evidence, self.note):
            edit.clear()


class TrancheDialog(QDialog):
    """Correct one tranche; a refusal shows in red and the dialog stays open."""

    def __init__(self, db: Database, row: TrancheRow, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="trancheDialog")
        self.db, self.row = db, row
        self.setWindowTitle(self.tr("Edit funds tranche"))
        self.fields = TrancheFields(fund_origin_choices(db))
        self.fields.load(row)
        self.message = error_label("trancheDialogMessage")
        form = QFormLayout()
        self.fields.fill(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # Enter anywhere presses Save, the default button; Esc cancels.
        self.save_button.setDefault(True)
        self.setMinimumWidth(440)
        self.fields.amount.setFocus()
        self.fields.amount.selectAll()

    def save(self) -> bool:
        """Save the correction as one undoable change and close; False (and open) if refused."""
        data = self.fields.read()
        if isinstance(data, str):
            show_error(self.message, data)
            return False
        db, tranche_id, before = self.db, self.row.id, self.row.as_input()
        if data == before:  # nothing to save, nothing to undo
            self.accept()
            return True
        show_error(self.message, "")
        edit = Operation(
            self, lambda: project_edits.edit_funds(db, tranche_id, data, before), changes=FUNDS
        )
        edit.undoable(
            self.tr("Edit funds of {0}").format(self.row.received_on.isoformat()),
            lambda: project_edits.edit_funds(db, tranche_id, before, data),
        )
        edit.success(lambda _result: self.accept())
        edit.failure(lambda sentence: show_error(self.message, sentence))
        return edit.run().ok


class TranchePanel(QWidget):
    """The Funds tab: the tranches, the 到位 total, Edit and Delete, and the "Add tranche" form."""

    def __init__(self, db: Database, project_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent, objectName="tranchePanel")
        self.db, self.project_id = db, project_id
        self.rows: list[TrancheRow] = []
        self.edit_dialog: TrancheDialog | None = None
        headers = [self.tr("Date"), self.tr("Amount (10k yuan)"), self.tr("Origin")]
        headers += [self.tr("Evidence"), self.tr("Note"), self.tr("Running total (10k yuan)")]
        self.table = row_table("trancheTable", headers)
        self.table.setAccessibleName(self.tr("Funds tranches"))
        # Amounts stay beside their figures on the right; the note takes the spare width.
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.total = QLabel(objectName="fundsTotal")
        self.total.setStyleSheet("font-weight: bold;")
        self.edit_button = QPushButton(self.tr("&Edit tranche…"), objectName="editTranche")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("De&lete tranche"), objectName="deleteTranche")
        self.delete_button.clicked.connect(self.delete_selected)
        plain_buttons(self.edit_button, self.delete_button)
        self._build_form()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addLayout(button_row(self.edit_button, self.delete_button))
        layout.addWidget(QLabel(self.tr("Add tranche…"), objectName="addTrancheTitle"))
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        # Ctrl+Z in the Funds tab undoes the last change (text fields keep their own undo).
        # Redo answers the same keys as the window's Edit ▸ Redo (Ctrl+Shift+Z and Ctrl+Y).
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, undo_stack().undo),
            ("Ctrl+Shift+Z", undo_stack().redo),
            ("Ctrl+Y", undo_stack().redo),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, activated=slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._enable_buttons()

    def _build_form(self) -> None:
        self.fields = TrancheFields(fund_origin_choices(self.db))
        self.received, self.amount = self.fields.received, self.fields.amount
        self.origin, self.evidence = self.fields.origin, self.fields.evidence
        self.note = self.fields.note
        self.add_button = QPushButton(self.tr("&Add tranche"), objectName="addTranche")
        plain_buttons(self.add_button)
        self.add_button.clicked.connect(self.add_tranche)
        self.fields.on_enter(self.add_tranche)
        self.message = error_label("trancheMessage")
        self.form = QFormLayout()
        self.fields.fill(self.form)
        self.form.addRow(self.add_button)

    def show_detail(self, detail: ProjectDetail) -> None:
        """Fill the table and the total from a fresh detail, keeping the selected tranche."""
        selected = self.selected()
        self.rows = list(detail.tranches)
        fill_table(self.table, [_cells(t) for t in self.rows])
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row in range(self.table.rowCount()):
            for column in (AMOUNT, RUNNING):
                self.table.item(row, column).setTextAlignment(right)
        self.total.setText(self.total_text(detail))
        ids = [t.id for t in self.rows]
        if selected is not None and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        else:  # a deleted tranche's row must not pass its selection to its neighbour
            self.table.clearSelection()
        self._enable_buttons()

    def total_text(self, detail: ProjectDetail) -> str:
        """到位资金 {total} 万元 / 合同投资额 {contract} 万元（到位率 {rate}）."""
        contract = wan(detail.contract_yuan or None)
        rate = f"{detail.funds_rate * 100:.1f}%" if detail.funds_rate is not None else "—"
        text = self.tr("Funds in place {total} / contract {contract} (rate {rate})")
        return text.format(total=wan(detail.funds_yuan), contract=contract, rate=rate)

    def selected(self) -> TrancheRow | None:
        """The tranche of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _enable_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

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

    def add_tranche(self) -> bool:
        """Record the form's tranche, undoably; a refusal shows in red under the form."""
        data = self.fields.read()
        if isinstance(data, str):
            show_error(self.message, data)
            return False
        db, pid, added = self.db, self.project_id, []

        def add() -> None:
            if added:  # redo: the same record comes back
                projects.restore_tranche(db, added[0])
            else:
                added.append(projects.add_tranche(db, pid, **asdict(data)))

        show_error(self.message, "")
        text = self.tr("Add funds of {0}").format(wan(data.amount_yuan))
        operation = Operation(self, add, changes=FUNDS)
        operation.undoable(text, lambda: projects.delete_tranche(db, added[0]))
        operation.success(lambda _result: self.fields.clear_text())
        operation.failure(lambda sentence: show_error(self.message, sentence))
        return operation.run().ok

    def edit_selected(self) -> TrancheDialog | None:
        """Open the selected tranche in the edit dialog (window-modal)."""
        row = self.selected()
        if row is None:
            return None
        self.edit_dialog = TrancheDialog(self.db, row, self)
        self.edit_dialog.open()
        return self.edit_dialog

    def delete_selected(self) -> bool:
        """Delete the selected tranche as an undoable change."""
        row = self.selected()
        if row is None:
            return False
        db, tranche_id = self.db, row.id
        text = self.tr("Delete funds of {0}").format(row.received_on.isoformat())
        delete = Operation(self, lambda: projects.delete_tranche(db, tranche_id), changes=FUNDS)
        delete.undoable(text, lambda: projects.restore_tranche(db, tranche_id))
        return delete.run().ok


def _cells(t: TrancheRow) -> list[str]:
    amounts = (format_wan(t.amount_yuan), format_wan(t.running_yuan))
    origin = display_name(t.origin_id, t.origin)
    return [t.received_on.isoformat(), amounts[0], origin, t.evidence, t.note, amounts[1]]
