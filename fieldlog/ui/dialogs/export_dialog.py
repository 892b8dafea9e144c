"""Exporting a workbook from the window: the weekly return, the ledger, the directory or the
visits of a period (SPEC §4.1, §4.2), written where the user chooses."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldlog.domain.period import IsoWeek, Period, weeks_in_year
from fieldlog.services.reports import exports, report_sheets, weekly
from fieldlog.services.team.team import current_team
from fieldlog.store.database import Database
from fieldlog.ui import tasks
from fieldlog.ui.dialogs.import_report_view import REJECTED_COLOUR
from fieldlog.ui.dialogs.written_file import FOLDER_KEY
from fieldlog.ui.file_dialogs import start_folder
from fieldlog.ui.widgets.date_field import date_edit, day_of

What = Literal["weekly", "ledger", "orgs", "visits"]


def default_week(today: date, dispatch_end: date | None) -> IsoWeek:
    """The last complete week, or the dispatch's last week once the dispatch is over."""
    if dispatch_end is not None and dispatch_end < today:
        return IsoWeek.of(dispatch_end)
    return IsoWeek.of(today).previous()


def default_file_name(what: What, team: str, today: date, week: IsoWeek, period: Period) -> str:
    """The name the export service gives the file."""
    return report_sheets.default_file_name(what, team, today=today, week=week, period=period)


