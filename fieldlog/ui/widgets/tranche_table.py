"""A project's funds in place: the tranches, the running total against the contract, adding one."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.money import InvalidAmount, format_wan, parse_wan
from fieldlog.services import projects
from fieldlog.services.project_detail import ProjectDetail, fund_origins
from fieldlog.services.visit_entry import refusal
from fieldlog.store.database import Database
from fieldlog.ui import operations
from fieldlog.ui.dialogs.org_dialog import fill_table, row_table
from fieldlog.ui.widgets.org_create_form import error_label, plain_buttons, show_error


class TranchePanel(QWidget):
    """The Funds tab: a table of tranches, the 到位 total label and the "Add tranche" form."""

    def __init__(self, db: Database, project_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent, objectName="tranchePanel")
        self.db, self.project_id = db, project_id
        headers = [self.tr("Date"), self.tr("Amount (万元)"), self.tr("Origin")]
        headers += [self.tr("Evidence"), self.tr("Note"), self.tr("Running total (万元)")]
        self.table = row_table("trancheTable", headers)
        self.total = QLabel(objectName="fundsTotal")
        self.total.setStyleSheet("font-weight: bold;")
        self._build_form()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(QLabel(self.tr("Add tranche…"), objectName="addTrancheTitle"))
        layout.addLayout(self.form)
        layout.addWidget(self.message)

    def _build_form(self) -> None:
        self.received = QDateEdit(objectName="trancheDate", calendarPopup=True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.received.setDate(QDate.currentDate())
        self.amount = QLineEdit(objectName="trancheAmount", placeholderText=self.tr("万元"))
        self.origin = QComboBox(objectName="trancheOrigin")
        self.origin.addItem("", None)
        for name in fund_origins(self.db):
            self.origin.addItem(name, name)
        self.evidence = QLineEdit(objectName="trancheEvidence")
        self.add_button = QPushButton(self.tr("&Add tranche"), objectName="addTranche")
        plain_buttons(self.add_button)
        self.add_button.clicked.connect(self.add_tranche)
        self.amount.returnPressed.connect(self.add_tranche)
        self.evidence.returnPressed.connect(self.add_tranche)
        self.message = error_label("trancheMessage")
        self.form = QFormLayout()
        for label, widget in (
            (self.tr("Date"), self.received),
            (self.tr("Amount (万元)"), self.amount),
            (self.tr("Origin"), self.origin),
            (self.tr("Evidence"), self.evidence),
        ):
            widget.setAccessibleName(label)
            self.form.addRow(label, widget)
        self.form.addRow(self.add_button)

    def show_detail(self, detail: ProjectDetail) -> None:
        """Fill the table and the total from a fresh detail."""
        rows = [
            [
                t.received_on.isoformat(),
                format_wan(t.amount_yuan),
                t.origin,
                t.evidence,
                t.note,
                format_wan(t.running_yuan),
            ]
            for t in detail.tranches
        ]
        fill_table(self.table, rows)
        self.total.setText(self.total_text(detail))

    def total_text(self, detail: ProjectDetail) -> str:
        """到位 {total} 万元 / 合同 {contract} 万元（到位率 {rate}）."""
        contract = format_wan(detail.contract_yuan) if detail.contract_yuan else "—"
        rate = f"{detail.funds_rate * 100:.1f}%" if detail.funds_rate is not None else "—"
        text = self.tr("Funds in place {total} 万元 / contract {contract} 万元 (rate {rate})")
        return text.format(total=format_wan(detail.funds_yuan), contract=contract, rate=rate)

    def add_tranche(self) -> bool:
        """Record the form's tranche; a refusal is shown in red under the form."""
        try:
            yuan = parse_wan(self.amount.text())
        except InvalidAmount as exc:
            show_error(self.message, self.tr("Amount: {0}").format(exc))
            return False
        on: date = self.received.date().toPython()  # type: ignore[assignment]
        kwargs = {
            "received_on": on,
            "amount_yuan": yuan,
            "origin": self.origin.currentData(),
            "evidence": self.evidence.text(),
        }
        message = refusal(self.db, lambda: projects.add_tranche(self.db, self.project_id, **kwargs))
        show_error(self.message, message or "")
        if message:
            return False
        ok, _ = operations.attempt(self, projects.add_tranche, self.db, self.project_id, **kwargs)
        if ok:
            self.amount.clear()
            self.evidence.clear()
        return ok
