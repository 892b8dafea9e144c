"""File ▸ Backups…: the database's backups, Back up now, Restore selected…, Show in folder.

`BackupList` (the list itself, with each backup checked) is shared with the recovery window;
`AutoBackup` takes the window's daily backup shortly after it shows and then every hour.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.admin.backups import (
    BackupInfo,
    backup_now,
    list_backups,
    server_backup_advice,
    take_daily_backup,
)
from fieldlog.store.backup import backup_folder, check_database_file
from fieldlog.store.database import Database
from fieldlog.store.errors import DatabaseError
from fieldlog.store.private import private_folder
from fieldlog.ui import database_errors

PATH_ROLE = Qt.ItemDataRole.UserRole
START_DELAY_MS = 1_000  # after the window has painted: the copy takes ~20 ms on the demo
HOUR_MS = 3_600_000
UNUSABLE_COLOR = "#b3261e"


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    """`widget` with its objectName set (tests and accessibility find it by that)."""
    widget.setObjectName(name)
    return widget


def reason_text(reason: str) -> str:
    """Why a backup was taken, in words."""
    translate = QCoreApplication.translate
    words = {
        "daily": translate("BackupList", "daily"),
        "manual": translate("BackupList", "manual"),
        "before-upgrade": translate("BackupList", "before an upgrade"),
        "before-import": translate("BackupList", "before an import"),
        "before-sync-import": translate("BackupList", "before a sync import"),
        "before-restore": translate("BackupList", "before a restore"),
        "before-restore-damaged": translate("BackupList", "before a restore (damaged file)"),
    }
    return words.get(reason, reason)


class BackupList(QTreeWidget):
    """The backups of one database, newest first: date, size, reason and (optionally) whether
    each one passes the file check."""

    def __init__(
        self, checked: bool = False, parent: QWidget | None = None, password: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupList")
        #: The database's password: its backups are encrypted with it when it is encrypted.
        self.password = password
        self.setAccessibleName(self.tr("Backups"))
        self.checked = checked
        headers = [self.tr("Date"), self.tr("Size"), self.tr("Reason")]
        self.setHeaderLabels([*headers, self.tr("Check")] if checked else headers)
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setColumnWidth(0, 170)
        self.setColumnWidth(1, 90)
        self.setColumnWidth(2, 200)

    def load(self, db_path: Path) -> None:
        """List the backups of `db_path`; select the newest good one (the newest, unchecked)."""
        self.clear()
        chosen = None
        for info in list_backups(db_path):
            item = self._item(info)
            self.addTopLevelItem(item)
            good = not self.checked or not item.toolTip(3)
            if chosen is None and good:
                chosen = item
        if chosen is not None:
            self.setCurrentItem(chosen)

    def _item(self, info: BackupInfo) -> QTreeWidgetItem:
        when = QDateTime.fromSecsSinceEpoch(int(info.taken_at.timestamp())).toLocalTime()
        traditional = QLocale.DataSizeFormat.DataSizeTraditionalFormat  # "3.8 MB", not "MiB"
        size = QLocale().formattedDataSize(info.size, 1, traditional)
        item = QTreeWidgetItem([when.toString("yyyy-MM-dd HH:mm"), size, reason_text(info.reason)])
        item.setData(0, PATH_ROLE, str(info.path))
        item.setToolTip(0, str(info.path))
        if self.checked:
            try:
                check_database_file(info.path, self.password)
                item.setText(3, self.tr("Good"))
            except ValueError as exc:
                item.setText(3, self.tr("Cannot be used"))
                item.setToolTip(3, str(exc))
                for column in range(4):
                    item.setForeground(column, QColor(UNUSABLE_COLOR))
        return item

    def selected_path(self) -> Path | None:
        """The selected backup's file."""
        item = self.currentItem()
        return Path(item.data(0, PATH_ROLE)) if item is not None else None


class BackupsDialog(QDialog):
    """The backups of the window's database; restoring one is the window's job (it reopens)."""

    # The user confirmed restoring this backup over the open database.
    restore_requested = Signal(Path)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.resize(640, 420)
        usual = self.tr(
            "FieldLog backs up {name} once a day while it is open, and before every upgrade, "
            "import, sync import and restore."
        ).format(name=db.name)
        advice = server_backup_advice(db)  # a server database: how to back it up instead
        intro = _named(QLabel(usual if advice is None else str(advice)), "backupsIntro")
        intro.setWordWrap(True)
        self.backup_list = BackupList(parent=self, password=db.password)
        self.backup_list.itemSelectionChanged.connect(self._update_buttons)
        self.backup_button = _named(QPushButton(self.tr("&Back up now")), "backupNowButton")
        self.restore_button = _named(
            QPushButton(self.tr("&Restore selected…")), "restoreSelectedButton"
        )
        self.folder_button = _named(QPushButton(self.tr("Show in &folder")), "showFolderButton")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.show_folder)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backup_list, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        """Refresh the list from the backup folder."""
        if self.db.path is not None:
            self.backup_list.load(self.db.path)
        self._update_buttons()

    def _update_buttons(self) -> None:
        local = self.db.path is not None
        self.backup_button.setEnabled(local)
        self.folder_button.setEnabled(local)
        self.restore_button.setEnabled(local and self.backup_list.selected_path() is not None)

    def back_up_now(self) -> None:
        """A manual backup into the backup folder (kept until deleted by hand)."""
        try:
            backup_now(self.db)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Back up now"), str(exc))
            return
        except database_errors.FAILURES as exc:  # a full disk, a read-only folder
            QMessageBox.warning(self, self.tr("Back up now"), database_errors.message(exc))
            return
        self.reload()

    def restore_selected(self) -> None:
        """Ask, then hand the selected backup to the window, which restores and reopens."""
        source = self.backup_list.selected_path()
        if source is None:
            return
        item = self.backup_list.currentItem()
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Replace the open database with the backup of {date}?\n\n"
                "The current database is kept as a backup first, so this can be undone by "
                "restoring that one."
            ).format(date=item.text(0) if item is not None else ""),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accept()
            self.restore_requested.emit(source)

    def show_folder(self) -> None:
        """Open the backup folder in the file manager."""
        if self.db.path is not None:
            folder = private_folder(backup_folder(self.db.path))  # as a backup would make it
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AutoBackup(QObject):
    """The scheduled backup of a window's database: once shortly after start, then hourly
    (`take_daily_backup` copies only when there is none from today, then rotates)."""

    # The backup failed; the sentence says why (the window shows it in its status bar).
    failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.last_seconds: float | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(HOUR_MS)
        self.timer.timeout.connect(self.run_in_background)
        self._worker: threading.Thread | None = None

    def start(self) -> None:
        """Take the first backup soon (not before the window shows) and then every hour."""
        if not self.timer.isActive():
            QTimer.singleShot(START_DELAY_MS, self, self.run_in_background)
            self.timer.start()

    def run_in_background(self) -> None:
        """`run` on a worker thread: copying a large database must not freeze the window (the
        copy reads the file over a connection of its own)."""
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(target=self.run, name="fieldlog-backup", daemon=True)
            self._worker.start()

    def run(self) -> Path | None:
        """Take today's backup if there is none yet; a failure is reported, never raised."""
        started = time.perf_counter()
        try:
            taken = take_daily_backup(self.db)
        except (OSError, ValueError, sqlite3.Error, DatabaseError) as exc:
            self.failed.emit(str(exc))
            return None
        self.last_seconds = time.perf_counter() - started
        return taken
