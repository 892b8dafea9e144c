"""The recovery screen over an encrypted database: its encrypted backups are checked with the
database's password, and the one restored stays encrypted with it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt

from fieldlog.services.admin.maintenance import digest
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.orgs import orgs
from fieldlog.store.backup import automatic_backup
from fieldlog.store.files import looks_encrypted
from fieldlog.ui.recovery_window import RecoveryWindow

PASSWORD = "测试 pass'word"
EARLIER = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def test_an_encrypted_backup_is_checked_and_restored_with_the_password(
    qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "work.db"
    db = open_workspace(str(path), password=PASSWORD)
    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司"))
    kept = digest(db)
    db.close()
    backup = automatic_backup(path, "daily", EARLIER, password=PASSWORD)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])

    recovery = RecoveryWindow(path, "work.db is damaged", password=PASSWORD)
    qtbot.addWidget(recovery)
    assert "damaged" in recovery.summary.text()  # not "not a FieldLog database"
    item = recovery.backup_list.topLevelItem(0)
    assert (item.text(2), item.text(3)) == ("daily", "Good")
    with qtbot.waitSignal(recovery.restored):
        qtbot.mouseClick(recovery.restore_button, Qt.MouseButton.LeftButton)

    assert looks_encrypted(path) and looks_encrypted(backup)
    restored = open_workspace(str(path), password=PASSWORD)
    try:
        assert digest(restored) == kept
    finally:
        restored.close()


def test_without_the_password_an_encrypted_backup_says_so(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "work.db"
    open_workspace(str(path), password=PASSWORD).close()
    backup = automatic_backup(path, "daily", EARLIER, password=PASSWORD)
    recovery = RecoveryWindow(path, "work.db is damaged")
    qtbot.addWidget(recovery)
    item = recovery.backup_list.topLevelItem(0)
    assert item.text(3) == "Cannot be used"
    assert item.toolTip(3) == (
        f"{backup} is encrypted; it opens only with its password; nothing was changed"
    )
    assert "not a FieldLog database" not in recovery.summary.text()
