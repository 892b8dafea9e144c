"""The team passphrase: typed twice, masked, its rule shown, asked once before the first sync."""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from fieldlog.services.exchange import sync
from fieldlog.services.team import team
from fieldlog.ui.actions import MainAction
from fieldlog.ui.dialogs.passphrase_dialog import PassphraseDialog
from fieldlog.ui.dialogs.sync_report_dialog import SyncReportDialog
from fieldlog.ui.dialogs.sync_send_dialog import SyncSendDialog
from fieldlog.ui.main_window import MainWindow

# The shared fixtures: imported here, pytest finds them by name.
from tests.ui.test_sync_laptops import (  # noqa: F401
    PASSPHRASE,
    leader_and_cadre,
    make_laptop,
    open_files,
    sync_template,
)

GOOD = "team 2020 Shenzhen"


def dialog_for(qtbot, db, **kwargs) -> PassphraseDialog:
    dialog = PassphraseDialog(db, **kwargs)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def type_twice(qtbot, dialog: PassphraseDialog, first: str, second: str) -> None:
    qtbot.keyClicks(dialog.first, first)
    qtbot.keyClicks(dialog.second, second)
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)


def test_entries_are_masked_and_the_rule_is_shown(qtbot, db) -> None:
    dialog = dialog_for(qtbot, db)
    assert dialog.first.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.second.echoMode() == QLineEdit.EchoMode.Password
    assert "8–200 characters" in dialog.rule.text()


def test_two_different_entries_are_refused(qtbot, db) -> None:
    dialog = dialog_for(qtbot, db)
    type_twice(qtbot, dialog, GOOD, GOOD + "x")
    assert dialog.isVisible() and "differ" in dialog.message.text()
    assert not sync.has_passphrase(db)


def test_a_short_passphrase_is_refused(qtbot, db) -> None:
    dialog = dialog_for(qtbot, db)
    type_twice(qtbot, dialog, "short", "short")
    assert dialog.isVisible() and "at least 8 characters" in dialog.message.text()
    dialog.first.clear()
    assert dialog.message.text() == ""  # typing again clears the message
    assert not sync.has_passphrase(db)


def test_enter_saves_the_passphrase(qtbot, db) -> None:
    dialog = dialog_for(qtbot, db)
    type_twice(qtbot, dialog, GOOD, GOOD)
    assert not dialog.isVisible() and sync.has_passphrase(db)


def test_escape_cancels(qtbot, db) -> None:
    dialog = dialog_for(qtbot, db)
    qtbot.keyClicks(dialog.first, GOOD)
    qtbot.keyClick(dialog.first, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not sync.has_passphrase(db)


def test_the_first_send_asks_for_the_passphrase_once(qtbot, make_laptop) -> None:
    laptop = make_laptop("new", passphrase=None)
    team.save_team(laptop.db, team.TeamInput("测试工作队"))  # Send waits for a team
    win = MainWindow(laptop.db)
    qtbot.addWidget(win)
    win.show()
    win.main_actions[MainAction.SEND_WORK].trigger()
    [asked] = win.findChildren(PassphraseDialog)
    assert asked.isVisible() and win.findChildren(SyncSendDialog) == []
    type_twice(qtbot, asked, GOOD, GOOD)
    [send] = win.findChildren(SyncSendDialog)  # the send goes on
    send.close()
    qtbot.waitUntil(lambda: not win.findChildren(PassphraseDialog))
    win.main_actions[MainAction.SEND_WORK].trigger()  # not asked again
    assert win.findChildren(PassphraseDialog) == []


def test_the_first_receive_asks_then_receives(qtbot, leader_and_cadre, make_laptop):
    leader, _cadre = leader_and_cadre
    newcomer = make_laptop("newcomer", passphrase=None)
    package = leader.export("full", full=True)
    win = MainWindow(newcomer.db)
    qtbot.addWidget(win)
    win.show()
    # No team yet: the package is dropped on the welcome window (the welcome panel's Join asks
    # in its own dialog: tests/ui/test_open_file_argument.py).
    win.sync_flow.receive([package])
    [asked] = win.findChildren(PassphraseDialog)
    type_twice(qtbot, asked, PASSPHRASE.encode("ascii", "ignore").decode(), "x")
    assert asked.isVisible()  # entries differ: nothing received yet
    asked.first.setText(PASSPHRASE)
    asked.second.setText(PASSPHRASE)
    asked.save_button.click()
    assert win.findChildren(SyncReportDialog)
    assert newcomer.digest() == leader.digest()


def test_the_passphrase_can_be_changed_from_the_menu(qtbot, make_laptop) -> None:
    laptop, old_team = make_laptop("laptop"), make_laptop("old")
    win = MainWindow(laptop.db)
    qtbot.addWidget(win)
    win.show()
    win.main_actions[MainAction.TEAM_PASSPHRASE].trigger()
    [dialog] = win.findChildren(PassphraseDialog)
    assert "new team passphrase" in dialog.intro.text()
    dialog.first.setText(GOOD)
    dialog.second.setText(GOOD)
    dialog.save_button.click()
    assert not dialog.isVisible()
    laptop.org("甲公司")
    with pytest.raises(ValueError, match="wrong team passphrase"):
        old_team.receive(laptop.export("after-change"))
