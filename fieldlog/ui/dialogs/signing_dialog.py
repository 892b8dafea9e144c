"""The signing dialog: date, contract amount in 万元 and sign form, all three required."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_kind_name
from fieldlog.domain.money import InvalidAmount, parse_wan
from fieldlog.services.projects.projects import Signing


def _as_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class SigningDialog(QDialog):
    """Asks what a signing requires; OK stays disabled until every field is valid."""

    def __init__(
        self, project_name: str, sign_forms: list[str], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signingDialog")
        self.setWindowTitle(self.tr("Record the signing"))
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setObjectName("signingDate")
        self.date_edit.setAccessibleName(self.tr("Signing date"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("signingAmount")
        self.amount_edit.setAccessibleName(self.tr("Contract amount (10k yuan)"))
        self.amount_edit.setPlaceholderText(self.tr("e.g. 8000"))
        self.form_combo = QComboBox()
        self.form_combo.setObjectName("signingForm")
        self.form_combo.setAccessibleName(self.tr("Sign form"))
        self.form_combo.addItem(self.tr("Choose…"), None)
        for form in sign_forms:
            self.form_combo.addItem(display_kind_name("sign_form", form), form)
        self.message = QLabel()
        self.message.setObjectName("signingMessage")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._layout(project_name)
        self.amount_edit.textChanged.connect(self._validate)
        self.form_combo.currentIndexChanged.connect(self._validate)
        self.date_edit.dateChanged.connect(self._validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._validate()

    def _layout(self, project_name: str) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Signing date"), self.date_edit)
        form.addRow(self.tr("Contract amount (10k yuan)"), self.amount_edit)
        form.addRow(self.tr("Sign form"), self.form_combo)
        layout = QVBoxLayout(self)
        title = QLabel(project_name)
        title.setObjectName("signingProject")
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.amount_edit.setFocus()

    def ok_button(self) -> QPushButton:
        """The OK button (disabled while the input is incomplete)."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _problem(self) -> str:
        text = self.amount_edit.text().strip()
        if not text:
            return self.tr("Enter the contract amount in 10k yuan.")
        try:
            amount = parse_wan(text)
        except InvalidAmount as exc:
            return str(exc)
        if amount <= 0:
            return self.tr("The contract amount must be more than 0.")
        if self.form_combo.currentData() is None:
            return self.tr("Choose the sign form.")
        return ""

    def _validate(self) -> None:
        problem = self._problem()
        self.message.setText(problem)
        self.ok_button().setEnabled(not problem)

    def accept(self) -> None:
        """Close only when the input is complete (Enter must not bypass the disabled OK)."""
        if self.signing() is not None:
            super().accept()

    def signing(self) -> Signing | None:
        """What was entered, or None while it is incomplete."""
        if self._problem():
            return None
        return Signing(
            signed_on=_as_date(self.date_edit.date()),
            contract_yuan=parse_wan(self.amount_edit.text().strip()),
            sign_form=self.form_combo.currentData(),
        )
