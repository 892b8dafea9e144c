"""The team's rules (考核口径与预警规则): which signed projects earn assessment credit — the
minimum contract amount, the phase-two and capital-increase minimum, the fund origins left out —
and when a project turns yellow, red or 建议退库, the days to answer a lead and the weekly quota.

Amounts are entered in 万元, as on a project; the rules are saved through the team's merge
(`services/team/rules.py`), so saving the dialog unchanged writes nothing.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.assessment import DEFAULT_FOLLOW_ON_MIN_YUAN
from fieldlog.domain.catalogs import display_name
from fieldlog.domain.money import InvalidAmount, format_wan, parse_wan
from fieldlog.services.errors import InvalidInput
from fieldlog.services.team.rules import (
    MAX_DAYS,
    MAX_QUOTA,
    ExcludedOrigins,
    RulesSheet,
    TeamRuleFields,
    check_rules,
    fund_origins,
    rules_sheet,
    save_rules,
)
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.operations import Operation


class Problem(ValueError):
    """Input the dialog cannot save; the message says what to correct."""


def _spin(name: str, low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(objectName=name)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    return spin


def _amount_edit(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    return edit


def _wan_text(yuan: int) -> str:
    # Every digit and no separators, so an unchanged field parses back to the same yuan.
    return format_wan(yuan).replace(",", "")


class RulesDialog(QDialog):
    """Edits the team's rules; Save goes through the undo stack, bad rules are said beside the
    buttons and saved never."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("rules_dialog")
        self.setWindowTitle(self.tr("Assessment scope and warning rules"))
        self.loaded = rules_sheet(db)
        self.origins = fund_origins(db)
        self._build_widgets()
        self._lay_out()
        if self.loaded is not None:
            self._fill(self.loaded)
        self._connect()
        self._validate()

    def _build_widgets(self) -> None:
        self.min_contract_edit = _amount_edit("min_contract_edit")
        self.follow_on_counted_check = QCheckBox(
            self.tr("Count phase-two and capital-increase projects from"),
            objectName="follow_on_counted_check",
        )
        self.follow_on_min_edit = _amount_edit("follow_on_min_edit")
        self.excluded_origins_list = QListWidget(objectName="excluded_origins_list")
        self.excluded_origins_list.setAccessibleName(self.tr("Fund origins not counted"))
        for origin in self.origins:
            item = QListWidgetItem(display_name(origin.id, origin.name))
            item.setData(Qt.ItemDataRole.UserRole, origin.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.excluded_origins_list.addItem(item)
        self.excluded_origins_list.setMaximumHeight(150)
        days = self.tr(" days")
        self.yellow_days_spin = _spin("yellow_days_spin", 1, MAX_DAYS, days)
        self.red_days_spin = _spin("red_days_spin", 1, MAX_DAYS, days)
        self.retire_days_spin = _spin("retire_days_spin", 1, MAX_DAYS, days)
        self.lead_reply_days_spin = _spin("lead_reply_days_spin", 0, MAX_DAYS, days)
        self.lead_quota_spin = _spin("lead_quota_spin", 0, MAX_QUOTA, self.tr(" leads"))
        self.message = QLabel(objectName="rulesMessage", wordWrap=True)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")

    def _lay_out(self) -> None:
        scope = QGroupBox(self.tr("Assessment scope (考核口径)"))
        form = QFormLayout(scope)
        form.addRow(self.tr("&Minimum contract amount (10k yuan)"), self.min_contract_edit)
        follow_on = QHBoxLayout()
        follow_on.addWidget(self.follow_on_counted_check)
        follow_on.addWidget(self.follow_on_min_edit, 1)
        follow_on.addWidget(QLabel(self.tr("10k yuan")))
        form.addRow(follow_on)
        form.addRow(QLabel(self.tr("Fund origins not counted:")))
        form.addRow(self.excluded_origins_list)
        warnings = QGroupBox(self.tr("Warnings (三色预警) and leads"))
        days = QFormLayout(warnings)
        days.addRow(self.tr("&Yellow after no progress for"), self.yellow_days_spin)
        days.addRow(self.tr("&Red after"), self.red_days_spin)
        days.addRow(self.tr("Suggest re&tiring after"), self.retire_days_spin)
        days.addRow(self.tr("A new lead is &answered within"), self.lead_reply_days_spin)
        days.addRow(self.tr("Complete leads per member each &week"), self.lead_quota_spin)
        layout = QVBoxLayout(self)
        if self.loaded is None:
            layout.addWidget(QLabel(self.tr("Set up the team first: the rules are the team's.")))
        layout.addWidget(scope)
        layout.addWidget(warnings)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _fill(self, sheet: RulesSheet) -> None:
        rules = sheet.team
        self.min_contract_edit.setText(_wan_text(rules.min_contract_yuan))
        counted = rules.follow_on_min_yuan is not None
        self.follow_on_counted_check.setChecked(counted)
        shown = rules.follow_on_min_yuan if counted else DEFAULT_FOLLOW_ON_MIN_YUAN
        self.follow_on_min_edit.setText(_wan_text(shown or 0))
        self.follow_on_min_edit.setEnabled(counted)
        excluded = set(sheet.excluded.ids)
        for row in range(self.excluded_origins_list.count()):
            item = self.excluded_origins_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in excluded
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.yellow_days_spin.setValue(rules.yellow_days)
        self.red_days_spin.setValue(rules.red_days)
        self.retire_days_spin.setValue(rules.retire_days)
        self.lead_reply_days_spin.setValue(rules.lead_reply_days)
        self.lead_quota_spin.setValue(rules.weekly_lead_quota)

    def _connect(self) -> None:
        for edit in (self.min_contract_edit, self.follow_on_min_edit):
            edit.textChanged.connect(self._validate)
        self.follow_on_counted_check.toggled.connect(self.follow_on_min_edit.setEnabled)
        self.follow_on_counted_check.toggled.connect(self._validate)
        for spin in (
            self.yellow_days_spin,
            self.red_days_spin,
            self.retire_days_spin,
            self.lead_reply_days_spin,
            self.lead_quota_spin,
        ):
            spin.valueChanged.connect(self._validate)
        self.excluded_origins_list.itemChanged.connect(self._validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _amount(self, edit: QLineEdit, field: str) -> int:
        text = edit.text().strip()
        if not text:
            raise Problem(self.tr("{field}: enter an amount in 10k yuan.").format(field=field))
        try:
            return parse_wan(text)
        except InvalidAmount as exc:
            raise Problem(f"{field}: {exc}") from None

    def _excluded(self) -> list[uuid.UUID]:
        items = (
            self.excluded_origins_list.item(r) for r in range(self.excluded_origins_list.count())
        )
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def sheet(self) -> RulesSheet:
        """The rules as entered; Problem, with the sentence to show, when they cannot be kept."""
        if self.loaded is None:
            raise Problem(self.tr("Set up the team first: the rules are the team's."))
        follow_on = None
        if self.follow_on_counted_check.isChecked():
            follow_on = self._amount(self.follow_on_min_edit, self.tr("Phase-two minimum"))
        rules = TeamRuleFields(
            min_contract_yuan=self._amount(self.min_contract_edit, self.tr("Minimum amount")),
            follow_on_min_yuan=follow_on,
            yellow_days=self.yellow_days_spin.value(),
            red_days=self.red_days_spin.value(),
            retire_days=self.retire_days_spin.value(),
            lead_reply_days=self.lead_reply_days_spin.value(),
            weekly_lead_quota=self.lead_quota_spin.value(),
        )
        try:
            check_rules(rules)
        except InvalidInput as exc:
            raise Problem(str(exc)) from None
        return RulesSheet(rules, ExcludedOrigins(self._excluded()))

    def _problem(self) -> str:
        try:
            self.sheet()
        except Problem as exc:
            return str(exc)
        return ""

    def _validate(self) -> None:
        problem = self._problem()
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)

    def save(self) -> bool:
        """Save what changed; False after bad input or a refusal (said in the dialog), True
        otherwise (also when nothing changed: then nothing is written)."""
        if self._problem() or self.loaded is None:
            return False
        before, after = self.loaded, self.sheet()
        if after.team == before.team and set(after.excluded.ids) == set(before.excluded.ids):
            return True
        operation = Operation(
            self,
            lambda: save_rules(self.db, before, after),
            changes=Changes.of(Kind.TEAM, Kind.CATALOG),
        ).undoable(
            self.tr("Change the assessment and warning rules"),
            lambda: save_rules(self.db, after, before),
        )
        operation.failure(self._refused)
        return operation.run().ok

    def _refused(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.setVisible(True)

    def accept(self) -> None:
        """Save, then close; bad input keeps the dialog open with its message."""
        if self.save():
            super().accept()
