"""First start: set up your own team — name, dispatch period, members and their work groups."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services import setup
from fieldlog.services.team import TeamInput
from fieldlog.services.workspace import county_names
from fieldlog.store.database import Database
from fieldlog.ui import operations

NAME, COUNTY, GROUP, SYSTEM = range(4)


class TeamSetupDialog(QDialog):
    """Collects the team and its members, then creates them in one transaction."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("teamSetupDialog")
        self.setWindowTitle(self.tr("Set up your team"))
        self.resize(760, 560)
        self._counties = county_names(db)
        self.team_name = QLineEdit(objectName="teamNameEdit")
        self.team_name.setPlaceholderText(self.tr("e.g. 铜仁市驻深招商工作队"))
        self.reporting_unit = QLineEdit(objectName="reportingUnitEdit")
        self.start = self._date_edit("dispatchStartEdit", QDate.currentDate())
        self.end = self._date_edit("dispatchEndEdit", QDate.currentDate().addMonths(3))
        self.members = QTableWidget(0, 4, objectName="membersTable")
        self.members.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Home county"),
                self.tr("Work group"),
                self.tr("Promotion system"),
            ]
        )
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.me = QComboBox(objectName="meCombo")
        self.message = QLabel(objectName="setupMessage")
        self.message.setStyleSheet("color: #c5221f;")
        self.message.setWordWrap(True)
        self._lay_out()
        self.add_member_row()

    def _date_edit(self, name: str, day: QDate) -> QDateEdit:
        edit = QDateEdit(day, objectName=name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Team name"), self.team_name)
        form.addRow(self.tr("Reporting unit"), self.reporting_unit)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("—"))
        period.addWidget(self.end)
        period.addStretch()
        form.addRow(self.tr("Dispatch period"), period)
        add = QPushButton(self.tr("Add member"), objectName="addMemberButton")
        add.clicked.connect(self.add_member_row)
        remove = QPushButton(self.tr("Remove member"), objectName="removeMemberButton")
        remove.clicked.connect(self._remove_row)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch()
        buttons_row.addWidget(QLabel(self.tr("I am")))
        buttons_row.addWidget(self.me)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create team"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("createTeamButton")
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("Members (one row each; a work group is created per name)"))
        )
        layout.addWidget(self.members, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def add_member_row(self) -> None:
        """Append an empty member row and put the cursor in its name cell."""
        row = self.members.rowCount()
        self.members.insertRow(row)
        county = QComboBox()
        county.addItem("", "")
        for name in self._counties:
            county.addItem(name, name)
        self.members.setCellWidget(row, COUNTY, county)
        system = QCheckBox()
        system.setChecked(True)
        self.members.setCellWidget(row, SYSTEM, system)
        self.members.itemChanged.connect(self._refresh_me)
        self.members.setCurrentCell(row, NAME)
        self._refresh_me()

    def _remove_row(self) -> None:
        if self.members.rowCount() > 1:
            self.members.removeRow(self.members.currentRow())
            self._refresh_me()

    def _text(self, row: int, column: int) -> str:
        item = self.members.item(row, column)
        return item.text().strip() if item is not None else ""

    def _refresh_me(self) -> None:
        chosen = self.me.currentText()
        self.me.blockSignals(True)
        self.me.clear()
        for row in range(self.members.rowCount()):
            if name := self._text(row, NAME):
                self.me.addItem(name, row)
        self.me.setCurrentIndex(max(0, self.me.findText(chosen)))
        self.me.blockSignals(False)

    def setup_data(self) -> setup.TeamSetup:
        """What the form holds, as the set-up service takes it (empty rows left out)."""
        members, me = [], None
        for row in range(self.members.rowCount()):
            name = self._text(row, NAME)
            if not name:
                continue
            if self.me.currentData() == row:
                me = len(members)
            county: QComboBox = self.members.cellWidget(row, COUNTY)  # type: ignore[assignment]
            system: QCheckBox = self.members.cellWidget(row, SYSTEM)  # type: ignore[assignment]
            role = "team_leader" if not members else "member"
            members.append(
                setup.NewMember(
                    name,
                    county.currentData() or None,
                    self._text(row, GROUP),
                    system.isChecked(),
                    role,
                )
            )
        team = TeamInput(
            self.team_name.text(),
            reporting_unit=self.reporting_unit.text(),
            dispatch_start=self.start.date().toPython(),
            dispatch_end=self.end.date().toPython(),
        )
        return setup.TeamSetup(team, members, me)

    def create(self) -> None:
        """Create the team; a refusal stays in the dialog as a red message."""
        try:
            setup.set_up_team(self.db, self.setup_data())
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        operations.changes().changes_applied.emit(None)
        self.accept()

    def keyPressEvent(self, event) -> None:
        # Enter in the members table adds the next row instead of closing the dialog.
        if self.members.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_member_row()
            return
        super().keyPressEvent(event)
