"""What the main window opens over itself: a visit or a project, the demo, the About box.

Functions of the window and its database, so the window keeps to its pages and actions. Their
texts keep the window's translation context ("MainWindow").
"""

from __future__ import annotations

import html
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from fieldlog import __version__
from fieldlog.store.database import Database
from fieldlog.store.location import default_db_path
from fieldlog.ui import operations
from fieldlog.ui.changes import EVERYTHING

STATUS_TIMEOUT_MS = 10_000


def open_dialog(dialog: QDialog) -> QDialog:
    """Show a window-modal dialog that frees itself when closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_visit(window: QWidget, db: Database, visit_id: uuid.UUID | None) -> QDialog | None:
    """The visit entry dialog: a new visit (no `visit_id`) or a visit to edit; None, after
    saying why, when the visit was deleted meanwhile (on another page, or by an import)."""
    from fieldlog.ui.dialogs.visit_dialog import VisitDialog

    try:
        dialog = VisitDialog(db, window, visit_id=visit_id)
    except ValueError as exc:
        title = QCoreApplication.translate("MainWindow", "Edit visit")
        QMessageBox.warning(window, title, str(exc))
        return None
    return open_dialog(dialog)


def open_project(window: QWidget, db: Database, project_id: uuid.UUID) -> QDialog | None:
    """The project's detail: fields, stage history, funds in place, linked visits; None, after
    saying why, when the project was deleted meanwhile."""
    from fieldlog.ui.dialogs.project_dialog import open_project_dialog

    try:
        return open_project_dialog(db, project_id, window)
    except ValueError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("MainWindow", "Project"), str(exc))
        return None


class AboutDialog(QDialog):
    """Help ▸ About FieldLog: the version, the database and the per-user data folder, which is
    what someone helping a cadre (by phone, or looking for a backup) asks first. The values can
    be selected and copied."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About FieldLog"))
        summary = QLabel(
            self.tr(
                "An offline logbook for investment-promotion teams dispatched to another "
                "city: visits, leads, projects, funds in place and the weekly return."
            )
        )
        summary.setWordWrap(True)
        # A file's full path; a server's URL without its password (store.location.describe).
        database = str(db.path) if db.path is not None else db.name
        form = QFormLayout()
        form.addRow(self.tr("Version:"), _value("aboutVersion", __version__))
        form.addRow(self.tr("Database:"), _value("aboutDatabase", database))
        form.addRow(self.tr("Data folder:"), _value("aboutDataFolder", str(data_folder())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = self.tr("FieldLog {version}").format(version=__version__)
        layout.addWidget(QLabel(f"<h3>{html.escape(heading)}</h3>", objectName="aboutHeading"))
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(buttons)


def _value(name: str, text: str) -> QLabel:
    label = QLabel(text, objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a path is shown as it is, never as markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def data_folder() -> Path:
    """The per-user data folder: the default database and its backups live there."""
    return default_db_path().parent


def show_about(window: QWidget, db: Database) -> QDialog:
    """Help ▸ About FieldLog."""
    return open_dialog(AboutDialog(db, window))


def _load_demo(db: Database) -> object:
    # Imported on use: the demo builder is large and only needed when someone asks for it.
    from fieldlog.services.admin.demo import load_demo

    return load_demo(db)


def load_demo(window: QMainWindow, db: Database) -> None:
    """Load the demo dispatch into `db` (refused once it holds work); the window's status bar
    says what was loaded."""
    translate = QCoreApplication.translate
    window.statusBar().showMessage(translate("MainWindow", "Loading the demo dispatch…"))
    summary = operations.run(window, EVERYTHING, _load_demo, db)
    if summary is None:
        window.statusBar().clearMessage()
        return
    window.statusBar().showMessage(demo_loaded(summary), STATUS_TIMEOUT_MS)


def demo_loaded(summary: object) -> str:
    """What the status bar says once the demo is loaded."""
    message = QCoreApplication.translate(
        "MainWindow",
        "Demo dispatch loaded: {members} members, {orgs} organizations, "
        "{visits} visits, {projects} projects.",
    )
    return message.format(
        members=getattr(summary, "members", "?"),
        orgs=getattr(summary, "organizations", "?"),
        visits=getattr(summary, "visits", "?"),
        projects=getattr(summary, "projects", "?"),
    )


def load_demo_quietly(db: Database) -> str | None:
    """Load the demo into `db` before any window shows it (the first start that encrypted the
    database first): the status bar's sentence, or None after a box saying why it failed."""
    from fieldlog.ui.tasks import run_task

    label = QCoreApplication.translate("MainWindow", "Loading the demo dispatch…")
    outcome = run_task(None, label, _load_demo, db)
    if not outcome.ok:
        QMessageBox.warning(
            None, QCoreApplication.translate("MainWindow", "Load demo data"), outcome.error
        )
        return None
    return demo_loaded(outcome.value)


def confirm_load_demo(window: QMainWindow, db: Database) -> None:
    """Ask before filling `db` with the demo dispatch; a database holding work is refused at
    once, without asking."""
    from fieldlog.services.admin.demo import demo_refusal

    translate = QCoreApplication.translate
    title = translate("MainWindow", "Load demo data")
    reason = demo_refusal(db)
    if reason is not None:
        QMessageBox.warning(window, title, reason)
        return
    question = translate(
        "MainWindow",
        "Load the demo dispatch (a 24-cadre team stationed in Shenzhen, with its visits "
        "and projects) into {name}?\n\nThis is possible only while the database holds "
        "no organizations, visits, projects, members or team.",
    )
    answer = QMessageBox.question(window, title, question.format(name=db.name))
    if answer == QMessageBox.StandardButton.Yes:
        load_demo(window, db)
