"""File ▸ Backups… on a server database: it says to use pg_dump, and offers nothing that would
write a file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy.engine import make_url

from fieldlog.services.admin.workspace import open_workspace
from fieldlog.ui.dialogs.backups_dialog import BackupsDialog
from tests.conftest import SERVER

pytestmark = pytest.mark.skipif(not SERVER, reason="FIELDLOG_TEST_POSTGRES_URL is not set")


def test_the_backups_dialog_of_a_server_database_names_pg_dump(qtbot, pg_url: str) -> None:
    db = open_workspace(pg_url)
    try:
        dialog = BackupsDialog(db)
        qtbot.addWidget(dialog)
        said = dialog.findChild(QLabel, "backupsIntro").text()
        assert "back it up with pg_dump, for example pg_dump --format=custom" in said
        assert f":{make_url(pg_url).password}@" not in said and "once a day" not in said
        assert not dialog.backup_button.isEnabled() and not dialog.folder_button.isEnabled()
    finally:
        db.close()
