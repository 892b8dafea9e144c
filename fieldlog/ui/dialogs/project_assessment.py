"""The project dialog's Assessment and lead tab: 项目类型, 资金来源, the 入库 and 入规 dates, the
investor contact, 项目内容 and 投资方诉求, with the project's assessment verdict (计入考核 or
不计入 and why) following the kind and origin as they are chosen."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from fieldlog.domain.assessment import AssessmentRules, ProjectKind, verdict
from fieldlog.domain.catalogs import display_name
from fieldlog.services.projects.project_detail import (
    ProjectDetail,
    assessment_rules,
    fund_origin_choices,
    investor_contacts,
)
from fieldlog.services.projects.projects import ProjectInput
from fieldlog.store.database import Database
from fieldlog.ui.widgets.combo_values import (
    UNKNOWN_ITEM_ROLE,
    index_of,
    select_value,
    unknown_text,
)
from fieldlog.ui.widgets.coordination_table import read_date


def _kinds() -> list[tuple[str, str]]:
    return [
        (QCoreApplication.translate("AssessmentTab", "New"), ProjectKind.NEW.value),
        (QCoreApplication.translate("AssessmentTab", "Phase two"), ProjectKind.PHASE_TWO.value),
        (
            QCoreApplication.translate("AssessmentTab", "Capital increase"),
            ProjectKind.CAPITAL_INCREASE.value,
        ),
    ]


def _select_named(combo: QComboBox, value: object, name: str) -> None:
    """Select `value`; one the list no longer offers (deleted since) stays as 未知（name）."""
    if value is not None and index_of(combo, value) < 0:
        combo.addItem(unknown_text(name or value), value)
        combo.setItemData(combo.count() - 1, True, UNKNOWN_ITEM_ROLE)
    select_value(combo, value)


class AssessmentTab(QWidget):
    """The fields of the tab as attributes, named as scripts find them."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="assessmentTab")
        self.db = db
        self.rules: AssessmentRules = assessment_rules(db)
        self.detail: ProjectDetail | None = None
        self.kind = QComboBox(objectName="kind_combo")
        for text, code in _kinds():
            self.kind.addItem(text, code)
        self.origin = QComboBox(objectName="origin_combo")
        self.stats_on = QLineEdit(objectName="stats_on_edit", placeholderText="yyyy-mm-dd")
        self.above_scale_on = QLineEdit(
            objectName="above_scale_on_edit", placeholderText="yyyy-mm-dd"
        )
        self.contact = QComboBox(objectName="contact_combo")
        self.content = QPlainTextEdit(objectName="content_edit", tabChangesFocus=True)
        self.demands = QPlainTextEdit(objectName="demands_edit", tabChangesFocus=True)
        self.verdict = QLabel(objectName="assessment_label", wordWrap=True)
        self.verdict.setStyleSheet("font-weight: bold;")
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("Assessment"), self.verdict),
            (self.tr("Project kind"), self.kind),
            (self.tr("Fund origin"), self.origin),
            (self.tr("Entered statistics (入库)"), self.stats_on),
            (self.tr("Above scale (入规)"), self.above_scale_on),
            (self.tr("Investor contact"), self.contact),
            (self.tr("Project content"), self.content),
            (self.tr("Investor's demands"), self.demands),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.kind.currentIndexChanged.connect(self.show_verdict)
        self.origin.currentIndexChanged.connect(self.show_verdict)

    def _fill_choices(self, d: ProjectDetail) -> None:
        self.origin.blockSignals(True)
        self.origin.clear()
        self.origin.addItem("", None)
        for name, origin_id in fund_origin_choices(self.db):
            self.origin.addItem(display_name(origin_id, name), origin_id)
        self.origin.blockSignals(False)
        self.contact.clear()
        self.contact.addItem("", None)
        for name, contact_id in investor_contacts(self.db, d.investor_id):
            self.contact.addItem(name, contact_id)

    def load(self, d: ProjectDetail) -> None:
        """Show a project's saved values (an unknown kind, a removed origin or contact kept)."""
        self.detail = d
        self._fill_choices(d)
        select_value(self.kind, d.kind)
        _select_named(self.origin, d.origin_id, d.origin)
        _select_named(self.contact, d.contact_id, d.contact)
        self.stats_on.setText(d.stats_on.isoformat() if d.stats_on else "")
        self.above_scale_on.setText(d.above_scale_on.isoformat() if d.above_scale_on else "")
        self.content.setPlainText(d.content)
        self.demands.setPlainText(d.demands)
        self.show_verdict()

    def show_rest(self, d: ProjectDetail) -> None:
        """A fresh detail whose form is kept as typed: the verdict follows its signing."""
        self.detail = d
        self.rules = assessment_rules(self.db)
        self.show_verdict()

    def state(self) -> tuple[object, ...]:
        """What the tab holds, as typed."""
        return (
            self.kind.currentIndex(),
            self.origin.currentIndex(),
            self.contact.currentIndex(),
            self.stats_on.text(),
            self.above_scale_on.text(),
            self.content.toPlainText(),
            self.demands.toPlainText(),
        )

    def show_verdict(self) -> None:
        """计入考核, or 不计入 with the reason, for the kind and origin chosen now."""
        d = self.detail
        if d is None:
            return
        judged = verdict(
            signed_on=d.signed_on,
            contract_yuan=d.contract_yuan,
            kind=self.kind.currentData(),
            origin_id=self.origin.currentData(),
            rules=self.rules,
        )
        if judged.counts:
            self.verdict.setText(self.tr("Counted in the assessment"))
        else:
            self.verdict.setText(self.tr("Not counted: {0}").format(judged.reason))

    def read(self, data: ProjectInput) -> ProjectInput | str:
        """`data` with this tab's fields, or why a date cannot be read."""
        dates: list[date | None] = []
        for edit, what in (
            (self.stats_on, self.tr("Entered statistics (入库)")),
            (self.above_scale_on, self.tr("Above scale (入规)")),
        ):
            try:
                dates.append(read_date(edit))
            except ValueError:
                return self.tr("{0}: write the date as yyyy-mm-dd").format(what)
        return dataclasses.replace(
            data,
            kind=self.kind.currentData(),
            origin_id=self.origin.currentData(),
            stats_on=dates[0],
            above_scale_on=dates[1],
            contact_id=self.contact.currentData(),
            content=self.content.toPlainText(),
            demands=self.demands.toPlainText(),
        )
