"""The team form. First start: set up your own team — name, dispatch period, who signs the weekly
return, home counties, members and their work groups. Later (`edit=True`): correct the team, its
counties, members and groups; only what is changed is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.catalogs import display_name
from fieldlog.services.team import chains, identity, setup
from fieldlog.services.team.counties import county_list, county_names
from fieldlog.services.team.team import TeamInput
from fieldlog.services.team.team_edit import TeamSheet, save_team_sheet, team_sheet
from fieldlog.store.database import Database
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.operations import Operation
from fieldlog.ui.widgets.combo_values import index_of
from fieldlog.ui.widgets.county_list import CountyList
from fieldlog.ui.widgets.encrypt_new import EncryptNewBox
from fieldlog.ui.widgets.team_tables import (
    COUNTY,
    GROUP,
    ID_ROLE,
    NAME,
    GroupsTable,
    MembersTable,
)


def _qdate(day: date | None, default: QDate) -> QDate:
    return QDate(day.year, day.month, day.day) if day else default


#: The team, its members and work groups, and its counties (a vocabulary).
TEAM = Changes.of(Kind.TEAM, Kind.CATALOG)


class TeamSetupDialog(QDialog):
    """Collects the team and its members, then creates (or, editing, saves) them at once. With
    `offer_encryption`, setting up first encrypts the still empty database (on by default):
    `converted` then carries what the app reopens, and the team is created in the new window."""

    converted = Signal(object)

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        edit: bool = False,
        offer_encryption: bool = False,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.encryption = EncryptNewBox() if offer_encryption and not edit else None
        self.setObjectName("teamSetupDialog")
        self.sheet: TeamSheet | None = team_sheet(db) if edit else None
        self.shown_dates: tuple[QDate, QDate] | None = None
        self.setWindowTitle(self.tr("Team and members") if edit else self.tr("Set up your team"))
        self.resize(900, 680 if edit else 600 if self.encryption is None else 760)
        self.team_name = QLineEdit(objectName="teamNameEdit")
        self.team_name.setPlaceholderText(self.tr("e.g. 铜仁市驻深招商工作队"))
        self.reporting_unit = QLineEdit(objectName="reportingUnitEdit")
        self.start = self._date_edit("dispatchStartEdit", QDate.currentDate())
        self.end = self._date_edit("dispatchEndEdit", QDate.currentDate().addMonths(3))
        self.preparer = QLineEdit(objectName="returnPreparerEdit")
        self.reviewer = QLineEdit(objectName="returnReviewerEdit")
        self.phone = QLineEdit(objectName="returnPhoneEdit")
        sheet = self.sheet
        self.shown_counties = sheet.counties if sheet else county_list(db)
        self.counties = CountyList(self.shown_counties)
        groups = [(g.name, g.id) for g in sheet.groups] if sheet else None
        choices = [(display_name(c.id, c.name), c.id) for c in self.shown_counties]
        self.members = MembersTable(choices, groups, county_names=county_names(db))
        self.counties.changed.connect(self._counties_edited)
        self.groups: GroupsTable | None = None
        if sheet is not None:
            chain_items = [(display_name(c.id, c.name), c.id) for c in chains.chain_tree(db)]
            self.groups = GroupsTable(sheet.groups, chain_items)
            self.groups.itemChanged.connect(self._group_renamed)
        self.me = QComboBox(objectName="meCombo")
        self.message = QLabel(objectName="setupMessage")
        self.message.setStyleSheet("color: #c5221f;")
        self.message.setWordWrap(True)
        self._lay_out()
        self.members.itemChanged.connect(self._refresh_me)
        self.members.currentCellChanged.connect(self._enable_remove)
        if sheet is None:
            self.add_member_row()
        else:
            self._load(sheet)

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
        signed = QHBoxLayout()
        for label, edit in (
            (self.tr("Return prepared by"), self.preparer),
            (self.tr("Reviewed by"), self.reviewer),
            (self.tr("Contact phone"), self.phone),
        ):
            edit.setAccessibleName(label)
            signed.addWidget(QLabel(label))
            signed.addWidget(edit, 1)
        form.addRow(self.tr("Weekly return"), signed)
        add = QPushButton(self.tr("Add member"), objectName="addMemberButton")
        add.clicked.connect(self.add_member_row)
        self.remove_button = QPushButton(self.tr("Remove member"), objectName="removeMemberButton")
        self.remove_button.clicked.connect(self._remove_row)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch()
        buttons_row.addWidget(QLabel(self.tr("I am")))
        buttons_row.addWidget(self.me)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        text = self.tr("Members (one row each; a work group is created per name)")
        layout.addWidget(QLabel(text if self.sheet is None else self.tr("Members")))
        tables = QHBoxLayout()
        tables.addWidget(self.members, 5)
        tables.addWidget(self.counties, 2)
        layout.addLayout(tables, 2)
        layout.addLayout(buttons_row)
        if self.groups is not None:
            layout.addWidget(QLabel(self.tr("Work groups")))
            layout.addWidget(self.groups, 1)
        if self.encryption is not None:
            self.encryption.edited.connect(self.message.clear)
            layout.addWidget(self.encryption)
        layout.addWidget(self.message)
        layout.addWidget(self._buttons())

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self.sheet is None:
            ok.setText(self.tr("Create team"))
            ok.setObjectName("createTeamButton")
            buttons.accepted.connect(self.create)
        else:
            ok.setText(self.tr("Save"))
            ok.setObjectName("saveButton")
            buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons

    def _load(self, sheet: TeamSheet) -> None:
        team = sheet.team
        self.team_name.setText(team.name)
        self.reporting_unit.setText(team.reporting_unit)
        self.preparer.setText(team.return_preparer)
        self.reviewer.setText(team.return_reviewer)
        self.phone.setText(team.return_phone)
        # A date the team has not set shows today's; saved only if the user changes it.
        self.start.setDate(_qdate(team.dispatch_start, self.start.date()))
        self.end.setDate(_qdate(team.dispatch_end, self.end.date()))
        self.shown_dates = (self.start.date(), self.end.date())
        self.members.blockSignals(True)
        for member in sheet.members:
            self.members.add_row(member)
        self.members.blockSignals(False)
        self._refresh_me()
        me = identity.get_me(self.db)
        ids = [self.members.member_id(row) for row in range(self.members.rowCount())]
        self.me.setCurrentIndex(index_of(self.me, ids.index(me)) if me in ids else -1)

    def add_member_row(self) -> None:
        """Append an empty member row and put the cursor in its name cell."""
        self.members.add_row()
        self._refresh_me()

    def _enable_remove(self, row: int, *_: int) -> None:
        # A saved member stays: removing one from the team is not what this form does.
        self.remove_button.setEnabled(self.members.member_id(row) is None)

    def _remove_row(self) -> None:
        row = self.members.currentRow()
        if self.members.rowCount() > 1 and self.members.member_id(row) is None:
            self.members.removeRow(row)
            self._refresh_me()

    def _counties_edited(self) -> None:
        self.members.set_counties([(c.name.strip(), c.id) for c in self.counties.counties()])

    def _group_renamed(self, item) -> None:
        self.members.rename_group(item.data(ID_ROLE), item.text())

    def _refresh_me(self) -> None:
        chosen = self.me.currentText()
        self.me.blockSignals(True)
        self.me.clear()
        for row in range(self.members.rowCount()):
            if name := self.members.text(row, NAME):
                self.me.addItem(name, row)
        found = self.me.findText(chosen) if chosen else -1
        # Setting up, the first member is the likely user; editing, nobody is chosen for you.
        self.me.setCurrentIndex(found if found >= 0 or self.sheet else max(0, found))
        self.me.blockSignals(False)

    def _team_input(self) -> TeamInput:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        signed = (self.preparer.text(), self.reviewer.text(), self.phone.text())
        if self.sheet is None:
            name, unit = self.team_name.text(), self.reporting_unit.text()
            return TeamInput(name, "", "", unit, start, end, *signed)  # type: ignore[arg-type]
        shown, team = self.shown_dates, self.sheet.team
        assert shown is not None
        return TeamInput(
            self.team_name.text(),
            team.home_city,
            team.host_city,
            self.reporting_unit.text(),
            team.dispatch_start if self.start.date() == shown[0] else start,  # type: ignore[arg-type]
            team.dispatch_end if self.end.date() == shown[1] else end,  # type: ignore[arg-type]
            *signed,
        )

    def setup_data(self) -> setup.TeamSetup:
        """What the form holds, as the set-up service takes it (empty rows left out)."""
        members, me = [], None
        for row in range(self.members.rowCount()):
            name = self.members.text(row, NAME)
            if not name:
                continue
            if self.me.currentData() == row:
                me = len(members)
            role = "team_leader" if not members else "member"
            county = self.members.combo(row, COUNTY).currentData()
            group = self.members.text(row, GROUP)
            system = self.members.in_system(row)
            members.append(setup.NewMember(name, county, group, system, role))
        counties = self.counties.counties()
        return setup.TeamSetup(self._team_input(), members, me, counties, self.shown_counties)

    def create(self) -> None:
        """Create the team; a refusal stays in the dialog as a red message."""
        data = self.setup_data()
        if self.encryption is not None and self.encryption.wanted():
            self._encrypt_then_create(data)
            return
        create = Operation(self, lambda: setup.set_up_team(self.db, data), changes=TEAM)
        create.success(lambda _result: self.accept())
        create.failure(self.message.setText)
        create.run()

    def _encrypt_then_create(self, data: setup.TeamSetup) -> None:
        """Check the form, encrypt the empty database, and have the team created on it before
        the app's new window shows it; a refusal is said here and changes nothing."""
        from fieldlog.ui.dialogs.team_setup_encryption import encrypt_then_set_up

        assert self.encryption is not None
        reopen = encrypt_then_set_up(self, self.db, self.encryption, data)
        if isinstance(reopen, str):
            self.message.setText(reopen)
            return
        self.accept()
        self.converted.emit(reopen)

    def edited_sheet(self) -> TeamSheet:
        """The team as the form now holds it (rows added without a name left out)."""
        assert self.sheet is not None and self.groups is not None
        rows = range(self.members.rowCount())
        members = [
            self.members.member_row(row)
            for row in rows
            if self.members.member_id(row) is not None or self.members.text(row, NAME)
        ]
        groups, counties = self.groups.group_rows(), self.counties.counties()
        return TeamSheet(self.sheet.team_id, self._team_input(), members, groups, counties)

    def save(self) -> bool:
        """Save what was changed and close; a refusal stays in the dialog as a red message."""
        assert self.sheet is not None
        edited = self.edited_sheet()
        me_row = self.me.currentData()
        sheet = self.sheet

        def save() -> None:
            with self.db.begin():  # one change: retried whole while another FieldLog writes
                ids = save_team_sheet(self.db, sheet, edited)
                chosen = self.members.member_id(me_row) if me_row is not None else None
                if me_row is not None and chosen != identity.get_me(self.db):
                    identity.set_me(self.db, ids[self._saved_index(me_row)])

        operation = Operation(self, save, changes=TEAM)
        operation.success(lambda _result: self.accept())
        operation.failure(self.message.setText)
        return operation.run().ok

    def _saved_index(self, row: int) -> int:
        kept = [
            r
            for r in range(self.members.rowCount())
            if self.members.member_id(r) is not None or self.members.text(r, NAME)
        ]
        return kept.index(row)

    def keyPressEvent(self, event) -> None:
        # Enter in the members table adds the next row instead of closing the dialog.
        if self.members.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_member_row()
            return
        super().keyPressEvent(event)