class ExportDialog(QDialog):
    """Choose what to export, then where; shows the file written with "Open folder"."""

    def __init__(self, db: Database, what: What = "weekly", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if what not in ("weekly", "ledger", "orgs", "visits"):
            raise ValueError(f"unknown export {what!r}")
        self.db, self.what = db, what
        self.written: Path | None = None
        self.today = date.today()
        team = current_team(db)
        self.team_name = team.name if team else ""
        self.dispatch_start = team.dispatch_start if team else None
        self.setObjectName("exportDialog")
        self.setWindowTitle(self._title())
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self._build_common()
        if what == "weekly":
            self._build_weekly(default_week(self.today, team.dispatch_end if team else None))
        elif what == "visits":
            first = self.today.replace(day=1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            self.from_date = date_edit("fromDate", first)
            self.to_date = date_edit("toDate", last)
            self.form.addRow(self.tr("&From:"), self.from_date)
            self.form.addRow(self.tr("&To:"), self.to_date)
        self._lay_out()
        self.resize(560, self.sizeHint().height())

    def _title(self) -> str:
        titles = {
            "weekly": self.tr("Export the weekly return"),
            "ledger": self.tr("Export the project ledger"),
            "orgs": self.tr("Export the organization directory"),
            "visits": self.tr("Export visits"),
        }
        return titles[self.what]

    def _description(self) -> str:
        texts = {
            "weekly": self.tr(
                "The weekly return for the home bureau: the summary with this week's, this "
                "month's and cumulative figures, the week's visits, the ledger and funds in place."
            ),
            "ledger": self.tr("Every project that has not been dropped, with its figures."),
            "orgs": self.tr("Every organization, targets first, with its contacts."),
            "visits": self.tr("The visits dated in the chosen period, one per row."),
        }
        return texts[self.what]

    def _build_common(self) -> None:
        self.description = QLabel(self._description(), objectName="exportDescription")
        self.description.setWordWrap(True)
        self.error_label = QLabel(objectName="exportErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {REJECTED_COLOUR.name()};")
        self.error_label.hide()
        self.result_label = QLabel(objectName="exportResultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(
            self.tr("Open &folder"), objectName="openFolderButton"
        )
        self.open_folder_button.clicked.connect(self.open_folder)
        self.run_button = QPushButton(self.tr("&Export…"), objectName="runExportButton")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run_export)
        self.close_button = QPushButton(self.tr("Close"), objectName="closeButton")
        self.close_button.clicked.connect(self._close)

    def _build_weekly(self, week: IsoWeek) -> None:
        self.year_spin = QSpinBox(objectName="weekYearSpin", minimum=1990, maximum=2100)
        self.year_spin.setAccessibleName(self.tr("Year"))
        self.week_spin = QSpinBox(objectName="weekNumberSpin", minimum=1, maximum=53)
        self.week_spin.setAccessibleName(self.tr("Week"))
        self.week_spin.setWrapping(False)
        self.range_label = QLabel(objectName="weekRangeLabel")
        self.year_spin.setValue(week.year)
        self.week_spin.setMaximum(weeks_in_year(week.year))
        self.week_spin.setValue(week.week)
        self.year_spin.valueChanged.connect(self._on_week_changed)
        self.week_spin.valueChanged.connect(self._on_week_changed)
        picker = QHBoxLayout()
        for text, widget in (
            (self.tr("&Year"), self.year_spin),
            (self.tr("&Week"), self.week_spin),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            picker.addWidget(label)
            picker.addWidget(widget)
        picker.addWidget(self.range_label, 1)
        self.form.addRow(self.tr("ISO week:"), picker)
        start = self.dispatch_start or week.sunday.replace(month=1, day=1)
        self.since_check = QCheckBox(self.tr("Cumulative &since:"), objectName="sinceCheck")
        self.since_date = date_edit("sinceDate", start)
        self.since_date.setEnabled(False)
        self.since_check.toggled.connect(self.since_date.setEnabled)
        self.since_hint = QLabel(objectName="sinceHint")
        since = QHBoxLayout()
        since.addWidget(self.since_date)
        since.addWidget(self.since_hint, 1)
        self.form.addRow(self.since_check, since)
        self._on_week_changed()

    def _lay_out(self) -> None:
        result = QHBoxLayout()
        result.addWidget(self.result_label, 1)
        result.addWidget(self.open_folder_button)
        self.result_box = QWidget(objectName="exportResult")
        self.result_box.setLayout(result)
        self.result_box.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.description)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_box)
        layout.addStretch(1)
        layout.addLayout(buttons)

    # --- the request --------------------------------------------------------------------------

    def week(self) -> IsoWeek:
        """The ISO week chosen for the weekly return."""
        return IsoWeek(self.year_spin.value(), self.week_spin.value())

    def _on_week_changed(self) -> None:
        self.week_spin.setMaximum(weeks_in_year(self.year_spin.value()))
        week = self.week()
        self.range_label.setText(
            self.tr("{week}: {monday} – {sunday}").format(
                week=week, monday=week.monday.isoformat(), sunday=week.sunday.isoformat()
            )
        )
        if self.dispatch_start is not None:
            hint = self.tr("Otherwise from the dispatch start, {day}.")
            start = self.dispatch_start
        else:
            hint = self.tr("Otherwise from 1 January, {day}.")
            start = week.sunday.replace(month=1, day=1)
        self.since_hint.setText(hint.format(day=start.isoformat()))

    def period(self) -> Period:
        """The period of the visits export (InvalidPeriod when it ends before it starts)."""
        return Period(day_of(self.from_date), day_of(self.to_date))

    def _request(self) -> tuple[str, Callable[[Path], Path]]:
        """The proposed file name and the call that writes the file to a path."""
        week = self.week() if self.what == "weekly" else IsoWeek.of(self.today)
        period = self.period() if self.what == "visits" else Period.all_time()
        name = default_file_name(self.what, self.team_name, self.today, week, period)
        if self.what == "weekly":
            since = day_of(self.since_date) if self.since_check.isChecked() else None
            return name, lambda out: weekly.export_weekly(self.db, week, since=since, out=out)
        if self.what == "visits":
            return name, lambda out: exports.export_visits(self.db, period, out=out)
        if self.what == "ledger":
            return name, lambda out: exports.export_ledger(self.db, out=out)
        return name, lambda out: exports.export_orgs(self.db, out=out)

    # --- running it ---------------------------------------------------------------------------

    def _folder(self) -> Path:
        return start_folder(QSettings().value(FOLDER_KEY, ""))

    def run_export(self) -> None:
        """Ask where to write the file (proposing the usual name), then write it."""
        try:
            name, write = self._request()
        except ValueError as exc:
            self._show_error(str(exc))
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, self._title(), str(self._folder() / name), self.tr("Excel workbook (*.xlsx)")
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(f"{target.name}.xlsx")
        label = self.tr("Writing {file}…").format(file=target.name)
        outcome = tasks.run_task(self, label, write, target)
        if not outcome.ok or outcome.value is None:
            self._show_error(outcome.error)
            return
        self._show_written(outcome.value)

    def _show_written(self, path: Path) -> None:
        self.written = path
        QSettings().setValue(FOLDER_KEY, str(path.parent))
        self._show_error("")
        written = self.tr("<b>Written:</b> {path}").format(path=html.escape(str(path)))
        self.result_label.setText(written)
        self.result_box.show()
        self.close_button.setDefault(True)
        self.open_folder_button.setFocus()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        if message:
            self.result_box.hide()

    def open_folder(self) -> None:
        """Show the folder of the file just written in the system's file manager."""
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    def _close(self) -> None:
        if self.written is not None:
            self.accept()
        else:
            self.reject()
