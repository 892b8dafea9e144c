"""One project in full: its details to edit, the stage timeline, funds in place and visits."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain import vocabulary
from fieldlog.domain.catalogs import display_kind_name, display_link_name
from fieldlog.domain.money import InvalidAmount, format_wan, parse_wan
from fieldlog.domain.stages import stage_label
from fieldlog.domain.vocabulary import ChainRole
from fieldlog.services.admin.workspace import county_names
from fieldlog.services.projects import project_edits, projects
from fieldlog.services.projects.project_detail import ProjectDetail, project_detail
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.amounts import wan
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.dialogs.org_dialog import fill_table, row_table
from fieldlog.ui.dialogs.project_assessment import AssessmentTab
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.attachment_strip import AttachmentStrip
from fieldlog.ui.widgets.combo_values import select_value
from fieldlog.ui.widgets.coordination_table import CoordinationPanel, read_date
from fieldlog.ui.widgets.history_panel import HistoryPanel
from fieldlog.ui.widgets.org_create_form import error_label, plain_buttons, show_error
from fieldlog.ui.widgets.tranche_table import TranchePanel

DEFAULT_SIZE = (1000, 680)


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox(objectName=name)
    combo.addItem("", None)
    for text, data in items:
        combo.addItem(text, data)
    return combo


#: A save of the Details tab.
PROJECT = Changes.of(Kind.PROJECT)
#: The project, its organization, owner, chain link and county, and the visits behind it.
SHOWN = (Kind.PROJECT, Kind.ORG, Kind.TEAM, Kind.CATALOG, Kind.VISIT)


class ProjectDialog(QDialog):
    """Project detail: Details (editable), Assessment, Coordination, Stage history, Funds,
    Visits, Attachments and History tabs."""

    def __init__(
        self,
        db: Database,
        project_id: uuid.UUID,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent, objectName="projectDialog")
        self.db, self.project_id, self.today = db, project_id, today
        self.detail = project_detail(db, project_id, today=self._today())
        self.setWindowTitle(self.tr("Project: {0}").format(self.detail.name))
        self.resize(*DEFAULT_SIZE)
        self.tabs = QTabWidget(objectName="projectTabs")
        self.tabs.addTab(self._details_tab(), self.tr("&Details"))
        self.assessment = AssessmentTab(db, self)
        self.tabs.addTab(self.assessment, self.tr("&Assessment and lead"))
        self.coordination = CoordinationPanel(db, project_id, self._today, self)
        self.tabs.addTab(self.coordination, self.tr("&Coordination"))
        self.timeline = row_table(
            "stageTimeline",
            [
                self.tr("Stage"),
                self.tr("Date"),
                self.tr("Who"),
                self.tr("Days in stage"),
                self.tr("Note"),
            ],
        )
        self.tabs.addTab(self.timeline, self.tr("&Stage history"))
        self.funds = TranchePanel(db, project_id, self)
        self.tabs.addTab(self.funds, self.tr("&Funds"))
        self.visits = row_table(
            "linkedVisits",
            [self.tr("Date"), self.tr("Kind"), self.tr("Visitors"), self.tr("Summary")],
        )
        self.tabs.addTab(self.visits, self.tr("&Visits"))
        self.attachments = AttachmentStrip(db, "project", self)
        self.attachments.set_owner(project_id)
        self.attachments.setContentsMargins(8, 8, 8, 8)
        self.tabs.addTab(self.attachments, self.tr("A&ttachments"))
        self.history = HistoryPanel(db, "project", project_id, self)
        self.tabs.addTab(self.history, self.tr("&History"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        # Enter in the Funds form adds a tranche; it must not also save the details.
        plain_buttons(self.save_button, buttons.button(QDialogButtonBox.StandardButton.Close))
        for edit in (
            self.name,
            self.planned,
            self.progress_on,
            self.follow_up,
            self.assessment.stats_on,
            self.assessment.above_scale_on,
        ):
            edit.returnPressed.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._show(self.detail)
        operations.changes().changes_applied.connect(self._on_changes)

    def _today(self) -> date:
        return self.today or date.today()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The button box makes Save the default button when it is shown, so Enter in the Funds
        # form would save the details too; Save stays a plain button (Ctrl+S, or Enter in a field).
        self.save_button.setDefault(False)

    def _details_tab(self) -> QWidget:
        d = self.detail
        self.name = QLineEdit(d.name, objectName="projectName")
        roles = [(vocabulary.label(ChainRole, r.value), r.value) for r in ChainRole]
        self.role = _combo("chainRole", roles)
        self.planned = QLineEdit(objectName="plannedWan", placeholderText=self.tr("10k yuan"))
        self.county = _combo(
            "landingCounty", [(display_kind_name("county", c), c) for c in county_names(self.db)]
        )
        self.owner = _combo("projectOwner", [(m.name, m.id) for m in team.members(self.db)])
        self.group = _combo("projectGroup", [(g.name, g.id) for g in team.groups(self.db)])
        self.progress = QPlainTextEdit(objectName="progress", tabChangesFocus=True)
        self.progress_on = QLineEdit(objectName="progress_on_edit", placeholderText="yyyy-mm-dd")
        self.problems = QPlainTextEdit(objectName="problems", tabChangesFocus=True)
        self.next_step = QPlainTextEdit(objectName="nextStep", tabChangesFocus=True)
        self.follow_up = QLineEdit(objectName="nextFollowUp", placeholderText="yyyy-mm-dd")
        self.facts = QLabel(objectName="projectFacts", wordWrap=True)
        self.message = error_label("projectMessage")
        page, form = QWidget(), QFormLayout()
        page.setLayout(form)
        form.addRow(self.facts)
        for label, widget in (
            (self.tr("Name"), self.name),
            (self.tr("Chain role"), self.role),
            (self.tr("Planned investment (10k yuan)"), self.planned),
            (self.tr("Landing county"), self.county),
            (self.tr("Owner"), self.owner),
            (self.tr("Work group"), self.group),
            (self.tr("Progress"), self.progress),
            (self.tr("Progress date"), self.progress_on),
            (self.tr("Problems"), self.problems),
            (self.tr("Next step"), self.next_step),
            (self.tr("Next follow-up"), self.follow_up),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        return page

    def _show(self, d: ProjectDetail) -> None:
        """Put a fresh detail into every tab."""
        self._show_form(d)
        self._show_rest(d)

    def _form_state(self) -> tuple[object, ...]:
        """What the Details form holds, as typed (to tell whether its user changed anything)."""
        texts = (self.name, self.planned, self.progress_on, self.follow_up)
        notes = (self.progress, self.problems, self.next_step)
        combos = (self.role, self.county, self.owner, self.group)
        return (
            *(edit.text() for edit in texts),
            *(edit.toPlainText() for edit in notes),
            *(combo.currentIndex() for combo in combos),
            *self.assessment.state(),
        )

    def _show_form(self, d: ProjectDetail) -> None:
        """Load the Details form; a save writes what its user changes from these values."""
        self._before = d.as_input()
        self.name.setText(d.name)
        select_value(self.role, d.chain_role or None)
        self.planned.setText(format_wan(d.planned_yuan) if d.planned_yuan is not None else "")
        for combo, value in (
            (self.county, d.landing_county or None),
            (self.owner, d.owner_id),
            (self.group, d.group_id),
        ):
            select_value(combo, value)
        for edit, text in (
            (self.progress, d.progress),
            (self.problems, d.problems),
            (self.next_step, d.next_step),
        ):
            edit.setPlainText(text)
        self.follow_up.setText(d.next_follow_up.isoformat() if d.next_follow_up else "")
        self.progress_on.setText(d.progress_on.isoformat() if d.progress_on else "")
        self.assessment.load(d)
        self._loaded_progress = self.progress.toPlainText()
        self._loaded_state = self._form_state()

    def _show_rest(self, d: ProjectDetail) -> None:
        """Everything but the Details form: facts, stage history, funds, visits."""
        self.detail = d
        self.facts.setText(self._facts(d))
        fill_table(
            self.timeline,
            [
                [stage_label(s.stage), s.on.isoformat(), s.member, str(s.days), s.note]
                for s in d.timeline
            ],
        )
        fill_table(
            self.visits,
            [
                [
                    v.visited_on.isoformat(),
                    display_kind_name("visit_kind", v.kind),
                    v.visitors,
                    v.summary,
                ]
                for v in d.visits
            ],
        )
        self.funds.show_detail(d)
        self.assessment.show_rest(d)
        self.coordination.refresh()

    def _facts(self, d: ProjectDetail) -> str:
        # The current stage: a newer FieldLog's later event leaves it where the known ones are.
        stage = next((stage_label(s.stage) for s in reversed(d.timeline) if s.stage == d.stage), "")
        contract = wan(d.contract_yuan or None)
        text = self.tr(
            "Investor: {0} · Chain: {1} / {2} · Stage: {3} · Signed: {4} {5} · Contract: {6}"
        )
        signed = d.signed_on.isoformat() if d.signed_on else "—"
        return text.format(
            d.investor or "—",
            display_kind_name("chain", d.chain) or "—",
            display_link_name(d.chain, d.link) or "—",
            stage,
            signed,
            display_kind_name("sign_form", d.sign_form),
            contract,
        )

    def _on_changes(self, made: Changes) -> None:
        if made.touches(*SHOWN):
            self.refresh()

    def refresh(self, _result: object = None) -> None:
        """Reload from the database after any change; close quietly if the project is gone."""
        try:
            detail = project_detail(self.db, self.project_id, today=self._today())
        except ValueError:
            self.reject()
            return
        # What the user is typing stays: a save writes only what they changed, over the rest.
        if self._form_state() == self._loaded_state:
            self._show_form(detail)
        self._show_rest(detail)

    def _form_input(self) -> projects.ProjectInput | None:
        try:
            planned = parse_wan(self.planned.text()) if self.planned.text().strip() else None
        except InvalidAmount as exc:
            show_error(self.message, self.tr("Planned investment: {0}").format(exc))
            return None
        dates: list[date | None] = []
        for edit, what in (
            (self.follow_up, self.tr("Next follow-up")),
            (self.progress_on, self.tr("Progress date")),
        ):
            try:
                dates.append(read_date(edit))
            except ValueError:
                show_error(self.message, self.tr("{0}: write the date as yyyy-mm-dd").format(what))
                return None
        data = self.detail.as_input()
        data.name, data.planned_yuan = self.name.text(), planned
        data.chain_role = self.role.currentData() or ""
        data.landing_county, data.owner_id = self.county.currentData(), self.owner.currentData()
        data.group_id, data.next_follow_up = self.group.currentData(), dates[0]
        data.progress, data.problems = self.progress.toPlainText(), self.problems.toPlainText()
        data.next_step, data.progress_on = self.next_step.toPlainText(), dates[1]
        typed = data.progress != self._loaded_progress
        if typed and data.progress_on == self._before.progress_on:
            # A new progress note is dated today (so undo puts the old date back with the text).
            data.progress_on = self._today()
        read = self.assessment.read(data)
        if isinstance(read, str):
            show_error(self.message, read)
            return None
        return read

    def save(self) -> bool:
        """Save the Details tab as one undoable change."""
        data = self._form_input()
        if data is None:
            return False
        show_error(self.message, "")
        previous, db, pid, day = self._before, self.db, self.project_id, self._today()
        if data == previous:  # nothing to save, nothing to undo
            return True
        # Only what the form changed is written: another user's change meanwhile stays.
        save = Operation(
            self,
            lambda: project_edits.edit_project(db, pid, data, previous, today=day),
            changes=PROJECT,
        )
        save.undoable(
            self.tr("Edit project {0}").format(data.name),
            lambda: project_edits.edit_project(db, pid, previous, data, today=day),
        )
        save.success(lambda _result: self._saved(data))
        save.failure(lambda sentence: show_error(self.message, sentence))
        return save.run().ok

    def _saved(self, data: projects.ProjectInput) -> None:
        """The form now holds what is saved: later changes of others may show in it again."""
        self._before, self._loaded_state = data, self._form_state()
        self.refresh()


def open_project_dialog(
    db: Database, project_id: uuid.UUID, parent: QWidget | None = None
) -> ProjectDialog:
    """Show the detail of a project, non-modal, deleted when closed."""
    dialog = ProjectDialog(db, project_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
