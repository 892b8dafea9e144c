"""The small inline form that creates an organization the picker did not find."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.credit_code import InvalidCreditCode, validate_credit_code
from fieldlog.services.orgs.org_directory import code_holder
from fieldlog.services.orgs.orgs import OrgInput, save_org
from fieldlog.services.visits.visit_entry import org_name
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.models.org_table_model import kind_labels
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.wrapping_label import WrappingLabel

ERROR_STYLE = "color: #c5221f;"


def error_label(name: str) -> QLabel:
    """A red, word-wrapped label for a field's message; hidden while there is none."""
    label = WrappingLabel(objectName=name)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_error(label: QLabel, message: str) -> None:
    """Show `message` in an error label, or hide the label when the message is empty."""
    label.setText(message)
    label.setVisible(bool(message))


class _EnterClicks(QObject):
    """Enter on a focused button clicks it (Qt does so only for a dialog's auto-default buttons)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QPushButton)
        ):
            watched.click()
            return True
        return super().eventFilter(watched, event)


_enter_clicks: _EnterClicks | None = None


def plain_buttons(*buttons: QPushButton) -> None:
    """Buttons that Enter clicks only when they have the focus.

    In a dialog, Qt makes some auto-default button the default one, so Enter in any field would
    press it; a half-typed form must not be saved (or a contact added) by a stray Enter.
    """
    global _enter_clicks
    if _enter_clicks is None:
        _enter_clicks = _EnterClicks()
    for button in buttons:
        button.setAutoDefault(False)
        button.setDefault(False)
        button.installEventFilter(_enter_clicks)


class OrgCreateForm(QFrame):
    """Name, kind and optional credit code of a new organization. A valid code already on file
    is named with its holder: the user picks that organization or corrects the code."""

    created = Signal(object, str)  # organization id, its name as stored
    cancelled = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("orgCreateForm")
        # A framed panel in the alternate base colour, drawn by the style (a style sheet here
        # would restyle every field of the form, and cost the visit dialog's opening).
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.name_edit = QLineEdit(objectName="newOrgName")
        self.name_edit.setAccessibleName(self.tr("New organization name"))
        self.kind_combo = QComboBox(objectName="newOrgKind")
        self.kind_combo.setAccessibleName(self.tr("New organization kind"))
        for code, label in kind_labels().items():
            self.kind_combo.addItem(label, code)
        self.code_edit = QLineEdit(objectName="newOrgCreditCode")
        self.code_edit.setAccessibleName(self.tr("Credit code"))
        self.code_edit.setPlaceholderText(self.tr("Optional, 18 characters"))
        self.name_error = error_label("newOrgNameError")
        self.code_error = error_label("creditCodeError")
        self.message = error_label("newOrgMessage")
        self.holder_note = error_label("codeHolderNote")
        self.use_holder_button = QPushButton(objectName="useCodeHolderButton")
        self.use_holder_button.hide()
        self._holder: tuple[uuid.UUID, str] | None = None
        self.create_button = QPushButton(self.tr("Create"), objectName="createOrgButton")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancelCreateOrgButton")
        plain_buttons(self.create_button, self.cancel_button, self.use_holder_button)
        self._build_layout()
        self.code_edit.textChanged.connect(self.check_code)
        self.name_edit.textChanged.connect(lambda: show_error(self.name_error, ""))
        for edit in (self.name_edit, self.code_edit):
            edit.returnPressed.connect(self.create)
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.cancel)
        self.use_holder_button.clicked.connect(self.use_holder)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.name_error)
        form.addRow(self.tr("&Kind"), self.kind_combo)
        form.addRow(self.tr("C&redit code"), self.code_edit)
        form.addRow(self.code_error)
        form.addRow(self.holder_note)
        holder = QHBoxLayout()
        holder.addWidget(self.use_holder_button)
        holder.addStretch(1)
        form.addRow(holder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 4)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        title = QLabel(self.tr("New organization"), objectName="orgCreateTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def open_for(self, text: str) -> None:
        """Show the form with the typed text as the name."""
        self.name_edit.setText(text.strip())
        self.kind_combo.setCurrentIndex(0)
        self.code_edit.clear()
        for label in (self.name_error, self.code_error, self.message):
            show_error(label, "")
        self.show()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def check_code(self) -> bool:
        """Validate the credit code as typed; show the reason in red when it is wrong, and the
        organization that holds it when it is already on file."""
        text = self.code_edit.text()
        self._show_holder(None)
        try:
            if text.strip():
                validate_credit_code(text)
        except InvalidCreditCode as exc:
            show_error(self.code_error, str(exc))
            return False
        show_error(self.code_error, "")
        if text.strip():
            self._show_holder(code_holder(self.db, text))
        return True

    def _show_holder(self, holder: tuple[uuid.UUID, str] | None) -> None:
        self._holder = holder
        name = holder[1] if holder else ""
        note = self.tr("This credit code is already on file for {name}.").format(name=name)
        show_error(self.holder_note, note if holder else "")
        self.use_holder_button.setText(self.tr("&Use {name}").format(name=name))
        self.use_holder_button.setVisible(holder is not None)

    def use_holder(self) -> None:
        """Pick the organization that holds the typed code (nothing is created or changed)."""
        if self._holder is not None:
            org_id, name = self._holder
            self.hide()
            self.created.emit(org_id, name)

    def _input(self) -> OrgInput | None:
        name = self.name_edit.text().strip()
        show_error(self.name_error, "" if name else self.tr("Enter the organization's name."))
        if not self.check_code():
            self.code_edit.setFocus()
            return None
        if not name:
            self.name_edit.setFocus()
            return None
        code = self.code_edit.text().strip() or None
        return OrgInput(name, kind=str(self.kind_combo.currentData()), credit_code=code)

    def create(self) -> None:
        """Create the organization (or find it by its code) and announce it."""
        data = self._input()
        if data is None:
            return
        if self._holder is not None:  # the code is the natural key: the user decides
            self.code_edit.setFocus()
            return
        show_error(self.message, "")
        create = Operation(self, lambda: save_org(self.db, data), changes=Changes.of(Kind.ORG))
        create.success(lambda saved: self._created(saved.id, data.name))
        create.failure(lambda sentence: show_error(self.message, sentence))
        create.run()

    def _created(self, org_id: uuid.UUID, typed: str) -> None:
        self.hide()
        self.created.emit(org_id, org_name(self.db, org_id) or typed)

    def cancel(self) -> None:
        """Close the form without creating anything."""
        self.hide()
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc closes this form only, not the dialog around it.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)
