"""Opening a file with FieldLog (a double-click, Windows Explorer, `fieldlog FILE`,
`fieldlog gui FILE`): a sync package joins a new laptop to its team or is received; any other
file is the database to open, as with --db.

The packages are real ones, made by the sync service on real team databases, and handed over
in a folder whose path holds Chinese characters and spaces; the per-user data folder is a
temporary one (see test_first_start.py).
"""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from fieldlog import app, cli
from fieldlog.services.exchange.sync import has_passphrase
from fieldlog.services.team import team
from fieldlog.ui.dialogs.join_dialog import JoinDialog
from fieldlog.ui.dialogs.sync_report_dialog import SyncReportDialog
from tests.field_dump import db_digest
from tests.ui.test_first_start import close, data_home  # noqa: F401
from tests.ui.test_sync_laptops import (  # noqa: F401
    LEADER,
    PASSPHRASE,
    Laptop,
    leader_and_cadre,
    make_laptop,
    sync_template,
    warnings,
)

TEAM = "铜仁市驻深招商工作队"


def handed_over(package: Path, tmp_path: Path) -> Path:
    """The package as the user finds it: on a USB stick, renamed, Chinese and spaces."""
    folder = tmp_path / "U盘 (队长 给的)"
    folder.mkdir(exist_ok=True)
    return Path(shutil.copy(package, folder / f"铜仁 工作队 {package.stem}.fieldsync"))


def type_text(edit: QLineEdit, text: str) -> None:
    """Type (Chinese too) as an input method does."""
    edit.clear()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def opened_window():
    window = app.last_window()
    assert window is not None and window.isVisible()
    return window


def join_dialog(window) -> JoinDialog:
    [dialog] = window.findChildren(JoinDialog)
    assert dialog.isVisible()
    return dialog


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_package_opened_on_a_fresh_install_joins_its_team(
    qapp, qtbot, data_home, windows, leader_and_cadre, tmp_path: Path, warnings
) -> None:
    leader, _cadre = leader_and_cadre
    package = handed_over(leader.export("full", full=True), tmp_path)
    assert app.main(["--lang", "en", str(package)]) == 0
    window = opened_window()
    assert window.db.path == (data_home / "FieldLog" / "fieldlog.db").resolve()
    assert window.centralWidget().objectName() == "welcomePanel"
    dialog = join_dialog(window)
    assert dialog.intro.text().startswith(f"The package “{package.name}” will join this laptop")
    # The team's name is inside the encryption: the passphrase opens it first.
    assert dialog.passphrase.isVisible() and not dialog.join_button.isEnabled()
    fresh = db_digest(window.db)

    type_text(dialog.passphrase, "another team's passphrase")
    click(qtbot, dialog.open_button)
    assert "wrong team passphrase" in dialog.message.text()
    assert not dialog.join_button.isEnabled() and dialog.team_label.text() == ""
    assert not has_passphrase(window.db) and db_digest(window.db) == fresh

    type_text(dialog.passphrase, PASSPHRASE)
    click(qtbot, dialog.open_button)
    assert dialog.team_label.text() == f"This package will join this laptop to team {TEAM}."
    assert dialog.details.text().startswith(f"Made by {LEADER}; ")
    assert not dialog.passphrase.isVisible() and dialog.message.text() == ""
    assert db_digest(window.db) == fresh  # nothing written before Join

    click(qtbot, dialog.join_button)
    assert window.centralWidget().objectName() == "workspace"
    assert db_digest(window.db) == leader.digest()
    assert has_passphrase(window.db)
    [report] = window.findChildren(SyncReportDialog)
    assert report.isVisible()
    assert warnings == []


def test_with_the_passphrase_known_the_first_screen_names_the_team(
    qapp, qtbot, data_home, windows, leader_and_cadre, tmp_path: Path, warnings
) -> None:
    from fieldlog.services.exchange.sync import set_passphrase

    leader, _cadre = leader_and_cadre
    assert app.main(["--lang", "en"]) == 0  # the first start, then the passphrase is typed
    window = opened_window()
    set_passphrase(window.db, PASSPHRASE)
    close(window)
    package = handed_over(leader.export("full", full=True), tmp_path)
    assert app.main(["--lang", "en", str(package)]) == 0
    dialog = join_dialog(opened_window())
    assert dialog.team_label.text() == f"This package will join this laptop to team {TEAM}."
    assert not dialog.passphrase.isVisible() and dialog.join_button.isEnabled()
    click(qtbot, dialog.join_button)
    assert db_digest(app.last_window().db) == leader.digest()


