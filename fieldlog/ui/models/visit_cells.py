"""What each cell of the visit log shows: its columns, headers, text, tooltip, alignment and
colour, for the log's model and for the first page shown before it (`ui.first_paint`). Imports
no part of FieldLog's core beyond the domain: the first page is painted before the ORM loads."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from fieldlog.domain.catalogs import display_kind_name
from fieldlog.store.visit_rows import VisitListRow
from fieldlog.ui.widgets.combo_values import named

#: Rows to a page of the log (the first page is read before the rest of the window loads).
PAGE_SIZE = 200
DATE, ORGANIZATION, KIND, VISITORS, CHAIN, INTENT, SUMMARY, FOLLOW_UP = range(8)
COLUMN_COUNT = 8
OVERDUE_COLOR = QColor("#c62828")
#: Column widths: room for a typical value (and for the header with its sort arrow).
COLUMN_SAMPLES = {
    DATE: "2020-04-22",
    ORGANIZATION: "深圳市智能穿戴产业促进会有限公司",
    KIND: "上门走访",
    VISITORS: "程佳怡、龙杰",
    CHAIN: "大数据电子信息",
    INTENT: "强",
    FOLLOW_UP: "2020-04-22",
}
CELL_PADDING = 16
SORT_ARROW = 22


def size_columns(table: QTableView, kinds: list[str]) -> None:
    """Give the log's columns room for a typical value (`kinds`: the visit kinds' names as
    shown; none known, a typical one) and the summary what is left."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setHighlightSections(False)
    header.setMinimumSectionSize(40)
    metrics, header_metrics = table.fontMetrics(), header.fontMetrics()
    samples = {
        **COLUMN_SAMPLES,
        KIND: max(kinds, key=metrics.horizontalAdvance, default=COLUMN_SAMPLES[KIND]),
        CHAIN: display_kind_name("chain", COLUMN_SAMPLES[CHAIN]),
    }
    titles = headers()
    for column, sample in samples.items():
        width = max(
            metrics.horizontalAdvance(sample) + CELL_PADDING,
            header_metrics.horizontalAdvance(titles[column]) + CELL_PADDING + SORT_ARROW,
        )
        header.resizeSection(column, width)
    header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)


def headers() -> list[str]:
    """The column titles, in the window's language."""
    return [
        QCoreApplication.translate("VisitTableModel", "Date"),
        QCoreApplication.translate("VisitTableModel", "Organization"),
        QCoreApplication.translate("VisitTableModel", "Kind"),
        QCoreApplication.translate("VisitTableModel", "Visitors"),
        QCoreApplication.translate("VisitTableModel", "Chain"),
        QCoreApplication.translate("VisitTableModel", "Intent"),
        QCoreApplication.translate("VisitTableModel", "Summary"),
        QCoreApplication.translate("VisitTableModel", "Next follow-up"),
    ]


def _intent_label(code: str) -> str:
    # Short labels: 强/中/弱/无 in Chinese, words in English.
    labels = {
        "strong": QCoreApplication.translate("VisitTableModel", "Strong"),
        "medium": QCoreApplication.translate("VisitTableModel", "Medium"),
        "weak": QCoreApplication.translate("VisitTableModel", "Weak"),
        "none": QCoreApplication.translate("VisitTableModel", "None"),
    }
    return named(labels, code)


def cell(row: VisitListRow, column: int, role: int, today: date) -> Any:
    """The value of `row`'s cell in `column` for `role` (None for a role the log leaves to Qt);
    `today` decides which follow-ups are overdue."""
    if role == Qt.ItemDataRole.DisplayRole:
        return _display(row, column)
    if role == Qt.ItemDataRole.ToolTipRole:
        return _tooltip(row, column)
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return _alignment(column)
    if role == Qt.ItemDataRole.ForegroundRole and column == FOLLOW_UP:
        overdue = row.next_follow_up is not None and row.next_follow_up < today
        return OVERDUE_COLOR if overdue else None
    return None


def _display(row: VisitListRow, column: int) -> str:
    if column == DATE:
        return row.visited_on.isoformat()
    if column == FOLLOW_UP:
        return row.next_follow_up.isoformat() if row.next_follow_up else ""
    if column == INTENT:
        return _intent_label(row.intent)
    values = {
        ORGANIZATION: row.org_name,
        KIND: display_kind_name("visit_kind", row.kind_name),
        VISITORS: row.visitors,
        CHAIN: display_kind_name("chain", row.chain_name),
        SUMMARY: row.summary,
    }
    return values[column]


def _tooltip(row: VisitListRow, column: int) -> str | None:
    if column == SUMMARY:
        return row.full_summary or None
    if column in (ORGANIZATION, VISITORS):
        return _display(row, column) or None
    return None


def _alignment(column: int) -> int:
    vertical = Qt.AlignmentFlag.AlignVCenter
    if column in (DATE, FOLLOW_UP):
        return int(Qt.AlignmentFlag.AlignRight | vertical)
    if column == INTENT:
        return int(Qt.AlignmentFlag.AlignHCenter | vertical)
    return int(Qt.AlignmentFlag.AlignLeft | vertical)
