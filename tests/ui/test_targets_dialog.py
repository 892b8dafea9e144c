"""The targets dialog: prefilled values, saving in 亿元, clearing, undo, and refusing bad input."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from fieldlog.domain.period import Period
from fieldlog.services.admin.maintenance import digest
from fieldlog.services.reports import targets
from fieldlog.services.team import team
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.targets_dialog import TargetsDialog
from fieldlog.ui.undo import undo_stack

TODAY = date(2020, 4, 22)
DISPATCH = Period(date(2020, 3, 23), TODAY)
APRIL = Period(date(2020, 4, 1), date(2020, 4, 30))


@dataclass
class Team:
    """Ids of a small team."""

    team: uuid.UUID
    group: uuid.UUID
    member: uuid.UUID


@pytest.fixture
def small(db: Database) -> Team:
    team_id = team.save_team(
        db, team.TeamInput("测试工作队", dispatch_start=DISPATCH.start, dispatch_end=DISPATCH.end)
    )
    group = team.save_group(db, "物流组", team_id=team_id)
    member = team.save_member(
        db, team.MemberInput("李娜", group_id=group, county="碧江区"), team_id=team_id
    )
    return Team(team_id, group, member)


@pytest.fixture
def dialog(qtbot, db: Database, small: Team) -> TargetsDialog:
    targets.set_target(db, "team", small.team, "enterprises_visited", DISPATCH, 300)
    targets.set_target(db, "team", small.team, "contract_amount_yuan", DISPATCH, 2_500_000_000)
    widget = TargetsDialog(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.open()
    return widget


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a, **_k: shown.append(text))
    return shown


def choose(combo, key: str) -> None:
    combo.setCurrentIndex(combo.findData(key))


def type_into(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def save_button(dialog: TargetsDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_the_teams_dispatch_targets_are_prefilled(dialog: TargetsDialog) -> None:
    assert dialog.objectName() == "targetsDialog"
    assert dialog.scope_kind.currentData() == "team"
    assert dialog.period_edit.kind() == "dispatch"
    assert dialog.fields["enterprises_visited"].text() == "300"
    assert dialog.fields["contract_amount_yuan"].text() == "25"  # 亿元, as the return reports it
    assert dialog.fields["visits"].text() == ""
    assert not dialog.period_edit.from_edit.isEnabled()


def test_save_stores_yuan_and_undo_restores(qtbot, dialog: TargetsDialog, db, small) -> None:
    type_into(qtbot, dialog.fields["funds_in_place_yuan"], "4")
    type_into(qtbot, dialog.fields["enterprises_visited"], "320")
    dialog.fields["contract_amount_yuan"].clear()  # clears that target
    qtbot.keyClick(dialog.fields["visits"], Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible()
    assert targets.targets_for(db, "team", small.team, DISPATCH) == {
        "enterprises_visited": 320,
        "funds_in_place_yuan": 400_000_000,
    }
    undo_stack().undo()
    assert targets.targets_for(db, "team", small.team, DISPATCH) == {
        "enterprises_visited": 300,
        "contract_amount_yuan": 2_500_000_000,
    }
    undo_stack().redo()
    assert targets.targets_for(db, "team", small.team, DISPATCH)["enterprises_visited"] == 320


def test_a_member_for_a_month(qtbot, dialog: TargetsDialog, db, small) -> None:
    choose(dialog.scope_kind, "member")
    assert dialog.scope_combo.currentText() == "李娜"
    dialog.period_edit.select("month")
    dialog.period_edit.month_edit.setDate(QDate(2020, 4, 1))
    assert dialog.fields["enterprises_visited"].text() == ""  # nothing set for her yet
    assert dialog.period() == APRIL
    type_into(qtbot, dialog.fields["visits"], "30")
    qtbot.mouseClick(dialog.findChild(object, "applyTargetsButton"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.status.text() == "Saved."
    assert targets.targets_for(db, "member", small.member, APRIL) == {"visits": 30}


def test_a_county_for_a_year_and_a_group_for_custom_dates(
    qtbot, dialog: TargetsDialog, db, small
) -> None:
    choose(dialog.scope_kind, "county")
    assert dialog.scope_combo.count() == 12  # every county of the catalog
    dialog.period_edit.select("year")
    dialog.period_edit.year_spin.setValue(2021)
    type_into(qtbot, dialog.fields["projects_signed"], "3")
    assert dialog.save()
    county = dialog.scope_combo.currentData()
    year = Period(date(2021, 1, 1), date(2021, 12, 31))
    assert targets.targets_for(db, "county", county, year) == {"projects_signed": 3}
    choose(dialog.scope_kind, "group")
    dialog.period_edit.select("custom")
    dialog.period_edit.from_edit.setDate(QDate(2020, 4, 6))
    dialog.period_edit.to_edit.setDate(QDate(2020, 4, 19))
    type_into(qtbot, dialog.fields["leads_new"], "4")
    dialog.accept()
    custom = Period(date(2020, 4, 6), date(2020, 4, 19))
    assert targets.targets_for(db, "group", small.group, custom) == {"leads_new": 4}


def test_clear_all_then_save_clears_every_target(qtbot, dialog: TargetsDialog, db, small) -> None:
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert all(edit.text() == "" for edit in dialog.fields.values())
    dialog.accept()
    assert targets.targets_for(db, "team", small.team, DISPATCH) == {}


@pytest.mark.parametrize(
    ("metric", "text", "message"),
    [
        ("visits", "abc", "Visits: enter a whole number."),
        ("visits", "2.5", "Visits: enter a whole number."),
        ("leads_new", "-5", "New leads: a target cannot be negative."),
        (
            "contract_amount_yuan",
            "lots",
            "Contract amount (100M yuan): enter an amount in 100M yuan, such as 25 or 4.389.",
        ),
        ("funds_in_place_yuan", "-1", "Funds in place (100M yuan): a target cannot be negative."),
        (
            "contract_amount_yuan",
            "1.000000001",
            "Contract amount (100M yuan): enter an amount in 100M yuan, such as 25 or 4.389.",
        ),
    ],
)
def test_bad_values_are_refused_and_change_nothing(
    qtbot, dialog: TargetsDialog, db, warnings, metric: str, text: str, message: str
) -> None:
    before = digest(db)
    type_into(qtbot, dialog.fields[metric], text)
    assert dialog.message.text() == message
    assert not save_button(dialog).isEnabled()
    qtbot.keyClick(dialog.fields[metric], Qt.Key.Key_Return)
    dialog.accept()
    assert dialog.isVisible() and warnings == []
    assert digest(db) == before
    type_into(qtbot, dialog.fields[metric], "7")
    assert dialog.message.text() == "" and save_button(dialog).isEnabled()


def test_a_period_ending_before_it_starts_is_refused(
    qtbot, dialog: TargetsDialog, db, warnings
) -> None:
    before = digest(db)
    dialog.period_edit.select("custom")
    assert dialog.period_edit.from_edit.isEnabled()
    dialog.period_edit.from_edit.setDate(QDate(2020, 4, 30))
    dialog.period_edit.to_edit.setDate(QDate(2020, 4, 1))
    type_into(qtbot, dialog.fields["visits"], "10")
    assert "ends before it starts" in dialog.message.text()
    assert not dialog.save()
    dialog.accept()
    assert dialog.isVisible() and digest(db) == before and warnings == []


def test_escape_cancels_without_saving(qtbot, dialog: TargetsDialog, db) -> None:
    before = digest(db)
    type_into(qtbot, dialog.fields["visits"], "99")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and digest(db) == before


def test_a_refusal_by_the_service_is_shown(qtbot, dialog: TargetsDialog, db, small, warnings):
    choose(dialog.scope_kind, "group")
    with db.begin() as session:  # the group is deleted on another laptop, say
        from fieldlog.store.models import WorkGroup

        session.get(WorkGroup, small.group).deleted = True
    before = digest(db)
    type_into(qtbot, dialog.fields["visits"], "5")
    dialog.accept()
    assert dialog.isVisible() and len(warnings) == 1 and "group" in warnings[0]
    assert digest(db) == before


def test_a_dispatch_without_an_end_offers_no_dispatch_targets(qtbot, db: Database) -> None:
    team.save_team(db, team.TeamInput("测试工作队", dispatch_start=DISPATCH.start))
    widget = TargetsDialog(db, today=TODAY)
    qtbot.addWidget(widget)
    kinds = [widget.period_edit.kind_combo.itemData(i) for i in range(4)]
    assert kinds == ["month", "year", "custom", None]
    assert widget.period() == APRIL
