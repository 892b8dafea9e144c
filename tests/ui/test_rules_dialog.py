"""The rules dialog (考核口径与预警规则): prefilled from the team, saved through the team's merge,
reflected in the figures at once, undoable, and refusing bad rules with nothing changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from fieldlog.domain.period import Period
from fieldlog.services.reports import stats
from fieldlog.services.team.rules import rules_sheet, save_rules
from fieldlog.store.database import Database
from fieldlog.store.repositories.rules import read_rules
from fieldlog.ui.actions import MainAction
from fieldlog.ui.dialogs.rules_dialog import RulesDialog
from fieldlog.ui.main_window import MainWindow
from fieldlog.ui.undo import undo_stack
from tests.field_dump import db_digest, field_diff, field_dump, history_count

DISPATCH = Period(date(2020, 3, 23), date(2020, 4, 22))


@pytest.fixture
def dialog(qtbot, demo_copy: Database) -> RulesDialog:
    widget = RulesDialog(demo_copy)
    qtbot.addWidget(widget)
    widget.open()
    return widget


def _save_button(dialog: RulesDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def _origin_items(dialog: RulesDialog) -> dict[str, object]:
    listed = dialog.excluded_origins_list
    return {listed.item(r).text(): listed.item(r) for r in range(listed.count())}


def test_the_dialog_shows_the_teams_rules(dialog: RulesDialog) -> None:
    assert dialog.objectName() == "rules_dialog"
    assert dialog.min_contract_edit.text() == "10000"  # 1亿元 in 万元
    assert dialog.follow_on_counted_check.isChecked()
    assert dialog.follow_on_min_edit.text() == "5000"
    spins = (dialog.yellow_days_spin, dialog.red_days_spin, dialog.retire_days_spin)
    assert [spin.value() for spin in spins] == [60, 90, 180]
    assert (dialog.lead_reply_days_spin.value(), dialog.lead_quota_spin.value()) == (3, 1)
    checked = {
        name
        for name, item in _origin_items(dialog).items()
        if item.checkState() == Qt.CheckState.Checked
    }
    assert checked == {
        "Investment by local enterprises",
        "Government funds",
    }  # the window speaks English
    assert not dialog.message.isVisible() and _save_button(dialog).isEnabled()


def test_saving_unchanged_changes_nothing(dialog: RulesDialog) -> None:
    db = dialog.db
    before, history = db_digest(db), history_count(db)
    dialog.accept()
    assert dialog.result() == RulesDialog.DialogCode.Accepted
    assert (db_digest(db), history_count(db)) == (before, history)
    assert undo_stack().count() == 0


def test_a_lower_minimum_counts_more_projects_at_once_and_undoes(dialog: RulesDialog) -> None:
    db = dialog.db
    old = stats.compute(db, DISPATCH)
    dump = field_dump(db)
    dialog.min_contract_edit.setText("5000")  # 5000万元
    dialog.accept()
    assert dialog.result() == RulesDialog.DialogCode.Accepted
    diff = field_diff(dump, field_dump(db))
    assert list(diff.values()) == [(100_000_000, 50_000_000)]
    assert [column for _table, _id, column in diff] == ["assess_min_contract_yuan"]
    new = stats.compute(db, DISPATCH)
    assert new.assessment.projects_signed > old.assessment.projects_signed
    assert new.projects_signed == old.projects_signed  # the plain figures stand
    undo_stack().undo()
    assert stats.compute(db, DISPATCH) == old
    assert field_diff(dump, field_dump(db)) == {}


def test_a_threshold_changed_is_the_teams_rule(dialog: RulesDialog) -> None:
    dialog.red_days_spin.setValue(100)
    dialog.accept()
    with dialog.db.read() as session:
        assert read_rules(session).warnings.red_days == 100


def test_red_not_after_yellow_is_refused_and_changes_nothing(qtbot, dialog: RulesDialog) -> None:
    db = dialog.db
    before, history = db_digest(db), history_count(db)
    dialog.red_days_spin.setValue(60)  # the same as yellow
    assert dialog.message.isVisible()
    assert "must rise from yellow to red to retirement, but they are 60, 60 and 180" in (
        dialog.message.text()
    )
    assert not _save_button(dialog).isEnabled()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != RulesDialog.DialogCode.Accepted
    assert (db_digest(db), history_count(db)) == (before, history)
    dialog.red_days_spin.setValue(61)  # corrected: the message goes
    assert not dialog.message.isVisible() and _save_button(dialog).isEnabled()


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "enter an amount in 10k yuan"), ("-1", "cannot be negative"), ("abc", "Minimum")],
)
def test_a_bad_amount_is_refused_and_changes_nothing(dialog: RulesDialog, text, words) -> None:
    db = dialog.db
    before = db_digest(db)
    dialog.min_contract_edit.setText(text)
    assert words in dialog.message.text() and dialog.message.text().startswith("Minimum amount")
    dialog.accept()
    assert db_digest(db) == before


def test_follow_on_projects_left_out_and_an_origin_counted_again(dialog: RulesDialog) -> None:
    db = dialog.db
    dialog.follow_on_counted_check.setChecked(False)
    assert not dialog.follow_on_min_edit.isEnabled()
    checked = [
        item
        for item in _origin_items(dialog).values()
        if item.checkState() == Qt.CheckState.Checked
    ]
    checked[0].setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    with db.read() as session:
        rules = read_rules(session).assessment
    assert rules.follow_on_min_yuan is None and len(rules.excluded_origins) == 1
    again = RulesDialog(db)
    assert not again.follow_on_counted_check.isChecked()
    assert again.follow_on_min_edit.text() == "5000"  # the shipped minimum, ready to count
    before = db_digest(db)
    assert again.save() and db_digest(db) == before
    again.deleteLater()


def test_the_edit_menu_opens_it(qtbot, demo_copy: Database) -> None:
    window = MainWindow(demo_copy)
    qtbot.addWidget(window)
    action = window.main_actions[MainAction.EDIT_RULES]
    assert action.isEnabled()
    action.trigger()
    opened = window.findChild(RulesDialog, "rules_dialog")
    assert opened is not None and opened.isVisible()
    opened.reject()


def test_a_clash_with_another_users_rules_is_said_and_changes_nothing(dialog: RulesDialog) -> None:
    db = dialog.db
    loaded = rules_sheet(db)
    assert loaded is not None
    # Meanwhile another user brings red down to 80 days.
    save_rules(db, loaded, replace(loaded, team=replace(loaded.team, red_days=80)))
    before, history = db_digest(db), history_count(db)
    dialog.yellow_days_spin.setValue(85)  # fine beside the 90 this dialog shows
    assert _save_button(dialog).isEnabled()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != RulesDialog.DialogCode.Accepted
    assert "but they are 85, 80 and 180" in dialog.message.text()
    assert (db_digest(db), history_count(db)) == (before, history)
    assert undo_stack().count() == 0
