"""The date field the export dialogs share: a calendar pop-up, ISO display, a sane range."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def date_edit(name: str, day: date) -> QDateEdit:
    """A date field named `name` (its objectName) showing `day` as yyyy-MM-dd."""
    edit = QDateEdit(QDate(day.year, day.month, day.day), objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(QDate(1990, 1, 1), QDate(2100, 12, 31))
    return edit


def day_of(edit: QDateEdit) -> date:
    """The date a field shows."""
    value = edit.date()
    return date(value.year(), value.month(), value.day())