def test_cancel_leaves_the_new_laptop_as_it_was(
    qapp, qtbot, data_home, windows, leader_and_cadre, tmp_path: Path
) -> None:
    leader, _cadre = leader_and_cadre
    package = handed_over(leader.export("full", full=True), tmp_path)
    assert app.main(["--lang", "en", str(package)]) == 0
    window = opened_window()
    fresh = db_digest(window.db)
    dialog = join_dialog(window)
    type_text(dialog.passphrase, PASSPHRASE)
    click(qtbot, dialog.open_button)
    dialog.reject()
    assert window.centralWidget().objectName() == "welcomePanel"
    assert db_digest(window.db) == fresh and not has_passphrase(window.db)


def test_a_package_opened_on_a_team_laptop_is_received(
    qapp, qtbot, windows, leader_and_cadre, tmp_path: Path, warnings
) -> None:
    leader, cadre = leader_and_cadre
    leader.org("深圳新材料有限公司", notes="第一次走访")
    package = handed_over(leader.export("monday"), tmp_path)
    assert cadre.digest() != leader.digest()
    assert app.main(["--db", str(cadre.db.path), "--lang", "en", str(package)]) == 0
    window = opened_window()
    assert window.findChildren(JoinDialog) == []
    [report] = window.findChildren(SyncReportDialog)
    assert report.isVisible()
    assert cadre.digest() == leader.digest() and warnings == []


@pytest.mark.parametrize("through", ["--db X gui FILE", "--db X FILE", "--db=X FILE"])
def test_the_command_line_opens_a_package_too(
    qapp, windows, leader_and_cadre, tmp_path: Path, warnings, through: str
) -> None:
    leader, cadre = leader_and_cadre
    leader.org("深圳新材料有限公司")
    package = handed_over(leader.export("tuesday"), tmp_path)
    database = str(cadre.db.path)
    words = {
        "--db X gui FILE": ["--db", database, "gui", str(package)],
        "--db X FILE": ["--db", database, str(package)],
        "--db=X FILE": [f"--db={database}", str(package)],
    }[through]
    assert cli.main(["--lang", "en", *words]) == 0
    assert opened_window().findChildren(SyncReportDialog)
    assert cadre.digest() == leader.digest() and warnings == []


