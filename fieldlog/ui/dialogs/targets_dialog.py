"""The targets dialog: a value per metric for the team, a group, a member or a county, over a
period; the values already set are filled in, an emptied field clears its target.

Amount targets are entered in 亿元, the unit the weekly return, the dashboard and the targets table
report them in and the one a bureau sets them in ("合同投资额 25 亿元"); 万 or 万元 after the number
enters 万元 instead.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_name
from fieldlog.domain.indicators import AMOUNT_METRICS, BY_KEY, METRICS
from fieldlog.domain.money import InvalidAmount, format_yi, parse_yi
from fieldlog.domain.period import Period
from fieldlog.services.reports import targets
from fieldlog.services.reports.dashboard import dispatch_period
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.period_picker import TargetPeriodEdit
from fieldlog.ui.widgets.targets_table import metric_label

_WHOLE = re.compile(r"\+?\d+")


class Problem(ValueError):
    """Input the dialog cannot save; the message says what to correct."""


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class TargetsDialog(QDialog):
    """Sets the targets of one scope and period; Save and Apply go through the undo stack."""

    def __init__(self, db: Database, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("targetsDialog")
        self.setWindowTitle(self.tr("Targets"))
        self.scopes = targets.target_scopes(db)
        self.loaded: dict[str, int] = {}
        dispatch = dispatch_period(db)
        # Only a dispatch with both dates can carry targets.
        closed = dispatch if dispatch is not None and dispatch.days is not None else None
        self.period_edit = TargetPeriodEdit(today, closed)
        self.fields = {metric: self._field(metric) for metric in METRICS}
        self._build_widgets()
        self._lay_out()
        self._connect()
        self._fill_scopes()

    def _build_widgets(self) -> None:
        self.scope_kind = QComboBox()
        self.scope_kind.setObjectName("targetScopeKind")
        self.scope_kind.setAccessibleName(self.tr("Targets for"))
        for key, text in (
            ("team", self.tr("The team")),
            ("group", self.tr("A work group")),
            ("member", self.tr("A member")),
            ("county", self.tr("A county")),
        ):
            if self.scopes.get(key):
                self.scope_kind.addItem(text, key)
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("targetScope")
        self.scope_combo.setAccessibleName(self.tr("Team, group, member or county"))
        self.message = QLabel()
        self.message.setObjectName("targetsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.status = QLabel()
        self.status.setObjectName("targetsStatus")
        self.status.setStyleSheet("color: #1e7b34;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.clear_button = QPushButton(self.tr("C&lear all"))
        self.clear_button.setObjectName("clearTargetsButton")
        self.buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)

    def _field(self, metric: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"target_{metric}")
        edit.setAccessibleName(self.metric_label(metric))
        # The weekly return's caption says which figure this is; its amounts are in 亿元.
        tip = BY_KEY[metric].label_zh
        if metric in AMOUNT_METRICS:
            tip = self.tr("{label}: enter the target in 100M yuan, such as 25 or 4.389").format(
                label=tip
            )
        edit.setToolTip(tip)
        edit.setPlaceholderText(self.tr("no target"))
        edit.setClearButtonEnabled(True)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        return edit

    @staticmethod
    def metric_label(metric: str) -> str:
        """The caption of a metric's field, as the dashboard and the targets table name it."""
        return metric_label(metric)

    def _lay_out(self) -> None:
        form = QFormLayout()
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope_kind)
        scope_row.addWidget(self.scope_combo, 1)
        form.addRow(_buddy(self.tr("&For"), self.scope_kind), scope_row)
        form.addRow(_buddy(self.tr("&Period"), self.period_edit.kind_combo), self.period_edit)
        values = QGroupBox(self.tr("Targets (leave a field empty for no target)"))
        grid = QGridLayout(values)
        for row, (metric, edit) in enumerate(self.fields.items()):
            grid.addWidget(_buddy(self.metric_label(metric), edit), row, 0)
            grid.addWidget(edit, row, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(values)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _connect(self) -> None:
        self.scope_kind.currentIndexChanged.connect(self._fill_scopes)
        self.scope_combo.currentIndexChanged.connect(self._load)
        self.period_edit.changed.connect(self._load)
        for edit in self.fields.values():
            edit.textChanged.connect(self._validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.setObjectName("applyTargetsButton")
        apply.clicked.connect(self.save)
        self.clear_button.clicked.connect(self._clear_all)

    def _fill_scopes(self) -> None:
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        for named in self.scopes.get(self.scope_kind.currentData(), []):
            self.scope_combo.addItem(display_name(named.id, named.name), named.id)
        self.scope_combo.blockSignals(False)
        self._load()

    def period(self) -> Period:
        """The period the targets are for; Problem when it ends before it starts."""
        period = self.period_edit.period()
        if period is None:
            raise Problem(self.tr("The period ends before it starts; correct the dates."))
        return period

    def scope(self) -> tuple[str, uuid.UUID]:
        """The scope kind and the id of the record chosen; Problem when there is none."""
        scope_id = self.scope_combo.currentData()
        if not isinstance(scope_id, uuid.UUID):
            raise Problem(self.tr("Set up the team first: there is nothing to set targets for."))
        return str(self.scope_kind.currentData()), scope_id

    def values(self) -> dict[str, int | None]:
        """Each metric's entered target (amounts in yuan), None when empty; Problem if bad."""
        return {metric: self._value(metric, edit.text()) for metric, edit in self.fields.items()}

    def _value(self, metric: str, text: str) -> int | None:
        text = unicodedata.normalize("NFKC", text).strip()
        label = self.metric_label(metric)
        if not text:
            return None
        if text.startswith(("-", "\u2212")):
            raise Problem(self.tr("{field}: a target cannot be negative.").format(field=label))
        if metric not in AMOUNT_METRICS:
            if not _WHOLE.fullmatch(text):
                raise Problem(self.tr("{field}: enter a whole number.").format(field=label))
            return int(text)
        try:
            return parse_yi(text)
        except InvalidAmount:
            message = self.tr("{field}: enter an amount in 100M yuan, such as 25 or 4.389.")
            message = message.format(field=label)
            raise Problem(message) from None

    def _load(self) -> None:
        """Fill in the targets already set for the chosen scope and period."""
        try:
            kind, scope_id = self.scope()
            period = self.period()
        except Problem:
            self._validate()
            return
        self.loaded = targets.targets_for(self.db, kind, scope_id, period)
        for metric, edit in self.fields.items():
            value = self.loaded.get(metric)
            text = "" if value is None else str(value)
            if value is not None and metric in AMOUNT_METRICS:
                # Every digit, so that saving an unchanged field writes back the same yuan.
                text = format_yi(value, exact=True)
            edit.setText(text)
        self._validate()

    def _problem(self) -> str:
        try:
            self.scope()
            self.period()
            self.values()
        except Problem as exc:
            return str(exc)
        return ""

    def _validate(self) -> None:
        problem = self._problem()
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        self.status.clear()
        for which in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Apply):
            self.buttons.button(which).setEnabled(not problem)

    def _clear_all(self) -> None:
        for edit in self.fields.values():
            edit.clear()

    def save(self) -> bool:
        """Save what changed (an emptied field clears its target); False after bad input or a
        refusal, True otherwise (also when nothing changed)."""
        if self._problem():
            return False
        kind, scope_id = self.scope()
        period, values = self.period(), self.values()
        changed = {m: v for m, v in values.items() if self.loaded.get(m) != v}
        if not changed:
            return True
        # Merged over what another user set meanwhile; undo is the same merge back.
        shown = {metric: self.loaded.get(metric) for metric in changed}

        def do() -> None:
            targets.save_targets(self.db, kind, scope_id, period, changed, shown)

        def undo() -> None:
            targets.save_targets(self.db, kind, scope_id, period, shown, changed)

        text = self.tr("Set targets of {name}").format(name=self.scope_combo.currentText())
        operation = Operation(self, do, changes=Changes.of(Kind.TARGET)).undoable(text, undo)
        operation.success(lambda _result: self._saved())
        return operation.run().ok

    def _saved(self) -> None:
        self._load()
        self.status.setText(self.tr("Saved."))

    def accept(self) -> None:
        """Save, then close; bad input keeps the dialog open with its message."""
        if self.save():
            super().accept()
