"""Send my work and Receive through the main window, between two real databases."""

# ruff: noqa: F811  (fixture arguments share the names of the imported fixtures)
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.exchange import sync
from fieldlog.ui import operations
from fieldlog.ui.actions import MainAction
from fieldlog.ui.changes import EVERYTHING
from fieldlog.ui.dialogs.join_dialog import JoinDialog
from fieldlog.ui.dialogs.sync_report_dialog import SyncReportDialog
from fieldlog.ui.dialogs.sync_send_dialog import SyncSendDialog
from fieldlog.ui.main_window import MainWindow

# The shared fixtures: imported here, pytest finds them by name.
from tests.ui.test_sync_laptops import (  # noqa: F401
    CADRE,
    Laptop,
    leader_and_cadre,
    make_laptop,
    open_files,
    save_as,
    sync_template,
    warnings,
)


def window_of(qtbot, laptop: Laptop) -> MainWindow:
    win = MainWindow(laptop.db)
    qtbot.addWidget(win)
    win.show()
    return win


def report_dialog(win: MainWindow) -> SyncReportDialog:
    [dialog] = win.findChildren(SyncReportDialog)
    assert dialog.isVisible()
    return dialog


def drop(widget: QWidget, *paths: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(widget, QDragEnterEvent(QPoint(5, 5), action, mime, buttons, mods))
    event = QDropEvent(QPointF(5, 5), action, mime, buttons, mods)
    QApplication.sendEvent(widget, event)
    return event


def test_send_writes_a_package_the_other_laptop_imports(
    qtbot, leader_and_cadre, save_as, tmp_path: Path
) -> None:
    leader, cadre = leader_and_cadre
    cadre.org("深圳市德润物流有限公司")
    unsent = sync.unsent_count(cadre.db)
    out = tmp_path / "usb"
    out.mkdir()
    proposed = save_as(out / "my-work")  # the suffix is added
    win = window_of(qtbot, cadre)
    shortcuts = {a.objectName(): a.shortcut().toString() for a in win.actions()}
    assert shortcuts["actionSendWork"] == "Ctrl+Shift+S"
    win.main_actions[MainAction.SEND_WORK].trigger()
    [dialog] = win.findChildren(SyncSendDialog)
    assert dialog.isVisible() and dialog.new_only.isChecked() and not dialog.full()
    assert f"{unsent} record(s)" in dialog.unsent_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # Named by laptop, never by member: a package lost on a USB stick names no one.
    assert Path(proposed[0]).name.startswith(f"fieldlog-{cadre.db.node_id[:8]}-")
    assert CADRE not in Path(proposed[0]).name
    package = out / "my-work.fieldsync"
    assert package.is_file()
    assert str(package) in dialog.result_label.text()
    assert f"{unsent} record(s)" in dialog.result_label.text()
    assert sync.unsent_count(cadre.db) == 0
    report = leader.receive(package)
    assert report.total("new") == 1 and report.packages[0].sender_name == CADRE
    assert leader.digest() == cadre.digest()


def test_everything_is_offered_for_a_new_laptop(qtbot, leader_and_cadre, save_as, tmp_path) -> None:
    leader, cadre = leader_and_cadre
    save_as(tmp_path / "full.fieldsync")
    win = window_of(qtbot, leader)
    leader.export("sent-before")  # nothing is unsent now
    win.main_actions[MainAction.SEND_WORK].trigger()
    [dialog] = win.findChildren(SyncSendDialog)
    assert "sent already" in dialog.unsent_label.text() and dialog.full()
    dialog.save_button.click()
    assert "everything" in dialog.result_label.text()
    report = sync.import_packages(cadre.db, [tmp_path / "full.fieldsync"])
    assert report.packages[0].full and report.total("new") == 0


def test_receive_shows_the_stages_and_the_report(
    qtbot, leader_and_cadre, open_files, warnings
) -> None:
    leader, cadre = leader_and_cadre
    cadre.org("深圳市德润物流有限公司")
    rows = sync.unsent_count(cadre.db)
    package = cadre.export("cadre-1")
    open_files([package])
    win = window_of(qtbot, leader)
    with qtbot.waitSignal(operations.changes().changes_applied) as announced:
        win.main_actions[MainAction.RECEIVE].trigger()
    assert warnings == [] and announced.args == [EVERYTHING]  # a package may carry anything
    stages = ["verify", "backup", "apply", "files", "dedupe", "check", "commit"]
    assert win.sync_flow.stages == stages
    dialog = report_dialog(win)
    counts = {k: dialog.count_labels[k].text() for k in dialog.count_labels}
    assert counts == {"new": "1", "updated": "0", "unchanged": str(rows - 1), "conflicts": "0",
                      "skipped": "0"}  # fmt: skip
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells[0] == CADRE and cells[2] == str(rows) and cells[-1] == package.name
    assert "Backup taken before the import" in dialog.details.text()
    assert not dialog.review_button.isVisible()
    assert leader.digest() == cadre.digest()


def test_a_package_received_twice_is_skipped(qtbot, leader_and_cadre, open_files) -> None:
    leader, cadre = leader_and_cadre
    package = cadre.export("cadre-1")
    leader.receive(package)
    open_files([package])
    win = window_of(qtbot, leader)
    win.main_actions[MainAction.RECEIVE].trigger()
    dialog = report_dialog(win)
    assert dialog.count_labels["skipped"].text() == "1"
    assert dialog.table.item(0, 7).text() == "Already received: skipped"
    assert "nothing changed" in dialog.summary.text()
    assert "no backup was needed" in dialog.details.text()


def test_dropping_packages_receives_them_together(qtbot, leader_and_cadre, make_laptop) -> None:
    leader, cadre = leader_and_cadre
    other = make_laptop("other")
    other.receive(leader.export("for-other", full=True))
    cadre.org("甲公司")
    other.org("乙公司")
    first, second = cadre.export("cadre-1"), other.export("other-1")
    win = window_of(qtbot, leader)
    event = drop(win, first, second)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: bool(win.findChildren(SyncReportDialog)))
    dialog = report_dialog(win)
    assert dialog.table.rowCount() == 2 and dialog.count_labels["new"].text() == "2"


