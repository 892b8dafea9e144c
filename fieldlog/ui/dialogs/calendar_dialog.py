"""File ▸ Export ▸ Follow-ups calendar: the open follow-ups of a scope and period saved as an
.ics file for the phone's calendar, and this week's as a one-page picture for a chat."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import cast

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldlog.services.team.identity import get_me
from fieldlog.services.visits import calendar_export, calendar_ics, week_list
from fieldlog.services.visits.follow_ups import SCOPES, Scope
from fieldlog.store.database import Database
from fieldlog.ui.dialogs.import_report_view import REJECTED_COLOUR
from fieldlog.ui.dialogs.written_file import FOLDER_KEY, WrittenFile
from fieldlog.ui.file_dialogs import start_folder
from fieldlog.ui.week_list_image import week_list_png
from fieldlog.ui.widgets.date_field import date_edit, day_of
from fieldlog.ui.window_dialogs import open_dialog


class CalendarDialog(QDialog):
    """Whose follow-ups and which days; save them as .ics, or this week's as a picture."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today or date.today()
        self.written: Path | None = None
        self.setObjectName("calendar_dialog")
        self.setWindowTitle(self.tr("Export the follow-ups"))
        self.scope_combo = QComboBox(objectName="calendar_scope_combo")
        for text, scope in zip(
            (self.tr("Mine"), self.tr("My group"), self.tr("Whole team")), SCOPES, strict=True
        ):
            self.scope_combo.addItem(text, scope)
        self._setup_scopes()
        end = self.today + timedelta(weeks=calendar_export.WEEKS_AHEAD)
        self.from_edit = date_edit("calendar_from_edit", self.today)
        self.to_edit = date_edit("calendar_to_edit", end)
        self._build_buttons()
        self._lay_out()

    def _setup_scopes(self) -> None:
        """As the Follow-ups page: Mine and My group need to know who uses this laptop."""
        self.me = get_me(self.db)
        model = self.scope_combo.model()
        assert isinstance(model, QStandardItemModel)
        for row in (0, 1):
            model.item(row).setEnabled(self.me is not None)
        self.scope_combo.setCurrentIndex(0 if self.me is not None else 2)

    def _build_buttons(self) -> None:
        self.hint = QLabel(
            self.tr(
                "One all-day event per follow-up, reminded at 09:00 the day before; overdue "
                "ones are put on today. Importing a newer file updates the events."
            )
        )
        self.hint.setWordWrap(True)
        self.error_label = QLabel(objectName="calendar_error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {REJECTED_COLOUR.name()};")
        self.error_label.hide()
        self.result_label = QLabel(objectName="calendar_result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.save_button = QPushButton(
            self.tr("&Save as calendar (.ics)…"), objectName="calendar_save_button"
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_calendar)
        self.week_button = QPushButton(
            self.tr("This &week's list (picture)…"), objectName="week_list_button"
        )
        self.week_button.clicked.connect(self.save_week_list)
        self.close_button = QPushButton(self.tr("Close"), objectName="calendar_close_button")
        self.close_button.clicked.connect(self.accept)

    def _lay_out(self) -> None:
        period = QHBoxLayout()
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.to_edit)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Whose:"), self.scope_combo)
        form.addRow(self.tr("Period:"), period)
        buttons = QHBoxLayout()
        buttons.addWidget(self.week_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        self.saver = WrittenFile(self, self.result_label, self.error_label)
        layout.addLayout(buttons)

    def whose(self) -> tuple[Scope, object]:
        """The scope chosen and the member it is counted from (None for the team)."""
        scope = cast(Scope, str(self.scope_combo.currentData()))
        return scope, self.me if scope != "team" else None

    def _ask(self, proposed: str, kind: str, suffix: str) -> Path | None:
        folder = start_folder(QSettings().value(FOLDER_KEY, ""))
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), str(folder / proposed), kind
        )
        if not chosen:
            return None
        target = Path(chosen)
        return target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)

    def save_calendar(self) -> None:
        """Ask where (proposing the usual name), then write the .ics file there."""
        scope, member = self.whose()
        first, last = day_of(self.from_edit), day_of(self.to_edit)
        try:
            calendar = calendar_export.gather(
                self.db, today=self.today, first=first, last=last, scope=scope, member_id=member
            )
        except ValueError as exc:
            self._show_error(str(exc))
            return
        target = self._ask(
            calendar_export.default_file_name(calendar), self.tr("Calendar (*.ics)"), ".ics"
        )
        if target is None:
            return
        self._write(
            target,
            lambda out: calendar_ics.export_calendar(
                self.db, out=out, first=first, last=last, scope=scope, member_id=member,
                today=self.today,
            ),
        )  # fmt: skip

    def save_week_list(self) -> None:
        """Ask where, then draw this week's follow-ups and save the picture there."""
        scope, member = self.whose()
        try:
            calendar = calendar_export.this_week(
                self.db, today=self.today, scope=scope, member_id=member
            )
        except ValueError as exc:  # this laptop's member deleted meanwhile
            self._show_error(str(exc))
            return
        png = week_list_png(week_list.week_list(calendar))
        target = self._ask(week_list.file_name(calendar), self.tr("PNG image (*.png)"), ".png")
        if target is not None:
            self._write(target, lambda out: week_list.save_image(self.db, out=out, png=png))

    def _write(self, target: Path, write: Callable[[Path], Path]) -> None:
        written_now = self.saver.write(target, write)
        if written_now is not None:
            self.written = written_now

    def _show_error(self, message: str) -> None:
        self.saver.show_error(message)


def open_calendar(parent: QWidget, db: Database) -> QDialog:
    """File ▸ Export ▸ Follow-ups calendar: the dialog, window-modal, freed when closed."""
    return open_dialog(CalendarDialog(db, parent))
