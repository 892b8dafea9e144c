"""The window and the password store: the passphrase dialog says why it asks on a computer
without one, and an earlier version's clear passphrase is moved out of the file, said once."""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

import keyring
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldlog.services import secrets
from fieldlog.services.exchange import passphrase
from fieldlog.store.database import Database
from fieldlog.store.stamping import read_state, write_state
from fieldlog.ui.dialogs.passphrase_dialog import PassphraseDialog
from fieldlog.ui.dialogs.sync_flow import SyncFlow
from tests.keyring_backend import MemoryKeyring
from tests.ui.test_first_start import data_home  # noqa: F401
from tests.ui.test_sync_laptops import leader_and_cadre, make_laptop, sync_template  # noqa: F401

GOOD = "team 2020 Shenzhen"


def _save(qtbot, db: Database) -> PassphraseDialog:  # type: ignore[no-untyped-def]
    dialog = PassphraseDialog(db)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.first, GOOD)
    qtbot.keyClicks(dialog.second, GOOD)
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    return dialog


def test_without_a_store_the_dialog_says_why_and_keeps_it_for_this_run(
    qtbot, db: Database, no_store: None
) -> None:
    dialog = _save(qtbot, db)
    assert not dialog.no_store.isHidden()
    assert "no password store" in dialog.no_store.text()
    assert "not keep the passphrase in a file" in dialog.no_store.text()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert passphrase.has_passphrase(db)
    secrets.forget_this_run()  # FieldLog closed and started again
    assert not passphrase.has_passphrase(db)


def test_with_a_store_the_dialog_keeps_it_there(qtbot, db: Database, store: MemoryKeyring) -> None:
    dialog = _save(qtbot, db)
    assert dialog.no_store.isHidden()
    assert list(store.entries.values()) == [GOOD]
    with db.read() as session:
        assert read_state(session, passphrase.PASSPHRASE_KEY) is None


def test_the_window_moves_an_earlier_clear_passphrase_and_says_so_once(
    qtbot, db: Database, store: MemoryKeyring, modal_boxes: list[QMessageBox]
) -> None:
    with db.begin() as session:
        write_state(session, passphrase.PASSPHRASE_KEY, GOOD)
    window = QWidget()
    qtbot.addWidget(window)
    flow = SyncFlow(db, window)
    ran: list[int] = []
    flow.with_passphrase(lambda: ran.append(1))
    flow.with_passphrase(lambda: ran.append(2))
    assert ran == [1, 2]  # known: nothing asked
    [box] = modal_boxes
    assert "moved to this computer's password store" in box.text()
    assert "Backups made before today still hold it." in box.text()
    assert list(store.entries.values()) == [GOOD]
    with db.read() as session:
        assert read_state(session, passphrase.PASSPHRASE_KEY) is None


def test_joining_without_a_store_says_why_and_keeps_it_for_this_run(
    qapp, qtbot, data_home, windows, leader_and_cadre, tmp_path
) -> None:
    from fieldlog import app
    from tests.ui.test_open_file_argument import click, handed_over, join_dialog, type_text
    from tests.ui.test_sync_laptops import PASSPHRASE

    leader, _cadre = leader_and_cadre
    package = handed_over(leader.export("full", full=True), tmp_path)
    keyring.set_keyring(fail.Keyring())  # the new laptop has no store (conftest restores it)
    assert app.main(["--lang", "en", str(package)]) == 0
    window = app.last_window()
    dialog = join_dialog(window)
    assert "no password store" in dialog.ask.text()
    assert "not keep the passphrase in a file" in dialog.ask.text()
    type_text(dialog.passphrase, PASSPHRASE)
    click(qtbot, dialog.open_button)
    click(qtbot, dialog.join_button)
    assert window.centralWidget().objectName() == "workspace"
    assert passphrase.has_passphrase(window.db)  # known for this run
    with window.db.read() as session:
        assert read_state(session, passphrase.PASSPHRASE_KEY) is None
    secrets.forget_this_run()  # FieldLog closed and started again
    assert not passphrase.has_passphrase(window.db)


def test_a_store_that_refuses_is_said(qtbot, db: Database, modal_boxes: list[QMessageBox]) -> None:
    from tests.keyring_backend import LockedKeyring

    keyring.set_keyring(LockedKeyring())  # conftest puts the suite's store back
    dialog = _save(qtbot, db)
    [box] = modal_boxes
    assert "did not keep the passphrase" in box.text()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert passphrase.has_passphrase(db)  # for this run
    with db.read() as session:
        assert read_state(session, passphrase.PASSPHRASE_KEY) is None
