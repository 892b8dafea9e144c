"""The team form's tables: members (name, home county, work group, promotion system) and, when
editing a team, its work groups (name, chain). Combos hold ids, chosen with `select_value`."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from fieldlog.services.team.team_edit import GroupRow, MemberRow
from fieldlog.ui.widgets.combo_values import UNKNOWN_ITEM_ROLE, index_of, select_value

NAME, COUNTY, GROUP, SYSTEM = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def choice_model(items: list[tuple[str, uuid.UUID]], parent: QObject) -> QStandardItemModel:
    """The list of a column's combos, "" (none) first, made once and shared by every row."""
    model = QStandardItemModel(parent)
    for text, value in [("", None), *items]:
        item = QStandardItem(text)
        item.setData(value, Qt.ItemDataRole.UserRole)
        model.appendRow(item)
    return model


def _combo(
    model: QStandardItemModel,
    value: uuid.UUID | None,
    gone: str | None = None,
    combo: QComboBox | None = None,
) -> QComboBox:
    """A combo over the shared list showing `value`; one the list lacks is kept, shown as `gone`
    (a county removed from the list: its name, marked) or else as 未知（id）."""
    combo = combo or QComboBox()
    combo.setModel(model)  # a list of its own it had is deleted by Qt
    if index_of(combo, value) < 0:
        # A value the list lacks gets a list of its own for its extra item.
        combo.setModel(QStandardItemModel(combo))
        for row in range(model.rowCount()):
            combo.addItem(model.item(row).text(), model.item(row).data(Qt.ItemDataRole.UserRole))
        if gone is not None and value is not None:
            combo.addItem(gone, value)
            combo.setItemData(combo.count() - 1, True, UNKNOWN_ITEM_ROLE)
    select_value(combo, value)
    return combo


class MembersTable(QTableWidget):
    """One member a row. Setting up, the group is a typed name (created as needed); editing,
    it is one of the team's groups."""

    def __init__(
        self,
        counties: list[tuple[str, uuid.UUID]],
        groups: list[tuple[str, uuid.UUID]] | None = None,
        parent: QWidget | None = None,
        *,
        county_names: dict[uuid.UUID, str] | None = None,
    ) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("membersTable")
        self.counties = choice_model(counties, self)
        # Every county's name, removed ones included, so a member's removed county shows by name.
        self.county_names = {**(county_names or {}), **{i: n for n, i in counties}}
        self.groups = choice_model(groups, self) if groups is not None else None
        headers = [self.tr("Name"), self.tr("Home county"), self.tr("Work group")]
        self.setHorizontalHeaderLabels([*headers, self.tr("Promotion system")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def add_row(self, member: MemberRow | None = None) -> int:
        """Append a member's row (an empty one for a new member); returns its index."""
        row = self.rowCount()
        self.insertRow(row)
        new = member is None
        member = member or MemberRow(None, "")
        name = QTableWidgetItem(member.name)
        name.setData(ID_ROLE, member.id)
        self.setItem(row, NAME, name)
        county = _combo(self.counties, member.county_id, self._gone(member.county_id))
        self.setCellWidget(row, COUNTY, county)
        if self.groups is not None:
            self.setCellWidget(row, GROUP, _combo(self.groups, member.group_id))
        system = QCheckBox()
        system.setChecked(member.from_promotion_system)
        self.setCellWidget(row, SYSTEM, system)
        if new:
            self.setCurrentCell(row, NAME)
        return row

    def _gone(self, county_id: uuid.UUID | None) -> str | None:
        name = self.county_names.get(county_id) if county_id is not None else None
        return self.tr("{0} (removed)").format(name) if name is not None else None

    def set_counties(self, counties: list[tuple[str, uuid.UUID]]) -> None:
        """Every row's county list follows the edited list; each row keeps its county, a removed
        one shown by name."""
        self.county_names.update({county_id: name for name, county_id in counties})
        old, self.counties = self.counties, choice_model(counties, self)
        for row in range(self.rowCount()):
            combo = self.combo(row, COUNTY)
            value = combo.currentData()
            combo.blockSignals(True)
            _combo(self.counties, value, self._gone(value), combo)
            combo.blockSignals(False)
        old.deleteLater()

    def text(self, row: int, column: int) -> str:
        """A cell's text, trimmed."""
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def member_id(self, row: int) -> uuid.UUID | None:
        """The saved member of a row; None for a row added in the form."""
        item = self.item(row, NAME)
        return item.data(ID_ROLE) if item is not None else None

    def combo(self, row: int, column: int) -> QComboBox:
        """The county or group combo of a row."""
        return self.cellWidget(row, column)  # type: ignore[return-value]

    def in_system(self, row: int) -> bool:
        """Whether the row's member comes from the promotion system."""
        return self.cellWidget(row, SYSTEM).isChecked()  # type: ignore[attr-defined]

    def member_row(self, row: int) -> MemberRow:
        """A row as the edit service takes it (the name as typed)."""
        item = self.item(row, NAME)
        return MemberRow(
            self.member_id(row),
            item.text() if item is not None else "",
            self.combo(row, COUNTY).currentData(),
            self.combo(row, GROUP).currentData(),
            self.in_system(row),
        )

    def rename_group(self, group_id: uuid.UUID, name: str) -> None:
        """Show a group's new name in every row's group list."""
        assert self.groups is not None
        for row in range(self.groups.rowCount()):
            if self.groups.item(row).data(Qt.ItemDataRole.UserRole) == group_id:
                self.groups.item(row).setText(name)


class GroupsTable(QTableWidget):
    """The team's work groups when editing: a name and the chain each works."""

    def __init__(
        self,
        groups: list[GroupRow],
        chains: list[tuple[str, uuid.UUID]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("groupsTable")
        self.setAccessibleName(self.tr("Work groups"))
        self.setHorizontalHeaderLabels([self.tr("Work group"), self.tr("Chain")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        chain_model = choice_model(chains, self)
        for group in groups:
            row = self.rowCount()
            self.insertRow(row)
            name = QTableWidgetItem(group.name)
            name.setData(ID_ROLE, group.id)
            self.setItem(row, 0, name)
            self.setCellWidget(row, 1, _combo(chain_model, group.chain_id))

    def group_rows(self) -> list[GroupRow]:
        """Each row as the edit service takes it."""
        rows = []
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            chain: QComboBox = self.cellWidget(row, 1)  # type: ignore[assignment]
            rows.append(GroupRow(item.data(ID_ROLE), item.text(), chain.currentData()))
        return rows
