"""The small form that names a chain, or names and places a link."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.team.chains import LinkInfo, LinkInput
from fieldlog.ui.widgets.chain_link_tile import position_names
from fieldlog.ui.widgets.combo_values import select_value


class NameForm(QDialog):
    """Asks for a chain's name, or a link's name, position and parent; stays open when refused."""

    def __init__(
        self,
        title: str,
        submit: Callable[[NameForm], bool],
        parent: QWidget | None = None,
        *,
        link: LinkInput | None = None,
        parents: list[LinkInfo] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chainNameForm")
        self.setWindowTitle(title)
        self.submit = submit
        self.name_edit = QLineEdit(link.name if link else "")
        self.name_edit.setObjectName("chainFormName")
        self.name_edit.setAccessibleName(self.tr("Name"))
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        self.position_combo = QComboBox(objectName="chainFormPosition")
        self.parent_combo = QComboBox(objectName="chainFormParent")
        if parents is not None:
            self._link_fields(form, link or LinkInput(""), parents)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("saveButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def _link_fields(self, form: QFormLayout, link: LinkInput, parents: list[LinkInfo]) -> None:
        self.position_combo.setAccessibleName(self.tr("Position in the chain"))
        for code, name in position_names().items():
            self.position_combo.addItem(name, code)
        select_value(self.position_combo, link.position)  # a newer code kept as Unknown
        self.parent_combo.setAccessibleName(self.tr("Under which link"))
        self.parent_combo.addItem(self.tr("(top level)"), None)
        for other in parents:
            self.parent_combo.addItem(other.name, other.id)
        # A parent the list does not offer stays as 未知, so an unchanged save keeps it.
        select_value(self.parent_combo, link.parent_id)
        form.addRow(self.tr("&Position"), self.position_combo)
        form.addRow(self.tr("&Under"), self.parent_combo)

    def link_input(self) -> LinkInput:
        """The link as entered."""
        position = self.position_combo.currentData() or "midstream"
        return LinkInput(self.name_edit.text(), position, self.parent_combo.currentData())

    def accept(self) -> None:
        """Make the change; close only when it was accepted (a refusal was shown)."""
        if self.submit(self):
            super().accept()