def test_a_wrong_passphrase_is_one_message_and_changes_nothing(
    qtbot, leader_and_cadre, make_laptop, open_files, warnings
) -> None:
    leader, _cadre = leader_and_cadre
    stranger = make_laptop("stranger", passphrase="another team's passphrase")
    stranger.org("陌生公司")
    open_files([stranger.export("stranger-1")])
    before = digest(leader.db)
    announced: list[object] = []
    operations.changes().changes_applied.connect(announced.append)
    win = window_of(qtbot, leader)
    win.main_actions[MainAction.RECEIVE].trigger()
    operations.changes().changes_applied.disconnect(announced.append)
    assert len(warnings) == 1
    assert "wrong team passphrase" in warnings[0] and "unchanged" in warnings[0]
    assert announced == [] and win.findChildren(SyncReportDialog) == []
    assert digest(leader.db) == before


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"plain text"])
def test_a_damaged_file_is_refused(
    qtbot, leader_and_cadre, open_files, warnings, tmp_path, content
) -> None:
    leader, _cadre = leader_and_cadre
    bad = tmp_path / "bad.fieldsync"
    bad.write_bytes(content)
    before = digest(leader.db)
    open_files([bad])
    win = window_of(qtbot, leader)
    win.main_actions[MainAction.RECEIVE].trigger()
    assert len(warnings) == 1 and "bad.fieldsync" in warnings[0]
    assert digest(leader.db) == before


def test_a_new_laptop_joins_from_the_welcome_panel(
    qtbot, leader_and_cadre, make_laptop, monkeypatch
) -> None:
    leader, _cadre = leader_and_cadre
    newcomer = make_laptop("newcomer")
    package = leader.export("full", full=True)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(package), ""))
    win = window_of(qtbot, newcomer)
    welcome = win.centralWidget()
    assert welcome.objectName() == "welcomePanel"
    # No team yet: Send and Receive wait; the welcome panel's button is the way in.
    assert (
        not win.main_actions[MainAction.RECEIVE].isEnabled()
        and not win.main_actions[MainAction.SEND_WORK].isEnabled()
    )
    assert "welcome screen" in win.main_actions[MainAction.RECEIVE].toolTip()
    welcome.encryption.check.setChecked(False)  # joining encrypted: test_encrypt_action
    qtbot.mouseClick(welcome.join_button, Qt.MouseButton.LeftButton)
    # The passphrase is known here: the first screen names the team the package joins.
    [dialog] = win.findChildren(JoinDialog)
    assert "team 铜仁市驻深招商工作队" in dialog.team_label.text()
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert win.centralWidget().objectName() == "workspace"
    assert newcomer.digest() == leader.digest()
    assert (
        win.main_actions[MainAction.RECEIVE].isEnabled()
        and win.main_actions[MainAction.SEND_WORK].isEnabled()
    )
    assert win.main_actions[MainAction.RECEIVE].toolTip() == "Receive"


def test_send_never_writes_over_a_file_of_another_kind(
    qtbot, leader_and_cadre, save_as, tmp_path: Path
) -> None:
    from fieldlog.services.reports.exports import export_orgs

    _leader, cadre = leader_and_cadre
    workbook = export_orgs(cadre.db, out=tmp_path / "orgs.xlsx")
    disguised = workbook.rename(tmp_path / "my-work.fieldsync")  # a workbook named as a package
    before, unsent = disguised.read_bytes(), sync.unsent_count(cadre.db)
    save_as(disguised)
    win = window_of(qtbot, cadre)
    win.main_actions[MainAction.SEND_WORK].trigger()
    [dialog] = win.findChildren(SyncSendDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible() and dialog.report is None
    assert (
        f"{disguised} exists and is an Excel workbook, not a FieldLog sync package"
        in dialog.error_label.text()
    )
    assert disguised.read_bytes() == before and sync.unsent_count(cadre.db) == unsent
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".fieldsync", ".tmp")) == [
        disguised.name
    ]
