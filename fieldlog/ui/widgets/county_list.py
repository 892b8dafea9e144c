"""The team's home counties (派出区县) in the team form: one a line, added, renamed in place,
removed and moved up or down. Nothing is saved here: the form saves the list with the team."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.team.counties import County, new_county

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CountyList(QWidget):
    """The list of home counties; `changed` tells the members' county lists to follow it."""

    changed = Signal()

    def __init__(self, counties: list[County], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countyEditor")
        self.list = QListWidget(objectName="countyList")
        self.list.setAccessibleName(self.tr("Home counties"))
        for county in counties:
            self._append(county)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.currentRowChanged.connect(self._enable)
        self.add_button = self._button("addCountyButton", self.tr("Add"), self.add)
        self.rename_button = self._button("renameCountyButton", self.tr("Rename"), self.rename)
        self.remove_button = self._button("removeCountyButton", self.tr("Remove"), self.remove)
        self.up_button = self._button("countyUpButton", self.tr("Up"), lambda: self.shift(-1))
        self.down_button = self._button("countyDownButton", self.tr("Down"), lambda: self.shift(1))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch()
        beside = QHBoxLayout()
        beside.addWidget(self.list, 1)
        beside.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Home counties")))
        layout.addLayout(beside)
        self._enable(self.list.currentRow())

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        return button

    def _append(self, county: County) -> QListWidgetItem:
        item = QListWidgetItem(county.name)
        item.setData(ID_ROLE, county.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def _enable(self, row: int) -> None:
        chosen = row >= 0
        for button in (self.rename_button, self.remove_button):
            button.setEnabled(chosen)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(chosen and row < self.list.count() - 1)

    def counties(self) -> list[County]:
        """The list as it now stands (names as typed: the service cleans and checks them)."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [County(item.data(ID_ROLE), item.text()) for item in items]

    def county_id(self, row: int) -> uuid.UUID:
        """The county of a line."""
        return self.list.item(row).data(ID_ROLE)

    def add(self) -> QListWidgetItem:
        """A new county at the end, its name being typed."""
        item = self._append(new_county())
        self.list.setCurrentItem(item)
        self.list.editItem(item)
        self.changed.emit()
        return item

    def rename(self) -> None:
        """Type a new name for the chosen county."""
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def remove(self) -> None:
        """Take the chosen county off the list (a member who has it keeps it)."""
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._enable(self.list.currentRow())
            self.changed.emit()

    def shift(self, step: int) -> None:
        """Move the chosen county up (-1) or down (+1)."""
        row = self.list.currentRow()
        if row < 0 or not 0 <= row + step < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(row + step, item)
        self.list.setCurrentRow(row + step)
        self.changed.emit()