def test_a_command_word_stays_a_command(tmp_path: Path, monkeypatch, capsys) -> None:
    """A file named like a command does not open the window: the contract of SPEC §5 holds."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "digest").write_text("not a database", encoding="utf-8")
    assert cli.main(["--db", str(tmp_path / "none.db"), "--lang", "en", "digest"]) == 1
    assert "fieldlog init" in capsys.readouterr().err
    assert app.last_window() is None


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "坏 文件"
    folder.mkdir()
    text = folder / "清单 notes.fieldsync"
    text.write_text("牛奶\n面包\n", encoding="utf-8")
    empty = folder / "空 的.fieldsync"
    empty.write_bytes(b"")
    return {
        "missing": folder / "没有 这个.fieldsync",
        "text": text,
        "empty": empty,
    }


REASONS = {
    "missing": "does not exist",
    "text": "not a FieldLog sync package",
    "empty": "not a FieldLog sync package",
}


@pytest.mark.parametrize("kind", sorted(REASONS))
def test_a_bad_file_on_a_fresh_install_is_one_message(
    qapp, data_home, windows, tmp_path: Path, warnings, kind: str
) -> None:
    assert app.main(["--lang", "en"]) == 0
    window = opened_window()
    fresh = db_digest(window.db)
    close(window)
    bad = _bad_files(tmp_path)[kind]
    assert app.main(["--lang", "en", str(bad)]) == 0
    window = opened_window()
    assert len(warnings) == 1
    assert warnings[0].startswith("Nothing was received; the data on this laptop is unchanged.")
    assert bad.name in warnings[0] and REASONS[kind] in warnings[0]
    assert window.findChildren(JoinDialog) == []
    assert window.centralWidget().objectName() == "welcomePanel"
    assert db_digest(window.db) == fresh and not has_passphrase(window.db)


@pytest.mark.parametrize("kind", sorted(REASONS))
def test_a_bad_file_on_a_team_laptop_is_one_message(
    qapp, windows, leader_and_cadre, tmp_path: Path, warnings, kind: str
) -> None:
    _leader, cadre = leader_and_cadre
    before = cadre.digest()
    bad = _bad_files(tmp_path)[kind]
    assert app.main(["--db", str(cadre.db.path), "--lang", "en", str(bad)]) == 0
    assert len(warnings) == 1 and bad.name in warnings[0] and REASONS[kind] in warnings[0]
    assert opened_window().findChildren(SyncReportDialog) == []
    assert cadre.digest() == before


def test_another_teams_package_on_a_team_laptop_is_refused(
    qapp, windows, leader_and_cadre, make_laptop, tmp_path: Path, warnings
) -> None:
    _leader, cadre = leader_and_cadre
    stranger = make_laptop("stranger")  # the same passphrase, another team
    team.save_team(stranger.db, team.TeamInput("遵义市驻沪招商工作队"))
    package = handed_over(stranger.export("theirs", full=True), tmp_path)
    before = cadre.digest()
    assert app.main(["--db", str(cadre.db.path), "--lang", "en", str(package)]) == 0
    assert len(warnings) == 1
    assert "package of another team" in warnings[0] and "unchanged" in warnings[0]
    assert cadre.digest() == before


def test_a_teams_package_without_the_team_cannot_join_a_fresh_install(
    qapp, qtbot, data_home, windows, leader_and_cadre, tmp_path: Path, warnings
) -> None:
    leader, _cadre = leader_and_cadre
    leader.org("深圳新材料有限公司")
    package = handed_over(leader.export("wednesday"), tmp_path)  # not the full package
    assert app.main(["--lang", "en", str(package)]) == 0
    window = opened_window()
    fresh = db_digest(window.db)
    dialog = join_dialog(window)
    type_text(dialog.passphrase, PASSPHRASE)
    click(qtbot, dialog.open_button)
    assert "without the team itself" in dialog.message.text()
    assert "full package" in dialog.message.text()
    assert not dialog.join_button.isEnabled()
    assert db_digest(window.db) == fresh and not has_passphrase(window.db)
    assert warnings == []


def test_a_database_file_opens_as_with_db(
    qapp, windows, sync_template: Path, tmp_path: Path, modal_boxes: list[QMessageBox]
) -> None:
    folder = tmp_path / "我的 数据"
    folder.mkdir()
    path = Path(shutil.copy(sync_template, folder / "驻深 工作队.db"))
    assert app.main(["--lang", "en", str(path)]) == 0
    assert opened_window().db.path == path.resolve()
    assert modal_boxes == []


def test_a_database_file_and_db_together_are_bad_usage(qapp, tmp_path: Path, capsys) -> None:
    other = tmp_path / "b.db"
    assert app.main(["--db", str(tmp_path / "a.db"), str(other)]) == 2
    assert "either with --db or as FILE" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_join_dialog_speaks_chinese(
    qapp, qtbot, data_home, windows, leader_and_cadre, tmp_path: Path
) -> None:
    leader, _cadre = leader_and_cadre
    package = handed_over(leader.export("full", full=True), tmp_path)
    try:
        assert app.main(["--lang", "zh_CN", str(package)]) == 0
        dialog = join_dialog(opened_window())
        assert dialog.windowTitle() == "加入工作队"
        assert dialog.intro.text().startswith(f"同步包“{package.name}”将让这台电脑加入")
        type_text(dialog.passphrase, PASSPHRASE)
        click(qtbot, dialog.open_button)
        assert dialog.team_label.text() == f"这个同步包将让这台电脑加入工作队“{TEAM}”。"
        assert dialog.join_button.text() == "加入工作队(&J)"
    finally:
        app.install_translators(qapp, "en")


def test_the_welcome_buttons_join_refuses_a_file_that_is_no_package(
    qapp, qtbot, data_home, windows, tmp_path: Path, warnings, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    bad = _bad_files(tmp_path)["text"]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    assert app.main(["--lang", "en"]) == 0
    window = opened_window()
    fresh = db_digest(window.db)
    window.centralWidget().encryption.check.setChecked(False)  # see test_encrypt_action
    click(qtbot, window.centralWidget().join_button)
    assert len(warnings) == 1 and bad.name in warnings[0] and REASONS["text"] in warnings[0]
    assert window.findChildren(JoinDialog) == []
    assert db_digest(window.db) == fresh and not has_passphrase(window.db)


def test_two_files_are_bad_usage(qapp, tmp_path: Path, capsys) -> None:
    first, second = tmp_path / "一 号.fieldsync", tmp_path / "二 号.fieldsync"
    assert app.main([str(first), str(second)]) == 2
    assert "one file at most" in capsys.readouterr().err
    assert app.last_window() is None and list(tmp_path.iterdir()) == []
