"""File ▸ Encrypt database… and Remove encryption…, and the encryption offered at first start:
the file and its backups converted, the data the same, a refusal one sentence that changes
nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableWidgetItem

from fieldlog import app
from fieldlog.services.admin import database_password
from fieldlog.services.admin.backups import backup_now
from fieldlog.services.admin.encryption import is_encrypted_file, plain_backups
from fieldlog.services.team import team
from fieldlog.store.backup import list_backups
from fieldlog.store.files import looks_encrypted
from fieldlog.ui.actions import MainAction
from fieldlog.ui.dialogs.encryption_dialogs import DecryptDialog, EncryptDialog
from fieldlog.ui.dialogs.team_setup_dialog import TeamSetupDialog
from fieldlog.ui.main_window import MainWindow
from tests.field_dump import db_digest
from tests.ui.encrypted_files import PASSWORD, WRONG, DialogAnswers, encrypted_demo, start


def typed(qtbot, parent, name: str, text: str) -> None:
    field = parent.findChild(QLineEdit, name)
    field.clear()
    qtbot.keyClicks(field, text)


def opened_window(path: Path) -> MainWindow:
    assert start(path) == 0
    window = app.last_window()
    assert window is not None
    return window


@pytest.fixture
def demo_window(demo_database_file: Path, tmp_path: Path, windows) -> MainWindow:
    """The window over a plain copy of the demo, with one (plain) backup."""
    path = tmp_path / "演示 demo.db"
    shutil.copyfile(demo_database_file, path)
    window = opened_window(path)
    backup_now(window.db)
    return window


def encrypt_dialog(window: MainWindow) -> EncryptDialog:
    action = window.main_actions[MainAction.ENCRYPT]
    assert action.objectName() == "encryptDatabaseAction" and action.isEnabled()
    assert not window.main_actions[MainAction.DECRYPT].isEnabled()
    action.trigger()
    dialog = window.findChild(EncryptDialog)
    assert dialog is not None and dialog.objectName() == "encryptDialog" and dialog.isVisible()
    return dialog


def test_encrypting_from_the_file_menu_keeps_the_data_and_encrypts_the_backups(
    qtbot, demo_window: MainWindow, store
) -> None:
    path = demo_window.db.path
    digest = db_digest(demo_window.db)
    backups = [info.path for info in list_backups(path)]
    assert plain_backups(path) == backups and len(backups) >= 1
    dialog = encrypt_dialog(demo_window)
    choice = dialog.findChild(object, "encryptBackups")
    assert choice.text() == f"Encrypt the {len(backups)} existing backups too"
    assert choice.isChecked() and not dialog.findChild(object, "deleteBackups").isChecked()
    typed(qtbot, dialog, "newDatabasePassword", PASSWORD)
    typed(qtbot, dialog, "repeatDatabasePassword", PASSWORD)
    dialog.findChild(object, "rememberDatabasePassword").setChecked(True)
    qtbot.mouseClick(dialog.encrypt_button, Qt.MouseButton.LeftButton)

    window = app.last_window()
    assert window is not demo_window and window.isVisible()
    assert window.db.encrypted and is_encrypted_file(path)
    assert db_digest(window.db) == digest
    assert plain_backups(path) == []
    assert all(looks_encrypted(b) for b in backups)  # converted in place, none left plain
    assert "The database is encrypted" in window.statusBar().currentMessage()
    assert database_password.remembered(path) == PASSWORD
    assert window.main_actions[MainAction.DECRYPT].isEnabled()
    assert not window.main_actions[MainAction.ENCRYPT].isEnabled()


def test_a_refused_encryption_is_one_sentence_and_changes_nothing(
    qtbot, demo_window: MainWindow
) -> None:
    path = demo_window.db.path
    digest = db_digest(demo_window.db)
    dialog = encrypt_dialog(demo_window)
    typed(qtbot, dialog, "newDatabasePassword", PASSWORD)
    typed(qtbot, dialog, "repeatDatabasePassword", PASSWORD + "x")
    qtbot.mouseClick(dialog.encrypt_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "The two passwords are not the same."
    typed(qtbot, dialog, "newDatabasePassword", "short")
    typed(qtbot, dialog, "repeatDatabasePassword", "short")
    qtbot.mouseClick(dialog.encrypt_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "The password must have at least 8 characters."
    assert dialog.isVisible() and app.last_window() is demo_window
    assert not is_encrypted_file(path) and db_digest(demo_window.db) == digest


def test_a_database_in_use_by_another_program_is_not_encrypted(
    qtbot, demo_window: MainWindow
) -> None:
    path = demo_window.db.path
    digest = db_digest(demo_window.db)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('select count(*) from visit').fetchone(); print('ready', flush=True); "
            "sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        dialog = encrypt_dialog(demo_window)
        typed(qtbot, dialog, "newDatabasePassword", PASSWORD)
        typed(qtbot, dialog, "repeatDatabasePassword", PASSWORD)
        qtbot.mouseClick(dialog.encrypt_button, Qt.MouseButton.LeftButton)
        assert "is in use by another FieldLog" in dialog.message.text()
        assert dialog.isVisible() and app.last_window() is demo_window
    finally:
        holder.communicate("")
    assert not is_encrypted_file(path)
    assert db_digest(demo_window.db) == digest  # the window reads its data as before


def test_removing_the_encryption_asks_the_current_password(
    qtbot, demo_database_file: Path, tmp_path: Path, windows, store
) -> None:
    path = encrypted_demo(demo_database_file, tmp_path)
    database_password.remember(path, PASSWORD)
    window = opened_window(path)
    digest = db_digest(window.db)
    window.main_actions[MainAction.DECRYPT].trigger()
    dialog = window.findChild(DecryptDialog)
    assert dialog is not None and dialog.objectName() == "decryptDialog"
    typed(qtbot, dialog, "databasePassword", WRONG)
    qtbot.mouseClick(dialog.decrypt_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == f"The password does not open {path}; check it and try again"
    assert is_encrypted_file(path) and app.last_window() is window
    assert db_digest(window.db) == digest
    typed(qtbot, dialog, "databasePassword", PASSWORD)
    qtbot.mouseClick(dialog.decrypt_button, Qt.MouseButton.LeftButton)
    plain = app.last_window()
    assert plain is not window and not plain.db.encrypted and not is_encrypted_file(path)
    assert db_digest(plain.db) == digest
    assert database_password.remembered(path) is None
    assert "no longer encrypted" in plain.statusBar().currentMessage()


def test_team_set_up_at_first_start_encrypts_the_database_first(
    qtbot, tmp_path: Path, windows, yes_boxes
) -> None:
    path = tmp_path / "new.db"
    window = opened_window(path)
    welcome = window.centralWidget()
    box = welcome.findChild(object, "encryptNewDatabase")
    assert box.isChecked() and box.text() == "Encrypt this database with a password"
    typed(qtbot, welcome, "newDatabasePassword", PASSWORD)
    typed(qtbot, welcome, "repeatDatabasePassword", PASSWORD)
    qtbot.mouseClick(welcome.set_up_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(TeamSetupDialog)
    assert dialog.findChild(object, "encryptNewDatabase").isChecked()
    assert dialog.findChild(QLineEdit, "newDatabasePassword").text() == PASSWORD
    qtbot.mouseClick(dialog.findChild(object, "createTeamButton"), Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "team name is required"  # checked before encrypting
    assert not is_encrypted_file(path) and app.last_window() is window
    qtbot.keyClicks(dialog.team_name, "Team Tongren")
    dialog.members.setItem(0, 0, QTableWidgetItem("李娜"))
    qtbot.mouseClick(dialog.findChild(object, "createTeamButton"), Qt.MouseButton.LeftButton)

    new = app.last_window()
    assert new is not window and new.db.encrypted and is_encrypted_file(path)
    assert new.centralWidget().objectName() == "workspace"
    assert team.current_team(new.db).name == "Team Tongren"
    new.close()
    new.db.close()
    answers = DialogAnswers("databasePasswordDialog", lambda d: d.reject())
    assert start(path) == 1  # the next start asks the password
    assert len(answers.seen) == 1


def test_a_short_password_on_the_welcome_screen_encrypts_nothing(
    qtbot, tmp_path: Path, windows, yes_boxes
) -> None:
    path = tmp_path / "new.db"
    window = opened_window(path)
    welcome = window.centralWidget()
    typed(qtbot, welcome, "newDatabasePassword", "short")
    typed(qtbot, welcome, "repeatDatabasePassword", "short")
    qtbot.mouseClick(welcome.load_demo_button, Qt.MouseButton.LeftButton)
    assert welcome.message.text() == "The password must have at least 8 characters."
    assert app.last_window() is window and window.centralWidget() is welcome
    assert not is_encrypted_file(path)
    welcome.findChild(object, "encryptNewDatabase").setChecked(False)
    note = welcome.findChild(object, "encryptNewNote").text()
    assert note.startswith("Not encrypted: anyone who has this laptop")


@pytest.mark.slow
def test_the_demo_at_first_start_is_encrypted_when_the_box_stays_checked(
    qtbot, tmp_path: Path, windows, yes_boxes
) -> None:
    path = tmp_path / "new.db"
    window = opened_window(path)
    welcome = window.centralWidget()
    typed(qtbot, welcome, "newDatabasePassword", PASSWORD)
    typed(qtbot, welcome, "repeatDatabasePassword", PASSWORD)
    qtbot.mouseClick(welcome.load_demo_button, Qt.MouseButton.LeftButton)
    new = app.last_window()
    assert new is not window and new.db.encrypted and is_encrypted_file(path)
    assert new.centralWidget().objectName() == "workspace"
    assert team.current_team(new.db).name == "铜仁市驻深招商工作队"
    message = new.statusBar().currentMessage()
    assert "The database is encrypted" in message and "Demo dispatch loaded" in message


def test_joining_from_the_welcome_screen_encrypts_the_database_first(
    qtbot, tmp_path: Path, windows, yes_boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldlog.ui.dialogs.sync_flow import SyncFlow

    joins: list[tuple[object, object]] = []
    monkeypatch.setattr(SyncFlow, "join", lambda flow, path=None: joins.append((flow, path)))
    path = tmp_path / "new.db"
    window = opened_window(path)
    welcome = window.centralWidget()
    typed(qtbot, welcome, "newDatabasePassword", PASSWORD)
    typed(qtbot, welcome, "repeatDatabasePassword", PASSWORD)
    package = tmp_path / "team.fieldsync"
    window._receive_dropped([package])  # the leader's package dropped on the welcome screen
    new = app.last_window()
    assert new is not window and new.db.encrypted and is_encrypted_file(path)
    assert joins == []  # not in the replaced window, nor before it is gone
    qtbot.waitUntil(lambda: joins != [])
    assert joins == [(new.sync_flow, package)]


def test_deleting_the_plain_backups_instead_leaves_none(qtbot, demo_window: MainWindow) -> None:
    path = demo_window.db.path
    backups = [info.path for info in list_backups(path)]
    dialog = encrypt_dialog(demo_window)
    dialog.findChild(object, "deleteBackups").setChecked(True)
    typed(qtbot, dialog, "newDatabasePassword", PASSWORD)
    typed(qtbot, dialog, "repeatDatabasePassword", PASSWORD)
    qtbot.mouseClick(dialog.encrypt_button, Qt.MouseButton.LeftButton)
    window = app.last_window()
    assert window is not demo_window and is_encrypted_file(path)
    assert not any(b.exists() for b in backups)
    left = [info.path for info in list_backups(path)]
    assert left and all(looks_encrypted(b) for b in left)  # only the encrypted safety copy
    assert f"deleted: {len(backups)}" in window.statusBar().currentMessage()


def test_a_read_only_database_offers_neither_conversion(
    qtbot, db, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldlog.store import database as database_module
    from fieldlog.store.database import open_database

    path = db.path
    db.close()
    monkeypatch.setattr(database_module, "is_writable", lambda _path: False)
    read_only = open_database(str(path))
    try:
        window = MainWindow(read_only)
        qtbot.addWidget(window)
        assert read_only.read_only
        assert not window.main_actions[MainAction.ENCRYPT].isEnabled()
        assert not window.main_actions[MainAction.DECRYPT].isEnabled()
        assert window.centralWidget().findChild(object, "encryptNewDatabase") is None
    finally:
        read_only.close()


def test_the_welcome_screen_asks_the_password_before_its_buttons(qtbot) -> None:
    from fieldlog.ui.welcome_panel import WelcomePanel

    panel = WelcomePanel(offer_encryption=True)
    qtbot.addWidget(panel)
    box = panel.encryption
    assert box is not None
    order, widget = [], box.check
    for _ in range(12):
        order.append(widget)
        widget = widget.nextInFocusChain()
    wanted = [box.check, box.fields.first, box.fields.second, panel.set_up_button]
    assert [w for w in order if w in wanted] == wanted  # typed first, then the button used
    card = panel.set_up_button.parentWidget().layout()  # the box and the buttons share it
    assert card.indexOf(box) < card.indexOf(panel.join_button)  # and shown above them
