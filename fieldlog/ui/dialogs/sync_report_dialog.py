"""What a "Receive" did: per package who sent it and what merging it changed, then the rest."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.messages import render
from fieldlog.services.exchange.sync_report import PackageReport, SyncImportReport

TOTALS = ("new", "updated", "unchanged", "conflicts", "skipped")
ATTENTION = QColor("#b3261e")
NUMBERS = ("rows", "new", "updated", "unchanged", "conflicts")


def local_time(moment: datetime | None) -> str:
    """A stored (UTC) moment as this laptop's local date and time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


class SyncReportDialog(QDialog):
    """Totals, a line per package, duplicates, look-alikes, clock warnings and the backup."""

    #: "Review" was pressed: the window shows the Sync page.
    review_requested = Signal()

    def __init__(self, report: SyncImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("syncReportDialog")
        self.setWindowTitle(self.tr("Packages received"))
        self.summary = QLabel(self._summary(), objectName="syncReportSummary")
        self.summary.setWordWrap(True)
        self.count_labels = {key: self._count_label(key) for key in TOTALS}
        self.table = self._package_table()
        self.details = QLabel(self._details(), objectName="syncReportDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_button = QPushButton(
            self.tr("&Review conflicts and look-alikes"), objectName="reviewButton"
        )
        self.review_button.setVisible(self._needs_review())
        self.review_button.clicked.connect(self._review)
        self.copy_button = QPushButton(self.tr("&Copy report"), objectName="copyReportButton")
        self.copy_button.clicked.connect(self.copy_report)
        self.close_button = QPushButton(self.tr("Close"), objectName="closeButton")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        self._lay_out()
        self.resize(900, min(640, 300 + 30 * max(len(report.packages), 2)))

    # -- figures ---------------------------------------------------------------------------

    def total(self, key: str) -> int:
        """A figure summed over the packages (skipped: packages received before)."""
        if key == "skipped":
            return sum(p.skipped for p in self.report.packages)
        return self.report.total(key)

    def _needs_review(self) -> bool:
        return bool(self.total("conflicts") or self.report.duplicate_candidates)

    def _summary(self) -> str:
        packages = len(self.report.packages)
        applied = packages - self.total("skipped")
        text = self.tr("%n package(s) read", "", packages)
        if applied == packages:
            return self.tr("{read}; all of them were merged into this laptop's data.").format(
                read=text
            )
        if applied == 0:
            return self.tr("{read}; all of them had been received before: nothing changed.").format(
                read=text
            )
        return self.tr("{read}; {skipped} had been received before and were skipped.").format(
            read=text, skipped=packages - applied
        )

    def _caption(self, key: str) -> str:
        captions = {
            "new": self.tr("New"),
            "updated": self.tr("Updated"),
            "unchanged": self.tr("Unchanged"),
            "conflicts": self.tr("Conflicts"),
            "skipped": self.tr("Skipped (already received)"),
        }
        return captions[key]

    def _count_label(self, key: str) -> QLabel:
        value = self.total(key)
        label = QLabel(str(value), objectName=f"{key}Count")
        label.setAccessibleName(self._caption(key))
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        label.setFont(font)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if key == "conflicts" and value:
            label.setStyleSheet(f"color: {ATTENTION.name()};")
        return label

    # -- the table of packages -------------------------------------------------------------

    def _headers(self) -> list[str]:
        return [
            self.tr("From"),
            self.tr("Made at"),
            self.tr("Records"),
            self.tr("New"),
            self.tr("Updated"),
            self.tr("Unchanged"),
            self.tr("Conflicts"),
            self.tr("Result"),
            self.tr("File"),
        ]

    def _package_table(self) -> QTableWidget:
        table = QTableWidget(len(self.report.packages), 9, objectName="syncReportTable")
        table.setAccessibleName(self.tr("Packages received"))
        table.setHorizontalHeaderLabels(self._headers())
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        for row, package in enumerate(self.report.packages):
            for column, text in enumerate(self._cells(package)):
                item = QTableWidgetItem(text)
                if 2 <= column <= 6:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 6 and package.conflicts:
                    item.setForeground(QBrush(ATTENTION))
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        return table

    def sender_text(self, package: PackageReport) -> str:
        """Who sent the package: the member's name, or the laptop's id."""
        if package.sender_name:
            return package.sender_name
        return self.tr("laptop {node}").format(node=package.sender_node[:8])

    def _cells(self, package: PackageReport) -> list[str]:
        result = self.tr("Already received: skipped") if package.skipped else self.tr("Merged")
        if package.full and not package.skipped:
            result = self.tr("Merged (everything)")
        figures = [str(getattr(package, key)) for key in NUMBERS]
        if package.skipped:
            figures[1:] = ["–"] * 4
        name = package.file.replace("\\", "/").rsplit("/", 1)[-1]
        return [self.sender_text(package), local_time(package.made_at), *figures, result, name]

    # -- what happened after the packages --------------------------------------------------

    def _details(self) -> str:
        warn = f"<span style='color:{ATTENTION.name()}'>⚠ {{}}</span>"
        lines = self.detail_lines()
        return "<br>".join(
            warn.format(html.escape(text)) if warning else html.escape(text)
            for text, warning in lines
        )

    def detail_lines(self) -> list[tuple[str, bool]]:
        """Lines about duplicates, look-alikes, conflicts, clocks and the backup (text, warn)."""
        report, lines = self.report, []
        if report.duplicates_merged:
            text = self.tr(
                "%n organization(s) created twice with the same credit code were merged "
                "into one ({moved} references moved).",
                "",
                report.duplicates_merged,
            )
            lines.append(text.format(moved=report.references_moved))
        if report.duplicate_candidates:
            text = self.tr(
                "%n pair(s) of look-alike organizations to review on the Sync page.",
                "",
                report.duplicate_candidates,
            )
            lines.append(text)
        if report.files_stored:
            text = self.tr(
                "%n attached file(s) received, each checked against its fingerprint (SHA-256).",
                "",
                report.files_stored,
            )
            lines.append(text)
        if self.total("conflicts"):
            text = self.tr(
                "Fields edited on two laptops at once keep the later edit; the other value "
                "waits on the Sync page, where it can be restored."
            )
            lines.append(text)
        found = [(line, False) for line in lines]
        found += [(render(warning), True) for warning in report.clock_warnings]
        if report.backup is not None:
            backup = self.tr("Backup taken before the import: {path}")
            found.append((backup.format(path=report.backup), False))
        else:
            found.append((self.tr("Nothing was new, so no backup was needed."), False))
        return found

    def _lay_out(self) -> None:
        totals = QHBoxLayout()
        for key, label in self.count_labels.items():
            box = QVBoxLayout()
            box.addWidget(label)
            caption = QLabel(self._caption(key))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(caption)
            totals.addLayout(box)
            totals.addSpacing(12)
        totals.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(totals)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.close_button.setFocus()

    def report_text(self) -> str:
        """The report as text, to paste into a message: summary, totals, one line per package."""
        lines = [self.summary.text()]
        lines.append(", ".join(f"{self._caption(k)}: {self.total(k)}" for k in TOTALS))
        lines.append("\t".join(self._headers()))
        lines += ["\t".join(self._cells(p)) for p in self.report.packages]
        lines += [text for text, _warning in self.detail_lines()]
        return "\n".join(lines) + "\n"

    def copy_report(self) -> None:
        """Put the report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report_text())

    def _review(self) -> None:
        self.review_requested.emit()
        self.accept()
