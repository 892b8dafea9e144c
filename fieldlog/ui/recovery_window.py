"""The screen shown instead of the main window when the database does not open or fails its
start-up check: what is wrong, the database's backups, Restore / Open another / Quit.

It works on files only (no connection is open while it shows); the app reopens the database
after a restore and brings this screen back, with the new message, if that fails too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.admin.backups import restore_backup
from fieldlog.store.backup import is_fieldlog_file
from fieldlog.store.errors import DatabaseError
from fieldlog.ui.dialogs.backups_dialog import BackupList

#: In the messages db.newer_schema and backup.newer_schema, in English and in Chinese (the
#: problem arrives as text in the user's language).
NEWER_MARKS = ("newer FieldLog", "更新版本的 FieldLog")
ERROR_STYLE = "color: #b3261e;"
QUIET_STYLE = "color: #5f6368;"


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    """`widget` with its objectName set (tests and accessibility find it by that)."""
    widget.setObjectName(name)
    return widget


class RecoveryWindow(QWidget):
    """What is wrong with the database, and the way back: a good backup or another file."""

    # A backup was restored over `path`; the app reopens it.
    restored = Signal(Path)
    # The user chose another database file.
    open_requested = Signal(str)

    def __init__(
        self,
        path: Path,
        problem: str,
        parent: QWidget | None = None,
        password: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryWindow")
        self.resize(760, 520)
        self.path = path
        #: The password the database was opened with (None: plain): its backups are checked
        #: and restored with it, and the restored file stays encrypted with it.
        self.password = password
        self.heading = _named(QLabel(), "recoveryHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.summary = _named(QLabel(), "recoverySummary")
        self.summary.setStyleSheet("font-size: 11pt;")
        self.summary.setWordWrap(True)
        self.detail = _named(QLabel(), "recoveryDetail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(QUIET_STYLE)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backups_label = _named(QLabel(), "backupsLabel")
        self.backup_list = BackupList(checked=True, parent=self, password=password)
        self.backup_list.itemSelectionChanged.connect(self._update_buttons)
        self.backup_list.itemActivated.connect(lambda *_: self.restore_selected())
        self.error = _named(QLabel(), "recoveryError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self._build_layout()
        self.set_problem(path, problem, password)

    def _build_layout(self) -> None:
        self.restore_button = _named(QPushButton(self.tr("&Restore this backup")), "restoreButton")
        self.open_button = _named(QPushButton(self.tr("&Open another database…")), "openButton")
        self.quit_button = _named(QPushButton(self.tr("&Quit")), "quitButton")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button.clicked.connect(self.open_other)
        self.quit_button.clicked.connect(self.close)
        note = QLabel(self.tr("Restoring keeps the current file as a backup too."))
        note.setStyleSheet(QUIET_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        for button in (self.restore_button, self.open_button, self.quit_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        for widget in (self.heading, self.summary, self.detail, self.backups_label):
            layout.addWidget(widget)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def set_problem(self, path: Path, problem: str, password: str | None = None) -> None:
        """Show what is wrong with `path` (opened with `password`, when encrypted) and list
        its backups again."""
        self.path = path
        self.password = self.backup_list.password = password
        self.setWindowTitle(self.tr("FieldLog — {name} cannot be opened").format(name=path.name))
        self.heading.setText(self.tr("FieldLog cannot open {name}").format(name=path.name))
        self.summary.setText(self._summary(path, problem))
        self.detail.setText(problem)
        self.backup_list.load(path)
        count = self.backup_list.topLevelItemCount()
        if count:
            text = self.tr("Backups of this database (newest first; %n found):", "", count)
        else:
            text = self.tr("There are no backups of this database.")
        self.backups_label.setText(text)
        self._update_buttons()
        self.backup_list.setFocus()

    def _summary(self, path: Path, problem: str) -> str:
        if any(mark in problem for mark in NEWER_MARKS):
            return self.tr(
                "This database was written by a newer version of FieldLog. Update FieldLog to "
                "open it, or restore an older backup."
            )
        if not path.exists() or path.stat().st_size == 0:
            return self.tr(
                "The database is missing or empty, but it has backups. Restore one, or open "
                "another database."
            )
        if path.exists() and not is_fieldlog_file(path, self.password):
            return self.tr("This file is not a FieldLog database.")
        return self.tr("The database is damaged and cannot be opened safely.")

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.backup_list.selected_path() is not None)

    def show_error(self, message: str) -> None:
        """One sentence under the list: why the last attempt did not work."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def restore_selected(self) -> None:
        """Restore the selected backup over the file; the app then reopens it."""
        source = self.backup_list.selected_path()
        if source is None:
            return
        try:
            restore_backup(self.path, source, self.password)
        except (ValueError, OSError, DatabaseError) as exc:  # a full disk, say: one sentence
            self.show_error(str(exc))
            return
        self.show_error("")
        self.restored.emit(self.path)

    def open_other(self) -> None:
        """Choose another database file."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open another database"),
            str(self.path.parent),
            self.tr("FieldLog databases (*.db *.sqlite);;All files (*)"),
        )
        if path:
            self.open_requested.emit(path)
