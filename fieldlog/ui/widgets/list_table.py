"""The look and behaviour every read-only, row-selecting list table shares."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def set_up_list_table(
    table: QTableView, accessible: str, model: QAbstractItemModel, sort_column: int
) -> QHeaderView:
    """Whole-row single selection, no editing, sorted by a column; returns the header to size."""
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return header
