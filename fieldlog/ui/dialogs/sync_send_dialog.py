""" "Send my work": write a sync package of what this laptop has not sent yet, or of everything."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.file_kinds import megabytes
from fieldlog.services.exchange.sync import (
    ExportReport,
    export_package,
    suggested_file_name,
    unsent_count,
)
from fieldlog.store.database import Database
from fieldlog.ui import tasks
from fieldlog.ui.changes import Changes, Kind
from fieldlog.ui.file_dialogs import start_folder

#: The folder packages were last written to or read from (shared by Send and Receive).
FOLDER_KEY = "sync/folder"
SUFFIX = ".fieldsync"
ERROR_STYLE = "color: #b3261e;"
#: Sending marks the records sent (the Sync page counts those not sent yet).
SENT = Changes.of(Kind.SYNC)


def last_folder() -> Path:
    """Where the last package was written or read, else the Documents folder."""
    return start_folder(QSettings().value(FOLDER_KEY, ""))


def remember_folder(path: Path) -> None:
    """Propose this folder next time."""
    QSettings().setValue(FOLDER_KEY, str(path))


class SyncSendDialog(QDialog):
    """Shows what is unsent, lets the user pick "everything", then writes the package."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.report: ExportReport | None = None
        self.setObjectName("syncSendDialog")
        self.setWindowTitle(self.tr("Send my work"))
        unsent = unsent_count(db)
        self.unsent_label = QLabel(objectName="unsentLabel")
        self.unsent_label.setWordWrap(True)
        if unsent:
            text = self.tr(
                "%n record(s) changed or received here have not been sent yet.", "", unsent
            )
        else:
            text = self.tr("Everything on this laptop has been sent already.")
        self.unsent_label.setText(text)
        self.new_only = QRadioButton(self.tr("&Only what I have not sent yet"))
        self.new_only.setObjectName("sendNewOnly")
        self.everything = QRadioButton(self.tr("&Everything (for a new laptop)"))
        self.everything.setObjectName("sendEverything")
        (self.new_only if unsent else self.everything).setChecked(True)
        self.hint = QLabel(
            self.tr(
                "Give the file to the team leader (USB stick, shared folder or chat). It is "
                "encrypted with the team passphrase."
            ),
            objectName="sendHint",
        )
        self.hint.setWordWrap(True)
        self._build_result()
        self._lay_out()
        self.resize(520, self.sizeHint().height())

    def _build_result(self) -> None:
        self.error_label = QLabel(objectName="sendErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.result_label = QLabel(objectName="sendResultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.open_folder_button = QPushButton(
            self.tr("Open &folder"), objectName="openFolderButton"
        )
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        self.save_button = QPushButton(self.tr("&Save package…"), objectName="savePackageButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_package)
        self.close_button = QPushButton(self.tr("Close"), objectName="closeButton")
        self.close_button.clicked.connect(self._close)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for widget in (self.unsent_label, self.new_only, self.everything, self.hint):
            layout.addWidget(widget)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def full(self) -> bool:
        """Whether the package carries everything rather than what is new."""
        return self.everything.isChecked()

    def save_package(self) -> None:
        """Ask where to write the package (proposing the usual name), then write it."""
        proposed = last_folder() / suggested_file_name(self.db)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the sync package"),
            str(proposed),
            self.tr("FieldLog sync package (*.fieldsync)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        label = self.tr("Writing {file}…").format(file=target.name)
        outcome = tasks.run_task(
            self, label, export_package, self.db, target, full=self.full(), changes=SENT
        )
        if not outcome.ok or outcome.value is None:
            self.error_label.setText(outcome.error)
            self.error_label.show()
            return
        self._show_written(outcome.value)

    def _show_written(self, report: ExportReport) -> None:
        self.report = report
        remember_folder(report.path.parent)
        self.error_label.hide()
        what = self.tr("everything") if report.full else self.tr("your changes not sent before")
        text = self.tr("<b>Written:</b> {path}<br>%n record(s) ({what}).", "", report.rows)
        text = text.format(path=html.escape(str(report.path)), what=what)
        if report.files:
            files = self.tr("With %n attached file(s), {size}.", "", report.files)
            text += "<br>" + files.format(size=megabytes(report.file_bytes))
        if report.held:
            held = self.tr(
                "%n attachment(s) ({size}) did not fit in this package: they go with the next one.",
                "",
                report.held,
            )
            text += "<br>" + held.format(size=megabytes(report.held_bytes))
        self.result_label.setText(text)
        self.result_label.show()
        self.open_folder_button.show()
        self.save_button.setDefault(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def open_folder(self) -> None:
        """Show the folder of the package in the system's file manager."""
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.path.parent)))

    def _close(self) -> None:
        if self.report is not None:
            self.accept()
        else:
            self.reject()
