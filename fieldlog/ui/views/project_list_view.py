"""The Projects page as a table: the board's projects under the same filters, sortable, exportable
as the project ledger (项目台账)."""

from __future__ import annotations

import html
import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.stages import Stage
from fieldlog.services.projects import pipeline
from fieldlog.services.projects.pipeline import PipelineFilter
from fieldlog.services.reports import exports, report_sheets, warnings
from fieldlog.services.team.team import current_team
from fieldlog.store.database import Database
from fieldlog.ui import tasks
from fieldlog.ui.dialogs.export_dialog import FOLDER_KEY
from fieldlog.ui.file_dialogs import start_folder
from fieldlog.ui.models.project_table_model import (
    NAME,
    ProjectIdRole,
    ProjectSortProxy,
    ProjectTableModel,
)
from fieldlog.ui.widgets.list_table import set_up_list_table

#: Columns are sized to their contents, but a long project name must not take the whole width.
MAX_COLUMN_WIDTH = 260


def export_folder() -> Path:
    """Where the save dialog opens: the folder of the last export, else Documents."""
    return start_folder(QSettings().value(FOLDER_KEY, ""))


class ProjectTable(QTableView):
    """The table; Enter or Return opens the current project (as a double-click does)."""

    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Not `activated`: on macOS Enter starts editing instead of activating.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class ProjectListView(QWidget):
    """Projects as a sortable table; `open_project_requested(id)` on double-click or Enter."""

    open_project_requested = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("projectList")
        self.db, self._today = db, today
        self._filter = PipelineFilter()
        self.model = ProjectTableModel(self)
        self.proxy = ProjectSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._build_table()
        self.count_label = QLabel(objectName="projectCount")
        self.export_button = QPushButton(self.tr("E&xport ledger…"), objectName="exportLedger")
        self.export_button.setToolTip(
            self.tr("Save the listed projects as the project ledger (项目台账), an Excel workbook")
        )
        self.export_button.clicked.connect(self.export_ledger)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def _build_table(self) -> ProjectTable:
        table = ProjectTable(objectName="projectTable")
        header = set_up_list_table(table, self.tr("Projects"), self.proxy, NAME)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        header.setMaximumSectionSize(MAX_COLUMN_WIDTH)
        table.doubleClicked.connect(self._open)
        table.open_requested.connect(self._open)
        return table

    def today(self) -> date:
        """The list's today (fixed in tests, the real date otherwise)."""
        return self._today or date.today()

    def set_filter(self, wanted: PipelineFilter) -> None:
        """Show the projects matching `wanted` (read again from the database)."""
        self._filter = wanted
        self.refresh()

    def refresh(self, *_: object) -> None:
        """Read the listed projects again, keeping the current project selected."""
        current = self.current_project_id()
        first_load = self.model.rowCount() == 0
        rows = pipeline.project_list(self.db, today=self.today(), filter=self._filter)
        self.model.set_rows(rows, warnings.project_marks(self.db, self.today()))
        text = self.tr("%n project(s)", "", len(rows))
        if self._filter.restricts():
            text = self.tr("%n project(s) match the filters", "", len(rows))
        self.count_label.setText(text)
        self.export_button.setEnabled(bool(rows))
        if first_load and rows:
            self.table.resizeColumnsToContents()
        if current is not None:
            self.select_project(current)

    def current_project_id(self) -> uuid.UUID | None:
        """The project of the current row, if any."""
        index = self.table.currentIndex()
        return index.data(ProjectIdRole) if index.isValid() else None

    def select_project(self, project_id: uuid.UUID) -> bool:
        """Make a listed project the current row; False when it is not listed."""
        row = self.model.row_of(project_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _open(self, index: QModelIndex) -> None:
        project_id = index.data(ProjectIdRole)
        if project_id is not None:
            self.open_project_requested.emit(project_id)

    # --- export ---------------------------------------------------------------------------

    def export_ledger(self) -> Path | None:
        """Ask where, then write the listed projects as the project ledger; None if not written."""
        team = current_team(self.db)
        name = report_sheets.default_file_name(
            "ledger", team.name if team else "", today=self.today()
        )
        title = self.tr("Export the project ledger")
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, str(export_folder() / name), self.tr("Excel workbook (*.xlsx)")
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(f"{target.name}.xlsx")
        rows = self.model.rows()
        # Without a filter the ledger is the whole one, exactly as `fieldlog export ledger` writes.
        ids = [row.id for row in rows] if self._filter.restricts() else None
        label = self.tr("Writing {file}…").format(file=target.name)
        outcome = tasks.run_task(
            self,
            label,
            exports.export_ledger,
            self.db,
            out=target,
            today=self.today(),
            project_ids=ids,
        )
        if not outcome.ok or outcome.value is None:
            QMessageBox.warning(self, title, outcome.error)
            return None
        QSettings().setValue(FOLDER_KEY, str(outcome.value.parent))
        dropped = sum(1 for row in rows if row.stage == Stage.DROPPED)
        QMessageBox.information(self, title, self._written_text(outcome.value, len(rows), dropped))
        return outcome.value

    def _written_text(self, path: Path, listed: int, dropped: int) -> str:
        text = self.tr("The project ledger of %n project(s) was saved to:", "", listed - dropped)
        text = f"{text}<br><b>{html.escape(str(path))}</b>"
        if dropped:
            left_out = self.tr("%n dropped project(s) are not part of the ledger.", "", dropped)
            text = f"{text}<br>{left_out}"
        return text
