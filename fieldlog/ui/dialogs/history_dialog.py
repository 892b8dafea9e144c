"""The change history of one record in a window of its own (organizations, visits)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from fieldlog.store.database import Database
from fieldlog.ui.widgets.history_panel import HistoryPanel


class HistoryDialog(QDialog):
    """History of `record_id` in `table`, titled with what the record is; Esc closes."""

    def __init__(
        self,
        db: Database,
        table: str,
        record_id: uuid.UUID,
        label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="historyDialog")
        self.setWindowTitle(self.tr("History — {0}").format(label))
        self.panel = HistoryPanel(db, table, record_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)
        self.panel.table.setFocus()
