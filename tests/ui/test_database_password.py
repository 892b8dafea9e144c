"""An encrypted database opens with its password: typed at start (a wrong one is one sentence in
the dialog, never damage, never a restore), or remembered on this computer when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from fieldlog import app
from fieldlog.services.admin import database_password
from fieldlog.services.admin.workspace import open_workspace
from tests.field_dump import db_digest
from tests.ui.encrypted_files import (
    PASSWORD,
    WRONG,
    DialogAnswers,
    encrypted_demo,
    file_hash,
    start,
)

DIALOG = "databasePasswordDialog"


@pytest.fixture
def encrypted(demo_database_file: Path, tmp_path: Path) -> Path:
    return encrypted_demo(demo_database_file, tmp_path)


def digest_of(path: Path) -> str:
    database = open_workspace(str(path), password=PASSWORD)
    try:
        return db_digest(database)
    finally:
        database.close()


def type_password(qtbot, dialog: QDialog, text: str) -> str:
    """Type `text` in the dialog's field, press Open; the sentence the dialog then shows."""
    field = dialog.findChild(QLineEdit, "databasePassword")
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.mouseClick(dialog.findChild(object, "openDatabaseButton"), Qt.MouseButton.LeftButton)
    return dialog.findChild(object, "databasePasswordMessage").text()


def test_a_wrong_password_is_one_sentence_and_cancel_opens_nothing(
    qtbot, encrypted: Path, windows, modal_boxes: list[QMessageBox]
) -> None:
    digest, before = digest_of(encrypted), file_hash(encrypted)

    def answer(dialog: QDialog) -> dict[str, object]:
        field = dialog.findChild(QLineEdit, "databasePassword")
        said = type_password(qtbot, dialog, WRONG)
        seen = {"echo": field.echoMode(), "said": said, "open": dialog.isVisible()}
        seen["said again"] = type_password(qtbot, dialog, WRONG + "x")
        dialog.reject()
        return seen

    answers = DialogAnswers(DIALOG, answer)
    assert start(encrypted) == 1
    [seen] = answers.notes
    assert seen["echo"] == QLineEdit.EchoMode.Password
    assert seen["said"] == f"The password does not open {encrypted}; check it and try again"
    assert seen["said again"] == seen["said"]
    assert seen["open"] is True  # kept open for another try
    assert "damaged" not in str(seen["said"]).lower()
    assert app.last_recovery() is None and app.last_window() is None  # no restore offered
    assert modal_boxes == []
    assert file_hash(encrypted) == before
    assert digest_of(encrypted) == digest


def test_the_right_password_after_a_wrong_one_opens_the_data(
    qtbot, encrypted: Path, windows, modal_boxes: list[QMessageBox]
) -> None:
    digest = digest_of(encrypted)

    def answer(dialog: QDialog) -> list[str]:
        return [type_password(qtbot, dialog, WRONG), type_password(qtbot, dialog, PASSWORD)]

    answers = DialogAnswers(DIALOG, answer)
    assert start(encrypted) == 0
    assert answers.notes[0][0].startswith("The password does not open")
    window = app.last_window()
    assert window is not None and window.isVisible()
    assert window.db.encrypted and window.centralWidget().objectName() == "workspace"
    assert db_digest(window.db) == digest
    assert database_password.remembered(encrypted) is None  # not asked to remember
    assert app.last_recovery() is None and modal_boxes == []


def test_a_remembered_password_opens_the_next_start_without_asking(
    qtbot, encrypted: Path, windows, store
) -> None:
    def answer(dialog: QDialog) -> bool:
        remember = dialog.findChild(object, "rememberDatabasePassword")
        enabled, checked = remember.isEnabled(), remember.isChecked()
        remember.setChecked(True)
        type_password(qtbot, dialog, PASSWORD)
        return enabled and not checked

    first = DialogAnswers(DIALOG, answer)
    assert start(encrypted) == 0
    assert first.notes == [True]  # offered, unchecked by default
    assert database_password.remembered(encrypted) == PASSWORD
    window = app.last_window()
    window.close()
    window.db.close()

    again = DialogAnswers(DIALOG, lambda dialog: dialog.reject())
    assert start(encrypted) == 0
    again.stop()
    assert again.seen == []  # never asked
    assert app.last_window() is not window and app.last_window().db.encrypted


def test_a_remembered_password_that_no_longer_opens_is_forgotten_and_asked(
    qtbot, encrypted: Path, windows, store
) -> None:
    database_password.remember(encrypted, WRONG)
    answers = DialogAnswers(DIALOG, lambda dialog: type_password(qtbot, dialog, PASSWORD))
    assert start(encrypted) == 0
    assert len(answers.seen) == 1
    assert database_password.remembered(encrypted) is None
    assert app.last_window().db.encrypted


def test_without_a_password_store_the_dialog_says_it_asks_each_time(
    qtbot, encrypted: Path, windows, no_store
) -> None:
    def answer(dialog: QDialog) -> tuple[bool, bool, str]:
        remember = dialog.findChild(object, "rememberDatabasePassword")
        why = dialog.findChild(object, "noPasswordStore")
        dialog.reject()
        return remember.isEnabled(), why.isVisibleTo(dialog), why.text()

    answers = DialogAnswers(DIALOG, answer)
    assert start(encrypted) == 1
    [(enabled, shown, text)] = answers.notes
    assert not enabled and shown
    assert "no password store" in text and "asked at each start" in text


def test_another_database_chosen_on_the_recovery_screen_asks_its_password(
    qtbot, encrypted: Path, tmp_path: Path, windows, modal_boxes
) -> None:
    broken = tmp_path / "notes.db"
    broken.write_text("not a database", encoding="utf-8")
    assert start(broken) == 1
    recovery = app.last_recovery()
    assert recovery is not None
    cancel = DialogAnswers(DIALOG, lambda dialog: dialog.reject())
    recovery.open_requested.emit(str(encrypted))
    assert len(cancel.seen) == 1
    assert app.last_recovery() is recovery and recovery.isVisible()  # back where the user was
    answers = DialogAnswers(DIALOG, lambda dialog: type_password(qtbot, dialog, PASSWORD))
    recovery.open_requested.emit(str(encrypted))
    assert len(answers.seen) == 1
    assert app.last_window() is not None and app.last_window().db.encrypted
    assert app.last_recovery() is None


def test_the_background_check_of_an_encrypted_file_reads_it_with_its_password(
    qapp, encrypted: Path
) -> None:
    from fieldlog.ui import background_check

    damaged: list[str] = []
    relay = background_check.relay()
    relay.damaged.connect(lambda _location, problem: damaged.append(problem))
    background_check.start(str(encrypted), encrypted, PASSWORD).join(timeout=60)
    qapp.processEvents()
    assert damaged == []  # a sound encrypted file, read with its password
    background_check.start(str(encrypted), encrypted, "not the password").join(timeout=60)
    qapp.processEvents()
    assert damaged == []  # a wrong password is no finding either, never "damaged"
