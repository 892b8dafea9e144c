"""The visit log's filter bar: a date range preset and member, work group, chain and kind."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QWidget

from fieldlog.domain.catalogs import display_name
from fieldlog.domain.period import IsoWeek, Period
from fieldlog.domain.vocabulary import OrgKind
from fieldlog.services.visits.visit_log import FilterChoice, FilterChoices

COMBO_CHARS = 9
ALL, THIS_WEEK, THIS_MONTH, DISPATCH, CUSTOM = "all", "week", "month", "dispatch", "custom"


def month_of(day: date) -> Period:
    """The calendar month that contains `day`."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Period(first, following - timedelta(days=1))


def _combo(name: str, accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    # Long group or chain names must not push the bar wider than the window; the popup shows them.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARS)
    combo.setMaxVisibleItems(20)
    return combo


def _date_edit(name: str, accessible: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    edit.setVisible(False)
    return edit


class VisitFilterBar(QWidget):
    """Combo boxes that restrict the visit log; `changed` fires whenever one of them moves."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitFilterBar")
        self._dispatch: Period | None = None
        self.period_combo = _combo("filterPeriod", self.tr("Date range"))
        self.from_edit = _date_edit("filterFrom", self.tr("From date"))
        self.to_edit = _date_edit("filterTo", self.tr("To date"))
        self.member_combo = _combo("filterMember", self.tr("Member"))
        self.group_combo = _combo("filterGroup", self.tr("Work group"))
        self.chain_combo = _combo("filterChain", self.tr("Chain"))
        self.kind_combo = _combo("filterKind", self.tr("Organization kind"))
        self._fill_fixed()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.period_combo, self.from_edit, self.to_edit, self.member_combo):
            layout.addWidget(widget)
        for widget in (self.group_combo, self.chain_combo, self.kind_combo):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.period_combo.currentIndexChanged.connect(self._on_period_chosen)
        for combo in (self.member_combo, self.group_combo, self.chain_combo, self.kind_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.from_edit.dateChanged.connect(self.changed)
        self.to_edit.dateChanged.connect(self.changed)

    def _fill_fixed(self) -> None:
        periods = [
            (self.tr("All dates"), ALL),
            (self.tr("This week"), THIS_WEEK),
            (self.tr("This month"), THIS_MONTH),
            (self.tr("Dispatch period"), DISPATCH),
            (self.tr("Custom…"), CUSTOM),
        ]
        for text, key in periods:
            self.period_combo.addItem(text, key)
        kinds = {
            OrgKind.ENTERPRISE: self.tr("Enterprises"),
            OrgKind.ASSOCIATION: self.tr("Associations"),
            OrgKind.PARK: self.tr("Parks"),
            OrgKind.INTERMEDIARY: self.tr("Intermediaries"),
            OrgKind.GOVERNMENT: self.tr("Government"),
        }
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for kind, text in kinds.items():
            self.kind_combo.addItem(text, kind.value)

    def set_choices(self, choices: FilterChoices, dispatch: Period | None) -> None:
        """Offer these members, groups and chains, keeping the picks that are still offered."""
        # Quietly: the caller reads the filter again after a refill.
        self._dispatch = dispatch
        _refill(self.member_combo, self.tr("All members"), choices.members)
        _refill(self.group_combo, self.tr("All groups"), choices.groups)
        _refill(self.chain_combo, self.tr("All chains"), choices.chains)
        model = self.period_combo.model()
        item = model.item(self.period_combo.findData(DISPATCH))  # type: ignore[attr-defined]
        item.setEnabled(dispatch is not None)
        item.setToolTip(str(dispatch) if dispatch is not None else "")

    def period(self, on: date | None = None) -> Period:
        """The date range picked, with `on` (today) fixing this week and this month."""
        day = on or date.today()
        key = self.period_combo.currentData()
        if key == THIS_WEEK:
            return IsoWeek.of(day).period
        if key == THIS_MONTH:
            return month_of(day)
        if key == DISPATCH and self._dispatch is not None:
            return self._dispatch
        if key == CUSTOM:
            first, last = sorted((_pydate(self.from_edit.date()), _pydate(self.to_edit.date())))
            return Period(first, last)
        return Period.all_time()

    def member_id(self) -> uuid.UUID | None:
        """The member picked, or None for all."""
        return self.member_combo.currentData()

    def group_id(self) -> uuid.UUID | None:
        """The work group picked, or None for all."""
        return self.group_combo.currentData()

    def chain_id(self) -> uuid.UUID | None:
        """The chain picked, or None for all."""
        return self.chain_combo.currentData()

    def org_kind(self) -> str | None:
        """The organization kind picked (an OrgKind value), or None for all."""
        return self.kind_combo.currentData()

    def _on_period_chosen(self) -> None:
        custom = self.period_combo.currentData() == CUSTOM
        if custom and not self.from_edit.isVisible():
            self._start_custom()
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.changed.emit()

    def _start_custom(self) -> None:
        """Open a custom range on the dispatch period, or on this month."""
        start = self._dispatch or month_of(date.today())
        self.from_edit.blockSignals(True)
        self.to_edit.blockSignals(True)
        self.from_edit.setDate(_qdate(start.start or date.today()))
        self.to_edit.setDate(_qdate(start.end or date.today()))
        self.from_edit.blockSignals(False)
        self.to_edit.blockSignals(False)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _refill(combo: QComboBox, everything: str, choices: list[FilterChoice]) -> None:
    """Replace a combo's entries without a signal, keeping the pick if it is still offered."""
    current: Any = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(everything, None)
        for choice in choices:
            combo.addItem(display_name(choice.id, choice.name), choice.id)  # chains: labels
        rows = (n for n in range(combo.count()) if combo.itemData(n) == current)
        combo.setCurrentIndex(next(rows, 0))
    finally:
        combo.blockSignals(False)
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width())
