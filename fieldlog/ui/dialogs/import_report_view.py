"""The row report at the end of an import: totals, and every row with its outcome and reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.imports.imports import RowOutcome, SheetImportReport

Index = QModelIndex | QPersistentModelIndex
OUTCOMES = ("created", "updated", "unchanged", "rejected")
REJECTED_COLOUR = QColor("#b3261e")


def outcome_label(outcome: str) -> str:
    """The outcome of a row as the user reads it."""
    labels = {
        "created": QCoreApplication.translate("SheetImportReportModel", "Created"),
        "updated": QCoreApplication.translate("SheetImportReportModel", "Updated"),
        "unchanged": QCoreApplication.translate("SheetImportReportModel", "Unchanged"),
        "rejected": QCoreApplication.translate("SheetImportReportModel", "Rejected"),
    }
    return labels.get(outcome, outcome)


def column_titles() -> tuple[str, ...]:
    """The headings of the report table."""
    return (
        QCoreApplication.translate("SheetImportReportModel", "Row"),
        QCoreApplication.translate("SheetImportReportModel", "Outcome"),
        QCoreApplication.translate("SheetImportReportModel", "Record"),
        QCoreApplication.translate("SheetImportReportModel", "Reason"),
    )


def ordered_rows(report: SheetImportReport) -> list[RowOutcome]:
    """Rejected rows first (they need the user's attention), then the others, by sheet row."""
    return sorted(report.rows, key=lambda r: (r.outcome != "rejected", r.row))


class SheetImportReportModel(QAbstractTableModel):
    """One line per imported row: sheet row, outcome, the record it names, the reason."""

    COLUMN_COUNT = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowOutcome] = []

    def set_report(self, report: SheetImportReport | None) -> None:
        """Show the rows of `report` (None: no rows)."""
        self.beginResetModel()
        self._rows = ordered_rows(report) if report is not None else []
        self.endResetModel()

    def row_outcome(self, row: int) -> RowOutcome:
        """The outcome shown on line `row`."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.COLUMN_COUNT:
            return column_titles()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (line.row, outcome_label(line.outcome), line.label, line.reason_text())
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and line.outcome == "rejected":
            return QBrush(REJECTED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SheetImportReportView(QWidget):
    """Totals, a note after a dry run, the table of rows and "Copy report"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReportView")
        self.report: SheetImportReport | None = None
        self.dry_run = False
        self.summary_label = QLabel(objectName="importSummaryLabel")
        self.summary_label.setWordWrap(True)
        self.count_labels = {name: self._count_label(name) for name in OUTCOMES}
        self.model = SheetImportReportModel(self)
        self.table = QTableView(objectName="reportTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Outcome of every row"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.copy_button = QPushButton(self.tr("&Copy report"), objectName="copyReportButton")
        self.copy_button.clicked.connect(self.copy_report)
        self._lay_out()

    def _count_label(self, outcome: str) -> QLabel:
        label = QLabel("0", objectName=f"{outcome}Count")
        label.setAccessibleName(outcome_label(outcome))
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        label.setFont(font)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _lay_out(self) -> None:
        totals = QHBoxLayout()
        for outcome, label in self.count_labels.items():
            box = QVBoxLayout()
            box.addWidget(label)
            caption = QLabel(outcome_label(outcome))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(caption)
            totals.addLayout(box)
        totals.addStretch(1)
        totals.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addLayout(totals)
        layout.addWidget(self.table, 1)

    def show_report(self, report: SheetImportReport, *, dry_run: bool, source: str) -> None:
        """Show `report` of the import of `source`; a dry run says that nothing was stored."""
        self.report, self.dry_run = report, dry_run
        for outcome, label in self.count_labels.items():
            count = len(report.rejected) if outcome == "rejected" else getattr(report, outcome)
            label.setText(str(count))
        colour = REJECTED_COLOUR.name() if report.rejected else self.palette().text().color().name()
        self.count_labels["rejected"].setStyleSheet(f"color: {colour};")
        if dry_run:
            text = self.tr(
                "Dry run of {file}: nothing was stored. This is what an import would do."
            )
        else:
            text = self.tr("{file} has been imported.")
        self.summary_label.setText(text.format(file=source))
        self.model.set_report(report)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 320))

    def report_text(self) -> str:
        """The report as text: a summary line, the totals, then one tab-separated line per row."""
        if self.report is None:
            return ""
        report = self.report
        lines = [self.summary_label.text()]
        totals = (report.created, report.updated, report.unchanged, len(report.rejected))
        lines.append(
            ", ".join(f"{outcome_label(o)}: {n}" for o, n in zip(OUTCOMES, totals, strict=True))
        )
        lines.append("\t".join(column_titles()))
        for line in ordered_rows(report):
            cells = (str(line.row), outcome_label(line.outcome), line.label, line.reason_text())
            lines.append("\t".join(" ".join(cell.split()) for cell in cells))
        return "\n".join(lines) + "\n"

    def copy_report(self) -> None:
        """Put the report on the clipboard, ready to paste into a message or a sheet."""
        QGuiApplication.clipboard().setText(self.report_text())
