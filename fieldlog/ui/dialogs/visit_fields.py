"""The fields of the visit dialog: widgets, layout, tab order, and how they follow each other."""

from __future__ import annotations

import itertools
import uuid
from datetime import date, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_kind_name
from fieldlog.services.visits.visit_entry import (
    MemberChoice,
    projects_of,
    visit_kinds,
    visitor_choices,
)
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.visit_contacts import ContactsBox
from fieldlog.ui.widgets.combo_values import select_value
from fieldlog.ui.widgets.member_picker import MemberPicker
from fieldlog.ui.widgets.org_create_form import error_label, show_error
from fieldlog.ui.widgets.org_picker import OrgPicker

DEFAULT_KIND = "上门走访"
FOLLOW_UP_DAYS = 7
LABEL_HEIGHT = 24
FIRST_DAY, LAST_DAY = QDate(1990, 1, 1), QDate(2100, 12, 31)


class DateEdit(QDateEdit):
    """A date field with a calendar; Tab leaves it instead of walking its year, month, day."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name, calendarPopup=True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDateRange(FIRST_DAY, LAST_DAY)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def day(self) -> date:
        """The date shown."""
        value = self.date()
        return date(value.year(), value.month(), value.day())

    def set_day(self, day: date) -> None:
        """Show a date."""
        self.setDate(QDate(day.year, day.month, day.day))


def _row(
    grid: QGridLayout,
    text: str,
    field: QWidget | QLayout,
    error: QLabel | None = None,
    *,
    buddy: QWidget | None = None,
    stretch: int = 0,
) -> None:
    """A labelled row whose message, when there is one, shows right under the field."""
    cell = QVBoxLayout()
    cell.setSpacing(2)
    if isinstance(field, QWidget):
        cell.addWidget(field)
    else:
        cell.addLayout(field)
    if error is not None:
        cell.addWidget(error)
    label = QLabel(text)
    label.setMinimumHeight(LABEL_HEIGHT)  # level with the first line of its field
    target = buddy or (field if isinstance(field, QWidget) else None)
    if target is not None:
        label.setBuddy(target)
    row = grid.rowCount()
    grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
    grid.addLayout(cell, row, 1)
    grid.setRowStretch(row, stretch)


class VisitFields(QWidget):
    """Organization, visitors, kind, date, contacts, summary, intent, follow-up and project."""

    changed = Signal()

    def __init__(self, db: Database, me: uuid.UUID | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.me, self._loading = db, me, False
        self._build_fields()
        self._build_errors()
        self._build_layout()
        self._set_tab_order()
        self._connect()

    def _build_fields(self) -> None:
        self.org_picker = OrgPicker(self.db)
        self.visitors = MemberPicker()
        self.visitors.setMinimumHeight(110)
        self._members: list[MemberChoice] = visitor_choices(self.db, self.me)
        self.visitors.fill(self._members, self.me)
        self.kind_combo = QComboBox(objectName="visitKind")
        for kind in visit_kinds(self.db):  # the stored name is the value; English shows labels
            self.kind_combo.addItem(display_kind_name("visit_kind", kind), kind)
        self.date_edit = DateEdit("visitDate")
        self.contacts = ContactsBox(self.db)
        self.summary = QPlainTextEdit(objectName="visitSummary")
        self.summary.setTabChangesFocus(True)  # Tab leaves; a summary needs no tab characters
        self.summary.setPlaceholderText(self.tr("What was discussed, what was agreed"))
        self.intent_combo = QComboBox(objectName="visitIntent")
        for code, label in self._intents():
            self.intent_combo.addItem(label, code)
        self.follow_up_check = QCheckBox(self.tr("&Follow up on"), objectName="followUpCheck")
        self.follow_up_date = DateEdit("followUpDate")
        self.project_combo = QComboBox(objectName="visitProject")
        self.lead_check = QCheckBox(self.tr("Open a &lead from this visit"), objectName="leadCheck")
        self.lead_name = QLineEdit(objectName="leadName")
        self.lead_name.setPlaceholderText(self.tr("Project name"))
        self._name_fields()

    def _intents(self) -> list[tuple[str, str]]:
        return [
            ("", self.tr("Not stated")),
            ("strong", self.tr("Strong")),
            ("medium", self.tr("Medium")),
            ("weak", self.tr("Weak")),
            ("none", self.tr("None")),
        ]

    def _name_fields(self) -> None:
        for widget, name in (
            (self.kind_combo, self.tr("Kind of visit")),
            (self.date_edit, self.tr("Visit date")),
            (self.summary, self.tr("Summary")),
            (self.intent_combo, self.tr("Intent")),
            (self.follow_up_date, self.tr("Next follow-up date")),
            (self.project_combo, self.tr("Project")),
            (self.lead_name, self.tr("Name of the new lead")),
        ):
            widget.setAccessibleName(name)

    def _build_errors(self) -> None:
        self.org_error = error_label("orgError")
        self.visitors_error = error_label("visitorsError")
        self.follow_up_error = error_label("followUpError")
        self.lead_error = error_label("leadError")

    def _build_layout(self) -> None:
        left, right = QGridLayout(), QGridLayout()
        _row(left, self.tr("&Organization"), self.org_picker, self.org_error)
        _row(left, self.tr("&Visitors"), self.visitors, self.visitors_error, stretch=1)
        _row(left, self.tr("&Kind"), self.kind_combo)
        _row(left, self.tr("&Date"), self.date_edit)
        _row(left, self.tr("&Contacts met"), self.contacts, buddy=self.contacts.picker)
        _row(right, self.tr("&Summary"), self.summary, stretch=1)
        _row(right, self.tr("&Intent"), self.intent_combo)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_up_check)
        follow.addWidget(self.follow_up_date)
        follow.addStretch(1)
        _row(right, self.tr("Next follow-up"), follow, self.follow_up_error)
        _row(right, self.tr("&Project"), self.project_combo)
        lead = QVBoxLayout()
        lead.addWidget(self.lead_check)
        lead.addWidget(self.lead_name)
        _row(right, "", lead, self.lead_error)
        for grid in (left, right):
            grid.setVerticalSpacing(10)
            grid.setColumnStretch(1, 1)
        for field in (self.kind_combo, self.date_edit, self.intent_combo, self.follow_up_date):
            field.setMinimumWidth(150)
            field.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.summary.setMinimumHeight(160)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(28)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.org_picker.edit,
            self.visitors,
            self.kind_combo,
            self.date_edit,
            self.contacts.picker,
            self.contacts.name_edit,
            self.contacts.title_edit,
            self.contacts.add_button,
            self.summary,
            self.intent_combo,
            self.follow_up_check,
            self.follow_up_date,
            self.project_combo,
            self.lead_check,
            self.lead_name,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.org_picker.org_changed.connect(self._on_org_changed)
        self.org_picker.edit.textChanged.connect(self._touched)
        self.visitors.changed.connect(lambda: self._touched(self.visitors_error))
        self.contacts.changed.connect(self._touched)
        self.kind_combo.currentIndexChanged.connect(self._touched)
        self.date_edit.dateChanged.connect(lambda: self._touched(self.follow_up_error))
        self.summary.textChanged.connect(self._touched)
        self.intent_combo.currentIndexChanged.connect(self._touched)
        self.follow_up_check.toggled.connect(self._on_follow_up_toggled)
        self.follow_up_date.dateChanged.connect(lambda: self._touched(self.follow_up_error))
        self.project_combo.currentIndexChanged.connect(self._touched)
        self.lead_check.toggled.connect(self._on_lead_toggled)
        self.lead_name.textChanged.connect(lambda: self._touched(self.lead_error))

    def _touched(self, error: object = None) -> None:
        if isinstance(error, QLabel):
            show_error(error, "")
        if not self._loading:
            self.changed.emit()

    def _on_org_changed(self, org_id: uuid.UUID | None) -> None:
        show_error(self.org_error, "")
        if self._loading:  # the state being shown fills contacts and projects itself
            return
        self.contacts.set_org(org_id)
        self._fill_projects(org_id, self.project_combo.currentData(), linked=False)
        self._touched()

    def _fill_projects(
        self, org_id: uuid.UUID | None, chosen: uuid.UUID | None, *, linked: bool
    ) -> None:
        """Offer the organization's projects and choose `chosen`.

        A `linked` project (the visit's saved or drafted link) is offered and kept even when
        another organization invests in it; a project chosen before the organization changed
        is kept only if the new organization's list has it.
        """
        with QSignalBlocker(self.project_combo):
            self.project_combo.clear()
            self.project_combo.addItem(self.tr("No project"), None)
            for project in projects_of(self.db, org_id, also=chosen if linked else None):
                self.project_combo.addItem(project.name, project.id)
            select_value(self.project_combo, chosen, keep_unknown=linked)

    def _on_follow_up_toggled(self, on: bool) -> None:
        self.follow_up_date.setEnabled(on)
        if on and not self._loading and self.follow_up_date.day() <= self.date_edit.day():
            self.follow_up_date.set_day(self.date_edit.day() + timedelta(days=FOLLOW_UP_DAYS))
        self._touched(self.follow_up_error)

    def _on_lead_toggled(self, on: bool) -> None:
        self.lead_name.setEnabled(on)
        self.project_combo.setEnabled(not on)
        if on and not self._loading:
            self.lead_name.setFocus()
        self._touched(self.lead_error)
