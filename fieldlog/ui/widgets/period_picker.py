"""Choosing periods: the dashboard's buttons (week, month, dispatch, year) and a target's period
(the dispatch, a month, a year, or typed dates)."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from fieldlog.domain.period import MAX_YEAR, MIN_YEAR, Period
from fieldlog.services.reports.dashboard import month_period, year_period

STYLE = """
QPushButton { padding: 5px 14px; }
QPushButton:checked { background: #1a5fb4; color: white; border: 1px solid #1a5fb4; }
"""


class PeriodPicker(QWidget):
    """Emits `kind_changed` with "week", "month", "dispatch" or "year" (services.dashboard)."""

    kind_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, kind: str = "dispatch") -> None:
        super().__init__(parent)
        self.setObjectName("periodPicker")
        self.setAccessibleName(self.tr("Period"))
        self.setStyleSheet(STYLE)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for key, text in (
            ("week", self.tr("This &week")),
            ("month", self.tr("This &month")),
            ("dispatch", self.tr("&Dispatch period")),
            ("year", self.tr("This &year")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"period_{key}")
            button.setCheckable(True)
            button.setAccessibleName(text.replace("&", ""))
            button.setAutoDefault(False)
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            button.toggled.connect(partial(self._toggled, key))
        self.buttons[kind].setChecked(True)

    def _toggled(self, key: str, on: bool) -> None:
        if on:  # the button switched off says nothing new
            self.kind_changed.emit(key)

    def kind(self) -> str:
        """The chosen period's key."""
        return next(key for key, button in self.buttons.items() if button.isChecked())

    def select(self, kind: str) -> None:
        """Choose a period as if its button had been pressed."""
        self.buttons[kind].setChecked(True)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def as_date(day: QDate) -> date:
    """A QDate as a Python date."""
    return date(day.year(), day.month(), day.day())


def _date_edit(name: str, accessible: str, display: str, day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setDisplayFormat(display)
    edit.setCalendarPopup(display == "yyyy-MM-dd")
    return edit


class TargetPeriodEdit(QWidget):
    """A target's period: the dispatch, a month, a year, or dates typed in (`kind` "custom").

    The from/to dates always show the period chosen; only a custom period lets them be edited.
    """

    changed = Signal()

    def __init__(self, today: date, dispatch: Period | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetPeriod")
        self.dispatch = dispatch
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("targetPeriodKind")
        self.kind_combo.setAccessibleName(self.tr("Period"))
        self.month_edit = _date_edit("targetMonth", self.tr("Month"), "yyyy-MM", today)
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("targetYear")
        self.year_spin.setRange(MIN_YEAR, MAX_YEAR)
        self.year_spin.setValue(today.year)
        self.year_spin.setAccessibleName(self.tr("Year"))
        self.from_edit = _date_edit("targetFrom", self.tr("From"), "yyyy-MM-dd", today)
        self.to_edit = _date_edit("targetTo", self.tr("To"), "yyyy-MM-dd", today)
        if dispatch is not None:
            text = self.tr("The dispatch ({period})").format(period=dispatch)
            self.kind_combo.addItem(text, "dispatch")
        self.kind_combo.addItem(self.tr("A month"), "month")
        self.kind_combo.addItem(self.tr("A year"), "year")
        self.kind_combo.addItem(self.tr("From … to …"), "custom")
        self._lay_out()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.month_edit.dateChanged.connect(self._kind_changed)
        self.year_spin.valueChanged.connect(self._kind_changed)
        self.from_edit.dateChanged.connect(self.changed)
        self.to_edit.dateChanged.connect(self.changed)
        self._kind_changed()

    def _lay_out(self) -> None:
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        choice = QHBoxLayout()
        for widget in (self.kind_combo, self.month_edit, self.year_spin):
            choice.addWidget(widget)
        choice.addStretch()
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.to_edit)
        dates.addStretch()
        layout.addLayout(choice, 0, 0)
        layout.addLayout(dates, 1, 0)

    def kind(self) -> str:
        """ "dispatch", "month", "year" or "custom"."""
        return str(self.kind_combo.currentData())

    def select(self, kind: str) -> None:
        """Choose a kind of period."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.month_edit.setVisible(kind == "month")
        self.year_spin.setVisible(kind == "year")
        self.from_edit.setEnabled(kind == "custom")
        self.to_edit.setEnabled(kind == "custom")
        if kind != "custom":
            chosen = self._preset(kind)
            for edit, day in ((self.from_edit, chosen.start), (self.to_edit, chosen.end)):
                assert day is not None
                edit.blockSignals(True)  # one `changed` for the whole choice
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
        self.changed.emit()

    def _preset(self, kind: str) -> Period:
        if kind == "dispatch" and self.dispatch is not None:
            return self.dispatch
        if kind == "year":
            return year_period(self.year_spin.value())
        return month_period(as_date(self.month_edit.date()))

    def period(self) -> Period | None:
        """The period chosen, or None when the dates typed end before they start."""
        start, end = as_date(self.from_edit.date()), as_date(self.to_edit.date())
        return Period(start, end) if start <= end else None
