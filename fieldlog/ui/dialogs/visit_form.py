"""The visit form: its state as plain data (drafts, editing), its inline checks, its visit."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from fieldlog.domain.catalogs import display_kind_name
from fieldlog.services.visits.visit_entry import LoadedVisit, org_name
from fieldlog.services.visits.visits import VisitInput
from fieldlog.ui.dialogs.visit_fields import DEFAULT_KIND, VisitFields
from fieldlog.ui.widgets.combo_values import index_of, select_value
from fieldlog.ui.widgets.org_create_form import show_error


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _uuids(values: Any) -> list[uuid.UUID]:
    ids = (_uuid(v) for v in values) if isinstance(values, list) else ()
    return [i for i in ids if i is not None]


def visit_state(loaded: LoadedVisit) -> dict[str, Any]:
    """The form state showing a saved visit."""
    data = loaded.data
    return {
        "org_id": str(data.org_id),
        "org_text": loaded.org_name,
        "visitors": [str(i) for i in data.visitor_ids],
        "kind": data.kind,
        "date": data.visited_on.isoformat(),
        "contacts": [str(i) for i in data.contact_ids],
        "summary": data.summary,
        "intent": data.intent,
        "follow_up": data.next_follow_up.isoformat() if data.next_follow_up else None,
        "project_id": str(data.project_id) if data.project_id else None,
        "lead": False,
        "lead_name": "",
    }


class VisitForm(VisitFields):
    """The visit fields with their state, their checks and the visit they describe."""

    def state(self) -> dict[str, Any]:
        """Everything entered, as JSON-ready data (a draft)."""
        follow_up = self.follow_up_date.day() if self.follow_up_check.isChecked() else None
        org = self.org_picker.org_id()
        project = self.project_combo.currentData()
        return {
            "org_id": str(org) if org else None,
            "org_text": self.org_picker.text(),
            "visitors": [str(i) for i in self.visitors.checked_ids()],
            "kind": self.kind_combo.currentData(),
            "date": self.date_edit.day().isoformat(),
            "contacts": [str(i) for i in self.contacts.checked_ids()],
            "summary": self.summary.toPlainText(),
            "intent": self.intent_combo.currentData(),
            "follow_up": follow_up.isoformat() if follow_up else None,
            "project_id": str(project) if project else None,
            "lead": self.lead_check.isChecked(),
            "lead_name": self.lead_name.text(),
        }

    def apply_state(self, state: dict[str, Any]) -> None:
        """Show a state made by `state` (or a draft); unusable values fall back to defaults."""
        self._loading = True
        try:
            self._apply_org(state)
            self.visitors.set_checked(_uuids(state.get("visitors")))
            self._apply_choices(state)
            self.summary.setPlainText(str(state.get("summary") or ""))
            follow_up = _iso(state.get("follow_up"))
            self.follow_up_check.setChecked(follow_up is not None)
            self.follow_up_date.setEnabled(follow_up is not None)
            self.follow_up_date.set_day(follow_up or self.date_edit.day())
            self.lead_check.setChecked(bool(state.get("lead")))
            self._on_lead_toggled(self.lead_check.isChecked())
            self.lead_name.setText(str(state.get("lead_name") or ""))
            for label in (self.org_error, self.visitors_error, self.follow_up_error):
                show_error(label, "")
            show_error(self.lead_error, "")
        finally:
            self._loading = False

    def _apply_org(self, state: dict[str, Any]) -> None:
        org = _uuid(state.get("org_id"))
        name = org_name(self.db, org) if org else None
        if org is not None and name is not None:
            self.org_picker.set_org(org, name)
        else:
            self.org_picker.set_text(str(state.get("org_text") or ""))
        self.contacts.set_org(self.org_picker.org_id(), _uuids(state.get("contacts")))
        self._fill_projects(self.org_picker.org_id(), _uuid(state.get("project_id")), linked=True)

    def _apply_choices(self, state: dict[str, Any]) -> None:
        kind = str(state.get("kind") or DEFAULT_KIND)
        if index_of(self.kind_combo, kind) < 0:
            # A kind since removed from the catalog stays visible, and is saved back as it was.
            self.kind_combo.addItem(display_kind_name("visit_kind", kind), kind)
        self.kind_combo.setCurrentIndex(index_of(self.kind_combo, kind))
        intent = state.get("intent")
        select_value(self.intent_combo, intent if isinstance(intent, str) else "")
        self.date_edit.set_day(_iso(state.get("date")) or date.today())

    def check(self) -> bool:
        """Show what must be corrected next to its field; True when nothing must."""
        problems = [
            (self.org_error, self.org_picker.edit, self._org_problem()),
            (self.visitors_error, self.visitors, self._visitors_problem()),
            (self.follow_up_error, self.follow_up_date, self._follow_up_problem()),
            (self.lead_error, self.lead_name, self._lead_problem()),
        ]
        for label, _field, message in problems:
            show_error(label, message)
        first = next((field for _label, field, message in problems if message), None)
        if first is not None:
            first.setFocus()
        return first is None

    def _org_problem(self) -> str:
        if self.org_picker.org_id() is not None:
            return ""
        if self.org_picker.text().strip():
            return self.tr("Choose the organization from the list, or create it.")
        return self.tr("Which organization was visited?")

    def _visitors_problem(self) -> str:
        return "" if self.visitors.checked_ids() else self.tr("Check at least one visitor.")

    def _follow_up_problem(self) -> str:
        late = self.follow_up_date.day() < self.date_edit.day()
        if self.follow_up_check.isChecked() and late:
            return self.tr("The next follow-up cannot be before the visit.")
        return ""

    def _lead_problem(self) -> str:
        if self.lead_check.isChecked() and not self.lead_name.text().strip():
            return self.tr("Name the new lead (the project).")
        return ""

    def visit_input(self) -> VisitInput:
        """The entered visit for the services (check it first)."""
        org = self.org_picker.org_id()
        assert org is not None, "check() the form before reading it"
        follow_up = self.follow_up_date.day() if self.follow_up_check.isChecked() else None
        project = None if self.lead_check.isChecked() else self.project_combo.currentData()
        return VisitInput(
            visited_on=self.date_edit.day(),
            org_id=org,
            visitor_ids=self.visitors.checked_ids(),
            kind=str(self.kind_combo.currentData() or ""),
            summary=self.summary.toPlainText(),
            intent=str(self.intent_combo.currentData() or ""),
            next_follow_up=follow_up,
            contact_ids=self.contacts.checked_ids(),
            project_id=project,
        )

    def lead(self) -> str:
        """The name of the lead to open with the visit ("" for none)."""
        return self.lead_name.text().strip() if self.lead_check.isChecked() else ""
